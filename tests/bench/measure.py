"""Running a phase in a child process and measuring it: wall time and the tree's peak RSS."""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SAMPLE_SECONDS = 0.05
# The folder `bench` is importable from. Children start there: `python -m` puts the working
# directory first on sys.path, so no other `bench` in the caller's folder can stand in.
IMPORT_ROOT = Path(__file__).resolve().parent.parent


class TreeRss:
    """Samples the summed RSS of a process and all its descendants; keeps the peak (bytes)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self._stop.wait(SAMPLE_SECONDS)


def tree_rss(pid: int) -> int:
    """Bytes resident in `pid` and its descendants (0 once it is gone)."""
    return sum(_rss(p) for p in _descendants(pid))


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        try:
            # A process may end while it is being listed (workers exit at the end of a build).
            for children in Path(f"/proc/{current}/task").glob("*/children"):
                todo += [int(c) for c in children.read_text().split()]
        except OSError:
            continue
    return out


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(share * len(ordered))))
    return ordered[rank - 1]


@dataclass
class ChildResult:
    """What a phase returned, its wall time in seconds and its tree's peak RSS in bytes."""

    data: dict[str, Any]
    wall: float
    peak_rss: int


def run_child(phase: str, args: dict[str, Any]) -> ChildResult:
    """Run one phase in a fresh interpreter, sampling its process tree's memory.

    Paths in `args` must be absolute (the child runs in IMPORT_ROOT). Raises RuntimeError
    when the phase fails.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench", phase, json.dumps(args)],
        cwd=IMPORT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: an interrupted bench leaves no workers
    )
    try:
        with TreeRss(proc.pid) as rss:
            out, _ = proc.communicate()
    except BaseException:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise
    if proc.returncode != 0:
        raise RuntimeError(f"bench phase {phase} failed with exit code {proc.returncode}")
    last = out.strip().splitlines()[-1]
    return ChildResult(json.loads(last), time.perf_counter() - started, rss.peak)
