"""Shared helpers for the benchmarks: where the data is, and the machine they ran on."""

from __future__ import annotations

import json
import os
import platform
import resource
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
POLNEAR_DEV = EVAL / "polnear-dev.jsonl"
SCORER = EVAL / "score_quotes.py"


def polnear_records() -> list[dict]:
    with POLNEAR_DEV.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
