"""Follow-up questions: each conversation remembers its last person and topic for ten minutes.

Articles written for these tests (a village head who resigns, a sub-district head, a start-up's
executives); through the engine, the `ask -` stream in a real subprocess, and the console chat.
"""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest
from test_cli import _run as run_cli

from bot.config import Settings
from bot.console.chat import chat
from bot.engine import Engine
from bot.engine.conversation import TTL_SECONDS, Context, MemoryConversations
from bot.service import NewsService
from knowledge.build.pipeline import build

DESA = """Kepala Desa Sukamakmur Hendra Wijaya Mengundurkan Diri

BOGOR – Kepala Desa Sukamakmur, Hendra Wijaya, mengundurkan diri pada Senin (2/9/2024) karena \
alasan kesehatan.

"Saya ingin fokus memulihkan kesehatan bersama keluarga," kata Hendra kepada wartawan.

Camat Cibungbulang, Ratna Dewi Lestari, menunjuk sekretaris desa sebagai pelaksana tugas pada \
Selasa (3/9/2024). "Pelayanan warga tidak boleh berhenti sehari pun," ujar Ratna.
"""

STARTUP = """---
title: Startup Pangan Segarin Tunjuk Dimas Prakoso sebagai CTO
published: 2024-10-01
---
JAKARTA – Perusahaan rintisan pangan Segarin menunjuk Dimas Prakoso sebagai Chief Technology \
Officer (CTO) mulai Selasa (1/10/2024).

CEO Segarin, Lestari Handayani, mengatakan Dimas akan memimpin pengembangan aplikasi.

"Dimas membawa pengalaman sepuluh tahun membangun sistem logistik," kata Lestari.
"""


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "desa.txt").write_text(DESA, encoding="utf-8")
    (folder / "segarin.md").write_text(STARTUP, encoding="utf-8")
    return folder


@pytest.fixture
def db(tmp_path: Path, articles: Path) -> Path:
    path = tmp_path / "kb.db"
    report = build([articles], path, progress=False)
    assert not report.failed
    return path


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def convo(db: Path) -> AsyncIterator[tuple[Engine, Clock]]:
    clock = Clock()
    engine = await Engine.open(db, MemoryConversations(clock=clock))
    yield engine, clock
    await engine.close()


# -- the store ---------------------------------------------------------------------------------


async def test_memory_store_forgets_after_the_ttl_and_beyond_its_capacity() -> None:
    clock = Clock()
    store = MemoryConversations(capacity=2, clock=clock)
    await store.put("a", {"person": "Hendra Wijaya"}, ttl=60)
    clock.now += 59
    assert await store.get("a") == {"person": "Hendra Wijaya"}
    clock.now += 2
    assert await store.get("a") is None
    for key in ("x", "y", "z"):
        await store.put(key, {"topic": key}, ttl=60)
    assert await store.get("x") is None  # the least recently used went first
    assert await store.get("z") == {"topic": "z"}
    assert len(store) == 2


def test_context_round_trips_through_plain_strings_and_ignores_junk() -> None:
    context = Context(person="Hendra Wijaya", topic="Hendra Wijaya mundur", intent="when")
    assert Context.from_dict(json.loads(json.dumps(context.to_dict()))) == context
    assert Context.from_dict({"person": 3, "extra": "x", "topic": "t" * 1000}) == Context(
        topic="t" * 300
    )


# -- the engine --------------------------------------------------------------------------------


async def test_pronouns_and_nya_mean_the_last_person(convo: tuple[Engine, Clock]) -> None:
    engine, _ = convo
    first = await engine.ask("siapa Hendra Wijaya?", "c1")
    assert first.found and first.subject == "Hendra Wijaya"
    when = await engine.ask("kapan dia mundur?", "c1")
    assert when.intent == "when" and when.found
    assert when.facts[0].date is not None and when.facts[0].date.iso() == "2024-09-02"
    quote = await engine.ask("apa katanya?", "c1")
    assert quote.intent == "quote" and quote.subject == "Hendra Wijaya"
    assert quote.citations[0].snippet.find("memulihkan kesehatan") >= 0
    english = await engine.ask("what did he say?", "c1")
    assert english.intent == "quote" and english.subject == "Hendra Wijaya"
    again = await engine.ask("dan dia?", "c1")
    assert again.intent == "who" and again.subject == "Hendra Wijaya"


async def test_and_when_asks_about_the_last_topic(convo: tuple[Engine, Clock]) -> None:
    engine, _ = convo
    await engine.ask("kenapa Hendra Wijaya mengundurkan diri?", "c2")
    when = await engine.ask("and when?", "c2")
    assert when.intent == "when" and when.found
    assert "Hendra Wijaya" in when.query.subject


