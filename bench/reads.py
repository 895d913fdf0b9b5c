"""Read paths at 1,000,000 statements: every page and endpoint of issues 16 and 15, timed
through the Django test client on a PostgreSQL database this script builds.

The database (`newsapp_reads` on 127.0.0.1:5432, or --db NAME) is kept between runs so that
others can EXPLAIN on it: --build drops and rebuilds it (bench/reads_build.py: real sentences,
long-tailed actors and publishers, ten years of dates; about 2 min for 1M on 2 cores); without
--build it is reused when it holds --statements statements, built otherwise. The branch's
migrations are applied either way: a fresh build loads the schema of migration 0013 and then
applies the later migrations to the loaded rows (reads_build.SCHEMA).

Each read is requested --repeat times (default 30) after one warm-up, anonymously, with
DEBUG off (fewer, at least 5, once a read has taken --budget seconds, default 60: the table's
n); the table gives the median and p95 of the wall time, the SQL queries the request
ran and their total database time (connection.execute_wrapper). Streamed responses (the
exports) are timed to their first byte and to their last. --only SUBSTRING times the reads
whose name contains it; --explain prints EXPLAIN (ANALYZE, BUFFERS) of the three slowest
queries of each read timed.

Run:  PYTHONPATH=. .venv/bin/python bench/reads.py [--build] [--statements 1000000]
      [--repeat 30] [--budget 60] [--only 'actor'] [--explain] [--db newsapp_reads]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench._common import machine

ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def _dsn(db: str) -> str:
    return f"postgresql://postgres@127.0.0.1:5432/{db}"


def _setup(db: str) -> None:
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{db}"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ["NEWSAPP_API_ANON_RATE"] = "1000000/min"  # the bench is one client asking a lot
    os.environ["NEWSAPP_API_USER_RATE"] = "1000000/min"
    for name in ("CELERY_BROKER_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsapp.settings")
    # whitenoise: no collectstatic in a worktree, and the pages do not serve static files here
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()


def _exists(db: str) -> bool:
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        return bool(conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db]).fetchone())


def _held(db: str) -> int:
    with psycopg.connect(_dsn(db)) as conn:
        row = conn.execute(
            "SELECT count(*) FROM entities_statement WHERE to_regclass('entities_statement') "
            "IS NOT NULL"
        ).fetchone()
    return int(row[0]) if row else 0


def prepare(db: str, n_statements: int, rebuild: bool) -> None:
    """Make `db` hold n_statements statements, migrated: reused if it holds that many (the
    branch's new migrations applied to it), built afresh otherwise. A fresh build migrates to
    the schema the builder writes (reads_build.SCHEMA), loads, then applies the later
    migrations to the loaded rows, as an upgrade of a live database would (a summary table a
    data migration fills is filled)."""
    from django.core.management import call_command
    from django.db import connections

    from bench import reads_build

    fresh = rebuild or not _exists(db)
    if not fresh:
        call_command("migrate", verbosity=0)
        held = _held(db)
        if held != n_statements:
            print(f"{db} holds {held:,} statements, not {n_statements:,}: rebuilding")
            fresh = True
    if fresh:
        connections.close_all()
        with psycopg.connect(ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{db}"')
        call_command("migrate", "entities", reads_build.SCHEMA, verbosity=0)
        connections.close_all()
        reads_build.build(_dsn(db), n_statements)
        t0 = time.perf_counter()
        call_command("migrate", verbosity=0)
        connections.close_all()
        with psycopg.connect(_dsn(db), autocommit=True) as conn:
            conn.execute("ANALYZE")
        print(f"later migrations and ANALYZE: {time.perf_counter() - t0:.0f} s")
    with psycopg.connect(_dsn(db)) as conn:
        print(f"{db}:")
        for table, rows, total, indexes in reads_build.table_sizes(conn):
            print(f"  {table:28} {rows:>10,} rows  {total:>8} (indexes {indexes})")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--db", default="newsapp_reads")
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--build", action="store_true", help="drop and rebuild the database")
    parser.add_argument("--build-only", action="store_true", help="build, time nothing")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--budget", type=float, default=60.0, help="seconds a read may take before it stops short"
    )
    parser.add_argument("--only", default="", help="time the reads whose name contains this")
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    _setup(args.db)
    prepare(args.db, args.statements, args.build)
    if args.build_only:
        return
    from bench import reads_client

    print(f"machine: {machine()}; PostgreSQL on 127.0.0.1")
    reads_client.run(
        repeat=args.repeat, budget=args.budget, only=args.only, explain_slowest=args.explain
    )


if __name__ == "__main__":
    main()
