"""Time to turn an uploaded PDF into an article's text (issue 14, clean ingest).

Writes PDFs of --pages pages (a browser print: a time stamp header, a file:/// footer, 45 full
lines a page with words hyphenated at line ends) with pypdf, then times, in this process:
- the cleaning alone (entities.nlp.pdftext.pdf_text: headers, footers, hyphens, paragraphs),
- the whole read of an upload (entities.services.article_text_from_upload: the bounded child
  process that parses the PDF, then the cleaning), the figure an uploader waits for,
and the one-off load of the word list (the spaCy model's string store) per process.

Run: .venv/bin/python bench/pdf_ingest.py [--pages 5 20 100]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsapp.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from bench._common import machine  # noqa: E402
from entities import services  # noqa: E402
from entities.nlp.pdftext import pdf_text  # noqa: E402
from entities.nlp.words import vocabulary  # noqa: E402
from tests.helpers import make_pdf  # noqa: E402

LINES = [
    "MOSCOW, Nov. 29 (Reuters) - Kremlin spokesman Dmitry Peskov said on Friday that the inter-",
    "national talks in Geneva had been useful and that Russia was ready for a long-",
    "term agreement on the exchange of prisoners, adding that the two sides would",
]


def _pages(n: int) -> list[list[str]]:
    return [
        ["11/29/26, 7:06 PM Russia says talks useful | Example News"]
        + [LINES[i % 3] for i in range(45)]
        + [f"file:///C:/Users/ana/story.html {page}/{n}"]
        for page in range(1, n + 1)
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, nargs="+", default=[5, 20, 100])
    args = parser.parse_args()
    print(f"machine: {machine()}")
    started = time.perf_counter()
    words = vocabulary(settings.SPACY_MODEL)
    print(f"word list: {len(words):,} words loaded in {time.perf_counter() - started:.3f} s")
    for n in args.pages:
        pages = _pages(n)
        data = make_pdf(pages)
        texts = ["\n".join(p) for p in pages]
        started = time.perf_counter()
        text = pdf_text(texts, words=words)
        cleaning = time.perf_counter() - started
        started = time.perf_counter()
        services.article_text_from_upload(name="story.pdf", data=data)
        whole = time.perf_counter() - started
        print(
            f"{n:>4} pages ({len(data) / 1024:,.0f} KB PDF, {len(text):,} characters of text): "
            f"cleaning {cleaning * 1000:,.1f} ms, whole read {whole:.2f} s"
        )


if __name__ == "__main__":
    main()
