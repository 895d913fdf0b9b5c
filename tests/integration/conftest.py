"""Real Celery worker processes against Redis and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from newsapp.celery import app as celery_app
from tests.conftest import need_service

ROOT = Path(__file__).resolve().parents[2]


def _redis_up(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def services(transactional_db):
    """Skip (fail in CI) unless the test database is PostgreSQL and the broker is Redis."""
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if connection.vendor != "postgresql":
        need_service("needs PostgreSQL: set DATABASE_URL=postgres://...")
    if not broker.startswith("redis://") or not _redis_up(broker):
        need_service("needs Redis: set CELERY_BROKER_URL=redis://...")
    celery_app.conf.task_always_eager = False
    with celery_app.connection_for_write() as conn:
        conn.default_channel.queue_purge("celery")
    return broker


def _database_url() -> str:
    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{connection.settings_dict['NAME']}"


class Worker:
    """One `celery worker` process of our own, on the test database; stopped by the test."""

    def __init__(self, broker: str, log: Path) -> None:
        env = dict(os.environ, DATABASE_URL=_database_url(), CELERY_BROKER_URL=broker)
        env.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key")
        self.log = log
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "newsapp", "worker", "--pool=solo",
             "--concurrency=1", "--loglevel=info", "--without-gossip", "--without-mingle"],
            cwd=ROOT,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if "ready." in self.log.read_text(errors="replace"):
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError(f"worker did not start:\n{self.log.read_text(errors='replace')}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)


@pytest.fixture
def worker(services, tmp_path):
    w = Worker(services, tmp_path / "worker.log")
    try:
        w.wait_ready()
        yield w
    finally:
        w.stop()
