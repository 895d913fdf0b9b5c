"""Our extractor against textacy's direct_quotations, same spaCy model, on PolNeAR dev.

Both are scored by ../shared/eval/score_quotes.py: direct quotes (--kinds direct) and all
kinds. textacy gives up on a document whose quotation marks do not pair up; such documents
count as predicting nothing, and the table says how many there were.

Run: make bench  (or .venv/bin/python bench/quotes_vs_textacy.py, with textacy installed)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import SCORER, machine, polnear_records
from entities.nlp import load
from entities.nlp.__main__ import prediction
from entities.nlp.clean import clean
from entities.nlp.extractor import extract_clean


def ours(records: list[dict], nlp) -> tuple[list[dict], float]:
    start = time.perf_counter()
    texts = [clean(r["text"]) for r in records]
    out = [
        prediction(r["id"], r["text"], t, res)
        for r, t, res in zip(records, texts, extract_clean(texts, nlp), strict=True)
    ]
    return out, time.perf_counter() - start


def textacy_quotes(records: list[dict], nlp) -> tuple[list[dict], float, int]:
    from textacy.extract import direct_quotations

    start = time.perf_counter()
    out, bailed = [], 0
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        quotes = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # unpaired quotation marks: textacy refuses the document
            triples, bailed = [], bailed + 1
        for t in triples:
            speaker = t.speaker[0] if t.speaker else None
            quotes.append(
                {
                    "quote": t.content.text,
                    "quote_start": t.content.start_char,
                    "quote_end": t.content.end_char,
                    "speaker": speaker.text if speaker is not None else None,
                    "speaker_start": speaker.idx if speaker is not None else None,
                    "speaker_end": speaker.idx + len(speaker) if speaker is not None else None,
                    "kind": "direct",
                }
            )
        out.append({"id": record["id"], "quotes": quotes})
    return out, time.perf_counter() - start, bailed


def score(gold: Path, predictions: list[dict], kinds: str | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        pred_path, json_path = Path(tmp) / "pred.jsonl", Path(tmp) / "score.json"
        pred_path.write_text("".join(json.dumps(p) + "\n" for p in predictions))
        cmd = [sys.executable, str(SCORER), str(gold), str(pred_path), "--json-out", str(json_path)]
        if kinds:
            cmd += ["--kinds", kinds]
        subprocess.run(cmd, check=True, capture_output=True)
        return json.loads(json_path.read_text())


def main() -> None:
    from bench._common import POLNEAR_DEV

    records = polnear_records()
    nlp = load()
    list(nlp.pipe(r["text"] for r in records[:4]))  # warm-up
    mine, t_mine = ours(records, nlp)
    theirs, t_theirs, bailed = textacy_quotes(records, nlp)
    rows = []
    for name, preds, seconds in (("newsapp", mine, t_mine), ("textacy 0.13", theirs, t_theirs)):
        d, a = score(POLNEAR_DEV, preds, "direct"), score(POLNEAR_DEV, preds, None)
        rows.append((name, d, a, len(records) / seconds))
    print(f"machine: {machine()}; PolNeAR dev, {len(records)} documents; model {nlp.meta['name']}")
    print(f"textacy refused {bailed} documents with unpaired quotation marks")
    head = (
        f"{'':14}{'direct P':>9}{'R':>7}{'F1':>7}{'cov F1':>8}{'speaker':>9}"
        f"{'all P':>8}{'R':>7}{'F1':>7}{'speaker':>9}{'docs/s':>8}"
    )
    print(head)
    for name, d, a, rate in rows:
        q, c, aq = d["quote"], d["coverage_view"]["quote"], a["quote"]
        print(
            f"{name:14}{q['precision']:>9.3f}{q['recall']:>7.3f}{q['f1']:>7.3f}{c['f1']:>8.3f}"
            f"{d['speaker_accuracy_on_matched'] or 0:>9.3f}{aq['precision']:>8.3f}"
            f"{aq['recall']:>7.3f}{aq['f1']:>7.3f}{a['speaker_accuracy_on_matched'] or 0:>9.3f}"
            f"{rate:>8.1f}"
        )


if __name__ == "__main__":
    main()
