"""Reloads: atomic swaps, one at a time, failures that leave the old knowledge base serving."""

from __future__ import annotations

import asyncio
import gc
import weakref
from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import Settings
from bot.service import NewsService, ReloadBusy, ReloadFailed
from knowledge.build.pipeline import _build_lock

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
    report = await service.reload([("rusak.txt", b"%PDF-1.7 Judul\n\nbukan teks")])
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


async def test_failed_reload_says_why_and_keeps_serving(service: NewsService) -> None:
    folder = service.settings.articles[0]
    (folder / "overrides.yaml").write_text("aliases: [unclosed\n", encoding="utf-8")
    with pytest.raises(ReloadFailed, match=r"overrides\.yaml"):
        await service.reload([("pasar.txt", NEW_ARTICLE)])
    assert (await service.ask("siapa Rina Wulandari")).found
    assert not (await service.ask("siapa Kustini Purnama")).found
    assert not service.reloading
    (folder / "overrides.yaml").unlink()
    assert (await service.reload()).added == ("pasar",), "the next reload works"


async def test_reload_while_another_build_holds_the_lock_fails_cleanly(
    service: NewsService,
) -> None:
    with (
        _build_lock(service.settings.db_path),
        pytest.raises(ReloadFailed, match="another build"),
    ):
        await service.reload([("pasar.txt", NEW_ARTICLE)])
    assert (await service.ask("siapa Rina Wulandari")).found
    assert (await service.reload()).added == ("pasar",)


async def test_cancelled_reload_leaves_no_build_running(service: NewsService) -> None:
    reload = asyncio.create_task(service.reload([("pasar.txt", NEW_ARTICLE)]))
    await asyncio.sleep(0.05)  # the child has started
    reload.cancel()
    with pytest.raises(asyncio.CancelledError):
        await reload
    assert (await service.ask("siapa Rina Wulandari")).found
    assert not service.reloading
    # The killed child held the build lock; a new build gets it at once.
    assert (await service.reload()).added == ("pasar",)


async def test_engine_objects_are_frozen_and_the_collector_left_on(service: NewsService) -> None:
    # A frozen object is in no generation: a full collection never walks the indexes again.
    def walked(obj: object) -> bool:
        return any(o is obj for o in gc.get_objects())

    assert not walked(service.engine.corpus.articles) and gc.isenabled()
    await service.reload([("pasar.txt", NEW_ARTICLE)])
    assert not walked(service.engine.corpus.articles) and gc.isenabled()
    fresh: dict[str, list[int]] = {"x": []}
    assert walked(fresh)


async def test_a_retired_engine_is_freed_by_reference_counting(service: NewsService) -> None:
    # Frozen objects are never collected as garbage cycles: the old engine must go by refcount.
    old = weakref.ref(service.engine)
    old_headlines = weakref.ref(service.engine.corpus.headlines)
    await service.reload([("pasar.txt", NEW_ARTICLE)])
    assert old() is None and old_headlines() is None
