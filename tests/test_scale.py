"""Several services on one knowledge base and one real Redis (bot/scale), in one test process.

Each `NewsService.open(settings, shared=True)` here is what a `newsbot run` process holds with
REDIS_URL set: two of them stand for two processes (tests/test_scale_processes.py runs real
ones). Redis is a real redis-server on a free port, stopped and started again as a crash and
an empty restart would.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace
from pathlib import Path

import pytest
from bench.redis_server import RedisServer

import bot.scale.cluster as cluster_module
from bot.config import Settings
from bot.scale.hub import Hub
from bot.scale.state import ReloadFlag, SharedConversations, SharedRateLimiter
from bot.service import NewsService, ReloadBusy

NEW_ARTICLE = (
    "Bupati Sleman Resmikan Pasar Ikan\n\nBupati Sleman Kustini Purnama meresmikan pasar ikan"
    " baru pada 5 Mei 2022.\n\n\u201cPasar ini untuk nelayan kecil,\u201d kata Kustini.\n"
)
OTHER_ARTICLE = (
    "Wali Kota Ambon Buka Festival\n\nWali Kota Ambon Yosef Latuharhary membuka festival musik"
    " pada 2 Juni 2023.\n"
)


@pytest.fixture
def shared_settings(tmp_path: Path, corpus: Path, redis_server: RedisServer) -> Settings:
    return replace(
        Settings(),
        db_path=tmp_path / "volume" / "kb.db",
        articles=(corpus,),
        redis_url=redis_server.url,
        cooldown_seconds=0.0,
    )


@pytest.fixture
async def pair(shared_settings: Settings) -> AsyncIterator[tuple[NewsService, NewsService]]:
    first = await NewsService.open(shared_settings, shared=True)
    second = await NewsService.open(shared_settings, shared=True)
    yield first, second
    await first.close()
    await second.close()


async def _eventually(check: Callable[[], Awaitable[bool]], seconds: float = 20.0) -> None:
    """Waits (bounded) until `check` holds; the new generation reaches a process in the
    background, as it would in production."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not await check():
        assert loop.time() < deadline, "did not happen in time"
        await asyncio.sleep(0.05)


async def _knows(service: NewsService, person: str) -> bool:
    return (await service.ask(f"siapa {person}?")).found


async def test_both_processes_serve_the_one_published_generation(
    pair: tuple[NewsService, NewsService], shared_settings: Settings
) -> None:
    first, second = pair
    assert first.generation == second.generation == 1
    assert (shared_settings.db_path.parent / "kb.db.gen-00000001").exists()
    assert await _knows(first, "Rina Wulandari") and await _knows(second, "Rina Wulandari")


async def test_a_reload_on_one_process_reaches_the_other(
    pair: tuple[NewsService, NewsService], caplog: pytest.LogCaptureFixture
) -> None:
    first, second = pair
    caplog.set_level(logging.INFO, logger="bot.service")
    assert not await _knows(second, "Kustini Purnama")
    report = await first.reload([("pasar.txt", NEW_ARTICLE.encode())])
    assert report.added == ("pasar",)
    assert first.generation == 2 and await _knows(first, "Kustini Purnama")
    await _eventually(lambda: _knows(second, "Kustini Purnama"))
    assert second.generation == 2
    assert any("generation 2 (announced)" in r.getMessage() for r in caplog.records)
    # Neither serves generation 1 any more: it is deleted (by whichever let it go last).
    gen1 = first.settings.db_path.with_name("kb.db.gen-00000001")
    await _eventually(lambda: _gone(gen1))


async def _gone(path: Path) -> bool:
    return not path.exists()


async def test_a_process_started_later_serves_the_newest_generation(
    pair: tuple[NewsService, NewsService], shared_settings: Settings
) -> None:
    first, _ = pair
    await first.reload([("pasar.txt", NEW_ARTICLE.encode())])
    late = await NewsService.open(shared_settings, shared=True)
    try:
        assert late.generation == 2 and await _knows(late, "Kustini Purnama")
    finally:
        await late.close()


async def test_a_follow_up_on_another_process_knows_the_person(
    pair: tuple[NewsService, NewsService],
) -> None:
    first, second = pair
    asked = await first.ask("siapa Dewi Anggraini?", "slack:T1:C1:1700.1")
    assert asked.found
    follow_up = await second.ask("apa katanya?", "slack:T1:C1:1700.1")
    assert follow_up.intent == "quote" and follow_up.found
    assert "Dewi Anggraini" in follow_up.subject
    assert "bertanggung jawab" in follow_up.facts[0].citation.snippet  # type: ignore[union-attr]


async def test_one_reload_at_a_time_across_processes(
    pair: tuple[NewsService, NewsService], redis_server: RedisServer
) -> None:
    _, second = pair
    other = Hub(redis_server.url)
    await other.start()
    try:
        async with ReloadFlag(other).held() as taken:
            assert taken
            with pytest.raises(ReloadBusy, match="another process"):
                await second.reload()
        assert (await second.reload()).failed == ()
    finally:
        await other.close()


