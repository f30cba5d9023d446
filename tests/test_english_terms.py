"""English questions: inflections reach English articles ("embezzle" finds "embezzled"), two
words the lexicon or the portfolios know as one phrase reach the other language ("Home
Affairs" finds "Dalam Negeri"), capitalised English titles are not names, and a sentence naming
nobody answers for a person the question makes the object of the event, in an article
headlined with them. The articles are invented for these tests."""

from __future__ import annotations

from pathlib import Path

from conftest import ask_about

from bot.console.render import render_text
from bot.engine.asking import read_question
from bot.engine.english import bases, forms
from bot.engine.terms import covered, term_groups
from knowledge.text import stem_text

ARTICLES = {
    "koperasi.md": """---
title: Cooperative treasurer jailed for fraud
published: 2024-07-01
lang: en
---
MALANG – A court on Monday, 1 July 2024, jailed Yanto Prabowo, the former treasurer of the Tani \
Makmur cooperative, for embezzling Rp 2 billion from its members.

Prosecutors had sought six years.
""",
    "sekda.txt": """Bupati Sleman Lantik Dewi Anggraini sebagai Sekda

SLEMAN – Bupati Sleman melantik Dewi Anggraini sebagai Sekretaris Daerah Kabupaten Sleman pada \
Senin (6/5/2024).

Panitia seleksi menyerahkan tiga nama, lalu Menteri Dalam Negeri memberikan persetujuan pada \
29 April 2024.

Perusahaan daerah itu kembali menunda rapat anggaran pada Selasa (7/5/2024).
""",
}


def test_inflections_of_an_english_word() -> None:
    assert forms("embezzle") == ("embezzle", "embezzles", "embezzled", "embezzling")
    assert "recede" in bases("receded") and "study" in bases("studies")
    # Indonesian root words and names are no English inflections.
    assert bases("asing") == [] and bases("kasus") == []


def test_a_phrase_reaches_its_equivalent_in_the_other_language() -> None:
    groups = term_groups("home affairs minister")
    sentence = stem_text("Menteri Dalam Negeri memberikan persetujuan")
    assert covered(groups, sentence) == 3


def test_capitalised_english_titles_are_not_names() -> None:
    asking = read_question("When did the Home Affairs Minister approve it?", "en")
    assert not {"home", "affairs", "minister"} & asking.entities


async def test_english_inflections_and_the_persons_object_event(tmp_path: Path) -> None:
    embezzled, approved, delayed = await ask_about(
        tmp_path,
        ARTICLES,
        "how much did Yanto Prabowo embezzle?",
        "When did the Home Affairs Minister approve Dewi Anggraini's appointment?",
        "kapan Dewi Anggraini menunda rapat anggaran?",
    )
    assert embezzled.found and "Rp 2 billion" in render_text(embezzled)
    assert approved.found and render_text(approved).startswith("29 April 2024")
    # Dewi is the subject here: the sentence about the company is not her event.
    assert not delayed.found


def test_loanword_spellings_of_english_words() -> None:
    from bot.engine.loanwords import loan_spellings

    assert "konstruksi" in loan_spellings("construction")
    assert "akreditasi" in loan_spellings("accredit")
    assert "teknologi" in loan_spellings("technology")
    assert "proyek" in loan_spellings("project")
    assert "honorer" in loan_spellings("honorary")
    # "policy" is no "polisi" (the police): words in -cy are left alone.
    assert loan_spellings("policy") == ()
    assert (
        covered(term_groups("construction start"), stem_text("Pekerjaan konstruksi dimulai")) == 2
    )
