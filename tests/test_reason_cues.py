"""Why-questions answered by reasons stated in other ways: a sentence pointing back to the
event ("kenaikan itu ... akibat ..."), a passive cause ("didorong oleh"), a wish ("wanted
to"), and an English verb reaching its Indonesian synonyms ("spread": merambat). The articles
are invented for these tests."""

from __future__ import annotations

from pathlib import Path

from conftest import ask_about

from bot.console.render import render_text

ARTICLES = {
    "tarif.txt": """PDAM Tirta Sejahtera Naikkan Tarif Air

BEKASI – PDAM Tirta Sejahtera menaikkan tarif air bersih sebesar 10 persen mulai Senin \
(1/7/2024).

Direktur PDAM, Sugeng Riyadi, mengatakan kenaikan itu diambil untuk menutup biaya listrik \
pompa akibat naiknya harga energi.
""",
    "pameran.txt": """Pameran Batik Solo Dibanjiri Pengunjung

SOLO – Pameran Batik Nusantara di Solo ditutup pada Minggu (9/6/2024).

Panitia mengatakan lonjakan pengunjung didorong oleh libur sekolah dan diskon besar.
""",
    "ceo.md": """---
title: Tanjung Logistics names new chief executive
published: 2024-09-01
lang: en
---
SURABAYA – Tanjung Logistics said on Sunday that co-founder Rudi Hartawan is stepping down as \
chief executive.

Hartawan said he wanted to step back to focus on the company's new shipping line.
""",
    "banjir.txt": """Banjir Rendam Desa Sumberejo

KENDAL – Banjir merendam Desa Sumberejo pada Sabtu (2/3/2024).

Air dengan cepat merambat ke rumah warga karena tanggul sungai jebol.
""",
}


async def test_reasons_stated_in_other_ways(tmp_path: Path) -> None:
    tariff, visitors, ceo, flood = await ask_about(
        tmp_path,
        ARTICLES,
        "kenapa PDAM Tirta Sejahtera menaikkan tarif air?",
        "kenapa pengunjung pameran batik melonjak?",
        "why is Rudi Hartawan stepping down as chief executive?",
        "why did the water spread so fast in Sumberejo?",
    )
    assert tariff.found and "naiknya harga energi" in render_text(tariff)
    assert visitors.found and "libur sekolah" in render_text(visitors)
    assert ceo.found and "shipping line" in render_text(ceo)
    assert flood.found and "tanggul sungai jebol" in render_text(flood)
