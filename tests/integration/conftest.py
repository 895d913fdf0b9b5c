"""Real Celery worker processes against Redis and PostgreSQL.

The tests start and stop only processes they started themselves, on loopback: workers, and for
the fault tests a private redis-server on a free port that they can stop and start again.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from newsapp.celery import app as celery_app
from tests.helpers import ROOT, need_service, process_env


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


class Worker:
    """One `celery worker` process group of our own, on the test database."""

    def __init__(self, broker: str, log: Path, **env: str) -> None:
        self.log = log
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "newsapp", "worker", "--concurrency=1",
             "--loglevel=info", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=ROOT,
            env=process_env(broker, **env),
            stdout=log.open("a"),
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

    def kill(self) -> None:
        """SIGKILL the worker and its pool processes at once: no chance to clean up."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


class PrivateRedis:
    """A redis-server of the test's own on a free loopback port, to stop and start at will."""

    def __init__(self, workdir: Path) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            need_service("needs redis-server on PATH")
        self.binary = binary
        self.workdir = workdir
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while not _redis_up(self.url):
            if time.monotonic() > deadline:
                raise AssertionError("private redis-server did not start")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


@pytest.fixture
def worker(services, tmp_path):
    w = Worker(services, tmp_path / "worker.log")
    try:
        w.wait_ready()
        yield w
    finally:
        w.stop()


@pytest.fixture
def private_redis(services, tmp_path):
    """A broker of this test's own (the shared one is never stopped)."""
    r = PrivateRedis(tmp_path)
    r.start()
    try:
        yield r
    finally:
        r.stop()


@pytest.fixture
def start_worker(tmp_path):
    """Start workers on a given broker; every one still running is stopped at the end."""
    started: list[Worker] = []

    def start(broker: str, **env: str) -> Worker:
        w = Worker(broker, tmp_path / f"worker-{len(started)}.log", **env)
        started.append(w)
        w.wait_ready()
        return w

    yield start
    for w in started:
        w.stop()
