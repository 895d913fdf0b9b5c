"""Words per second of bare spaCy and of the whole extraction, on the PolNeAR dev texts.

Bare: `nlp.pipe` over the raw texts (same model, same components, same batch size).
Whole: cleaning + `nlp.pipe` + actor and statement rules, as `entities.nlp.extract_many` runs.
Rules only: actors + statements on docs already parsed, to show what the rules cost alone.
Each figure is the best of --repeat runs, alternating, after a warm-up.

Run: .venv/bin/python bench/extract_throughput.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))

from bench._common import machine, peak_rss_mb, polnear_records
from entities.nlp import load
from entities.nlp.actors import find_actors
from entities.nlp.extractor import extract_many
from entities.nlp.pipeline import BATCH_SIZE
from entities.nlp.statements import find_statements


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [r["text"] for r in polnear_records()]
    words = sum(len(t.split()) for t in texts)
    nlp = load()
    list(nlp.pipe(texts[:8], batch_size=BATCH_SIZE))  # warm-up

    bare, whole, rules = [], [], []
    docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    for _ in range(args.repeat):
        bare.append(timed(lambda: list(nlp.pipe(texts, batch_size=BATCH_SIZE))))
        whole.append(timed(lambda: list(extract_many(texts, nlp))))
        rules.append(timed(lambda: [find_statements(d, find_actors(d)) for d in docs]))
    b, w, r = min(bare), min(whole), min(rules)
    print(f"machine: {machine()}; {len(texts)} documents, {words:,} words; best of {args.repeat}")
    print(f"{'':28}{'seconds':>10}{'words/s':>12}")
    print(f"{'bare nlp.pipe':28}{b:>10.2f}{words / b:>12,.0f}")
    print(f"{'whole extraction':28}{w:>10.2f}{words / w:>12,.0f}")
    print(f"{'rules alone (parsed docs)':28}{r:>10.2f}{words / r:>12,.0f}")
    print(f"whole / bare speed ratio: {b / w:.3f} (target >= 0.90)")
    print(f"peak memory (RSS): {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
