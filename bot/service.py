"""The running knowledge base: one engine serving, reloads swapped in without a pause.

Adapters hold a NewsService, never an Engine: on reload the service builds a new database file
in a child interpreter (so the build never competes with answering for the GIL), opens a new
engine on it, and swaps the reference. Questions asked meanwhile are answered by the old engine,
whose open file handle survives the rename.
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

from bot.config import Settings
from bot.engine import Engine
from bot.engine.answer import Answer, Lang, Query
from bot.engine.conversation import ConversationStore
from bot.engine.intents.commands import Command
from knowledge.build.pipeline import BuildBusy, build
from knowledge.build.process import BuildFailed, build_in_child
from knowledge.build.sources import sources_of
from knowledge.models import BuildReport
from knowledge.read.readers import ReadError, read_bytes
from knowledge.store import SchemaMismatch, Store

log = logging.getLogger(__name__)
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
    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings = settings
        self._engine = engine
        self._lock = asyncio.Lock()
        # Questions in flight per engine: a retired engine is closed only once they finish.
        self._in_flight: dict[int, int] = {}
        self._idle = asyncio.Condition()

    @classmethod
    async def open(cls, settings: Settings) -> NewsService:
        await ensure_knowledge_base(settings)
        return cls(settings, await open_engine(settings.db_path))

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def reloading(self) -> bool:
        return self._lock.locked()

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

        Raises ReloadBusy when a reload is running, ReloadFailed (with the reason) when the
        build fails; either way the current knowledge base keeps serving.
        """
        if self._lock.locked():
            raise ReloadBusy("a reload is already running")
        async with self._lock:
            rejected = await asyncio.to_thread(self._save_uploads, uploads)
            try:
                sources = sources_of(self.settings.db_path, self.settings.articles)
                report = await build_in_child(sources, self.settings.db_path)
            except (BuildBusy, BuildFailed) as exc:
                raise ReloadFailed(str(exc)) from exc
            # Conversations outlive the knowledge base: "dia" still means who it meant.
            new_engine = await open_engine(self.settings.db_path, self._engine.conversations)
            retired = [self._engine]  # the only reference left once swapped: see _retire
            self._engine = new_engine
            await self._retire(retired)
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
        await self._engine.close()
