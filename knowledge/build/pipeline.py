"""Building the knowledge base: articles in, a complete new database file out, swapped in whole.

A build never touches the database readers have open. It writes a temporary file beside it and
renames it over the old one only when complete, so a failed or killed build (even `kill -9`)
leaves the previous knowledge base serving.

The build process itself only reads and fingerprints raw input: each file, or each line of a
JSON-lines feed, is hashed as bytes before anything parses or cleans it. Inputs whose hash is
unchanged are copied from the previous file; when nothing changed at all, the previous file is
kept as it is. Everything else (parsing, cleaning, extraction, row writing) happens in worker
processes, each writing a shard file that the build merges at the end, so the facts never travel
back through pickling. A serving process runs the whole build in a child interpreter
(knowledge.build.process), so even the merge never competes with answering for its GIL.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path

from knowledge.build.fingerprint import code_digest
from knowledge.build.scan import Scan, Unit, find_overrides
from knowledge.build.workers import Outcome, parallel, serial
from knowledge.models import BuildReport
from knowledge.overrides import Overrides, load_overrides
from knowledge.resolve.registry import PersonRegistry
from knowledge.store.writer import Writer, read_hashes

# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 64
# From this share of unchanged articles on, the new file starts as a copy of the old one with the
# changed articles cut out, instead of an empty file the unchanged rows are copied into.
PATCH_SHARE = 0.5


class BuildBusy(RuntimeError):
    """Another build of the same knowledge base is running."""


@contextlib.contextmanager
def _build_lock(db_path: Path) -> Iterator[None]:
    lock_path = db_path.with_name(db_path.name + ".lock")
    with open(lock_path, "w") as handle:
        # A POSIX record lock, not flock(): forked extraction workers do not inherit it, so a
        # build killed with -9 frees the lock at once even while its orphaned workers wind down.
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise BuildBusy(f"another build of {db_path} is running") from exc
        try:
            yield
        finally:
            fcntl.lockf(handle, fcntl.LOCK_UN)


def _remove_stale_builds(db_path: Path) -> None:
    """Temporary files of builds that died (we hold the lock, so none is alive)."""
    for stale in db_path.parent.glob(f".{db_path.name}.build-*"):
        stale.unlink(missing_ok=True)


def build(
    paths: Sequence[Path],
    db_path: Path,
    *,
    workers: int | None = None,
    progress: bool | None = None,
    on_article: Callable[[int, int], None] | None = None,
) -> BuildReport:
    """Build the knowledge base at `db_path` from article files and folders.

    Raises BuildBusy when another build holds the lock, ValueError for a bad overrides file;
    a bad article is never an exception: it lands in the report's `failed` list.
    `on_article(done, total)` counts inputs; `total` grows while the sources are being read.
    """
    started = time.perf_counter()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(db_path):
        _remove_stale_builds(db_path)
        overrides_path = find_overrides(paths)
        overrides = load_overrides(overrides_path) if overrides_path else Overrides()
        old_hashes = read_hashes(db_path)
        key = f"{code_digest()}:{overrides.digest()}"
        scan = Scan(old_hashes, key)
        units = scan.units(paths)
        first = list(islice(units, PARALLEL_THRESHOLD))
        if not first and set(scan.unchanged) == set(old_hashes):
            # Every input is byte-for-byte what the current file was built from.
            return _report(scan, [], old_hashes, started, db_path)
        written = _write(db_path, scan, first, units, overrides, workers, progress, on_article)
    return _report(scan, written, old_hashes, started, db_path)


def _write(
    db_path: Path,
    scan: Scan,
    first: list[Unit],
    rest: Iterator[Unit],
    overrides: Overrides,
    workers: int | None,
    progress: bool | None,
    on_article: Callable[[int, int], None] | None,
) -> list[str]:
    """Extract into shards, assemble the new file beside the old one, swap it in.

    Returns the ids extracted, in input order.
    """
    tmp = db_path.with_name(f".{db_path.name}.build-{os.getpid()}")
    shard_prefix = f"{tmp}.w"
    try:
        units = _chain(first, rest)
        workers = workers if workers is not None else (os.cpu_count() or 1)
        if workers > 1 and len(first) >= PARALLEL_THRESHOLD:
            outcomes = parallel(units, overrides, workers, shard_prefix)
        else:
            outcomes = serial(units, overrides, shard_prefix)
        written: list[str] = []
        for outcome in _tick(outcomes, scan, progress, on_article):
            written += outcome.written
            scan.failed += outcome.failed
            scan.encodings += outcome.encodings
        _assemble(db_path, tmp, shard_prefix, scan, overrides)
    finally:
        for shard in _shards(shard_prefix):
            shard.unlink(missing_ok=True)
    return written


def _assemble(
    db_path: Path, tmp: Path, shard_prefix: str, scan: Scan, overrides: Overrides
) -> None:
    writer: Writer | None = None
    try:
        if scan.old and len(scan.unchanged) >= PATCH_SHARE * len(scan.old):
            writer = Writer.patching(db_path, tmp, scan.unchanged)
        else:
            writer = Writer(tmp)
            writer.copy_unchanged(db_path, scan.unchanged)
        for shard in _shards(shard_prefix):
            writer.merge(shard)
            shard.unlink()  # disk holds the shards and the new file only while merging
        writer.commit()
        _resolve_people(writer, overrides)
        writer.finish()
        os.replace(tmp, db_path)
        fsync_dir(db_path.parent)
    except BaseException:
        if writer is not None:
            writer.abort()
        tmp.unlink(missing_ok=True)
        raise


def _chain(first: list[Unit], rest: Iterator[Unit]) -> Iterator[Unit]:
    yield from first
    yield from rest


def _shards(prefix: str) -> list[Path]:
    path = Path(prefix)
    return sorted(path.parent.glob(path.name + "*"))


def _report(
    scan: Scan, written: list[str], old_hashes: dict[str, str], started: float, db_path: Path
) -> BuildReport:
    present = set(scan.unchanged) | set(written)
    return BuildReport(
        added=tuple(a for a in written if a not in old_hashes),
        changed=tuple(a for a in written if a in old_hashes),
        unchanged=tuple(scan.unchanged),
        removed=tuple(sorted(set(old_hashes) - present)),
        failed=tuple(scan.failed),
        encodings=tuple(dict.fromkeys(scan.encodings)),
        seconds=time.perf_counter() - started,
        db_path=str(db_path),
    )


def _tick(
    outcomes: Iterator[Outcome],
    scan: Scan,
    progress: bool | None,
    on_article: Callable[[int, int], None] | None,
) -> Iterator[Outcome]:
    bar = _progress_bar(progress)
    done = 0
    try:
        for outcome in outcomes:
            done += outcome.inputs
            if bar is not None:
                bar.update(outcome.inputs)  # type: ignore[attr-defined]
            if on_article is not None:
                # The scan runs ahead of the workers, so this total is a lower bound.
                on_article(done, scan.queued)
            yield outcome
    finally:
        if bar is not None:
            bar.close()  # type: ignore[attr-defined]


def _progress_bar(progress: bool | None) -> object | None:
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(unit="article", desc="extracting", file=sys.stderr)


def _resolve_people(writer: Writer, overrides: Overrides) -> None:
    with _gc_paused():
        registry = PersonRegistry(overrides)
        for article_id, mentions in writer.mentions_by_article():
            registry.add(article_id, mentions)
        writer.set_people_rows(_canonical_rows(writer, registry), overrides.roles)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic collection while the registry allocates millions of objects.

    In a serving process (a reload) each full collection over them holds the GIL for
    100-200 ms at 100k articles, and the event loop stalls for as long. Nothing here makes
    cycles, so reference counting frees it all; collection resumes afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _canonical_rows(writer: Writer, registry: PersonRegistry) -> Iterator[tuple[str, str, str]]:
    for article_id, surfaces, speakers in writer.surfaces_by_article():
        for surface in surfaces:
            name = registry.canonical(surface, article_id)
            if name:
                yield article_id, surface, name
        # A speaker becomes a person only through a person the registry knows: a tweet signed
        # "OpenAI" is a quote, but OpenAI is not a person.
        known = set(surfaces)
        for speaker in (s for s in speakers if s not in known):
            found = registry.candidates(speaker, article_id)
            if len(found) == 1:
                yield article_id, speaker, found[0]


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (the directory entry itself is flushed)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
