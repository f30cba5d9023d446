"""Shared fixtures: small articles written for these tests, and knowledge bases built from them.

The articles are invented (people, dates and events that appear in no bundled article) so the
tests prove extraction and answering work on text the code was never tuned on.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bench.redis_server import RedisServer
    from fake_discord import FakeDiscord

    from bot.config import Settings
    from bot.discord.client import NewsBot
    from bot.engine import Engine
    from bot.engine.answer import Answer
    from bot.service import NewsService
    from knowledge.models import DateMention

# Imports of the build and the engine happen inside the fixtures so that a test module that
# needs neither (a single extractor's tests) runs even while those are being worked on.

FINANCE = """Menteri Keuangan Rina Wulandari Umumkan Pemangkasan Anggaran

Jakarta, Senin (3/2/2025) – Menteri Keuangan Rina Wulandari mengumumkan pemangkasan anggaran \
sebesar Rp 50 triliun untuk tahun ini.

"Kami harus berhemat tanpa mengorbankan layanan publik," kata Rina di Gedung DPR, Jakarta.

Pengamat ekonomi dari Universitas Gadjah Mada, Bambang Hartono, menilai langkah itu terlambat. \
"Seharusnya pemangkasan dilakukan sejak tahun lalu," ujar Bambang.

Rencana pemangkasan pertama kali dibahas dalam rapat kabinet pada 14 Januari 2025.

Sebelumnya, Presiden Joko Santoso memecat Direktur Utama PT Kereta Nusantara, Agus Salimun, \
pada 20 Januari 2025 karena proyek yang terlambat.
"""

FOOTBALL = """---
title: Pelatih Garuda Muda FC Mengundurkan Diri
source: Kabar Bola
url: https://example.org/bola/pelatih-mundur
published: 2024-08-19
---
Pelatih Garuda Muda FC, Dewi Anggraini, mengundurkan diri pada Sabtu (17/8/2024) setelah \
timnya kalah lima kali berturut-turut.

“Saya bertanggung jawab penuh atas hasil buruk musim ini,” kata Dewi dalam konferensi pers.

Kapten tim Yusuf Maulana menyebut keputusan itu mengejutkan para pemain. “Kami tidak pernah \
menduga beliau akan pergi secepat ini,” ujarnya.

Manajemen klub akan menunjuk pelatih baru pada September.
"""

ENGLISH = """---
title: Harbor City approves new tram line
source: Coastal Times
published: 2023-03-10
lang: en
---
Harbor City's council approved a new tram line on March 8, 2023, after two years of debate.

"This line will cut commutes in half for thousands of families," said Mayor Lena Okafor.

Transport analyst Marcus Webb said the budget of $2 billion was optimistic.
"""


def write_corpus(folder: Path) -> Path:
    return write_articles(
        folder, {"keuangan.txt": FINANCE, "bola.md": FOOTBALL, "tram.md": ENGLISH}
    )


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    """Write article files (name -> text) into `folder`, created if need be; the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def dated_mentions(text: str, published: date | None = None) -> list[DateMention]:
    """The date tagger's mentions of `text`, each checked to quote the text at its span."""
    from knowledge.extract.dates import tag_dates

    found = tag_dates(text, published)
    for m in found:
        assert text[m.start : m.end] == m.text
    return found


def build_articles(folder: Path, articles: dict[str, str]) -> Path:
    """Write the articles into `folder` and build a knowledge base beside it; its path."""
    from knowledge.build.pipeline import build

    db = folder.parent / f"{folder.name}.db"
    report = build([write_articles(folder, articles)], db, progress=False)
    assert not report.failed, report.failed
    return db


@asynccontextmanager
async def engine_on(folder: Path, articles: dict[str, str]) -> AsyncIterator[Engine]:
    """An engine over a knowledge base built of `articles` (file name -> text) in `folder`,
    closed afterwards."""
    from bot.engine import Engine

    engine = await Engine.open(build_articles(folder, articles))
    try:
        yield engine
    finally:
        await engine.close()


async def ask_about(tmp_path: Path, articles: dict[str, str], *questions: str) -> list[Answer]:
    """The answers to `questions` from a knowledge base built of `articles` (file name -> text)."""
    from bot.engine import Engine

    engine = await Engine.open(build_articles(tmp_path / "articles", articles))
    try:
        return [await engine.ask(q) for q in questions]
    finally:
        await engine.close()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "articles")


@pytest.fixture
def corpus_db(tmp_path: Path, corpus: Path) -> Path:
    from knowledge.build.pipeline import build

    db = tmp_path / "kb.db"
    report = build([corpus], db, progress=False)
    assert not report.failed, report.failed
    return db


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bot.config import BUNDLED_ARTICLES
    from knowledge.build.pipeline import build

    db = tmp_path_factory.mktemp("bundled") / "kb.db"
    build([BUNDLED_ARTICLES], db, progress=False)
    return db


@pytest.fixture
async def engine(corpus_db: Path) -> AsyncIterator[Engine]:
    from bot.engine import Engine

    eng = await Engine.open(corpus_db)
    yield eng
    await eng.close()


@pytest.fixture
async def bundled_engine(bundled_db: Path) -> AsyncIterator[Engine]:
    from bot.engine import Engine

    eng = await Engine.open(bundled_db)
    yield eng
    await eng.close()


# The Discord tests' shared fixtures: a copy of the bundled articles to build from, the fake
# Discord on 127.0.0.1, and the real service.


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    from fake_discord import kb_settings

    return kb_settings(tmp_path)


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    from fake_discord import FakeDiscord

    server = FakeDiscord()
    await server.start()
    server.patch(monkeypatch)
    yield server
    await server.close()


@pytest.fixture
async def service(settings: Settings) -> AsyncIterator[NewsService]:
    from bot.service import NewsService

    opened = await NewsService.open(settings)
    yield opened
    await opened.close()


@pytest.fixture
async def bot(
    fake: FakeDiscord, service: NewsService, settings: Settings
) -> AsyncIterator[NewsBot]:
    """The real Discord client, started against the fake and ready."""
    from fake_discord import start_client, stop_client

    from bot.discord.client import NewsBot

    client = NewsBot(settings, service, guild_ready_timeout=0)
    task = await start_client(client)
    yield client
    await stop_client(client, task)


# A real redis-server on a free port for the tests of several processes (bot/scale); skipped
# with the reason where the binary is not installed.


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    from bench.redis_server import RedisServer

    reason = RedisServer.missing()
    if reason:
        pytest.skip(reason)
    server = RedisServer(tmp_path / "redis")
    server.start()
    yield server
    server.stop()
