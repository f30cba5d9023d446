"""Answer -> Discord embeds, paged to fit every Discord limit. Pure: no network, no state.

Discord rejects a whole message when one limit is crossed, so every string that reaches an
embed passes through `_clip` here, and pages are packed by measured length rather than by
a fixed count of citations. Every string is escaped (`_escape`) before it is clipped: titles,
field names and footers render markdown just as descriptions do.
"""

from __future__ import annotations

from dataclasses import dataclass

import discord

from bot.engine.answer import Answer, Citation, Fact, Lang
from bot.engine.catalog import format_date as format_value
from bot.engine.catalog import say
from bot.engine.catalog.wording import appeared, fact_label, headline, lead, related_heading
from bot.layout import clip as _clip
from bot.layout import listing, report_groups
from bot.layout import split as _split
from knowledge.models import BuildReport, DateValue

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
MESSAGE_LIMIT = 6000
CONTENT_LIMIT = 2000
MAX_FIELDS = 25

# Fewer citations per page than Discord allows: a page of 25 snippets is unreadable on a phone.
FIELDS_PER_PAGE = 5
# Room kept free on every page for the footer ("Halaman 12/12 · ...").
FOOTER_RESERVE = 100
# A snippet longer than this is cut so a page keeps several citations.
SNIPPET_LIMIT = 700

COLOUR_FOUND = discord.Colour.from_rgb(46, 134, 193)
COLOUR_NOT_FOUND = discord.Colour.from_rgb(149, 165, 166)
COLOUR_REPORT = discord.Colour.from_rgb(39, 174, 96)
COLOUR_REPORT_FAILED = discord.Colour.from_rgb(230, 126, 34)


def text(key: str, lang: Lang, **values: object) -> str:
    """A user-facing sentence in the reader's language, clipped to a message's content limit."""
    return _clip(say(f"discord.{key}", lang, **values), CONTENT_LIMIT)


def lang_for_locale(locale: str) -> Lang:
    """Discord locales are "en-US", "en-GB", "id", ...: only English readers get English."""
    return "en" if str(locale).lower().startswith("en") else "id"


def format_date(value: DateValue | None, lang: Lang) -> str:
    """A citation's date as readers write it ("17 November 2023", "Mei 2024"); "" for none."""
    return format_value(value, lang) if value is not None else ""


@dataclass(frozen=True)
class _Field:
    name: str
    value: str

    def __len__(self) -> int:
        return len(self.name) + len(self.value)


def render_answer(answer: Answer) -> list[discord.Embed]:
    """One embed per page; every page fits Discord's limits on its own."""
    if not answer.found:
        return [_not_found_embed(answer)]
    title = _clip(_escape(headline(answer) or text("answer", answer.lang)), TITLE_LIMIT)
    # The facts are listed as fields, so only the lead goes in the description.
    chunks = _split(_escape(lead(answer)), DESCRIPTION_LIMIT)
    cited = [f for f in (*answer.facts, *answer.related) if f.citation is not None]
    fields = [_citation_field(i, f, answer) for i, f in enumerate(cited, 1)]
    pages = _pack(title, chunks, fields)
    _add_footers(pages, answer)
    return pages


def _not_found_embed(answer: Answer) -> discord.Embed:
    lang = answer.lang
    embed = discord.Embed(
        title=_clip(_escape(headline(answer) or text("not_found", lang)), TITLE_LIMIT),
        description=_clip(
            _escape(lead(answer) or text("not_found_text", lang)), DESCRIPTION_LIMIT - 200
        ),
        colour=COLOUR_NOT_FOUND,
    )
    if answer.suggestions:
        listed = "\n".join(f"• {_escape(s)}" for s in answer.suggestions[:10])
        embed.add_field(
            name=_escape(text("suggestions", lang)),
            value=_clip(listed, FIELD_VALUE_LIMIT),
            inline=False,
        )
    cited = [f for f in answer.related if f.citation is not None][: FIELDS_PER_PAGE - 1]
    if cited:
        # What the articles do say, under a heading that says it is not the answer.
        embed.add_field(
            name=_escape(_clip(related_heading(answer), FIELD_NAME_LIMIT)),
            value="\u200b",
            inline=False,
        )
        for number, fact in enumerate(cited, 1):
            field = _citation_field(number, fact, answer)
            embed.add_field(name=field.name, value=field.value, inline=False)
    return embed


