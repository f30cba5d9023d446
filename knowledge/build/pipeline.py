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
import hashlib
import json
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path, PurePath

from knowledge.extract.facts import EXTRACTOR_VERSION, extract
from knowledge.extract.people import PersonRegistry
from knowledge.models import Article, ArticleFacts, BuildReport
from knowledge.overrides import Overrides, load_overrides

# decode_text and jsonl_article are the reader's own steps, reused so that a feed line read on its
# own gives exactly the article (and error message) the whole-feed reader would give.
from knowledge.read.feeds import jsonl_article
from knowledge.read.files import (
    MAX_ARTICLE_BYTES,
    MAX_FEED_BYTES,
    OVERRIDES_NAMES,
    SUPPORTED_SUFFIXES,
    ReadError,
    decode_text,
    iter_sources,
)
from knowledge.read.readers import read_bytes, read_file
from knowledge.store.writer import Writer, read_hashes
from knowledge.vocab import VOCABULARY

# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 64
BATCH_SIZE = 32  # inputs per worker task: large enough to amortise the round trip
INFLIGHT_PER_WORKER = 3  # tasks queued ahead per worker: keeps workers busy, memory bounded
# From this share of unchanged articles on, the new file starts as a copy of the old one with the
# changed articles cut out, instead of an empty file the unchanged rows are copied into.
PATCH_SHARE = 0.5
# Workers allocate many short-lived objects and no cycles worth chasing: collecting rarely is
# about 10% faster.
WORKER_GC_THRESHOLD = (50_000, 50, 100)


class BuildBusy(RuntimeError):
    """Another build of the same knowledge base is running."""


@dataclass(frozen=True)
class _Unit:
    """One input a worker turns into articles: a whole file, one feed line, or a read article."""

    article_id: str  # as the scan sees it; "" when only reading can tell (a malformed line)
    digest: str
    path: str
    name: str = ""  # the file name, which gives the type
    data: bytes = b""  # a whole file
    line: str = ""  # one feed line
    number: int = 0  # its line number (0 for a whole file)
    article: Article | None = None  # already read (feeds the fast path cannot split)


@dataclass
class _Outcome:
    """What a worker made of a batch: ids written to its shard, inputs that failed."""

    written: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    inputs: int = 0


@cache
def code_digest() -> str:
    """A fingerprint of the reading and extraction code and vocabulary: any change re-extracts.

    Hashing raw input instead of cleaned text means a change to cleaning would otherwise go
    unnoticed; fingerprinting the package's source covers it without anyone remembering to
    bump EXTRACTOR_VERSION.
    """
    package = Path(__file__).parents[1]
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for source in sorted(package.rglob("*.py")):
        h.update(source.relative_to(package).as_posix().encode())
        h.update(source.read_bytes())
    h.update(VOCABULARY.digest().encode())
    return h.hexdigest()[:16]


def content_hash(article: Article, overrides_digest: str) -> str:
    """The fingerprint of an article that was read before hashing (rare feed encodings)."""
    h = hashlib.sha256()
    for part in (
        code_digest(),
        overrides_digest,
        article.title,
        article.source,
        article.url,
        article.published.isoformat() if article.published else "",
        article.lang,
        article.text,
        repr(article.embedded_quotes),
    ):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def raw_hash(key: str, kind: str, raw: bytes) -> str:
    """The fingerprint of unparsed input: the build key (code + overrides), its type, its bytes."""
    h = hashlib.sha256(key.encode())
    h.update(b"\0" + kind.encode() + b"\0")
    h.update(raw)
    return h.hexdigest()


def find_overrides(paths: Sequence[Path]) -> Path | None:
    """The first overrides file in the folders of `paths` (a file's folder for a file)."""
    for base in paths:
        folder = base if base.is_dir() else base.parent
        for name in OVERRIDES_NAMES:
            if (folder / name).is_file():
                return folder / name
    return None


# -- scanning: the build process reads and fingerprints, never parses -------------------------


