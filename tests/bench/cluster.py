"""Running at scale: several processes serving one knowledge-base file, and a reload reaching
them. Needs redis-server (`RedisServer.missing()` says why a row is skipped).

`cluster_rows` runs the `cluster` phase in a child (so its process tree is its own); that phase
publishes the database as a generation, starts PROCESSES `replica` processes at once (each a
`NewsService.open(settings, shared=True)`, as `newsbot run` with REDIS_URL opens it), measures
their memory once they have answered a few questions, then publishes a new generation and
announces it on Redis, as a reload on another process does, and times how long each replica
takes to serve it.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.measure import IMPORT_ROOT, run_child
from bench.redis_server import RedisServer
from bench.table import Table, mib

PROCESSES = 3
WARM_QUESTIONS = ("siapa presiden?", "kapan pemilu?", "apa kata menteri?")


def cluster_rows(table: Table, label: str, db: Path, work: Path) -> None:
    """Memory per process, open time and reload propagation for PROCESSES processes on `db`."""
    reason = RedisServer.missing()
    if reason:
        table.add(label, "running at scale", f"not measured: {reason}")
        return
    server = RedisServer(work / "redis")
    server.start()
    try:
        result = run_child("cluster", {"db": str(db), "redis": server.url}).data
    finally:
        server.stop()
    n = result["processes"]
    rss, pss = result["rss"], result["pss"]
    table.add(
        label,
        f"memory per process, {n} processes on one file",
        f"RSS {mib(statistics.mean(rss))}, PSS {mib(statistics.mean(pss))}"
        f" (file {mib(result['file_bytes'])}, shared)",
    )
    opens = result["open_seconds"]
    table.add(
        label,
        f"engine open, {n} processes starting at once",
        f"{max(opens) * 1000:.0f} ms slowest, {statistics.mean(opens) * 1000:.0f} ms mean",
    )
    delays = result["propagation_seconds"]
    table.add(
        label,
        f"reload propagation to {n} processes",
        f"{max(delays) * 1000:.0f} ms slowest, {statistics.median(delays) * 1000:.0f} ms median",
    )


def phase_cluster(args: dict[str, Any]) -> dict[str, Any]:
    """See the module docstring. `args`: db, redis (URL). Returns per-replica open seconds,
    RSS and PSS (bytes), and seconds from the announcement to serving the new generation."""
    import redis

    from bot.scale.hub import CHANNEL
    from knowledge.build.generations import Generations

    db = Path(args["db"])
    generations = Generations(db)
    first = generations.publish()
    request = {"db": str(db), "redis": args["redis"], "until": first.number + 1}
    replicas = [
        subprocess.Popen(
            [sys.executable, "-m", "bench", "replica", json.dumps(request)],
            cwd=IMPORT_ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(PROCESSES)
    ]
    try:
        ready = [json.loads(_line(r)) for r in replicas]
        memory = [_memory(r.pid) for r in replicas]
        # A new file, as a build makes one (the old generation stays until nobody serves it).
        tmp = db.with_name(db.name + ".bench-copy")
        shutil.copyfile(db, tmp)
        os.replace(tmp, db)
        second = generations.publish()
        announced = time.time()
        client = redis.Redis.from_url(args["redis"])
        client.publish(CHANNEL, json.dumps({"generation": second.number, "at": announced}))
        client.close()
        swapped = [json.loads(_line(r)) for r in replicas]
    finally:
        for replica in replicas:
            replica.wait(timeout=600)
    return {
        "processes": PROCESSES,
        "open_seconds": [r["open_seconds"] for r in ready],
        "rss": [m[0] for m in memory],
        "pss": [m[1] for m in memory],
        "file_bytes": db.stat().st_size,
        "propagation_seconds": [s["swapped_at"] - announced for s in swapped],
    }


def _line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        raise RuntimeError(f"a replica (pid {proc.pid}) ended early")
    return line


def _memory(pid: int) -> tuple[int, int]:
    """RSS and PSS in bytes (PSS splits each page shared by several processes among them)."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("Rss", "Pss"):
            values[key] = int(rest.split()[0]) * 1024
    return values.get("Rss", 0), values.get("Pss", 0)


def phase_replica(args: dict[str, Any]) -> dict[str, Any]:
    """One serving process of the cluster: prints a JSON line once it serves (with its open
    time), then waits until it serves generation `args["until"]`; returns when that was."""
    return asyncio.run(_replica(args))


async def _replica(args: dict[str, Any]) -> dict[str, Any]:
    from bot.config import Settings
    from bot.service import NewsService

    settings = Settings(db_path=Path(args["db"]), articles=(), redis_url=args["redis"])
    started = time.perf_counter()
    service = await NewsService.open(settings, shared=True)
    opened = time.perf_counter() - started
    try:
        for question in WARM_QUESTIONS:
            await service.ask(question)
        print(json.dumps({"open_seconds": opened}), flush=True)
        while (service.generation or 0) < args["until"]:
            await asyncio.sleep(0.002)
        swapped = time.time()
        await service.ask(WARM_QUESTIONS[0])
    finally:
        await service.close()
    return {"swapped_at": swapped}
