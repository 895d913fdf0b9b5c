"""The reads of bench/reads.py: each page or endpoint requested through django.test.Client,
with its SQL queries counted and timed (connection.execute_wrapper)."""

from __future__ import annotations

import html
import re
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

# words chosen on the built database (1M statements): "said" is in 171,409 statements (17%),
# "referendum" in 332, the phrase "white house" in 9,526
COMMON = "said"
RARE = "referendum"
PHRASE = '"white house"'
MIN_SAMPLES = 5
YEAR = {"date_from": "2023-01-01", "date_to": "2023-12-31"}


@dataclass
class Query:
    sql: str
    params: Any
    ms: float
    # run through a server-side cursor (QuerySet.iterator() on PostgreSQL): planned for the
    # first rows (cursor_tuple_fraction), and WITH HOLD in autocommit, so run to the end at once
    server_side: bool = False


@dataclass
class Sample:
    ms: float
    first_byte_ms: float | None
    db_ms: float
    queries: list[Query]
    status: int


@dataclass
class Read:
    name: str
    urls: list[str]  # one url, or one per sample (the article list's pages)
    streamed: bool = False
    samples: list[Sample] = field(default_factory=list)


class QueryLog:
    """An execute_wrapper: every query of the connection, with its time."""

    def __init__(self) -> None:
        self.queries: list[Query] = []

    def __call__(self, execute: Callable, sql: str, params: Any, many: bool, context: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            named = getattr(getattr(context.get("cursor"), "cursor", None), "name", None)
            ms = (time.perf_counter() - t0) * 1000
            self.queries.append(Query(sql, params, ms, server_side=bool(named)))


@contextmanager
def _logged() -> Iterator[QueryLog]:
    from django.db import connection

    log = QueryLog()
    with connection.execute_wrapper(log):
        yield log


def _request(client: Any, url: str, streamed: bool) -> Sample:
    with _logged() as log:
        t0 = time.perf_counter()
        response = client.get(url, HTTP_HOST="localhost")
        first = None
        if response.streaming:
            chunks = iter(response.streaming_content)
            next(chunks, b"")
            first = (time.perf_counter() - t0) * 1000
            for _chunk in chunks:
                pass
        else:
            _ = response.content
        ms = (time.perf_counter() - t0) * 1000
        response.close()
    return Sample(ms, first, sum(q.ms for q in log.queries), log.queries, response.status_code)


def _p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def busiest() -> dict[str, str]:
    """Slugs of the busiest speaker, pair, country pair: the reads' subjects."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.slug FROM entities_statement s JOIN entities_actor a ON a.id = s.speaker_id "
            "GROUP BY a.slug ORDER BY count(*) DESC LIMIT 1"
        )
        actor = cursor.fetchone()[0]
        cursor.execute(
            "SELECT sa.slug, ta.slug FROM entities_statementtarget t "
            "JOIN entities_statement s ON s.id = t.statement_id "
            "JOIN entities_actor sa ON sa.id = s.speaker_id "
            "JOIN entities_actor ta ON ta.id = t.actor_id "
            "GROUP BY sa.slug, ta.slug ORDER BY count(*) DESC LIMIT 1"
        )
        pair_a, pair_b = cursor.fetchone()
        # a statement counts for its speaker's country (a country speaking for itself) and
        # for each target's country, as the relations selectors count it
        cursor.execute(
            "SELECT sc.slug, tc.slug FROM entities_statementtarget t "
            "JOIN entities_statement s ON s.id = t.statement_id "
            "JOIN entities_actor sa ON sa.id = s.speaker_id "
            "JOIN entities_actor ta ON ta.id = t.actor_id "
            "JOIN entities_actor sc ON sc.id = CASE WHEN sa.kind = 'country' THEN sa.id "
            "ELSE sa.country_id END "
            "JOIN entities_actor tc ON tc.id = CASE WHEN ta.kind = 'country' THEN ta.id "
            "ELSE ta.country_id END "
            "WHERE sc.id <> tc.id GROUP BY sc.slug, tc.slug ORDER BY count(*) DESC LIMIT 1"
        )
        country_a, country_b = cursor.fetchone()
    return {
        "actor": actor,
        "pair_a": pair_a,
        "pair_b": pair_b,
        "country_a": country_a,
        "country_b": country_b,
    }


def _walked(path: str, steps: int) -> list[str]:
    """`path` and the pages after it, following each page's "older" link (rel="next": the
    lists page by cursor, so page N is reached by walking, as a reader does)."""
    from django.test import Client

    client = Client()
    urls = [path]
    for _ in range(steps):
        page = client.get(urls[-1], HTTP_HOST="localhost").content.decode()
        found = re.search(r'rel="next" href="([^"]+)"', page)
        if found is None:
            break
        urls.append(path + html.unescape(found.group(1)))
    return urls


def reads(subjects: dict[str, str]) -> list[Read]:
    def q(path: str, **params: str) -> str:
        return f"{path}?{urlencode(params)}" if params else path

    s = subjects
    return [
        Read("statement search, common word, by date", [q("/statements/", q=COMMON)]),
        Read(
            "statement search, common word, by relevance",
            [q("/statements/", q=COMMON, order="relevance")],
        ),
        Read(
            "statement search, common word, one year",
            [q("/statements/", q=COMMON, **YEAR)],
        ),
        Read("statement search, phrase", [q("/statements/", q=PHRASE)]),
        Read("statement search, rare word", [q("/statements/", q=RARE)]),
        Read("statements, no filter", ["/statements/"]),
        Read("statements, no filter, page 200", [_walked("/statements/", 199)[-1]]),
        Read(
            "API statement search, common word, by relevance",
            [q("/api/v1/statements/", q=COMMON, order="relevance")],
        ),
        Read("busiest actor's page", [f"/actors/{s['actor']}/"]),
        Read("A on B, busiest pair", [f"/actors/{s['pair_a']}/on/{s['pair_b']}/"]),
        Read("network, no filter", ["/network/"]),
        Read("API graph", ["/api/v1/graph/"]),
        Read("CSV export, 5,000 rows, page", ["/statements/export.csv"], streamed=True),
        Read(
            "CSV export, 5,000 rows, API",
            [q("/api/v1/statements/export/", format="csv", limit="5000")],
            streamed=True,
        ),
        Read("article list, pages 1-30", _walked("/articles/", 29)),
        Read("actor list by statements", [q("/actors/", order="statements_by")]),
        Read("header search", [q("/search/", q="Putin")]),
        Read("home page", ["/"]),
        Read("relations matrix", ["/relations/"]),
        Read("country pair, busiest", [f"/relations/{s['country_a']}/{s['country_b']}/"]),
        Read("API relations", ["/api/v1/relations/"]),
        Read("API relations, by month", [q("/api/v1/relations/", by_month="true")]),
    ]


def measure(read: Read, repeat: int, budget: float) -> None:
    """`repeat` requests after a warm-up, or fewer (never under MIN_SAMPLES) once `budget`
    seconds are spent: a read of several seconds would otherwise take minutes."""
    from django.test import Client

    client = Client()
    _request(client, read.urls[0], read.streamed)  # warm-up
    urls = read.urls if len(read.urls) > 1 else read.urls * repeat
    started = time.perf_counter()
    read.samples = []
    for url in urls:
        if len(read.samples) >= MIN_SAMPLES and time.perf_counter() - started > budget:
            break
        read.samples.append(_request(client, url, read.streamed))


def explain(read: Read, top: int = 3) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of the read's slowest queries (of its last sample); a query
    the request ran through a server-side cursor is explained as one (DECLARE), since its plan
    differs."""
    from django.db import connection, transaction

    slowest = sorted(read.samples[-1].queries, key=lambda query: -query.ms)[:top]
    for query in slowest:
        how = "server-side cursor" if query.server_side else "query"
        print(f"\n-- {read.name}: {how}, {query.ms:.1f} ms\n{query.sql[:600]}")
        declare = "DECLARE bench_explain CURSOR FOR " if query.server_side else ""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {declare}{query.sql}", query.params)
            print("\n".join(row[0][:240] for row in cursor.fetchall()))