class _Scan:
    """Walks the sources, decides what is unchanged, and yields the rest as work units."""

    def __init__(self, old_hashes: dict[str, str], key: str) -> None:
        self.old = old_hashes
        self.key = key
        self.queued = 0  # units handed on for extraction so far
        self.unchanged: list[str] = []
        self.failed: list[tuple[str, str]] = []
        self.seen: dict[str, str] = {}

    def units(self, paths: Sequence[Path]) -> Iterator[_Unit]:
        for path in iter_sources(list(paths)):
            for unit in self._file_units(path):
                if self._claim(unit):
                    self.queued += 1
                    yield unit

    def _file_units(self, path: Path) -> Iterator[_Unit]:
        data = self._raw(path)
        if data is None:
            return
        if path.suffix.lower() == ".jsonl":
            yield from self._feed_units(path, data)
        else:
            kind = path.suffix.lower()
            yield _Unit(path.stem, raw_hash(self.key, kind, data), str(path), path.name, data)

    def _raw(self, path: Path) -> bytes | None:
        """The file's bytes, or None after recording why it cannot be read."""
        suffix = path.suffix.lower()
        limit = MAX_FEED_BYTES if suffix == ".jsonl" else MAX_ARTICLE_BYTES
        try:
            if path.is_file() and suffix in SUPPORTED_SUFFIXES and path.stat().st_size <= limit:
                return path.read_bytes()
        except OSError:
            pass
        # The reader's own checks give the moderator the reason (and read nothing big).
        self.failed += [(r.path, r.reason) for r in read_file(path) if isinstance(r, ReadError)]
        return None

    def _feed_units(self, path: Path, data: bytes) -> Iterator[_Unit]:
        text = decode_text(data)
        if isinstance(text, ReadError) or not text.strip():
            yield from self._read_units(path, data)
            return
        where, stem = str(path), path.stem
        first_line_of: dict[str, int] = {}
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            article_id = _feed_id(line, number, stem)
            if article_id in first_line_of:
                reason = f"line {number}: duplicate id {article_id!r} (first on line "
                self.failed.append((where, reason + f"{first_line_of[article_id]})"))
                continue
            if article_id:
                first_line_of[article_id] = number
            raw = line.encode("utf-8", "surrogatepass")
            digest = raw_hash(self.key, "jsonl", raw)
            yield _Unit(article_id, digest, where, path.name, line=line, number=number)

    def _read_units(self, path: Path, data: bytes) -> Iterator[_Unit]:
        """A feed the fast path cannot split by lines (UTF-16, binary): read it whole here."""
        for item in read_bytes(path.name, data, path=str(path)):
            if isinstance(item, ReadError):
                self.failed.append((item.path, item.reason))
            else:
                yield _Unit(item.id, content_hash(item, self.key), item.path, article=item)

    def _claim(self, unit: _Unit) -> bool:
        """True when the unit needs extracting; records duplicates and unchanged articles."""
        aid = unit.article_id
        if not aid:
            return True
        if aid in self.seen:
            self.failed.append(
                (unit.path, f"duplicate article id '{aid}' (also in {self.seen[aid]})")
            )
            return False
        self.seen[aid] = unit.path
        if self.old.get(aid) == unit.digest:
            self.unchanged.append(aid)
            return False
        return True


def _feed_id(line: str, number: int, stem: str) -> str:
    """The id the reader will give this feed line, or "" when the line will not read."""
    try:
        record = json.loads(line)
    except ValueError:
        return ""
    if not isinstance(record, dict):
        return ""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return ""
    raw_id = record.get("id")
    return str(raw_id).strip() if raw_id not in (None, "") else f"{stem}-{number}"


# -- extraction: reading, cleaning, extracting and writing, in workers -------------------------


def _read_unit(unit: _Unit) -> list[Article | ReadError]:
    if unit.article is not None:
        return [unit.article]
    if unit.number:
        return [jsonl_article(unit.line, unit.number, PurePath(unit.name).stem, unit.path)]
    return read_bytes(unit.name, unit.data, path=unit.path)


