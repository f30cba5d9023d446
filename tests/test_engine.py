"""Answers from real knowledge bases: the invented corpus and the bundled articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.console.render import render_text
from bot.engine import Engine
from bot.engine.answer import Answer, Citation, Query
from bot.engine.catalog.wording import headline
from knowledge.build.pipeline import build


def _iso(citation: Citation) -> str | None:
    return citation.date.iso() if citation.date else None


def _snippets(answer: Answer) -> list[str]:
    return [c.snippet for c in answer.citations]


async def test_who_gives_roles_with_citations(engine: Engine) -> None:
    answer = await engine.ask("siapa Rina Wulandari?")
    assert answer.intent == "who" and answer.found
    assert "Menteri Keuangan" in render_text(answer)
    assert any("Menteri Keuangan Rina Wulandari" in s for s in _snippets(answer))
    assert all(c.article == "keuangan" for c in answer.citations)


async def test_who_forgives_typos_in_names(engine: Engine) -> None:
    answer = await engine.ask("siapa dewi angraini")
    assert answer.found
    assert headline(answer).endswith("Dewi Anggraini?")


async def test_who_unknown_person_is_not_found(engine: Engine) -> None:
    answer = await engine.ask("siapa Hendrik Lorentz?")
    assert answer.intent == "who"
    assert not answer.found
    assert answer.citations == ()
    assert "Hendrik Lorentz" in render_text(answer)


async def test_english_question_gets_english_reply(engine: Engine) -> None:
    answer = await engine.ask("who is Lena Okafor")
    assert answer.found and answer.lang == "en"
    assert "according to the articles" in render_text(answer)


async def test_when_puts_the_date_first(engine: Engine) -> None:
    answer = await engine.ask("kapan Agus Salimun dipecat?")
    assert answer.intent == "when" and answer.found
    assert render_text(answer).startswith("20 Januari 2025")
    assert _iso(answer.citations[0]) == "2025-01-20"
    assert "memecat" in answer.citations[0].snippet


async def test_when_understands_english_verbs(engine: Engine) -> None:
    answer = await engine.ask("When did Dewi Anggraini resign?")
    assert answer.found
    assert _iso(answer.citations[0]) == "2024-08-17"


async def test_when_without_matching_event_says_so(engine: Engine) -> None:
    answer = await engine.ask("kapan gunung meletus?")
    assert answer.intent == "when" and not answer.found
    assert answer.citations == ()


async def test_timeline_is_in_date_order(engine: Engine) -> None:
    answer = await engine.ask("/timeline")
    assert answer.intent == "timeline" and answer.found
    dates = [_iso(c) for c in answer.citations if c.date]
    assert dates == sorted(dates)
    assert len(dates) >= 4


async def test_timeline_topic_filters(engine: Engine) -> None:
    answer = await engine.ask("kronologi pemangkasan anggaran")
    assert answer.found
    assert {c.article for c in answer.citations} == {"keuangan"}


async def test_timeline_topic_needs_its_terms_in_sentence_or_headline(engine: Engine) -> None:
    # Each word dates an event in a different article: neither article is about both.
    assert not (await engine.ask("kronologi pelatih tram")).found
    # "rapat" is in the sentence, "anggaran" in its headline.
    answer = await engine.ask("kronologi rapat anggaran")
    assert answer.found and "2025-01-14" in {_iso(c) for c in answer.citations}
    assert {c.article for c in answer.citations} == {"keuangan"}


async def test_quote_by_person_and_topic(engine: Engine) -> None:
    answer = await engine.ask("apa kata Bambang Hartono?")
    assert answer.intent == "quote" and answer.found
    assert _snippets(answer) == ["Seharusnya pemangkasan dilakukan sejak tahun lalu"]
    none = await engine.answer(
        Query(
            intent="quote",
            text="/quote Bambang Hartono sepak bola",
            subject="Bambang Hartono",
            topic="sepak bola",
        )
    )
    assert not none.found


async def test_quote_inherited_by_nya_form(engine: Engine) -> None:
    answer = await engine.ask("/quote Yusuf Maulana")
    assert answer.found
    assert any(s.startswith("Kami tidak pernah menduga") for s in _snippets(answer))


async def test_search_finds_the_answering_sentence(engine: Engine) -> None:
    answer = await engine.ask("berapa anggaran tram?")
    assert answer.intent == "search" and answer.found
    assert "$2 billion" in answer.citations[0].snippet


@pytest.mark.parametrize("question", ["asdfgh qwerty zxcv", "berapa harga saham Tesla?", "🤖🤖"])
async def test_no_padding_when_nothing_answers(engine: Engine, question: str) -> None:
    answer = await engine.ask(question)
    assert not answer.found
    assert answer.citations == ()


async def test_sources_lists_every_article(engine: Engine) -> None:
    answer = await engine.ask("/sources")
    assert answer.found
    assert {c.article for c in answer.citations} == {"keuangan", "bola", "tram"}
    tram = next(c for c in answer.citations if c.article == "tram")
    assert _iso(tram) == "2023-03-10"


@pytest.mark.parametrize("question", ["", "   ", "/help", "bantuan"])
async def test_help(engine: Engine, question: str) -> None:
    answer = await engine.ask(question)
    assert answer.intent == "help" and answer.found


async def test_strange_input_never_raises(engine: Engine) -> None:
    for question in ['"AND OR NEAR(', "x" * 10000, "@everyone siapa", "\x00\x01", "\u200b"]:
        answer = await engine.ask(question)
        assert isinstance(render_text(answer), str) and render_text(answer)


async def test_snippets_are_verbatim_article_text(engine: Engine) -> None:
    articles = {}
    for question in ["/timeline", "siapa Rina Wulandari", "apa kata Dewi Anggraini", "tram"]:
        answer = await engine.ask(question)
        for c in answer.citations:
            if c.article not in articles:
                rows = await engine.corpus.store._all(
                    "SELECT text FROM articles WHERE id = ?", (c.article,)
                )
                articles[c.article] = rows[0][0]
            assert c.snippet in articles[c.article]


async def test_bundled_who_and_when(bundled_engine: Engine) -> None:
    murati = await bundled_engine.ask("siapa mira murati")
    assert murati.found and len({c.article for c in murati.citations}) >= 2
    fired = await bundled_engine.ask("kapan Altman dipecat?")
    assert fired.found and fired.citations[0].date is not None
    nobody = await bundled_engine.ask("siapa Hendrik Lorentz")
    assert not nobody.found


async def test_a_namesake_is_not_the_person_asked_about(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "lombok.txt").write_text(
        "Penyanyi Sari Kusuma Berlibur ke Lombok\n\n"
        "Penyanyi Sari Kusuma tiba di Lombok pada 12 Juli 2017 untuk berlibur.\n\n"
        "Adiknya, pengusaha Bayu Kusuma, menikah di Lombok pada 2 Juli 2017.\n",
        encoding="utf-8",
    )
    build([folder], tmp_path / "kb.db", progress=False)
    eng = await Engine.open(tmp_path / "kb.db")
    try:
        answer = await eng.ask("kapan Sari Kusuma ke Lombok?")
        assert answer.found
        assert [_iso(c) for c in answer.citations] == ["2017-07-12"]
    finally:
        await eng.close()


async def test_a_much_quoted_speaker_still_gets_an_answer(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    paragraphs = [
        f"“Kami akan membangun jembatan nomor {i} tahun ini,” kata Wali Kota Budi Hartawan "
        f"pada 3 Maret 2021."
        for i in range(1200)
    ]
    (folder / "kota.txt").write_text(
        "Wali Kota Budi Hartawan Bicara Jembatan\n\n" + "\n\n".join(paragraphs), encoding="utf-8"
    )
    build([folder], tmp_path / "kb.db", progress=False)
    eng = await Engine.open(tmp_path / "kb.db")
    try:
        answer = await eng.ask("/quote Budi Hartawan")
        assert answer.found and answer.intent == "quote"
        assert _iso(answer.citations[0]) == "2021-03-03"
        events = await eng.corpus.store.events_at(("kota", i) for i in range(1200))
        assert len(events) >= 1000
    finally:
        await eng.close()


FLOOD = """Kronologi Banjir Bandang di Garut

Garut, Rabu (5/10/2022) – Warga masih membersihkan lumpur di tepi Sungai Cimanuk.

Senin

Hujan deras mengguyur hulu sungai sejak Senin (3/10/2022) sore.

Selasa

Air meluap ke permukiman pada Selasa (4/10/2022) dini hari dan merendam ratusan rumah.
"""


async def test_timeline_of_a_headline_topic_tells_the_articles_story(
    tmp_path: Path, corpus: Path
) -> None:
    (corpus / "garut.txt").write_text(FLOOD, encoding="utf-8")
    db = tmp_path / "kb.db"
    build([corpus], db, progress=False)
    engine = await Engine.open(db)
    try:
        answer = await engine.ask("kronologi banjir garut")
    finally:
        await engine.close()
    # No dated sentence says "banjir"; the headline does.
    assert answer.found
    assert [_iso(c) for c in answer.citations] == ["2022-10-03", "2022-10-04", "2022-10-05"]
    assert all(c.article == "garut" for c in answer.citations)
    # The chronology's bare headings ("Senin") are not entries of their own.
    assert all(c.snippet not in {"Senin", "Selasa"} for c in answer.citations)
