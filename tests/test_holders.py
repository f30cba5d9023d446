"""Who holds a role (issue 10, class 1): answered from the stated roles, never from a namesake
role of another organisation, across Indonesian and English, with the role index kept right by
rebuilds. The articles are invented for these tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from conftest import build_articles

from bot.console.render import render_text
from bot.engine import Engine
from bot.engine.roles import abbreviates, org_found, parse, stated_roles
from knowledge.build.pipeline import build

ARTICLES = {
    "kereta.txt": """Dirut Kereta Api Nusantara Resmikan Jalur Baru ke Solo

SOLO – Direktur Utama PT Kereta Api Nusantara, Hendra Wijaya, meresmikan jalur ganda \
Yogyakarta–Solo pada Senin (6/5/2024).

Direktur Keuangan PT Kereta Api Nusantara, Sari Puspita, mengatakan proyek itu menelan biaya \
Rp 2 triliun.

Calon Gubernur Jawa Tengah, Bambang Suryono, ikut hadir dalam peresmian tersebut.
""",
    "anggaran.md": """---
title: Finance Minister Agus Pranoto presents 2026 budget
published: 2025-08-15
lang: en
---
JAKARTA – Finance Minister Agus Pranoto presented the 2026 budget to parliament on Friday, \
15 August 2025.

Deputy Finance Minister Lina Kusuma said the deficit would stay below 3 percent.
""",
    "padang.txt": """Kadisdik Padang Tinjau Sekolah Rusak

PADANG – Kepala Dinas Pendidikan Kota Padang, Yanti Marlina, meninjau sekolah pada Senin \
(6/5/2024).

Kepala Dinas Perhubungan Kota Padang, Joni Saputra, menutup jalan di depan sekolah selama \
perbaikan.
""",
    "kirana.md": """---
title: Kirana Tech names Maya Lestari as technology chief
published: 2024-03-01
lang: en
---
SINGAPORE – Chief technology officer Maya Lestari will lead Kirana Tech's engineering team of \
300 people.
""",
    "sleman.txt": """Kapolres Sleman Berganti

SLEMAN – Kapolres Sleman Rudy Setiawan menerima jabatan dari Kapolres Sleman Bagas Wirawan pada \
Senin (1/7/2024).
""",
    "bantul.txt": """Kapolres Bantul Pimpin Razia Knalpot Brong

BANTUL – Kapolres Bantul Dedi Kurniadi memimpin razia knalpot brong di Jalan Parangtritis pada \
Sabtu (4/5/2024).