def _extract_task(task: tuple[Article, str, Overrides]) -> ArticleFacts | tuple[str, str]:
    article, digest, overrides = task
    try:
        facts = extract(article, overrides)
    except Exception as exc:  # one article's bug must not sink the build
        return (article.path or article.id, f"extraction failed: {type(exc).__name__}: {exc}")
    facts.content_hash = digest
    return facts


def _process(units: Sequence[_Unit], sink: Writer, overrides: Overrides) -> _Outcome:
    outcome = _Outcome(inputs=len(units))
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


def _work(units: list[_Unit]) -> _Outcome:
    assert _worker is not None, "worker used without _init_worker"
    outcome = _process(units, _worker.writer, _worker.overrides)
    _worker.writer.commit()
    return outcome


def _batches(units: Iterator[_Unit], size: int) -> Iterator[list[_Unit]]:
    while batch := list(islice(units, size)):
        yield batch


def _parallel(
    units: Iterator[_Unit], overrides: Overrides, workers: int, shard_prefix: str
) -> Iterator[_Outcome]:
    """Outcomes in input order, with a bounded number of batches in flight."""
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(shard_prefix, overrides)
    ) as pool:
        pending: deque[Future[_Outcome]] = deque()
        for batch in _batches(units, BATCH_SIZE):
            pending.append(pool.submit(_work, batch))
            if len(pending) >= workers * INFLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _serial(units: Iterator[_Unit], overrides: Overrides, shard_prefix: str) -> Iterator[_Outcome]:
    """In this process, into a shard of its own like a worker's: one way to assemble."""
    writer = Writer(Path(f"{shard_prefix}{os.getpid()}"))
    try:
        for unit in units:
            yield _process([unit], writer, overrides)
    finally:
        writer.close()


# -- the build ---------------------------------------------------------------------------------


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
        scan = _Scan(old_hashes, key)
        units = scan.units(paths)
        first = list(islice(units, PARALLEL_THRESHOLD))
        if not first and set(scan.unchanged) == set(old_hashes):
            # Every input is byte-for-byte what the current file was built from.
            return _report(scan, [], old_hashes, started, db_path)
        written = _write(db_path, scan, first, units, overrides, workers, progress, on_article)
    return _report(scan, written, old_hashes, started, db_path)


def _write(
    db_path: Path,
    scan: _Scan,
    first: list[_Unit],
    rest: Iterator[_Unit],
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
            outcomes = _parallel(units, overrides, workers, shard_prefix)
        else:
            outcomes = _serial(units, overrides, shard_prefix)
        written: list[str] = []
        for outcome in _tick(outcomes, scan, progress, on_article):
            written += outcome.written
            scan.failed += outcome.failed
        _assemble(db_path, tmp, shard_prefix, scan, overrides)
    finally:
        for shard in _shards(shard_prefix):
            shard.unlink(missing_ok=True)
    return written


def _assemble(
    db_path: Path, tmp: Path, shard_prefix: str, scan: _Scan, overrides: Overrides
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
        _fsync_dir(db_path.parent)
    except BaseException:
        if writer is not None:
            writer.abort()
        tmp.unlink(missing_ok=True)
        raise


def _chain(first: list[_Unit], rest: Iterator[_Unit]) -> Iterator[_Unit]:
    yield from first
    yield from rest


def _shards(prefix: str) -> list[Path]:
    path = Path(prefix)
    return sorted(path.parent.glob(path.name + "*"))


def _report(
    scan: _Scan, written: list[str], old_hashes: dict[str, str], started: float, db_path: Path
) -> BuildReport:
    present = set(scan.unchanged) | set(written)
    return BuildReport(
        added=tuple(a for a in written if a not in old_hashes),
        changed=tuple(a for a in written if a in old_hashes),
        unchanged=tuple(scan.unchanged),
        removed=tuple(sorted(set(old_hashes) - present)),
        failed=tuple(scan.failed),
        seconds=time.perf_counter() - started,
        db_path=str(db_path),
    )


def _tick(
    outcomes: Iterator[_Outcome],
    scan: _Scan,
    progress: bool | None,
    on_article: Callable[[int, int], None] | None,
) -> Iterator[_Outcome]:
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


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
