"""python manage.py summaries_rebuild: recompute the counts actor pages, pairs, the relations
matrix and the network read (entities.services.summaries)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from entities import services


class Command(BaseCommand):
    help = (
        "Recompute the summaries (counts per actor, pair of actors and pair of countries, by "
        "month) from the statements. Writes keep them in step; run this after a bulk load that "
        "bypassed the services, a restore, or a change of TIME_ZONE. With --check, only say "
        "how many counts disagree with the statements (exit status 1 if any)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Compare, do not rebuild.")

    def handle(self, *args, check: bool = False, **options):
        started = time.perf_counter()
        if check:
            differences = services.summaries_differences()
            seconds = time.perf_counter() - started
            report = ", ".join(f"{name} {n}" for name, n in differences.items())
            if any(differences.values()):
                raise CommandError(f"summaries out of step: {report} ({seconds:.1f} s)")
            self.stdout.write(self.style.SUCCESS(f"summaries in step ({seconds:.1f} s)"))
            return
        made = services.summaries_rebuild()
        seconds = time.perf_counter() - started
        report = ", ".join(f"{name} {n:,}" for name, n in made.items())
        self.stdout.write(self.style.SUCCESS(f"rebuilt in {seconds:.1f} s: {report} rows"))
