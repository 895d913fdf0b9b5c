"""python manage.py find_duplicates: offer editors the actors whose names look alike."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from entities import services
from entities.models import PossibleDuplicate


class Command(BaseCommand):
    help = (
        "Compare every live actor with the others of its kind (rapidfuzz) and store the likely "
        "duplicates for editors (actor pages, review queue). Pairs found before or dismissed "
        "stay as they are; extraction does the same for each new actor as it stores it."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        new = services.possible_duplicates_find()
        open_pairs = PossibleDuplicate.objects.filter(dismissed=False).count()
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"{new} new possible duplicates ({open_pairs} open in all) in {seconds:.1f} s"
            )
        )
