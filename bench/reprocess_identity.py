"""Time and queries of storing an article's extraction again, now that statements keep their ids
(issue 14, point 1): the matching alone, then article_store_extraction on an article of
--statements statements, stored a first time (all new), again unchanged (all found again), and
again with every statement's start moved by a few words and a tenth of them gone (retired).

Runs against a throwaway database: SQLite in a temporary directory by default, or
--database-url postgres://postgres@127.0.0.1:5432/<a database of your own> (migrated, its rows
left in place).

Run: .venv/bin/python bench/reprocess_identity.py [--statements 300] [--database-url URL]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench._common import machine  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=300)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newsapp-bench-identity-"))
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp / 'db.sqlite3'}"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsapp.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from entities.models import Article
    from entities.nlp import types as nlp
    from entities.services import article_store_extraction
    from entities.services.identity import Placed, statements_match

    call_command("migrate", "--noinput", verbosity=0)
    n = args.statements
    line = "Speaker{i} said that the talks on item {i} would go on for many more weeks. "
    body = "".join(line.format(i=i) for i in range(n))
    article = Article.objects.create(body=body, raw=body, content_hash=f"bench-{time.time()}")
    actors = tuple(nlp.Actor(name=f"Speaker{i}", kind="person") for i in range(n))

    def statements(shift: int = 0, keep=lambda i: True) -> tuple[nlp.Statement, ...]:
        out, offset = [], 0
        for i in range(n):
            text = line.format(i=i)
            start = offset + text.index("the talks") + shift
            end = offset + len(text) - 2
            who, offset = offset, offset + len(text)
            if keep(i):
                cue = who + text.index("said")
                out.append(
                    nlp.Statement(
                        kind="indirect",
                        content=body[start:end],
                        content_start=start,
                        content_end=end,
                        cue="said",
                        cue_lemma="say",
                        cue_start=cue,
                        cue_end=cue + 4,
                        cue_class="say",
                        speaker=f"Speaker{i}",
                        speaker_text=f"Speaker{i}",
                        speaker_start=who,
                        speaker_end=who + len(f"Speaker{i}"),
                        confidence=0.7,
                    )
                )
        return tuple(out)

    def store(label: str, found: tuple[nlp.Statement, ...]) -> None:
        result = nlp.ExtractionResult(
            title="", body=body, metadata=nlp.Metadata(), actors=actors, statements=found
        )
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            article_store_extraction(article=article, result=result)
            took = time.perf_counter() - started
        print(f"{label:<44} {took * 1000:8.1f} ms {len(queries):5d} queries")

    first = statements()
    placed = [Placed(False, s.content_start, s.content_end, i, "") for i, s in enumerate(first)]
    started = time.perf_counter()
    matched = statements_match(old=placed, new=placed)
    took = time.perf_counter() - started
    print(f"machine: {machine()}; database: {connection.vendor}; {n} statements")
    print(f"{'matching alone (' + str(len(matched)) + ' pairs)':<44} {took * 1000:8.1f} ms")
    store("first extraction (all new)", first)
    store("again, unchanged (all found again)", statements())
    store("again, starts moved 4 words, 1/10 gone", statements(shift=14, keep=lambda i: i % 10))


if __name__ == "__main__":
    main()
