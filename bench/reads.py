"""Read paths at scale: statement search, A on B, the graph, actor lists, on PostgreSQL.

Fills a database of its own (`newsapp_bench_reads_<pid>` on 127.0.0.1:5432, migrated, dropped
at the end) with --statements statements (default 200,000) whose contents are real sentences
from the PolNeAR dev texts, spread over articles, speakers and targets drawn from a pool of
actors, then times what a page asks for: the count and the first page of 25, as the statement
search page and the API do. Each figure is the median of --repeat runs after one warm-up.

Full-text search runs twice: through the GIN index of migration 0005, then with the index
dropped, so the table shows what the index is worth.

Run: .venv/bin/python bench/reads.py [--statements 200000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench._common import machine, polnear_records

PAGE = 25
QUERIES = ["sanctions", "nuclear weapons", "tax returns", "Clinton emails", "climate change"]


def _setup(dbname: str) -> None:
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{dbname}"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsapp.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _sentences() -> list[str]:
    out = []
    for record in polnear_records():
        for piece in re.split(r"(?<=[.!?])\s+", record["text"]):
            piece = piece.strip()
            if 40 <= len(piece) <= 400:
                out.append(piece)
    return out


def _fill(n_statements: int, rng: random.Random) -> dict:
    from entities.models import Actor, Article, Statement, StatementTarget

    sentences = _sentences()
    actors = Actor.objects.bulk_create(
        Actor(name=f"Actor {i}", kind=rng.choice(["person", "organization", "country"]),
              slug=f"actor-{i}")
        for i in range(2_000)
    )  # fmt: skip
    per_article = 20
    start = datetime(2020, 1, 1, tzinfo=UTC)
    articles = Article.objects.bulk_create(
        Article(
            title=f"Article {i}",
            body="x",
            raw="x",
            content_hash=f"{i:064x}",
            status="done",
            publisher=rng.choice(["AP", "Reuters", "TASS", "Yonhap", "BBC"]),
            published_at=start + timedelta(hours=i * 3),
        )
        for i in range(n_statements // per_article)
    )
    # a few actors speak and are spoken about most, as in the news
    weights = [1 / (i + 1) for i in range(len(actors))]
    batch = 20_000
    made = 0
    while made < n_statements:
        size = min(batch, n_statements - made)
        speakers = rng.choices(actors, weights=weights, k=size)
        rows = []
        for j in range(size):
            content = rng.choice(sentences)
            rows.append(
                Statement(
                    article=articles[(made + j) // per_article],
                    speaker=speakers[j],
                    speaker_text=speakers[j].name,
                    speaker_start=0,
                    speaker_end=5,
                    cue="said",
                    cue_lemma="say",
                    cue_class=rng.choice(["say", "warn", "claim", "accuse", "deny"]),
                    cue_start=0,
                    cue_end=4,
                    content=content,
                    content_start=0,
                    content_end=len(content),
                    kind=rng.choice(["direct", "indirect", "indirect", "mixed"]),
                    confidence=0.9,
                )
            )
        created = Statement.objects.bulk_create(rows)
        targets = []
        for s in created:
            for actor in {a.pk: a for a in rng.choices(actors, weights=weights, k=2)}.values():
                if actor.pk != s.speaker_id:
                    targets.append(StatementTarget(statement=s, actor=actor, start=0, end=5))
        StatementTarget.objects.bulk_create(targets)
        made += size
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # the steady state autovacuum keeps a live database in
    return {"actors": actors, "articles": len(articles)}


def _give_countries(world: dict, rng: random.Random) -> None:
    """Four people or bodies in five belong to one of the country actors (a few countries
    have most of them, as in the news), so that the relations reads have pairs to count."""
    from entities.models import Actor

    actors = world["actors"]
    countries = [a for a in actors if a.kind == "country"]
    weights = [1 / (i + 1) for i in range(len(countries))]
    others = [a for a in actors if a.kind != "country" and rng.random() < 0.8]
    for actor in others:
        actor.country = rng.choices(countries, weights=weights)[0]
    Actor.objects.bulk_update(others, ["country"], batch_size=1000)
    world["countries"] = countries


def _time(fn, repeat: int) -> float:
    fn()  # warm-up
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs) * 1000


def _page(qs) -> None:
    qs.count()
    list(qs[:PAGE])


def _measure(world: dict, repeat: int) -> list[tuple[str, float]]:
    from entities import selectors

    top, second = world["actors"][0], world["actors"][1]
    search = selectors.statement_search
    reads = {
        **{f"search {q!r}, by date": (lambda q=q: _page(search(query=q))) for q in QUERIES},
        "search 'sanctions', by relevance": lambda: _page(
            search(query="sanctions", order="relevance")
        ),
        "search: speaker + target + kind, no words": lambda: _page(
            search(speaker=top, target=second, kind="indirect")
        ),
        "A on B (two busiest actors)": lambda: _page(selectors.statement_pair(a=top, b=second)),
        "graph, 300 heaviest edges": selectors.graph_edges,
        "actor list by statements, first page": lambda: _page(
            selectors.actor_list(ordering="statements_by")
        ),
        "actor page: top targets": lambda: selectors.actor_top_targets(actor=top),
        "actor page: timeline": lambda: selectors.actor_timeline(actor=top),
        "home page stats": selectors.home_stats,
        **_relation_reads(world),
    }
    return [(name, _time(fn, repeat)) for name, fn in reads.items()]


def _relation_reads(world: dict) -> dict:
    """What /relations/, a pair of countries and /api/v1/relations/ ask for."""
    from entities import selectors

    a, b = world["countries"][0], world["countries"][1]
    recent = selectors.RelationFilters(date_from=datetime(2022, 1, 1, tzinfo=UTC).date())
    return {
        "relations matrix (all pairs, top 25)": selectors.relation_matrix,
        "relations matrix, since 2022": lambda: selectors.relation_matrix(filters=recent),
        "relations API, first page of 50, by month": lambda: selectors.relation_months(
            pairs=selectors.relation_pairs()[:50]
        ),
        "country pair: A on B by month": lambda: selectors.relation_pairs(
            speaker_country=a, target_country=b, by_month=True
        ),
        "country pair: speakers + verb classes": lambda: (
            selectors.relation_pair_speakers(speaker_country=a, target_country=b),
            selectors.relation_pair_cue_classes(speaker_country=a, target_country=b),
        ),
        "country pair: statements, count + first page": lambda: _page(
            selectors.relation_pair_statements(a=a, b=b)
        ),
        "search: speaker_country + target_country": lambda: _page(
            selectors.statement_search(speaker_country=a, target_country=b)
        ),
    }


def _without_index(repeat: int) -> list[tuple[str, float]]:
    from django.db import connection

    from entities import selectors

    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX entities_statement_content_fts")
        cursor.execute("ANALYZE entities_statement")
    return [
        (f"search {q!r}, by date, NO GIN index",
         _time(lambda q=q: _page(selectors.statement_search(query=q)), repeat))
        for q in QUERIES[:2]
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statements", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    dbname = f"newsapp_bench_reads_{os.getpid()}"
    admin = "postgresql://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{dbname}"')
    try:
        _setup(dbname)
        t0 = time.perf_counter()
        world = _fill(args.statements, random.Random(7))  # noqa: S311 - data, not secrets
        _give_countries(world, random.Random(8))  # noqa: S311 - data, not secrets
        fill_s = time.perf_counter() - t0
        rows = _measure(world, args.repeat) + _without_index(args.repeat)
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
    print(f"machine: {machine()}; PostgreSQL on 127.0.0.1")
    print(
        f"{args.statements:,} statements, {world['articles']:,} articles, "
        f"{len(world['actors']):,} actors (filled in {fill_s:.0f} s); median of {args.repeat}, "
        f"count + first page of {PAGE}"
    )
    print()
    print("| read | ms |")
    print("| --- | --- |")
    for name, ms in rows:
        print(f"| {name} | {ms:,.1f} |")


if __name__ == "__main__":
    main()
