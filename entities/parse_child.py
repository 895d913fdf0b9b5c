"""Parsing an uploaded PDF or HTML page in a child process under hard limits.

Run by entities.services.parsing as `python -I parse_child.py KIND MEMORY_BYTES CPU_SECONDS`
with the input on stdin; writes one JSON object on stdout. It imports nothing from Django:
it must start fast and hold nothing of the web process. The limits are set here, in the
child itself, before the input is read: a parser that loops or swells is stopped by the
kernel (CPU time, address space) and, on the wall clock, by the parent's timeout.
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path


def _limit(memory: int, cpu: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def pdf(data: bytes) -> dict:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        return {"pages": [page.extract_text() or "" for page in reader.pages]}
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        return {"error": str(exc)}


def html(data: bytes) -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # -I left the project out
    from entities.nlp.clean import clean_html

    cleaned = clean_html(data.decode("utf-8"))
    meta = cleaned.metadata
    return {
        "title": cleaned.title,
        "body": cleaned.body,
        "url": meta.url,
        "publisher": meta.publisher,
        "published": meta.published.isoformat() if meta.published else None,
        "authors": list(meta.authors),
    }


def main() -> None:
    kind, memory, cpu = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    _limit(memory, cpu)
    data = sys.stdin.buffer.read()
    result = {"pdf": pdf, "html": html}[kind](data)
    sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    main()