def _citation_field(number: int, fact: Fact, answer: Answer) -> _Field:
    citation = fact.citation
    assert citation is not None
    when = format_date(citation.date, answer.lang)
    heading = fact_label(fact, answer) or when or citation.title
    name = _clip(f"{number}. {_escape(heading)}", FIELD_NAME_LIMIT)
    # The source line says when the article appeared, unless the heading already says it.
    published = appeared(citation, answer.lang)
    source = _source_line(citation, "" if published == heading else published)
    snippet = " ".join(citation.snippet.split())
    if not snippet:
        return _Field(name, source)
    room = FIELD_VALUE_LIMIT - len(source) - 3
    quoted = "> " + _clip(_escape(snippet), min(room, SNIPPET_LIMIT))
    return _Field(name, f"{quoted}\n{source}")


def _source_line(citation: Citation, when: str) -> str:
    title = _clip(citation.title or citation.article, 150)
    if citation.url.startswith(("http://", "https://")) and len(citation.url) <= 400:
        shown = f"[{_escape_link_text(title)}]({citation.url})"
    else:
        shown = _escape(title)
    parts = [shown, when] if when else [shown]
    if citation.source:
        parts.append(_escape(_clip(citation.source, 60)))
    return "— " + " · ".join(parts)


def _pack(title: str, chunks: list[str], fields: list[_Field]) -> list[discord.Embed]:
    """Fill pages in reading order: description chunks first, then citations."""
    pages: list[discord.Embed] = []
    for chunk in chunks or [""]:
        pages.append(_new_page(title, chunk))
    page = pages[-1]
    for field in fields:
        if not _fits(page, field):
            page = _new_page(title, "")
            pages.append(page)
        page.add_field(name=field.name, value=field.value, inline=False)
    return pages


def _new_page(title: str, description: str) -> discord.Embed:
    return discord.Embed(title=title, description=description or None, colour=COLOUR_FOUND)


def _fits(page: discord.Embed, field: _Field) -> bool:
    if len(page.fields) >= min(FIELDS_PER_PAGE, MAX_FIELDS):
        return False
    return len(page) + len(field) + FOOTER_RESERVE <= MESSAGE_LIMIT


def _add_footers(pages: list[discord.Embed], answer: Answer) -> None:
    lang = answer.lang
    part = text("part", lang, page=answer.page, pages=answer.pages) if answer.pages > 1 else ""
    cited = text("sources", lang, n=len(answer.citations)) if answer.citations else ""
    for number, page in enumerate(pages, 1):
        shown = text("page", lang, page=number, pages=len(pages)) if len(pages) > 1 else ""
        footer = " · ".join(p for p in (part, shown, cited) if p)
        if footer:
            page.set_footer(text=_clip(_escape(footer), FOOTER_LIMIT))


def render_report(report: BuildReport, lang: Lang) -> discord.Embed:
    """What a reload did, for the moderator who asked for it."""
    colour = COLOUR_REPORT_FAILED if report.failed else COLOUR_REPORT
    embed = discord.Embed(
        title=_escape(text("reload_title", lang)),
        description=_escape(
            text("reload_summary", lang, loaded=report.loaded, seconds=report.seconds)
        ),
        colour=colour,
    )
    for key, items in report_groups(report):
        name = f"{_escape(text(key, lang))} ({len(items)})"
        embed.add_field(name=name, value=_listing(items, lang), inline=False)
    return embed


def _listing(items: tuple[str, ...], lang: Lang) -> str:
    if not items:
        return text("none", lang)
    return listing(
        items,
        FIELD_VALUE_LIMIT,
        lambda item: "• " + _escape(_clip(item, 300)),
        lambda n: text("more", lang, n=n),
    )


def _escape(value: str) -> str:
    # Snippets, names and titles are verbatim web or user text: a stray "*", "_" or "||" must
    # show as typed, never as italics or a spoiler, wherever it lands in an embed.
    return discord.utils.escape_markdown(value)


def _escape_link_text(value: str) -> str:
    return _escape(value).replace("[", "(").replace("]", ")")
