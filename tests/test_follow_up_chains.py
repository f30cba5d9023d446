"""Follow-up chains beyond a named person: a role holder becomes "dia"; "kalau CTO-nya?" after
a role answer asks for the other role; "and X?" after a search re-asks it about X; a person
question remembers the person its answer names first; an event told without its date is dated
by the next sentence pointing back to it; and an age is what "berapa umurnya?" wants. The
articles are invented for these tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from conftest import engine_on

from bot.console.render import render_text
from bot.engine import Engine
from bot.engine.answer import Answer

ARTICLES = {
    "sekda.txt": """Bupati Klaten Lantik Sri Handayani sebagai Sekda

KLATEN – Bupati Klaten, Agus Salim, melantik Sri Handayani sebagai Sekretaris Daerah \
Kabupaten Klaten pada Senin (6/5/2024).

Sri Handayani merupakan perempuan pertama yang menjabat Sekda Klaten.
""",
    "startup.txt": """Startup Kirana Tunjuk Bima Sakti sebagai CTO

JAKARTA – Perusahaan rintisan Kirana menunjuk Bima Sakti sebagai Chief Technology Officer \
(CTO) mulai Senin (2/9/2024).

CEO Kirana, Laras Wulandari, mengatakan Bima akan memimpin tim teknik.
""",
    "pelatih.txt": """Pelatih Persikab Mundur

BANDUNG – Pelatih Persikab, Dedi Mulyadi, mengundurkan diri setelah timnya kalah lima kali \
beruntun.

Keputusan itu diumumkan manajemen klub pada Minggu (21/4/2024) malam.
""",
    "lari.txt": """Yohanes Kiprono dan Maria Tabuni Juarai Jakarta Marathon

JAKARTA – Pelari Kenya, Yohanes Kiprono, menjuarai kategori maraton putra Jakarta Marathon \
pada Minggu (6/10/2024) dengan waktu 2 jam 11 menit.

Di kategori putri, Maria Tabuni keluar sebagai juara dengan waktu 2 jam 38 menit.

Penyerang muda Yosua Rumbiak, yang baru berusia 19 tahun, ikut berlari bersama pelatihnya, \
Budi Santoso.
""",
}


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[Engine]:
    async with engine_on(tmp_path / "articles", ARTICLES) as opened:
        yield opened


async def _chain(engine: Engine, *questions: str) -> list[Answer]:
    return [await engine.ask(q, conversation="chain") for q in questions]


async def test_a_role_holder_is_who_dia_means(engine: Engine) -> None:
    _holder, when = await _chain(engine, "siapa sekda Klaten?", "kapan dia dilantik?")
    assert "Sri Handayani" in when.query.subject
    assert when.found and render_text(when).startswith("6 Mei 2024")


async def test_the_other_role_of_the_same_organisation(engine: Engine) -> None:
    _ceo, cto = await _chain(engine, "siapa CEO Kirana?", "kalau CTO-nya?")
    assert cto.intent == "who" and cto.found
    assert [f.person for f in cto.facts] == ["Bima Sakti"]


async def test_and_x_re_asks_the_last_search_about_x(engine: Engine) -> None:
    _men, women = await _chain(
        engine, "berapa catatan waktu Yohanes Kiprono?", "dan kategori putri?"
    )
    assert women.found and "Maria Tabuni" in render_text(women)


async def test_the_person_an_answer_names_first_is_remembered(engine: Engine) -> None:
    _who, age = await _chain(
        engine, "siapa yang ikut berlari bersama pelatihnya?", "berapa umurnya?"
    )
    assert "Yosua Rumbiak" in age.query.subject
    assert age.found and "19 tahun" in render_text(age)


async def test_an_event_dated_by_the_sentence_pointing_back_to_it(engine: Engine) -> None:
    answer = await engine.ask("kapan Dedi Mulyadi mundur?")
    assert answer.found and render_text(answer).startswith("21 April 2024")
    snippets = [f.citation.snippet for f in answer.facts if f.citation is not None]
    assert any("mengundurkan diri" in s for s in snippets)


async def test_how_old_wants_an_age(engine: Engine) -> None:
    answer = await engine.ask("How old is Yosua Rumbiak?")
    assert answer.found and "19 tahun" in render_text(answer)
