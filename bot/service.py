"""The running knowledge base: one engine serving, reloads swapped in without a pause.

Adapters hold a NewsService, never an Engine: on reload the service builds a new database file
in a child interpreter (so the build never competes with answering for the GIL), opens a new
engine on it, and swaps the reference. Questions asked meanwhile are answered by the old engine,
whose open file handle survives the rename.

With REDIS_URL set, `NewsService.open(settings, shared=True)` makes this process one of several
(`bot.scale`): it serves the current generation of the knowledge base, a reload here publishes
the next one for every process, and conversations and the rate limit are kept in Redis.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import gc
import logging
import re
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.engine import Engine
from bot.engine.answer import Answer, Lang, Query
from bot.engine.conversation import ConversationStore
from bot.engine.intents.commands import Command
from bot.ratelimit import Limiter, RateLimiter
from knowledge.build.generations import GenerationLease
from knowledge.build.pipeline import BuildBusy, build
from knowledge.build.process import BuildFailed, build_in_child
from knowledge.build.sources import sources_of
from knowledge.models import BuildReport
from knowledge.read.readers import ReadError, read_bytes
from knowledge.store import SchemaMismatch, Store

if TYPE_CHECKING:
    from bot.scale.cluster import Cluster

log = logging.getLogger(__name__)
FIRST_LEASE_TRIES = 600  # with BUILD_WAIT_SECONDS: another process's first build may take long
BUILD_WAIT_SECONDS = 1.0
_SAFE_NAME = re.compile(r"[^\w.\-]+")


class ReloadBusy(RuntimeError):
    """A reload is already running; only one runs at a time."""


class ReloadFailed(RuntimeError):
    """The new knowledge base could not be built; the previous one keeps serving."""


class StartupFailed(RuntimeError):
    """A chat surface could not start (a rejected token, no network). The message is one line
    for whoever starts the bot, naming what to check; the CLI prints it without a traceback."""


async def ensure_knowledge_base(settings: Settings) -> BuildReport | None:
    """Build the knowledge base when it is missing or of an older schema; None when it was fine."""
    path = settings.db_path
    if path.exists():
        try:
            store = await Store.open(path)  # checks the schema version; no indexes built
        except SchemaMismatch:
            log.info("knowledge base at %s is outdated; rebuilding", path)
        else:
            await store.close()
            return None
    sources = sources_of(path, settings.articles)
    return await asyncio.to_thread(build, sources, path, progress=False)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while an engine's indexes are built, then freeze them.

    An engine over 100k articles is millions of long-lived objects. A full collection walks
    them all (50-90 ms, holding the GIL: the event loop stalls) whenever enough new objects
    pile up - during a reload, and now and then while serving. Frozen objects are never walked
    again; they are still freed by reference counting when a retired engine is dropped.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


async def open_engine(path: Path, conversations: ConversationStore | None = None) -> Engine:
    with _collector_paused():
        return await Engine.open(path, conversations)


class NewsService:
    """The serving engine, swapped on reload. With a `cluster` (REDIS_URL set) it serves the
    current generation of a knowledge base shared by several processes, under `lease`."""

    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        cluster: Cluster | None = None,
        lease: GenerationLease | None = None,
    ) -> None:
        self.settings = settings
        self._engine = engine
        self._lock = asyncio.Lock()
        # Questions in flight per engine: a retired engine is closed only once they finish.
        self._in_flight: dict[int, int] = {}
        self._idle = asyncio.Condition()
        self.cluster = cluster
        self._generation = lease
        self._swapping = asyncio.Lock()

    @classmethod
    async def open(cls, settings: Settings, shared: bool = False) -> NewsService:
        """The service on the knowledge base of `settings` (built first when missing).

        `shared` (needs `settings.redis_url`): one of several processes, on the current
        generation, with state in Redis; see `bot.scale`.
        """
        if shared:
            return await cls._open_shared(settings)
        await ensure_knowledge_base(settings)
        return cls(settings, await open_engine(settings.db_path))

    @classmethod
    async def _open_shared(cls, settings: Settings) -> NewsService:
        from bot.scale.cluster import Cluster

        cluster = Cluster(settings)
        await cluster.start()
        try:
            lease = await _first_lease(cluster, settings)
            try:
                engine = await open_engine(lease.generation.path, cluster.conversations)
            except BaseException:
                lease.release()
                raise
        except BaseException:
            await cluster.close()
            raise
        log.info("serving knowledge-base generation %d", lease.generation.number)
        service = cls(settings, engine, cluster, lease)
        cluster.follow(service.catch_up)
        await cluster.collect()
        return service

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def generation(self) -> int | None:
        """The generation being served (None for a knowledge base of one process)."""
        return self._generation.generation.number if self._generation else None

    @property
    def reloading(self) -> bool:
        return self._lock.locked()

    def rate_limiter(self, burst: int, interval: float) -> Limiter:
        """A chat surface's rate limit (see `RateLimiter`); in a cluster its buckets are in
        Redis, so a user's questions count the same on every process."""
        if self.cluster is not None:
            return self.cluster.rate_limiter(burst, interval)
        return RateLimiter(burst, interval)

    async def ask(self, text: str, conversation: str | None = None) -> Answer:
        """Answer a question on the serving engine (see Engine.ask)."""
        async with self._lease() as engine:
            return await engine.ask(text, conversation)

    def command(self, command: Command, argument: str, lang: Lang | None = None) -> Query:
        """The query of a slash command with its argument as typed (see Engine.command)."""
        return self._engine.command(command, argument, lang)

    async def answer(self, query: Query) -> Answer:
        async with self._lease() as engine:
            return await engine.answer(query)

    @contextlib.asynccontextmanager
    async def _lease(self) -> AsyncIterator[Engine]:
        engine = self._engine
        key = id(engine)
        self._in_flight[key] = self._in_flight.get(key, 0) + 1
        try:
            yield engine
        finally:
            self._in_flight[key] -= 1
            if not self._in_flight[key]:
                del self._in_flight[key]
                async with self._idle:
                    self._idle.notify_all()

    async def _swap(self, engine: Engine) -> None:
        """Serve `engine` from now on; the old one is closed once its questions finish."""
        retired = [self._engine]  # the only reference left once swapped: see _retire
        self._engine = engine
        await self._retire(retired)

    async def _retire(self, retired: list[Engine]) -> None:
        """Close the one engine in `retired` once its questions finish, then free it off the
        loop: dropping an engine's millions of objects takes ~100 ms at 100k articles, and
        whichever thread drops the last reference pays for it."""
        key = id(retired[0])
        async with self._idle:
            await self._idle.wait_for(lambda: key not in self._in_flight)
        await retired[0].close()
        await asyncio.to_thread(retired.clear)

    async def complete_names(self, current: str, limit: int = 25) -> list[str]:
        async with self._lease() as engine:
            return await engine.complete_names(current, limit)

    async def complete_topics(self, current: str, limit: int = 25) -> list[str]:
        async with self._lease() as engine:
            return await engine.complete_topics(current, limit)

    async def reload(self, uploads: Sequence[tuple[str, bytes]] = ()) -> BuildReport:
        """Rebuild from the knowledge base's sources (uploaded files are saved first in the
        first configured articles folder).

        Raises ReloadBusy when a reload is running (here, or on another process of a cluster),
        ReloadFailed (with the reason) when the build fails; either way the current knowledge
        base keeps serving. In a cluster the build is published as the next generation, which
        every process then serves.
        """
        if self._lock.locked():
            raise ReloadBusy("a reload is already running")
        async with self._lock, self._reload_flag() as ours:
            if not ours:
                raise ReloadBusy("a reload is already running on another process")
            rejected = await asyncio.to_thread(self._save_uploads, uploads)
            try:
                sources = sources_of(self.settings.db_path, self.settings.articles)
                report = await build_in_child(sources, self.settings.db_path)
            except (BuildBusy, BuildFailed) as exc:
                raise ReloadFailed(str(exc)) from exc
            if self.cluster is not None:
                await self.cluster.publish()
                await self.catch_up("reloaded here")
            else:
                # Conversations outlive the knowledge base: "dia" still means who it meant.
                conversations = self._engine.conversations
                await self._swap(await open_engine(self.settings.db_path, conversations))
            if rejected:
                report = dataclasses.replace(report, failed=tuple(rejected) + report.failed)
            log.info(
                "reloaded: %d added, %d changed, %d removed, %d failed in %.1fs",
                len(report.added),
                len(report.changed),
                len(report.removed),
                len(report.failed),
                report.seconds,
            )
            return report

    def _reload_flag(self) -> contextlib.AbstractAsyncContextManager[bool]:
        if self.cluster is None:
            return contextlib.nullcontext(True)
        return self.cluster.reload_flag.held()

    async def catch_up(self, why: str = "") -> None:
        """Serve the current generation when it is newer than the one served (a cluster only).

        Answering goes on meanwhile: the new engine is opened beside the old one, which is
        closed once its questions finish; then its generation may be deleted.
        """
        if self.cluster is None:
            return
        async with self._swapping:
            lease = await self.cluster.lease()
            if lease is None or (
                self._generation is not None
                and lease.generation.number <= self._generation.generation.number
            ):
                if lease is not None:
                    lease.release()
                return
            try:
                engine = await open_engine(lease.generation.path, self._engine.conversations)
            except BaseException:
                lease.release()
                raise
            old, self._generation = self._generation, lease
            try:
                await self._swap(engine)
            finally:  # even when closing cuts the wait for the old engine's questions short
                if old is not None:
                    old.release()
            log.info("serving knowledge-base generation %d (%s)", lease.generation.number, why)
        await self.cluster.collect()

    def _save_uploads(self, uploads: Sequence[tuple[str, bytes]]) -> list[tuple[str, str]]:
        """Keep uploaded articles that read cleanly; report the others and save nothing of them."""
        rejected: list[tuple[str, str]] = []
        folder = self._upload_folder()
        for name, data in uploads:
            safe = _SAFE_NAME.sub("_", Path(name).name).lstrip(".") or "upload.txt"
            results = read_bytes(safe, data)
            errors = [r for r in results if isinstance(r, ReadError)]
            if not results or len(errors) == len(results):
                rejected.append((name, errors[0].reason if errors else "no article in the file"))
                continue
            (folder / safe).write_bytes(data)
        return rejected

    def _upload_folder(self) -> Path:
        for path in self.settings.articles:
            if path.is_dir():
                return path
        folder = self.settings.articles[0].parent
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    async def close(self) -> None:
        if self.cluster is not None:
            await self.cluster.close()
        await self._engine.close()
        if self._generation is not None:
            self._generation.release()
        if self.cluster is not None:
            # The last process to let an old generation go deletes it, even on its way out.
            await self.cluster.collect()


async def _first_lease(cluster: Cluster, settings: Settings) -> GenerationLease:
    """A lease on the current generation, publishing one first when there is none (or only
    one of an older schema). Several processes starting at once build it once: the others
    wait for the build lock and then find the generation published."""
    for _ in range(FIRST_LEASE_TRIES):
        lease = await cluster.lease()
        if lease is not None:
            if await _schema_ok(lease.generation.path):
                return lease
            lease.release()
        try:
            await ensure_knowledge_base(settings)
        except BuildBusy:
            log.info("another process is building the knowledge base; waiting for it")
            await asyncio.sleep(BUILD_WAIT_SECONDS)
            continue
        await cluster.publish()
    raise StartupFailed(f"no usable knowledge base at {settings.db_path}: see the log")


async def _schema_ok(path: Path) -> bool:
    try:
        store = await Store.open(path)
    except (SchemaMismatch, FileNotFoundError):
        return False
    await store.close()
    return True
