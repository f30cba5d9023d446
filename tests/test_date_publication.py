"""The article's own date and the event's date, on articles written for these tests: the
publication date comes from the metadata, else the dateline or the first date of the lead, never
a deadline later in the body; a citation says when its article appeared, a dated answer when the
event happened, and the JSON keeps both (`published` and `date`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import ask_about

from bot.console.render import render_text, to_json
from knowledge.extract.dates import publication_date

D = date

ARTICLE_DATES = [
    # (text, metadata date, the article's date)
    (
        "AMBON, Kabar Timur – Pasar Mardika terbakar, Selasa (5/3/2024).\n\n"
        "Pasar itu dibangun pada 12 Januari 1998.",
        D(2024, 3, 6),
        D(2024, 3, 6),
    ),
    (
        "AMBON, Kabar Timur – Pasar Mardika terbakar, Selasa (5/3/2024).\n\n"
        "Pasar itu dibangun pada 12 Januari 1998.",
        None,
        D(2024, 3, 5),
    ),
    (
        "Diperbarui 8 Maret 2024 10:15 WIT\n\nPasar Mardika terbakar pada 5 Maret 2024.",
        None,
        D(2024, 3, 8),
    ),
    (
        "Warga Desa Sukamaju memanen jagung pada 2 April 2024 di lahan seluas 40 hektare.\n\n"
        "Harga jagung turun menjadi Rp 4.000 per kilogram pada 20 April 2024.",
        None,
        D(2024, 4, 2),
    ),
    (
        "Pemerintah kota membuka pendaftaran beasiswa bagi siswa berprestasi dari keluarga "
        "kurang mampu.\n\nKepala dinas pendidikan Sri Rahayu meminta orang tua segera "
        "mendaftarkan anaknya di kantor kelurahan.\n\nPendaftaran ditutup 30 Agustus 2024.",
        None,
        None,
    ),
    (
        "Festival perahu hias akan digelar pada 17 Agustus 2024 di Danau Sentani, kata panitia."
        "\n\nPanitia menyampaikan hal itu dalam jumpa pers pada 2 Juli 2024 di Jayapura.",
        None,
        D(2024, 7, 2),
    ),
    (
        "Pemain sayap Andre Wijaya pamit dari klub lewat media sosial.\n\n"
        "Terima kasih untuk semuanya.\n— Andre Wijaya (@andrewijaya) 14 Juni 2024\n\n"
        "Kontraknya sebenarnya baru habis pada 30 Juni 2026.",
        None,
        D(2024, 6, 14),
    ),
    (
        "Published March 3, 2031\nThe council approved the budget on February 27, 2031.",
        None,
        D(2031, 3, 3),
    ),
    (
        "The council approved the new tram line on March 3, 2031, after a long debate.\n\n"
        "Construction must be finished by December 31, 2033, the contract says.",
        None,
        D(2031, 3, 3),
    ),
]


@pytest.mark.parametrize(("text", "metadata", "expected"), ARTICLE_DATES)
def test_the_articles_own_date(text: str, metadata: date | None, expected: date | None) -> None:
    assert publication_date(text, metadata) == expected


BRIDGE = """---
title: Jembatan Gantung Desa Lembah Hijau Putus
source: Warta Selatan
published: 2024-03-10
---
Jembatan gantung di Desa Lembah Hijau putus pada 2 Maret 2024 setelah diterjang banjir.

Kepala desa Yohanes Pattiasina mengatakan jembatan baru akan dibangun pada Juni 2024.
"""

DATELINE = """Harga Bawang Merah Turun di Brebes

BREBES, Kabar Pantura – Harga bawang merah di tingkat petani turun, Rabu (6/3/2024).

Petani bawang Slamet Riyadi mengatakan harga mulai turun sejak 1 Maret 2024.
"""


async def test_published_and_event_dates_are_separate(tmp_path: Path) -> None:
    when, since, who = await ask_about(
        tmp_path,
        {"jembatan.md": BRIDGE, "bawang.txt": DATELINE},
        "kapan jembatan gantung putus?",
        "sejak kapan harga bawang merah turun?",
        "siapa Yohanes Pattiasina?",
    )
    cited = to_json(when)["citations"][0]
    assert (cited["date"], cited["published"]) == ("2024-03-02", "2024-03-10")
    assert render_text(when).startswith("2 Maret 2024: ")
    assert "[Jembatan Gantung Desa Lembah Hijau Putus, 2024-03-10]" in render_text(when)
    dated = {c["snippet"]: (c["date"], c["published"]) for c in to_json(since)["citations"]}
    assert dated[next(s for s in dated if "sejak 1 Maret" in s)] == ("2024-03-01", "2024-03-06")
    for cited in to_json(who)["citations"]:
        assert cited["published"] == "2024-03-10"
