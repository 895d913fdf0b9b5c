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
    """Each page's text, the document's metadata (title, creation date, producing program)
    and the text set in the largest font on its first page (its heading)."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        runs: list[tuple[float, str]] = []

        def visit(text, cm, tm, font_dict, font_size) -> None:
            if text.strip():
                scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
                runs.append((round(float(font_size or 0) * scale, 1), text))

        pages = []
        for number, page in enumerate(reader.pages):
            pages.append(page.extract_text(visitor_text=visit if number == 0 else None) or "")
        meta = reader.metadata or {}
        created = getattr(reader.metadata, "creation_date", None) if reader.metadata else None
        return {
            "pages": pages,
            "title": str(meta.get("/Title") or ""),
            "created": created.isoformat() if created else None,
            "producer": f"{meta.get('/Producer') or ''} {meta.get('/Creator') or ''}".strip(),
            "heading": _heading(runs),
        }
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        return {"error": str(exc)}


def _heading(runs: list[tuple[float, str]]) -> str:
    """The first run of text in the first page's largest font, when that font is clearly
    larger than the page's body text."""
    if not runs:
        return ""
    sizes = sorted(size for size, text in runs for _ in text.split())
    body = sizes[len(sizes) // 2]
    top = max(size for size, _ in runs)
    if top < body * 1.15:
        return ""
    words: list[str] = []
    for size, text in runs:
        if size >= top - 0.5:
            words += text.split()
        elif words:
            break
    return " ".join(words[:40])


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
