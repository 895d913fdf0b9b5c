"""Search reads at scale on PostgreSQL, as EXPLAIN ANALYZE times them (planning + execution).

Fills a database of its own as bench/reads.py does (--statements, default 200,000), renames
its busiest actors after real ones (Putin, Xi Jinping, Mexico, United Nations...), adds 8,800
more people and an alias per actor, and a mention for a quarter of the targets; then prints,
for each search, the median of --repeat runs of the first page of 25 and of the whole match
(what a count reads), and the first result. The database is dropped at the end.

Run: .venv/bin/python bench/search.py [--statements 200000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import reads
from bench._common import machine

REAL = [
    ("Donald Trump", "person"), ("Vladimir Putin", "person"), ("United States", "country"),
    ("Xi Jinping", "person"), ("Mexico", "country"), ("United Nations", "organization"),
    ("Recep Tayyip Erdoğan", "person"), ("Kim Jong-un", "person"), ("Kim Jong Nam", "person"),
    ("Emmanuel Macron", "person"), ("Robert Putnam", "person"), ("Xiomara Castro", "person"),
]  # fmt: skip
FIRST = [
    "John",
    "Maria",
    "Ahmed",
    "Olga",
    "Li",
    "Sergei",
    "Anna",
    "Mohammed",
    "Carlos",
    "Fatima",
    "Peter",
    "Yuki",
    "Ivan",
    "Sara",
]
LAST = [
    "Smith",
    "Ivanov",
    "Khan",
    "Garcia",
    "Wang",
    "Müller",
    "Kowalski",
    "Novak",
    "Rossi",
    "Dubois",
    "Petrov",
    "Kim",
    "Nguyen",
]
SEARCHES = {
    "statements 'sanctions', by date": {"query": "sanctions"},
    "statements 'sanctions', by relevance": {"query": "sanctions", "order": "relevance"},
    "statements 'president', by relevance": {"query": "president", "order": "relevance"},
    "statements '\"nuclear weapons\"'": {"query": '"nuclear weapons"'},
    "statements 'sanctions OR tariffs -china'": {"query": "sanctions OR tariffs -china"},
}
ACTORS = ["Putin", "Putn", "xi", "UN", "kim jong un", "erdoğan", "trump's"]


def _actors(world: dict) -> None:
    from entities.models import Actor, ActorAlias, Mention, StatementTarget

    for actor, (name, kind) in zip(world["actors"], REAL, strict=False):
        actor.name, actor.kind = name, kind
        actor.save()
    Actor.objects.bulk_create(
        Actor(name=f"{first} {last} {n}", kind="person", slug=f"gen-{first}-{last}-{n}".lower())
        for first in FIRST for last in LAST for n in range(48)
    )  # fmt: skip
    for actor in Actor.objects.all().iterator():
        actor.save(update_fields=["folded"])
    aliases = [ActorAlias.make(actor_id=pk, alias=ActorAlias.normalise(name))
               for pk, name in Actor.objects.values_list("pk", "name")]  # fmt: skip
    un = Actor.objects.get(name="United Nations").pk
    aliases.append(ActorAlias.make(actor_id=un, alias="un"))
    ActorAlias.objects.bulk_create(aliases, ignore_conflicts=True)
    Mention.objects.bulk_create(
        Mention(article_id=a, actor_id=t, start=0, end=5, text="x", label="PERSON")
        for i, (a, t) in enumerate(
            StatementTarget.objects.values_list("statement__article_id", "actor_id").iterator()
        )
        if i % 4 == 0
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def _explain(qs, repeat: int) -> float:
    runs = []
    for _ in range(repeat + 1):
        plan = qs.explain(analyze=True)
        runs.append(sum(map(float, re.findall(r"(?:Planning|Execution) Time: ([\d.]+)", plan))))
    return statistics.median(runs[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statements", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    dbname = f"newsapp_bench_search_{os.getpid()}"
    admin = "postgresql://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{dbname}"')
    rows = []
    try:
        reads._setup(dbname)
        world = reads._fill(args.statements, random.Random(7))  # noqa: S311 - data, not secrets
        _actors(world)
        from entities import selectors

        cases = [(name, selectors.statement_search(**kw)) for name, kw in SEARCHES.items()]
        cases += [(f"actors {q!r}", selectors.actor_list(query=q)) for q in ACTORS]
        cases.append(("articles 'reuters'", selectors.article_list(query="reuters")))
        for name, qs in cases:
            page = _explain(qs[:25], args.repeat)
            whole = _explain(qs.order_by().values("pk"), args.repeat)
            rows.append((name, page, whole, str(qs[:1].first())[:40]))
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
    print(f"machine: {machine()}; PostgreSQL on 127.0.0.1; {args.statements:,} statements")
    print(f"EXPLAIN ANALYZE, planning + execution, median of {args.repeat}")
    print()
    print("| read | first 25 (ms) | all matches (ms) | first result |")
    print("| --- | --- | --- | --- |")
    for name, page, whole, first in rows:
        print(f"| {name} | {page:,.1f} | {whole:,.1f} | {first} |")


if __name__ == "__main__":
    main()
