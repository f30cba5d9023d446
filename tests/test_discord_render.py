"""Pure rendering: Answer -> pages that Discord accepts, whatever the answer's size."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import discord
import pytest

from bot.discord.render import (
    CONTENT_LIMIT,
    DESCRIPTION_LIMIT,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    MAX_FIELDS,
    MESSAGE_LIMIT,
    TITLE_LIMIT,
    format_date,
    lang_for_locale,
    render_answer,
    render_report,
    text,
)
from bot.engine.answer import Answer, Citation, Fact, Query
from bot.engine.catalog import say
from bot.engine.catalog.wording import lead
from knowledge.models import BuildReport, DateValue


def _citation(n: int, snippet: str = "", url: str = "") -> Citation:
    return Citation(
        article=f"art{n}",
        title=f"Gubernur meresmikan jembatan {n}",
        date=DateValue.day(date(2021, 3, 1 + n % 9)),
        snippet=snippet or f"Gubernur Rina Hartono meresmikan jembatan nomor {n} di Palu.",
        url=url,
        source="Harian Contoh",
    )


def _mention(n: int, snippet: str = "", url: str = "") -> Fact:
    return Fact("mention", _citation(n, snippet, url))


def _answer(citations: int = 2, **kwargs: object) -> Answer:
    lang = kwargs.pop("lang", "id")
    values: dict[str, object] = {
        "query": Query("who", "siapa Rina Hartono?", subject="Rina Hartono", lang=lang),
        "intent": "who",
        "found": True,
        "message": "who_roles",
        "subject": "Rina Hartono",
        "facts": tuple(_mention(i) for i in range(citations)),
    }
    values.update(kwargs)
    return Answer(**values)  # type: ignore[arg-type]


def _assert_within_limits(page: discord.Embed) -> None:
    assert len(page) <= MESSAGE_LIMIT
    assert len(page.title or "") <= TITLE_LIMIT
    assert len(page.description or "") <= DESCRIPTION_LIMIT
    assert len(page.fields) <= MAX_FIELDS
    for item in page.fields:
        assert 0 < len(item.name or "") <= FIELD_NAME_LIMIT
        assert 0 < len(item.value or "") <= FIELD_VALUE_LIMIT


def test_short_answer_is_one_page_with_citations_as_fields() -> None:
    pages = render_answer(_answer(citations=2))
    assert len(pages) == 1
    page = pages[0]
    assert page.title == "Siapa Rina Hartono?"
    assert page.description == "Rina Hartono menurut artikel:"
    assert len(page.fields) == 2
    assert "jembatan nomor 0" in (page.fields[0].value or "")
    assert page.footer.text is not None and "2 kutipan" in page.footer.text


def test_source_shows_title_date_and_link_only_when_there_is_a_url() -> None:
    with_url = _mention(1, url="https://contoh.test/berita/1")
    answer = replace(_answer(), facts=(with_url, _mention(2)))
    fields = render_answer(answer)[0].fields
    linked, plain = fields[0].value or "", fields[1].value or ""
    assert "[Gubernur meresmikan jembatan 1](https://contoh.test/berita/1)" in linked
    assert fields[0].name == "1. 2 Maret 2021"
    assert "](" not in plain
    assert "Gubernur meresmikan jembatan 2" in plain


def test_label_is_the_field_heading_when_present() -> None:
    labelled = Fact("role", _citation(3), role="Menteri Keuangan")
    answer = replace(_answer(), facts=(labelled,))
    field = render_answer(answer)[0].fields[0]
    assert field.name == "1. Menteri Keuangan"
    assert "4 Maret 2021" in (field.value or "")  # the date moves to the source line


def test_a_date_is_shown_once() -> None:
    month = DateValue.month(2021, 3)
    event = Fact("event", replace(_citation(3), date=month), date=month)
    fields = render_answer(replace(_answer(), facts=(event, _mention(4))))[0].fields
    assert fields[0].name == "1. Maret 2021"
    assert "1 Maret 2021" not in (fields[0].value or "")
    assert fields[1].name == "2. 5 Maret 2021"
    assert "Maret" not in (fields[1].value or "").split("—")[-1]


def test_an_article_without_a_snippet_is_listed_without_an_empty_quote() -> None:
    listing = Fact("article", replace(_citation(1, url="https://contoh.test/1"), snippet=""))
    value = render_answer(replace(_answer(), facts=(listing,)))[0].fields[0].value or ""
    assert not value.startswith(">")
    assert value.startswith("— [Gubernur meresmikan jembatan 1]")


def test_answers_whose_facts_speak_for_themselves_have_no_description() -> None:
    day = DateValue.day(date(2021, 3, 2))
    event = Fact("event", _citation(1), date=day)
    when = _answer(query=Query("when", "kapan?"), intent="when", message="when_found")
    page = render_answer(replace(when, facts=(event,)))[0]
    assert page.title == "2 Maret 2021" and page.description is None
    search = _answer(query=Query("search", "jembatan"), intent="search", message="search_title")
    page = render_answer(replace(search, subject="jembatan"))[0]
    assert page.title == "Hasil: jembatan" and page.description is None


def test_many_citations_are_paged_and_each_page_fits() -> None:
    answer = _answer(citations=40)
    pages = render_answer(answer)
    assert len(pages) > 1
    for page in pages:
        _assert_within_limits(page)
    shown = [f.value for page in pages for f in page.fields]
    assert len(shown) == 40  # no citation is dropped by paging
    assert pages[0].footer.text is not None
    assert pages[0].footer.text.startswith(f"Halaman 1/{len(pages)}")


def test_huge_snippets_titles_and_summary_are_clipped_not_rejected() -> None:
    day = DateValue.day(date(2020, 1, 1))
    huge = Citation("x", "J" * 5000, day, "kata " * 3000, "https://a.test/" + "p" * 300)
    answer = _answer(subject="Paragraf panjang. " * 1200, facts=(Fact("match", huge),) * 30)
    pages = render_answer(answer)
    for page in pages:
        _assert_within_limits(page)
    # The summary is split over pages, not cut off.
    described = "".join(page.description or "" for page in pages)
    assert described.count("Paragraf panjang.") == 1200


def test_markdown_in_snippets_is_escaped() -> None:
    answer = replace(_answer(), facts=(_mention(1, "harga naik *50%* _kini_"),))
    value = render_answer(answer)[0].fields[0].value or ""
    assert r"\*50%\*" in value
    assert r"\_kini\_" in value


def test_not_found_looks_different_and_lists_suggestions() -> None:
    missing = _answer(
        query=Query("who", "siapa Joko Susanto?", subject="Joko Susanto"),
        found=False,
        message="person_unknown",
        subject="Joko Susanto",
        facts=(_mention(1),),
        suggestions=("Joko Santoso", "Jaka Susanta"),
    )
    pages = render_answer(missing)
    assert len(pages) == 1
    page = pages[0]
    assert page.colour != render_answer(_answer())[0].colour
    assert page.description == lead(missing)
    assert "Joko Susanto" in (page.description or "")
    assert len(page.fields) == 1  # suggestions only, never citations
    assert "Joko Santoso" in (page.fields[0].value or "")
    assert page.title == "Tidak ditemukan"


def test_english_answer_gets_english_chrome() -> None:
    answer = _answer(found=False, message="search_none", subject="X", lang="en", facts=())
    assert render_answer(answer)[0].title == "Nothing found"
    long = _answer(citations=20, lang="en")
    assert (render_answer(long)[0].footer.text or "").startswith("Page 1/")


def test_an_answer_without_facts_shows_its_text() -> None:
    answer = _answer(query=Query("help", "/help"), intent="help", message="help", facts=())
    assert render_answer(answer)[0].description == say("answer.help", "id")


def test_report_lists_every_outcome_with_reasons() -> None:
    report = BuildReport(
        added=("baru.txt",),
        changed=("ubah.txt",),
        removed=(),
        failed=(("rusak.html", "not valid UTF-8"),),
        unchanged=("a.txt", "b.txt"),
        seconds=1.25,
    )
    embed = render_report(report, "id")
    values = {f.name: f.value for f in embed.fields}
    assert values["Ditambahkan (1)"] == "• baru.txt"
    assert values["Diubah (1)"] == "• ubah.txt"
    assert values["Dihapus (0)"] == "tidak ada"
    assert "rusak.html: not valid UTF-8" in (values["Gagal (1)"] or "")
    assert "4 artikel" in (embed.description or "")
    assert embed.colour != render_report(BuildReport(added=("x",)), "id").colour


def test_report_with_thousands_of_files_fits() -> None:
    report = BuildReport(added=tuple(f"artikel_{i:05}.txt" for i in range(3000)))
    embed = render_report(report, "en")
    assert len(embed) <= MESSAGE_LIMIT
    value = embed.fields[0].value or ""
    assert len(value) <= FIELD_VALUE_LIMIT
    assert value.endswith("more")


@pytest.mark.parametrize(
    ("locale", "lang"), [("en-US", "en"), ("en-GB", "en"), ("id", "id"), ("ja", "id")]
)
def test_locale_to_language(locale: str, lang: str) -> None:
    assert lang_for_locale(locale) == lang


def test_dates_are_human_and_bad_dates_pass_through() -> None:
    assert format_date(DateValue.day(date(2022, 8, 9)), "id") == "9 Agustus 2022"
    assert format_date(DateValue.day(date(2022, 8, 9)), "en") == "9 August 2022"
    assert format_date(DateValue.month(2022, 8), "id") == "Agustus 2022"
    assert format_date(None, "id") == ""


def test_texts_fit_in_a_message_and_fill_values() -> None:
    assert "Sorry" in text("error", "en")
    assert len(text("reload_bad_upload", "id", name="x" * 5000, reason="r")) <= CONTENT_LIMIT


def test_titles_field_names_descriptions_and_footers_show_markdown_literally() -> None:
    name = "||Rina|| *Hartono*"
    quoted = Fact("role", _citation(1), role="__ketua__ ~~umum~~")
    answer = _answer(
        query=Query("who", f"siapa {name}?", subject=name),
        subject=name,
        facts=(quoted, _mention(2)),
    )
    page = render_answer(answer)[0]
    assert page.title == "Siapa \\|\\|Rina\\|\\| \\*Hartono\\*?"
    assert page.description is not None and page.description.startswith("\\|\\|Rina\\|\\|")
    assert page.fields[0].name == "1. \\_\\_ketua\\_\\_ \\~\\~umum\\~\\~"
    missing = _answer(
        found=False,
        message="search_none",
        intent="search",
        subject="*tebal* ||rahasia||",
        facts=(),
        query=Query("search", "*tebal* ||rahasia||", subject="*tebal* ||rahasia||"),
    )
    shown = render_answer(missing)[0]
    assert shown.description is not None and "\\*tebal\\* \\|\\|rahasia\\|\\|" in shown.description
    assert page.footer.text is not None and "*" not in page.footer.text.replace("\\*", "")


def test_the_source_line_says_when_the_article_appeared() -> None:
    day = DateValue.day(date(2021, 3, 2))
    event = Fact("event", replace(_citation(1), date=day, published=date(2021, 3, 9)), date=day)
    field = render_answer(replace(_answer(), facts=(event,)))[0].fields[0]
    assert field.name == "1. 2 Maret 2021"
    assert "9 Maret 2021" in (field.value or "")