def _cell(read: Read) -> str:
    times = [x.ms for x in read.samples]
    line = f"| {read.name} | {statistics.median(times):,.0f} | {_p95(times):,.0f} |"
    if read.streamed:
        firsts = [x.first_byte_ms or 0.0 for x in read.samples]
        line = (
            f"| {read.name} (first byte / all) | {statistics.median(firsts):,.0f} / "
            f"{statistics.median(times):,.0f} | {_p95(firsts):,.0f} / {_p95(times):,.0f} |"
        )
    queries = [len(x.queries) for x in read.samples]
    db = [x.db_ms for x in read.samples]
    statuses = sorted({x.status for x in read.samples})
    status = "" if statuses == [200] else f" **HTTP {', '.join(map(str, statuses))}**"
    return (
        f"{line} {statistics.median(queries):.0f} | {statistics.median(db):,.0f} | "
        f"{len(read.samples)} |{status}"
    )


def run(
    *, repeat: int, budget: float = 60.0, only: str = "", explain_slowest: bool = False
) -> list[Read]:
    from django.db import connection

    from entities.models import Actor, Article, Statement

    t0 = time.perf_counter()
    subjects = busiest()
    print(
        f"{Statement.objects.count():,} statements, {Article.objects.count():,} articles, "
        f"{Actor.objects.count():,} actors; subjects (found in {time.perf_counter() - t0:.1f} s):"
        f" {subjects}; words: common {COMMON!r}, rare {RARE!r}, phrase {PHRASE}"
    )
    print(f"PostgreSQL {connection.cursor().connection.info.server_version}; median and p95 of "
          f"{repeat} requests after one warm-up (the article list: one request per page), "
          f"fewer (n, at least {MIN_SAMPLES}) past {budget:.0f} s a read; ms wall time in the "
          "test client; queries and db ms: medians")  # fmt: skip
    print()
    print("| read | median ms | p95 ms | queries | db ms | n |")
    print("| --- | --- | --- | --- | --- | --- |")
    done = []
    for read in reads(subjects):
        if only and only.lower() not in read.name.lower():
            continue
        try:
            measure(read, repeat, budget)
        except Exception as exc:  # a 500 in a view: say which read, keep timing the others
            print(f"| {read.name} | **{type(exc).__name__}: {str(exc)[:120]}** | | | | |")
            continue
        print(_cell(read), flush=True)
        done.append(read)
    if explain_slowest:
        for read in done:
            explain(read)
    return done
