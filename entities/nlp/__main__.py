"""Command line: `python -m entities.nlp predict IN.jsonl OUT.jsonl [--model NAME]
[--kinds direct,mixed]`.

Reads records with `id` and `text`, writes one prediction per record in the format of
shared/eval/README.md, with offsets mapped back into each record's text as given. `--kinds`
keeps only statements of those kinds (all three by default): a direct-quote evaluation can be
given the direct quotes alone.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator

from . import pipeline
from .clean import clean
from .extractor import extract_clean
from .types import STATEMENT_KINDS, CleanText, ExtractionResult


def _records(path: str) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def prediction(
    record_id: str,
    raw: str,
    text: CleanText,
    result: ExtractionResult,
    kinds: tuple[str, ...] = STATEMENT_KINDS,
) -> dict:
    locate = _Locator(raw, text)
    quotes = []
    for s in result.statements:
        if s.kind not in kinds:
            continue
        where = locate.in_title if s.in_title else locate
        quote_start, quote_end = where(s.content_start, s.content_end)
        speaker_start, speaker_end = where(s.speaker_start, s.speaker_end)
        extra = {"fragments": [list(where(a, b)) for a, b in s.fragments]} if s.fragments else {}
        quotes.append(
            {
                **extra,
                "quote": s.content,
                "quote_start": quote_start,
                "quote_end": quote_end,
                "speaker": s.speaker_text or None,
                "speaker_start": speaker_start,
                "speaker_end": speaker_end,
                "speaker_actor": s.speaker,
                "cue": s.cue,
                "cue_class": s.cue_class,
                "kind": s.kind,
                "about": sorted({t.actor for t in s.targets}),
                "stance": {t.actor: t.stance for t in s.targets},
                "confidence": s.confidence,
            }
        )
    actors = [
        {"name": a.name, "kind": a.kind, "country": a.country, "aliases": list(a.aliases)}
        for a in result.actors
    ]
    return {"id": record_id, "quotes": quotes, "actors": actors}


class _Locator:
    """Body (or title) offsets -> offsets into the raw input.

    Plain text carries an exact map from cleaning; for HTML, whose text trafilatura rebuilt,
    each piece is searched for in the page as written, in order.
    """

    def __init__(self, raw: str, text: CleanText) -> None:
        self.raw = raw
        self.text = text
        self.cursor = 0

    def in_title(self, start: int, end: int) -> tuple[int, int]:
        """Title offsets -> raw offsets: the title is the first place the raw input writes it."""
        found = self.raw.find(self.text.title) if self.text.title else -1
        if found < 0:
            return -1, -1
        return found + start, found + end

    def __call__(self, start: int, end: int) -> tuple[int, int]:
        if self.text.source_offsets:
            return self.text.to_source(start), self.text.to_source(end)
        piece = self.text.body[start:end]
        found = self.raw.find(piece, self.cursor)
        if found < 0:
            found = self.raw.find(piece)
        if found < 0 or not piece:
            return -1, -1
        return found, found + len(piece)


def predict(
    in_path: str, out_path: str, model: str, kinds: tuple[str, ...] = STATEMENT_KINDS
) -> int:
    nlp = pipeline.load(model)
    records = list(_records(in_path))
    texts = [clean(r["text"]) for r in records]
    count = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for record, text, result in zip(records, texts, extract_clean(texts, nlp), strict=True):
            out.write(
                json.dumps(
                    prediction(record["id"], record["text"], text, result, kinds),
                    ensure_ascii=False,
                )
                + "\n"
            )
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m entities.nlp")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("predict", help="write predictions for a JSONL file of {id, text}")
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--model", default=os.environ.get("SPACY_MODEL", pipeline.DEFAULT_MODEL))
    p.add_argument(
        "--kinds",
        default=",".join(STATEMENT_KINDS),
        help="comma list of statement kinds to write (direct,mixed,indirect); default all",
    )
    args = parser.parse_args(argv)
    kinds = tuple(k.strip() for k in args.kinds.split(",") if k.strip())
    unknown = sorted(set(kinds) - set(STATEMENT_KINDS))
    if unknown or not kinds:
        parser.error(
            f"--kinds takes {', '.join(STATEMENT_KINDS)}; not {', '.join(unknown) or 'nothing'}"
        )
    try:
        count = predict(args.input, args.output, args.model, kinds)
    except pipeline.ModelNotInstalledError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"wrote {count} predictions to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