Mantan Kapolres Bantul, Wisnu Pratama, kini bertugas di Mabes Polri.
""",
}


@pytest.fixture
async def holders(tmp_path: Path) -> AsyncIterator[Engine]:
    engine = await Engine.open(build_articles(tmp_path / "articles", ARTICLES))
    yield engine
    await engine.close()


async def _holder(engine: Engine, question: str) -> list[str]:
    answer = await engine.ask(question)
    assert answer.intent == "who" and answer.query.role, question
    return [f.person for f in answer.facts if f.kind == "holder"] if answer.found else []


@pytest.mark.parametrize(
    ("question", "holder"),
    [
        ("siapa direktur utama PT Kereta Api Nusantara?", "Hendra Wijaya"),
        ("siapa dirut kereta api nusantara", "Hendra Wijaya"),
        ("who is the CEO of Kereta Api Nusantara?", "Hendra Wijaya"),
        ("siapa CFO Kereta Api Nusantara?", "Sari Puspita"),
        ("who is the finance minister?", "Agus Pranoto"),
        ("siapa menteri keuangan?", "Agus Pranoto"),
        ("siapa menkeu?", "Agus Pranoto"),
        ("siapa wakil menteri keuangan?", "Lina Kusuma"),
        ("siapa kepala dinas pendidikan padang?", "Yanti Marlina"),
        ("siapa kepla dinas pendidkan padang", "Yanti Marlina"),
        ("siapa direktur teknis Kirana?", "Maya Lestari"),
        ("siapa CTO Kirana Tech?", "Maya Lestari"),
        ("siapa Kapolres Bantul?", "Dedi Kurniadi"),
        ("siapa kapolres bantul sebelumnya?", "Wisnu Pratama"),
        # Before a named holder: whoever else held it, stated "mantan" or not.
        ("siapa kapolres sleman sebelum Rudy Setiawan?", "Bagas Wirawan"),
    ],
)
async def test_a_role_is_answered_by_its_stated_holder(
    holders: Engine, question: str, holder: str
) -> None:
    assert await _holder(holders, question) == [holder]


@pytest.mark.parametrize(
    "question",
    [
        "siapa gubernur Jawa Tengah?",  # only a candidate for governor is named
        "siapa kepala dinas pendidikan medan?",  # Padang's is named, not Medan's
        "siapa CEO Kirana Tech?",  # Kirana's CTO is named, not its CEO
        "siapa komisaris utama Kereta Api Nusantara?",
        "siapa wakil kapolres bantul?",
    ],
)
async def test_a_role_nobody_holds_is_not_found_and_says_so(holders: Engine, question: str) -> None:
    answer = await holders.ask(question)
    assert answer.intent == "who" and not answer.found
    assert answer.citations == ()
    assert "tidak menyebut" in render_text(answer)


async def test_the_reply_names_the_holder_and_cites_the_sentence(holders: Engine) -> None:
    answer = await holders.ask("siapa kepala dinas pendidikan padang?")
    text = render_text(answer)
    assert text.startswith("kepala dinas pendidikan padang menurut artikel:")
    assert "Yanti Marlina (Kepala Dinas Pendidikan Kota Padang)" in text
    assert answer.citations[0].article == "padang"
    assert "Yanti Marlina, meninjau sekolah" in answer.citations[0].snippet


async def test_a_rebuild_keeps_the_role_index_in_step(tmp_path: Path) -> None:
    # Enough unchanged articles that the rebuild patches the old file instead of starting anew.
    db = build_articles(tmp_path / "articles", ARTICLES)
    folder = tmp_path / "articles"
    changed = ARTICLES["bantul.txt"].replace("Dedi Kurniadi", "Rahmat Hidayat")
    (folder / "bantul.txt").write_text(changed, encoding="utf-8")
    report = build([folder], db, progress=False)
    assert report.changed == ("bantul",)
    engine = await Engine.open(db)
    try:
        assert await _holder(engine, "siapa Kapolres Bantul?") == ["Rahmat Hidayat"]
        assert await _holder(engine, "siapa dirut kereta api nusantara") == ["Hendra Wijaya"]
    finally:
        await engine.close()


def test_role_phrases_are_read_into_title_modifiers_and_organisation() -> None:
    asked = parse("wakil gubernur NTB yang baru", asked=True)
    assert asked is not None
    assert (asked.title, asked.flags, asked.org, asked.clause) == (
        "governor",
        frozenset({"deputy"}),
        ("ntb",),
        (),
    )
    cto = parse("direktur teknis")
    assert cto is not None and cto.title == "chief technology officer"
    assert [r.title for r in stated_roles("salah satu pendiri Lumbung, dan peneliti AI")] == [
        "founder",
        "researcher",
    ]
    assert parse("Hendrik Lorentz") is None


def test_organisations_match_across_spellings() -> None:
    assert abbreviates("ntb", ["nusa", "tenggara", "barat"])
    assert abbreviates("kkp", ["kementerian", "kelautan", "dan", "perikanan"])
    assert not abbreviates("ntb", ["nusa", "barat"])
    assert org_found(["finance"], ["keuangan"])
    assert org_found(["jatim"], ["jawa", "timur"])
    assert org_found(["pendidkan"], ["pendidikan"])
    assert not org_found(["medan"], ["padang"])
