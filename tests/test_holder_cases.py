"""Role holders beyond "title of organisation": the lawyer, judge or prosecutor of someone's case,
a long title stated by its head ("Ketua majelis hakim, Dr. X"), an abbreviated organisation
("BSI" for Bank Sentral Indonesia), and a bare role whose organisation is the one the article's
lead names. A rival named near a bare role is never its organisation. The articles are invented
for these tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from conftest import engine_on
from test_holders import _holder as _holders

from bot.engine import Engine
from bot.engine.roles import org_matches, parse

ARTICLES = {
    "vonis.txt": """Mantan Lurah Sumberrejo Divonis 4 Tahun Penjara

SURABAYA – Pengadilan Tipikor Surabaya memvonis mantan Lurah Sumberrejo, Darmaji, empat tahun \
penjara pada Selasa (14/5/2024).

Ketua majelis hakim, Dr. Wening Pramesti, S.H., menyatakan terdakwa terbukti menyelewengkan dana \
kelurahan.

Vonis itu lebih ringan dari tuntutan jaksa penuntut umum, Bonar Sitorus, yang menuntut enam tahun.

Kuasa hukum terdakwa, Gilang Ramadhan, menyatakan kliennya akan mengajukan banding.
""",
    "bsi.txt": """Bank Sentral Indonesia Tahan Suku Bunga

JAKARTA – Bank Sentral Indonesia (BSI) menahan suku bunga acuan di level 5,75 persen pada Kamis \
(16/5/2024).

Deputi Gubernur Senior BSI, Dr. Hartono Wibowo, mengatakan inflasi masih terkendali.
""",
    "villa.md": """---
title: Villa manager jailed for fraud
published: 2024-09-02
lang: en
---
DENPASAR – A court jailed the manager of the Ubud Garden villa for three years on Monday, \
2 September 2024.

The villa's owner, Ketut Sudana, said the losses had been recovered.
""",
    "rival.md": """---
title: Lumina Labs races to ship its new assistant
published: 2024-10-01
lang: en
---
SAN FRANCISCO – Lumina Labs is working around the clock on its new assistant.

Facing pressure from rivals such as Orbitron, CEO Dana Whitfield told staff to ship within a \
month.
""",
}


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[Engine]:
    async with engine_on(tmp_path / "articles", ARTICLES) as opened:
        yield opened


async def test_the_lawyer_of_a_defendant_named_in_the_question(engine: Engine) -> None:
    # "Kuasa hukum terdakwa": the defendant is Darmaji, whom the article's lead names.
    assert await _holders(engine, "siapa kuasa hukum Darmaji?") == ["Gilang Ramadhan"]


async def test_the_prosecutor_of_a_case_typed_with_a_typo(engine: Engine) -> None:
    assert await _holders(engine, "siapa jaksa penuntut umum kasus darmaj?") == ["Bonar Sitorus"]


async def test_a_long_title_stated_by_its_head(engine: Engine) -> None:
    assert await _holders(engine, "siapa ketua majelis hakim kasus Darmaji?") == ["Wening Pramesti"]
    assert await _holders(engine, "who was the presiding judge in the Darmaji case?") == [
        "Wening Pramesti"
    ]


async def test_an_organisation_stated_by_its_abbreviation(engine: Engine) -> None:
    found = await _holders(engine, "who is the senior deputy governor of Bank Sentral Indonesia?")
    assert found == ["Hartono Wibowo"]


async def test_a_bare_role_takes_the_organisation_of_the_lead(engine: Engine) -> None:
    assert await _holders(engine, "siapa pemilik villa Ubud Garden?") == ["Ketut Sudana"]


async def test_a_rival_near_a_bare_role_is_not_its_organisation(engine: Engine) -> None:
    assert await _holders(engine, "who is the CEO of Orbitron?") == []
    assert await _holders(engine, "who is the CEO of Lumina Labs?") == ["Dana Whitfield"]


def test_grammar_and_party_words_are_no_organisation() -> None:
    asked = parse("presiding judge in the Darmaji case", asked=True)
    assert asked is not None and asked.org == ("darmaji",)
    stated = parse("Kuasa hukum terdakwa")
    assert stated is not None and stated.org == ()
    assert org_matches(("bank", "sentral", "indonesia"), ("bsi",)) == [True, True, True]
