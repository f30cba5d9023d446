"""Extraction in worker processes: each reads, cleans and extracts its units into a shard file
of its own, so the facts never travel back through pickling."""

from __future__ import annotations

import gc
import os
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path, PurePath

from knowledge.build.scan import Unit
from knowledge.extract import facts as extraction
from knowledge.models import Article, ArticleFacts
from knowledge.overrides import Overrides
from knowledge.read.feeds import jsonl_article
from knowledge.read.files import ReadError
from knowledge.read.readers import read_bytes
from knowledge.store.writer import Writer

BATCH_SIZE = 32  # inputs per worker task: large enough to amortise the round trip
INFLIGHT_PER_WORKER = 3  # tasks queued ahead per worker: keeps workers busy, memory bounded
# Workers allocate many short-lived objects and no cycles worth chasing: collecting rarely is
# about 10% faster.
WORKER_GC_THRESHOLD = (50_000, 50, 100)


@dataclass
class Outcome:
    """What a worker made of a batch: ids written to its shard, inputs that failed, and the
    files it read in another encoding than UTF-8."""

    written: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    encodings: list[tuple[str, str]] = field(default_factory=list)
    inputs: int = 0


def _read_unit(unit: Unit) -> list[Article | ReadError]:
    if unit.article is not None:
        return [unit.article]
    if unit.number:
        return [jsonl_article(unit.line, unit.number, PurePath(unit.name).stem, unit.path)]
    return read_bytes(unit.name, unit.data, path=unit.path)


def _extract_task(task: tuple[Article, str, Overrides]) -> ArticleFacts | tuple[str, str]:
    article, digest, overrides = task
    try:
        facts = extraction.extract(article, overrides)
    except Exception as exc:  # one article's bug must not sink the build
        return (article.path or article.id, f"extraction failed: {type(exc).__name__}: {exc}")
    facts.content_hash = digest
    return facts


def _process(units: Sequence[Unit], sink: Writer, overrides: Overrides) -> Outcome:
    outcome = Outcome(inputs=len(units))
    for unit in units:
        for item in _read_unit(unit):
            if isinstance(item, ReadError):
                outcome.failed.append((item.path, item.reason))
                continue
            result = _extract_task((item, unit.digest, overrides))
            if isinstance(result, tuple):
                outcome.failed.append(result)
                continue
            sink.add(result)
            outcome.written.append(item.id)
            if item.encoding:
                outcome.encodings.append((item.path or item.id, item.encoding))
    return outcome


@dataclass
class _WorkerState:
    writer: Writer
    overrides: Overrides


_worker: _WorkerState | None = None


def exit_with_parent(parent: int) -> None:
    """End this process once `parent` is gone (run it in a daemon thread).

    Forked workers inherit the write end of their own task pipe, so after a `kill -9` of the
    build they would wait for work forever.
    """
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _init_worker(shard_prefix: str, overrides: Overrides) -> None:
    global _worker
    threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True).start()
    gc.freeze()  # what the worker inherited is never garbage: stop scanning it
    gc.set_threshold(*WORKER_GC_THRESHOLD)
    _worker = _WorkerState(Writer(Path(f"{shard_prefix}{os.getpid()}")), overrides)


def _work(units: list[Unit]) -> Outcome:
    assert _worker is not None, "worker used without _init_worker"
    outcome = _process(units, _worker.writer, _worker.overrides)
    _worker.writer.commit()
    return outcome


def _batches(units: Iterator[Unit], size: int) -> Iterator[list[Unit]]:
    while batch := list(islice(units, size)):
        yield batch


def parallel(
    units: Iterator[Unit], overrides: Overrides, workers: int, shard_prefix: str
) -> Iterator[Outcome]:
    """Outcomes in input order, with a bounded number of batches in flight."""
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(shard_prefix, overrides)
    ) as pool:
        pending: deque[Future[Outcome]] = deque()
        for batch in _batches(units, BATCH_SIZE):
            pending.append(pool.submit(_work, batch))
            if len(pending) >= workers * INFLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def serial(units: Iterator[Unit], overrides: Overrides, shard_prefix: str) -> Iterator[Outcome]:
    """In this process, into a shard of its own like a worker's: one way to assemble."""
    writer = Writer(Path(f"{shard_prefix}{os.getpid()}"))
    try:
        for unit in units:
            yield _process([unit], writer, overrides)
    finally:
        writer.close()
