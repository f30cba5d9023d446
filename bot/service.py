"""The running knowledge base: one engine serving, reloads swapped in without a pause.

Adapters hold a NewsService, never an Engine: on reload the service builds a new database file
off the event loop, opens a new engine on it, and swaps the reference. Questions asked meanwhile
are answered by the old engine, whose open file handle survives the rename.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from pathlib import Path

from bot.answer import Answer, Query
from bot.config import Settings
from bot.engine import Engine
from knowledge.build import build
from knowledge.models import BuildReport
from knowledge.readers import ReadError, read_bytes
from knowledge.store import SchemaMismatch

log = logging.getLogger(__name__)
_SAFE_NAME = re.compile(r"[^\w.\-]+")


class ReloadBusy(RuntimeError):
    """A reload is already running; only one runs at a time."""


async def ensure_knowledge_base(settings: Settings) -> BuildReport | None:
    """Build the knowledge base when it is missing or of an older schema; None when it was fine."""
    path = settings.db_path
    if path.exists():
        try:
            engine = await Engine.open(path)
        except SchemaMismatch:
            log.info("knowledge base at %s is outdated; rebuilding", path)
        else:
            await engine.close()
            return None
    return await asyncio.to_thread(build, list(settings.articles), path, progress=False)


class NewsService:
    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings = settings
        self._engine = engine
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, settings: Settings) -> NewsService:
        await ensure_knowledge_base(settings)
        return cls(settings, await Engine.open(settings.db_path))

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def reloading(self) -> bool:
        return self._lock.locked()

    async def ask(self, text: str) -> Answer:
        return await self._engine.ask(text)

    async def answer(self, query: Query) -> Answer:
        return await self._engine.answer(query)

    async def complete_names(self, current: str, limit: int = 25) -> list[str]:
        return await self._engine.complete_names(current, limit)

    async def complete_topics(self, current: str, limit: int = 25) -> list[str]:
        return await self._engine.complete_topics(current, limit)

    async def reload(self, uploads: Sequence[tuple[str, bytes]] = ()) -> BuildReport:
        """Rebuild from the articles folder (plus uploaded files, saved there first).

        Raises ReloadBusy when a reload is running. If the build fails, the exception
        propagates and the current knowledge base keeps serving.
        """
        if self._lock.locked():
            raise ReloadBusy("a reload is already running")
        async with self._lock:
            rejected = await asyncio.to_thread(self._save_uploads, uploads)
            report = await asyncio.to_thread(
                build, list(self.settings.articles), self.settings.db_path, progress=False
            )
            new_engine = await Engine.open(self.settings.db_path)
            old, self._engine = self._engine, new_engine
            await old.close()
            if rejected:
                report = BuildReport(
                    added=report.added,
                    changed=report.changed,
                    unchanged=report.unchanged,
                    removed=report.removed,
                    failed=tuple(rejected) + report.failed,
                    seconds=report.seconds,
                    db_path=report.db_path,
                )
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
            errors = [r for r in read_bytes(safe, data) if isinstance(r, ReadError)]
            if errors and len(errors) == len(read_bytes(safe, data)):
                rejected.append((name, errors[0].reason))
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
