"""python manage.py requeue_stale [--older-than SECONDS]: the sweeper, by hand."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from entities import services


class Command(BaseCommand):
    help = (
        "Send again the articles the workers will never see: queued ones the broker never "
        "accepted, and those stuck queued or processing longer than the threshold."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.NEWSAPP_STALE_AFTER,
            metavar="SECONDS",
            help="how long counts as stuck (default NEWSAPP_STALE_AFTER, %(default)s)",
        )

    def handle(self, *args, older_than, **options):
        ids = services.articles_requeue_stale(older_than=older_than)
        self.stdout.write(self.style.SUCCESS(f"{len(ids)} stale articles sent to the workers"))
        if ids:
            self.stdout.write("ids: " + " ".join(map(str, ids)))
