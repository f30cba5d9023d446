"""What a child process measures: a build, a round of questions, or a reload under questions.

Each phase takes and returns JSON-ready dicts; `child_main` is `python -m bench`. The heavy
imports happen inside the phases, so a child loads only what its phase uses.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

TICK_SECONDS = 0.01
QUESTION_EVERY_SECONDS = 0.05


def phase_build(args: dict[str, Any]) -> dict[str, Any]:
    """Build `args["db"]` from `args["paths"]`: seconds and how many articles each way went."""
    from knowledge.build.pipeline import build

    report = build([Path(p) for p in args["paths"]], Path(args["db"]), progress=False)
    return {
        "seconds": report.seconds,
        "added": len(report.added),
        "changed": len(report.changed),
        "unchanged": len(report.unchanged),
        "failed": len(report.failed),
    }


def phase_serve(args: dict[str, Any]) -> dict[str, Any]:
    """Open the service on `args["db"]` and ask `args["questions"]` (intent -> questions):
    open seconds, latencies in ms per intent, and how many answers took another intent."""
    return asyncio.run(_serve(Path(args["db"]), args["questions"]))


async def _serve(db: Path, questions: dict[str, list[str]]) -> dict[str, Any]:
    from bot.config import Settings
    from bot.service import NewsService

    started = time.perf_counter()
    service = await NewsService.open(Settings(db_path=db, articles=()))  # as the bot serves
    opened = time.perf_counter() - started
    try:
        for batch in questions.values():  # one untimed pass: first-use caches are not latency
            for q in batch[:3]:
                await service.ask(q)
        latencies: dict[str, list[float]] = {}
        mismatched = 0
        for intent, batch in questions.items():
            for q in batch:
                t = time.perf_counter()
                answer = await service.ask(q)
                latencies.setdefault(intent, []).append((time.perf_counter() - t) * 1000)
                mismatched += answer.intent != intent
    finally:
        await service.close()
    return {"open_seconds": opened, "latencies": latencies, "mismatched": mismatched}


def phase_reload(args: dict[str, Any]) -> dict[str, Any]:
    """Reload `args["db"]` from `args["paths"]` while asking `args["asks"]` every 50 ms:
    seconds, articles re-extracted, the longest event-loop stall (ms) and questions answered."""
    return asyncio.run(_reload(Path(args["db"]), [Path(p) for p in args["paths"]], args["asks"]))


async def _reload(db: Path, paths: list[Path], asks: list[str]) -> dict[str, Any]:
    from bot.config import Settings
    from bot.service import NewsService

    service = await NewsService.open(Settings(db_path=db, articles=tuple(paths)))
    stalls: list[float] = []
    answered = 0
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            t = time.perf_counter()
            await asyncio.sleep(TICK_SECONDS)
            stalls.append(time.perf_counter() - t - TICK_SECONDS)

    async def asker() -> None:
        nonlocal answered
        i = 0
        while not done.is_set():
            await service.ask(asks[i % len(asks)])
            answered += 1
            i += 1
            await asyncio.sleep(QUESTION_EVERY_SECONDS)

    tasks = [asyncio.create_task(ticker()), asyncio.create_task(asker())]
    started = time.perf_counter()
    try:
        report = await service.reload()
    finally:
        done.set()
        await asyncio.gather(*tasks)
        await service.close()
    return {
        "seconds": time.perf_counter() - started,
        "changed": len(report.changed) + len(report.added),
        "max_stall_ms": max(stalls, default=0.0) * 1000,
        "answered": answered,
    }


def _phases() -> dict[str, Callable[[dict[str, Any]], dict[str, Any]]]:
    from bench.cluster import phase_cluster, phase_replica

    return {
        "build": phase_build,
        "serve": phase_serve,
        "reload": phase_reload,
        "cluster": phase_cluster,
        "replica": phase_replica,
    }


def child_main(argv: Sequence[str]) -> int:
    """`<phase> <json arguments>`: run the phase, print its result as one JSON line."""
    phase, raw = argv[0], argv[1]
    result = _phases()[phase](json.loads(raw))
    print(json.dumps(result))
    return 0