async def test_rate_limit_buckets_are_shared(redis_server: RedisServer) -> None:
    hubs = [Hub(redis_server.url), Hub(redis_server.url)]
    for hub in hubs:
        await hub.start()
    try:
        here, there = (SharedRateLimiter(hub, burst=2, interval=60.0) for hub in hubs)
        assert await here.acquire("discord:7") == 0.0
        assert await there.acquire("discord:7") == 0.0
        waits = await here.acquire("discord:7")
        assert 58.0 < waits <= 60.0, "the burst of two was spent on two processes"
        assert await there.acquire("discord:8") == 0.0, "another user has a bucket of their own"
    finally:
        for hub in hubs:
            await hub.close()


async def test_conversations_expire_in_redis(redis_server: RedisServer) -> None:
    hub = Hub(redis_server.url)
    await hub.start()
    try:
        store = SharedConversations(hub)
        await store.put("k", {"person": "Dewi Anggraini", "topic": "", "intent": "who"}, 0.2)
        assert (await store.get("k") or {})["person"] == "Dewi Anggraini"
        await asyncio.sleep(0.4)
        assert await store.get("k") is None
    finally:
        await hub.close()


async def test_redis_down_answers_go_on_logged_once_then_sharing_resumes(
    pair: tuple[NewsService, NewsService],
    redis_server: RedisServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    first, second = pair
    caplog.set_level(logging.INFO, logger="bot.scale")
    redis_server.stop()
    for n in range(5):
        for service in pair:
            answer = await service.ask("siapa Dewi Anggraini?", f"c{n}")
            assert answer.found, "each process answers from its own knowledge base"
    # Per process, still in memory: the follow-up on the same process works.
    assert (await first.ask("apa katanya?", "c0")).intent == "quote"
    warnings = [r for r in caplog.records if "is unavailable" in r.getMessage()]
    assert len(warnings) == 2, "one warning per process, not one per question"

    redis_server.start()  # empty, as after a restart without persistence
    await _eventually(lambda: _both_up(first, second))
    assert sum("is back" in r.getMessage() for r in caplog.records) == 2
    await first.ask("siapa Bambang Hartono?", "after")
    assert "Bambang" in (await second.ask("apa katanya?", "after")).subject
    await second.reload([("pasar.txt", NEW_ARTICLE.encode())])
    await _eventually(lambda: _knows(first, "Kustini Purnama"))


async def _both_up(first: NewsService, second: NewsService) -> bool:
    return all(s.cluster is not None and s.cluster.hub.up for s in (first, second))


async def test_a_missed_announcement_is_caught_up_by_polling(
    shared_settings: Settings,
    redis_server: RedisServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(cluster_module, "POLL_SECONDS", 0.2)
    caplog.set_level(logging.INFO, logger="bot.service")
    first = await NewsService.open(shared_settings, shared=True)
    second = await NewsService.open(shared_settings, shared=True)
    try:
        redis_server.stop()  # the announcement of the reload below reaches nobody
        folder = shared_settings.articles[0]
        (folder / "festival.txt").write_text(OTHER_ARTICLE, encoding="utf-8")
        await first.reload()
        await _eventually(lambda: _knows(second, "Yosef Latuharhary"))
        assert any("(found by polling)" in r.getMessage() for r in caplog.records)
    finally:
        await first.close()
        await second.close()


def test_the_bench_reports_memory_open_time_and_propagation(
    corpus_db: Path, tmp_path: Path
) -> None:
    from bench.cluster import cluster_rows
    from bench.table import Table

    reason = RedisServer.missing()
    if reason:
        pytest.skip(reason)
    table = Table()
    cluster_rows(table, "3 articles", corpus_db, tmp_path / "bench")
    assert [row[1] for row in table.rows] == [
        "memory per process, 3 processes on one file",
        "engine open, 3 processes starting at once",
        "reload propagation to 3 processes",
    ]
    assert all(" ms slowest" in row[2] for row in table.rows[1:])
    assert not list(corpus_db.parent.glob("*.gen-00000001")), "the first generation was collected"


async def test_ingest_publishes_for_the_running_processes(
    pair: tuple[NewsService, NewsService],
    shared_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bot import cli

    folder = shared_settings.articles[0]
    (folder / "festival.txt").write_text(OTHER_ARTICLE, encoding="utf-8")
    monkeypatch.setenv("NEWSBOT_DB", str(shared_settings.db_path))
    monkeypatch.setenv("NEWSBOT_ARTICLES", str(folder))
    monkeypatch.setenv("REDIS_URL", shared_settings.redis_url)
    # `ingest` runs its own event loop, as from a shell: here in a thread beside the services'.
    assert await asyncio.to_thread(cli.main, ["ingest", "--quiet"]) == 0
    assert "generation 2" in capsys.readouterr().out
    for service in pair:
        await _eventually(lambda s=service: _knows(s, "Yosef Latuharhary"))