async def test_a_title_with_nya_borrows_the_last_organisation(
    convo: tuple[Engine, Clock],
) -> None:
    engine, _ = convo
    await engine.ask("siapa CEO Segarin?", "c3")
    follow = await engine.ask("kalau CTO-nya?", "c3")
    assert "CTO Segarin" in follow.query.subject


async def test_a_lone_pronoun_without_context_asks_who_is_meant(
    convo: tuple[Engine, Clock],
) -> None:
    engine, clock = convo
    for question, lang in (("dan dia?", "id"), ("what did she say?", "en")):
        answer = await engine.ask(question, "fresh")
        assert not answer.found and answer.intent == "unknown"
        assert answer.message == "pronoun_unknown" and answer.lang == lang
    # Another conversation's person is not this one's, and ten minutes later it is forgotten.
    await engine.ask("siapa Hendra Wijaya?", "mine")
    assert (await engine.ask("dan dia?", "other")).message == "pronoun_unknown"
    clock.now += TTL_SECONDS + 1
    assert (await engine.ask("dan dia?", "mine")).message == "pronoun_unknown"
    # And a question on its own (no conversation) never leans on anything.
    assert (await engine.ask("dan dia?")).message == "pronoun_unknown"


async def test_a_question_naming_someone_is_not_rewritten(convo: tuple[Engine, Clock]) -> None:
    engine, _ = convo
    await engine.ask("siapa Hendra Wijaya?", "c4")
    answer = await engine.ask("apa kata Lestari Handayani?", "c4")
    assert answer.subject == "Lestari Handayani"
    state = await engine.conversations.get("c4")
    assert state is not None and state["person"] == "Lestari Handayani"


async def test_honorifics_and_titles_are_not_part_of_the_name(
    convo: tuple[Engine, Clock],
) -> None:
    engine, _ = convo
    cases = {
        "siapa bu Ratna Dewi Lestari?": ("who", "Ratna Dewi Lestari"),
        "siapa Ibu Ratna?": ("who", "Ratna Dewi Lestari"),
        "apa kata kades Hendra?": ("quote", "Hendra Wijaya"),
        "apa kata Pak Hendra Wijaya?": ("quote", "Hendra Wijaya"),
        "what did Dr. Lestari Handayani say?": ("quote", "Lestari Handayani"),
        "/who Camat Cibungbulang Ratna Dewi Lestari": ("who", "Ratna Dewi Lestari"),
        "apa kata CEO Segarin Lestari Handayani?": ("quote", "Lestari Handayani"),
    }
    for question, (intent, name) in cases.items():
        answer = await engine.ask(question)
        assert (answer.intent, answer.subject) == (intent, name), question
        assert answer.found, question


async def test_a_title_before_someone_else_is_not_that_person(
    convo: tuple[Engine, Clock],
) -> None:
    engine, _ = convo
    query = engine.matcher.parse("siapa camat baru pengganti Hendra?")
    assert query.subject != "Hendra Wijaya"


# -- surfaces ----------------------------------------------------------------------------------


def test_ask_stream_keeps_one_conversation(tmp_path: Path, articles: Path) -> None:
    questions = "dan dia?\nsiapa Hendra Wijaya?\nkapan dia mundur?\napa katanya?\n"
    result = run_cli(
        ["ask", "--json", "-"], tmp_path, stdin=questions, NEWSBOT_ARTICLES=str(articles)
    )
    assert result.returncode == 0, result.stderr
    lone, who, when, quote = (json.loads(line) for line in result.stdout.splitlines())
    assert lone["found"] is False and "“dia”" in lone["text"]
    assert who["found"] is True
    assert when["intent"] == "when" and when["citations"][0]["date"] == "2024-09-02"
    assert quote["intent"] == "quote" and "memulihkan kesehatan" in quote["text"]


async def test_console_chat_reads_follow_ups(tmp_path: Path, articles: Path) -> None:
    settings = replace(Settings(), db_path=tmp_path / "chat.db", articles=(articles,))
    service = await NewsService.open(settings)
    stdin = io.StringIO("siapa Ratna Dewi Lestari?\napa katanya?\nkeluar\n")
    stdout = io.StringIO()
    try:
        await chat(service, stdin=stdin, stdout=stdout)
    finally:
        await service.close()
    after = stdout.getvalue().split("apa katanya?")[1]
    assert "Pelayanan warga tidak boleh berhenti" in after
