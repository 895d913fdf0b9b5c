"""python manage.py reprocess [--failed] [--all] [--older-than-pipeline VERSION] [ID ...]"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from entities import services


class Command(BaseCommand):
    help = (
        "Queue articles for extraction again. Their current mentions and statements stay until "
        "the new extraction replaces them."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="article ids")
        parser.add_argument("--failed", action="store_true", help="every failed article")
        parser.add_argument("--all", action="store_true", dest="every", help="every article")
        parser.add_argument(
            "--older-than-pipeline",
            default="",
            metavar="VERSION",
            help="articles extracted by a pipeline older than VERSION (or never extracted)",
        )

    def handle(self, *args, ids, failed, every, older_than_pipeline, **options):
        if not (ids or failed or every or older_than_pipeline):
            raise CommandError("say which articles: ids, --failed, --all or --older-than-pipeline")
        queued = services.articles_reprocess(
            ids=ids, failed=failed, every=every, older_than_pipeline=older_than_pipeline
        )
        self.stdout.write(self.style.SUCCESS(f"{len(queued)} articles queued for extraction"))
