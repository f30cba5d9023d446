"""Reloads: atomic swaps, one at a time, failures that leave the old knowledge base serving."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import Settings
from bot.service import NewsService, ReloadBusy
from knowledge import build as build_module

NEW_ARTICLE = (
    b"Bupati Sleman Resmikan Pasar\n\nBupati Sleman Kustini Purnama meresmikan pasar baru "
    b"pada 5 Mei 2022.\n"
)


@pytest.fixture
async def service(tmp_path: Path, corpus: Path) -> NewsService:
    settings = replace(Settings(), db_path=tmp_path / "kb.db", articles=(corpus,))
    svc = await NewsService.open(settings)
    yield svc  # type: ignore[misc]
    await svc.close()


async def test_open_builds_a_missing_knowledge_base(service: NewsService) -> None:
    assert service.settings.db_path.exists()
    assert (await service.ask("siapa Rina Wulandari")).found


async def test_reload_swaps_in_an_upload_while_answering(service: NewsService) -> None:
    assert not (await service.ask("siapa Kustini Purnama")).found
    reload = asyncio.create_task(service.reload([("pasar.txt", NEW_ARTICLE)]))
    answers = []
    while not reload.done():
        answers.append(await service.ask("siapa Rina Wulandari"))
        await asyncio.sleep(0)
    report = await reload
    assert report.added == ("pasar",)
    assert answers and all(a.found for a in answers)
    assert (await service.ask("siapa Kustini Purnama")).found
    assert (service.settings.articles[0] / "pasar.txt").exists()


async def test_bad_upload_is_refused_and_not_saved(service: NewsService) -> None:
    report = await service.reload([("rusak.txt", b"Judul\n\nKata \xe9\xe8 rusak.")])
    assert report.failed and report.failed[0][0] == "rusak.txt"
    assert not (service.settings.articles[0] / "rusak.txt").exists()


async def test_second_reload_is_told_one_is_running(service: NewsService) -> None:
    first = asyncio.create_task(service.reload())
    await asyncio.sleep(0)
    assert service.reloading
    with pytest.raises(ReloadBusy):
        await service.reload()
    await first
    assert not service.reloading


async def test_failed_reload_keeps_serving(
    service: NewsService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(build_module.Writer, "finish", broken)
    with pytest.raises(OSError):
        await service.reload([("pasar.txt", NEW_ARTICLE)])
    assert (await service.ask("siapa Rina Wulandari")).found
    assert not service.reloading
