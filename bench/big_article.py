"""Peak memory and time of one web worker reading one very large article (issue 17, point 1).

Builds, in a PostgreSQL database of its own (`newsapp_bench_big_<pid>` on 127.0.0.1:5432,
migrated, dropped at the end), an article of --statements lines 'SpeakerN said that TargetM
would answer ...' (5,500 by default: a 440 KB body, the shape of the probe's 440 KB upload),
each a statement with a target and three mentions, straight in the database. Then, for each
read, a fresh Python process sets Django up, answers one request through the test client
(streamed bodies read to the end) and prints its peak resident memory (ru_maxrss), its
resident memory before the request, the time the request took and the response's size.

--code ROOT runs the reads against the code in another checkout (its `entities/` and
`newsapp/`; the schema must be the same), which is how the "before" figures were taken:
    .venv/bin/python bench/big_article.py --code ../main
Each reading process is capped at --cap-mb of address space (3,072 by default), so that the
old code cannot take the whole machine: a read that hits the cap prints "over the cap".

Run: .venv/bin/python bench/big_article.py [--statements 5500] [--code ROOT] [--cap-mb 3072]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench._common import machine  # noqa: E402

READS = {
    "article page": "/articles/{id}/",
    "article page, page 2": "/articles/{id}/?page=2",
    "API article detail": "/api/v1/articles/{id}/",
    "page CSV export": "/statements/export.csv",
    "API CSV export": "/api/v1/statements/export/?format=csv",
    "progress poll": "/articles/{id}/progress/",
}


def _setup(dbname: str) -> None:
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{dbname}"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsapp.settings")
    import django

    django.setup()


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def child(dbname: str, path: str, cap_mb: int) -> None:
    """One request in this fresh process; prints a JSON line of figures."""
    cap = cap_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    sys.path.insert(0, os.getcwd())  # the checkout under test, ahead of this one
    _setup(dbname)
    from django.test import Client

    import entities

    client = Client(SERVER_NAME="localhost")
    client.get("/api/v1/")  # imports and URL resolution outside the figure
    before = _rss_mb()
    started = time.perf_counter()
    try:
        response = client.get(path)
        if response.streaming:
            size = sum(len(chunk) for chunk in response.streaming_content)
        else:
            size = len(response.content)
        status = response.status_code
    except MemoryError:
        status, size = "over the cap", 0
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"status": status, "seconds": elapsed, "peak_mb": peak, "before_mb": before,
                      "bytes": size, "code": str(Path(entities.__file__).parents[1])}))  # fmt: skip


def _build(statements: int) -> int:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    spec = importlib.util.spec_from_file_location("helpers", ROOT / "tests/security/helpers.py")
    helpers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helpers)
    article = helpers.big_article(statements=statements, mentions_per_statement=3)
    print(
        f"article {article.pk}: {statements:,} statements, {3 * statements:,} mentions, "
        f"body {len(article.body):,} characters (raw the same)"
    )
    return article.pk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=5500)
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose code answers")
    parser.add_argument("--cap-mb", type=int, default=3072)
    parser.add_argument("--child", nargs=2, metavar=("DB", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.cap_mb)
        return
    import psycopg

    dbname = f"newsapp_bench_big_{os.getpid()}"
    admin = "postgresql://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{dbname}"')
    try:
        _setup(dbname)
        article_id = _build(args.statements)
        from django.db import connections

        connections.close_all()
        code = args.code.resolve()
        print(f"code: {code}  machine: {machine()}  cap: {args.cap_mb:,} MB a process")
        print(f"{'read':24} {'status':>12} {'time s':>8} {'peak MB':>8} {'idle MB':>8} {'KB':>9}")
        env = {**os.environ, "PYTHONPATH": str(code)}
        for name, path in READS.items():
            out = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "--cap-mb", str(args.cap_mb),
                 "--child", dbname, path.format(id=article_id)],
                capture_output=True, text=True, cwd=code, env=env, check=False,
            )  # fmt: skip
            lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
            if not lines:
                print(f"{name:24} failed: {out.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(lines[-1])
            if Path(r["code"]) != code:
                raise SystemExit(f"the reads ran the code in {r['code']}, not {code}")
            print(
                f"{name:24} {r['status']!s:>12} {r['seconds']:8.2f} {r['peak_mb']:8.0f} "
                f"{r['before_mb']:8.0f} {r['bytes'] / 1024:9.0f}"
            )
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


if __name__ == "__main__":
    main()
