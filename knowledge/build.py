"""Building the knowledge base: articles in, a complete new database file out, swapped in.

A build never touches the database readers have open. It writes a temporary file beside it and
renames it over the old one only when complete, so a failed or killed build (even `kill -9`)
leaves the previous knowledge base serving. Articles whose content hash is unchanged are copied
from the previous file instead of being extracted again.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.extract import EXTRACTOR_VERSION, extract
from knowledge.models import Article, ArticleFacts, BuildReport
from knowledge.overrides import Overrides, load_overrides
from knowledge.people import PersonRegistry
from knowledge.readers import ReadError, iter_sources, read_file
from knowledge.store.writer import Writer, read_hashes

# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 64
OVERRIDES_NAMES = ("overrides.yaml", "overrides.yml")


class BuildBusy(RuntimeError):
    """Another build of the same knowledge base is running."""


@dataclass(frozen=True)
class _Task:
    article: Article
    content_hash: str


def content_hash(article: Article, overrides_digest: str) -> str:
    h = hashlib.sha256()
    for part in (
        EXTRACTOR_VERSION,
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


def find_overrides(paths: Sequence[Path]) -> Path | None:
    for base in paths:
        folder = base if base.is_dir() else base.parent
        for name in OVERRIDES_NAMES:
            if (folder / name).is_file():
                return folder / name
    return None


def _extract_task(task: tuple[Article, str, Overrides]) -> ArticleFacts | tuple[str, str]:
    article, digest, overrides = task
    try:
        facts = extract(article, overrides)
    except Exception as exc:  # one article's bug must not sink the build
        return (article.path or article.id, f"extraction failed: {type(exc).__name__}: {exc}")
    facts.content_hash = digest
    return facts


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
    """
    started = time.perf_counter()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(db_path):
        _remove_stale_builds(db_path)
        overrides_path = find_overrides(paths)
        overrides = load_overrides(overrides_path) if overrides_path else Overrides()
        digest = overrides.digest()
        old_hashes = read_hashes(db_path)

        failed: list[tuple[str, str]] = []
        seen: dict[str, str] = {}
        tasks: list[_Task] = []
        unchanged: list[str] = []
        for path in iter_sources(list(paths)):
            for item in read_file(path):
                if isinstance(item, ReadError):
                    failed.append((item.path, item.reason))
                    continue
                if item.id in seen:
                    failed.append(
                        (item.path, f"duplicate article id '{item.id}' (also in {seen[item.id]})")
                    )
                    continue
                seen[item.id] = item.path
                h = content_hash(item, digest)
                if old_hashes.get(item.id) == h:
                    unchanged.append(item.id)
                else:
                    tasks.append(_Task(item, h))

        tmp = db_path.with_name(f".{db_path.name}.build-{os.getpid()}")
        writer = Writer(tmp)
        try:
            writer.copy_unchanged(db_path, unchanged)
            added: list[str] = []
            changed: list[str] = []
            for result in _run_extraction(tasks, overrides, workers, progress, on_article):
                if isinstance(result, tuple):
                    failed.append(result)
                    continue
                writer.add(result)
                aid = result.article.id
                (changed if aid in old_hashes else added).append(aid)
            writer.commit()
            _resolve_people(writer, overrides)
            writer.finish()
            os.replace(tmp, db_path)
            _fsync_dir(db_path.parent)
        except BaseException:
            writer.abort()
            raise
    removed = sorted(set(old_hashes) - set(seen))
    return BuildReport(
        added=tuple(added),
        changed=tuple(changed),
        unchanged=tuple(unchanged),
        removed=tuple(removed),
        failed=tuple(failed),
        seconds=time.perf_counter() - started,
        db_path=str(db_path),
    )


def _run_extraction(
    tasks: list[_Task],
    overrides: Overrides,
    workers: int | None,
    progress: bool | None,
    on_article: Callable[[int, int], None] | None,
) -> Iterator[ArticleFacts | tuple[str, str]]:
    jobs = ((t.article, t.content_hash, overrides) for t in tasks)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    bar = _progress_bar(len(tasks), progress)
    try:
        if workers > 1 and len(tasks) >= PARALLEL_THRESHOLD:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                chunk = max(1, min(64, len(tasks) // (workers * 8)))
                yield from _tick(
                    pool.map(_extract_task, jobs, chunksize=chunk), bar, on_article, len(tasks)
                )
        else:
            yield from _tick(map(_extract_task, jobs), bar, on_article, len(tasks))
    finally:
        if bar is not None:
            bar.close()


def _tick(
    results: Iterator[ArticleFacts | tuple[str, str]],
    bar: Any,
    on_article: Callable[[int, int], None] | None,
    total: int,
) -> Iterator[ArticleFacts | tuple[str, str]]:
    for done, result in enumerate(results, 1):
        if bar is not None:
            bar.update(1)
        if on_article is not None:
            on_article(done, total)
        yield result


def _progress_bar(total: int, progress: bool | None) -> Any:
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress or total == 0:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="article", desc="extracting", file=sys.stderr)


def _resolve_people(writer: Writer, overrides: Overrides) -> None:
    registry = PersonRegistry(overrides)
    by_article = list(writer.mentions_by_article())
    for article_id, mentions in by_article:
        registry.add(article_id, mentions)
    canonical: dict[tuple[str, str], str] = {}
    for article_id, mentions in by_article:
        for m in mentions:
            name = registry.canonical(m.name, article_id)
            if name:
                canonical[(article_id, m.name)] = name
    # A speaker becomes a person only through a person the registry knows: a tweet signed
    # "OpenAI" is a quote, but OpenAI is not a person.
    for article_id, speaker in writer.speakers():
        if (article_id, speaker) in canonical:
            continue
        found = registry.candidates(speaker, article_id)
        if len(found) == 1:
            canonical[(article_id, speaker)] = found[0]
    writer.set_people(canonical, overrides.roles)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
