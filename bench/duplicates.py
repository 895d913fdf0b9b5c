"""Possible duplicate actors by name likeness (services/duplicates.py, rapidfuzz): which pairs it
offers among the actors extraction finds in real articles, and how long it takes at scale.

1. Runs extraction (no database) over the PolNeAR dev texts, the geo-dev texts and seeds/,
   collects the actors' names by kind, and prints every pair offered, so that a person reads
   them and counts the wrong ones.
2. Times the whole table (manage.py find_duplicates) and one new actor against the table
   (what extraction does per new actor) on --people synthetic people made of the real given
   names and surnames, plus the organisations found, repeated with spelling noise.

Run: .venv/bin/python bench/duplicates.py [--people 20000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench._common import EVAL, ROOT, machine, polnear_records


def _texts() -> list[str]:
    texts = [r["text"] for r in polnear_records()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((EVAL / "geo-dev").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20_000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsapp.settings")
    import django

    django.setup()
    from entities.nlp import extractor, pipeline
    from entities.services.duplicates import name_pairs

    nlp = pipeline.load()
    texts = _texts()
    started = time.perf_counter()
    names: dict[str, set[str]] = defaultdict(set)
    for result in extractor.extract_many(texts, nlp):
        for actor in result.actors:
            names[actor.kind].add(actor.name)
    print(f"# {machine()}; {len(texts)} texts extracted in {time.perf_counter() - started:.0f} s")
    for kind, found in sorted(names.items()):
        listed = sorted(found)
        pairs = name_pairs(kind, listed)
        print(f"\n## {kind}: {len(listed)} names, {len(pairs)} pairs offered")
        for (i, j), reason in sorted(pairs.items()):
            print(f"  {listed[i]!r} / {listed[j]!r}: {reason}")

    rng = random.Random(7)  # noqa: S311 - data, not secrets
    people = sorted(names["person"])
    given = [p.split()[0] for p in people if len(p.split()) >= 2]
    family = [p.split()[-1] for p in people if len(p.split()) >= 2]
    table = sorted({f"{rng.choice(given)} {rng.choice(family)}" for _ in range(args.people)})
    started = time.perf_counter()
    pairs = name_pairs("person", table)
    whole = time.perf_counter() - started
    new = [f"{rng.choice(given)} {rng.choice(family)}" for _ in range(200)]
    started = time.perf_counter()
    name_pairs("person", table, new=new)
    each = (time.perf_counter() - started) / len(new)
    print(f"\n## scale: {len(table)} people")
    print(f"whole table: {whole:.1f} s, {len(pairs)} pairs offered")
    print(f"one new person against the table: {each * 1000:.1f} ms")


if __name__ == "__main__":
    main()
