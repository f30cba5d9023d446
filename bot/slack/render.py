"""Answer -> Slack Block Kit messages, paged to fit Slack's limits. Pure: no network, no state.

Slack refuses a whole message (`invalid_blocks`) when one limit is crossed: more than 50 blocks,
a section text over 3,000 characters, a button label over 75 or a button value over 2,000. So
every text goes through `_fit` or `_sections` here, and pages are packed by counted blocks and
characters. Every text from an article, a question or the catalog is escaped (`escape`) before
newsbot adds its own markup (bold headings, quotes, links), so nothing a user or an article
wrote can ping anyone or change the layout.

Long answers come in two levels of pages, as on Discord: the engine's parts (`Answer.page` of
`Answer.pages`) and, within a part, the messages needed to stay within the limits. A pager
button carries the query and the position it leads to (`PageRef`); the adapter asks the
service for that part and renders it again, so nothing is parsed back from display text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, cast, get_args

from bot.engine.answer import INTENTS, Answer, Citation, Fact, IntentName, Lang, Query
from bot.engine.catalog import format_date, say
from bot.engine.catalog.wording import appeared, fact_label, headline, lead, related_heading
from bot.layout import clip as _clip
from bot.layout import listing, report_groups
from bot.layout import split as _split
from knowledge.models import BuildReport

Block = dict[str, Any]

MAX_BLOCKS = 50
SECTION_LIMIT = 3000
CONTEXT_ELEMENTS = 10
BUTTON_TEXT_LIMIT = 75
BUTTON_VALUE_LIMIT = 2000
# The notification text shown where blocks are not (push notifications, search results).
FALLBACK_LIMIT = 3000

# Blocks kept free on every page: the footer, the pager's buttons, and one for the adapter.
RESERVED_BLOCKS = 3
# Fewer citations per message than Slack allows: fifteen snippets are unreadable on a phone.
FACTS_PER_PAGE = 6
PAGE_CHARS = 6000
HEADING_LIMIT = 300
SNIPPET_LIMIT = 1000
TITLE_LIMIT = 150
SOURCE_LIMIT = 60
URL_LIMIT = 500
# What a pager button keeps of the query's texts; the answer needs only subject and topic.
QUERY_TEXT_LIMIT = 400

ACTION_PREVIOUS = "newsbot_page_previous"
ACTION_NEXT = "newsbot_page_next"
ACTION_VOTE_UP = "newsbot_vote_up"
ACTION_VOTE_DOWN = "newsbot_vote_down"
ACTIONS_BLOCK = "newsbot_actions"

# `&`, `<` and `>` are the only characters Slack wants escaped: with them escaped, `<!channel>`
# or `<@U123>` is shown as typed and never pings. The formatting characters have no escape in
# mrkdwn, so they become look-alikes: a stray pair of `*` or a ``` would otherwise turn a
# snippet bold or open a code block over the rest of the message.
_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "*": "\u2217",  # ∗ asterisk operator
        "_": "\u02cd",  # ˍ modifier letter low macron
        "~": "\u223c",  # ∼ tilde operator
        "`": "\u02cb",  # ˋ modifier letter grave accent
    }
)
# A button's value is data Slack never shows, but it is kept free of `<!channel>` all the same:
# JSON may write any character as \uXXXX, and reads it back unchanged.
_JSON_SAFE = str.maketrans({"&": "\\u0026", "<": "\\u003c", ">": "\\u003e"})
# A URL is linked only when nothing in it can end Slack's `<url|label>` early.
_URL_BREAKERS = frozenset("<>| \t\n")


@dataclass(frozen=True)
class Message:
    """One Slack message: Block Kit blocks and the (escaped) notification text."""

    text: str
    blocks: tuple[Block, ...]

    def payload(self) -> dict[str, Any]:
        """The keyword arguments for chat.postMessage, chat.postEphemeral or `respond`."""
        return {"text": self.text, "blocks": list(self.blocks)}


@dataclass(frozen=True)
class PageRef:
    """Where a pager button leads: `query` (its `page` is the engine's part) and the index of
    the message within that part (-1: its last), for the user who asked (`owner`)."""

    query: Query
    index: int
    owner: str


def escape(value: str) -> str:
    """`value` safe inside mrkdwn: `&`, `<`, `>` as entities, formatting characters as
    look-alikes. Applied to every text newsbot did not write as markup itself."""
    return value.translate(_ESCAPES)


def text(key: str, lang: Lang, **values: object) -> str:
    """A sentence of the catalog's `slack` section, unescaped (see `notice`)."""
    return say(f"slack.{key}", lang, **values)


def notice(key: str, lang: Lang, **values: object) -> Message:
    """A one-sentence message from the catalog, e.g. a refusal or a reload in progress."""
    return plain(text(key, lang, **values))


def plain(sentence: str) -> Message:
    """Any sentence as a message of one section, escaped and clipped."""
    body = _fit(sentence, SECTION_LIMIT)
    return Message(_fit(sentence, FALLBACK_LIMIT), (_section(body),))


def render_pages(answer: Answer) -> list[list[Block]]:
    """The messages of one part of an answer, without footer and buttons (`render_message`
    adds them); each fits Slack's limits with `RESERVED_BLOCKS` to spare."""
    lang = answer.lang
    if not answer.found or not (answer.facts or answer.related):
        title = headline(answer) or text("not_found" if not answer.found else "answer", lang)
        body = lead(answer) or text("not_found_text", lang)
        return _pack(_heading(title), [[_section(s)] for s in _sections(body)])
    units = [[_section(s)] for s in _sections(lead(answer))]
    units += [_fact_blocks(f, answer) for f in answer.facts]
    for number, fact in enumerate(answer.related):
        unit = _fact_blocks(fact, answer)
        if number == 0:
            unit.insert(0, _heading(related_heading(answer)))
        units.append(unit)
    return _pack(_heading(headline(answer) or text("answer", lang)), units)


def render_message(
    answer: Answer, owner: str, index: int = 0, answer_id: int | None = None
) -> Message:
    """Message `index` of the answer's part (-1: the last) with its footer; when the answer
    goes on, the pager buttons that only `owner` (a Slack user id) may press; with an
    `answer_id` (the feedback store's), 👍 and 👎 buttons that carry it."""
    pages = render_pages(answer)
    index = len(pages) - 1 if index < 0 else min(index, len(pages) - 1)
    blocks = list(pages[index])
    footer = _footer(answer, index, len(pages))
    if footer:
        blocks.append({"type": "context", "elements": [_mrkdwn(footer)]})
    buttons = _pager_buttons(answer, owner, index, len(pages))
    if answer_id is not None:
        buttons += [_vote(ACTION_VOTE_UP, "\U0001f44d", answer_id)]
        buttons += [_vote(ACTION_VOTE_DOWN, "\U0001f44e", answer_id)]
    if buttons:
        blocks.append({"type": "actions", "block_id": ACTIONS_BLOCK, "elements": buttons})
    return Message(_fallback(answer), tuple(blocks))


def read_vote(value: str) -> int | None:
    """The answer id a vote button's value carries, or None when it is not one."""
    return int(value) if value.isdigit() and len(value) <= 18 else None


def read_page_ref(value: str) -> PageRef | None:
    """The position a pager button's value names, or None when it is not one of ours (an old
    or forged button): the value comes back from Slack, so it is checked, never trusted."""
    try:
        data = json.loads(value)
        raw = data["q"]
        intent, lang = raw["i"], raw["l"]
        part, index, owner = int(data["p"]), int(data["x"]), str(data["u"])
        texts = [str(raw.get(k, "")) for k in ("t", "s", "o")]
    except (ValueError, KeyError, TypeError):
        return None
    if intent not in INTENTS or lang not in get_args(Lang) or part < 1:
        return None
    query = Query(
        intent=cast(IntentName, intent),
        text=texts[0],
        subject=texts[1],
        topic=texts[2],
        lang=cast(Lang, lang),
        page=part,
    )
    return PageRef(query, index, owner)


def render_report(report: BuildReport, lang: Lang) -> Message:
    """What a reload did, for the moderator who asked for it."""
    summary = text("reload_summary", lang, loaded=report.loaded, seconds=report.seconds)
    blocks = [_heading(text("reload_title", lang)), _section(_fit(summary, SECTION_LIMIT))]
    for key, items in report_groups(report):
        title = f"*{escape(text(key, lang))} ({len(items)})*"
        listing = _listing(items, lang, SECTION_LIMIT - len(title) - 1)
        blocks.append(_section(f"{title}\n{listing}"))
    return Message(_fit(f"{text('reload_title', lang)}: {summary}", FALLBACK_LIMIT), tuple(blocks))


# -- building blocks -----------------------------------------------------------------------


def _section(mrkdwn: str) -> Block:
    return {"type": "section", "text": _mrkdwn(mrkdwn)}


def _mrkdwn(value: str) -> Block:
    return {"type": "mrkdwn", "text": value}


def _heading(title: str) -> Block:
    # A bold section, not a header block: header text is plain_text, which cannot be escaped.
    return _section(f"*{_fit(title, HEADING_LIMIT)}*")


def _fact_blocks(fact: Fact, answer: Answer) -> list[Block]:
    """A fact's section (its label and quoted snippet) and its citation's context block."""
    citation = fact.citation
    label = fact_label(fact, answer)
    if citation is None:  # a role a moderator added in overrides.yaml: nothing to cite
        return [_section("• " + _fit(label, HEADING_LIMIT))]
    when = format_date(citation.date, answer.lang) if citation.date is not None else ""
    snippet = " ".join(citation.snippet.split())
    if not snippet:  # the article itself (/sources)
        details = [_fit(p, SOURCE_LIMIT) for p in (when, citation.source) if p]
        title = _section(f"*{_title(citation)}*")
        return [title, _context(details)] if details else [title]
    lines = [f"*{_fit(label, HEADING_LIMIT)}*"] if label else []
    lines.append("> " + _fit(snippet, SNIPPET_LIMIT))
    # The context says when the article appeared, unless the label already says it.
    published = appeared(citation, answer.lang)
    shown = [] if not published or published == label else [_fit(published, SOURCE_LIMIT)]
    details = [_title(citation), *shown]
    return [_section("\n".join(lines)), _context(details)]


def _title(citation: Citation) -> str:
    """The article's title, linked to the article when it has a usable URL."""
    title = _fit(citation.title or citation.article, TITLE_LIMIT)
    url = citation.url
    linkable = url.startswith(("http://", "https://")) and len(url) <= URL_LIMIT
    if linkable and not _URL_BREAKERS.intersection(url):
        return f"<{url.replace('&', '&amp;')}|{title}>"
    return title


def _context(details: list[str]) -> Block:
    """A context block of a citation's details (at least one), each already escaped."""
    return {"type": "context", "elements": [_mrkdwn(d) for d in details[:CONTEXT_ELEMENTS]]}


def _pack(heading: Block, units: list[list[Block]]) -> list[list[Block]]:
    """Fill messages in reading order; a unit (a fact and its citation) is never split."""
    budget = MAX_BLOCKS - RESERVED_BLOCKS
    pages: list[list[Block]] = []
    page, facts, chars = [heading], 0, 0
    for unit in units:
        size = sum(_chars(b) for b in unit)
        full = (
            len(page) + len(unit) > budget or facts >= FACTS_PER_PAGE or chars + size > PAGE_CHARS
        )
        if full and len(page) > 1:
            pages.append(page)
            page, facts, chars = [heading], 0, 0
        page.extend(unit)
        facts, chars = facts + 1, chars + size
    pages.append(page)
    return pages


def _chars(block: Block) -> int:
    if block["type"] == "section":
        return len(block["text"]["text"])
    return sum(len(e.get("text", "")) for e in block.get("elements", ()))


def _footer(answer: Answer, index: int, count: int) -> str:
    lang = answer.lang
    parts = [
        text("part", lang, page=answer.page, pages=answer.pages) if answer.pages > 1 else "",
        text("page", lang, page=index + 1, pages=count) if count > 1 else "",
        text("sources", lang, n=len(answer.citations)) if answer.citations else "",
    ]
    return escape(" · ".join(p for p in parts if p))


def _pager_buttons(answer: Answer, owner: str, index: int, count: int) -> list[Block]:
    buttons: list[Block] = []
    if index > 0 or answer.page > 1:
        target = (answer.page, index - 1) if index > 0 else (answer.page - 1, -1)
        buttons.append(_button(ACTION_PREVIOUS, "previous", answer, target, owner))
    if index < count - 1 or answer.page < answer.pages:
        target = (answer.page, index + 1) if index < count - 1 else (answer.page + 1, 0)
        buttons.append(_button(ACTION_NEXT, "next", answer, target, owner))
    return buttons


def _button(action_id: str, key: str, answer: Answer, target: tuple[int, int], owner: str) -> Block:
    label = text(key, answer.lang)[:BUTTON_TEXT_LIMIT]  # plain_text: shown as written
    return {
        "type": "button",
        "action_id": action_id,
        "text": {"type": "plain_text", "text": label, "emoji": True},
        "value": _page_value(answer.query, target, owner),
    }


def _vote(action_id: str, emoji: str, answer_id: int) -> Block:
    return {
        "type": "button",
        "action_id": action_id,
        "text": {"type": "plain_text", "text": emoji, "emoji": True},
        "value": str(answer_id),
    }


def _page_value(query: Query, target: tuple[int, int], owner: str) -> str:
    limit = QUERY_TEXT_LIMIT
    while True:
        raw: dict[str, str] = {"i": query.intent, "l": query.lang}
        raw.update(t=query.text[:limit], s=query.subject[:limit], o=query.topic[:limit])
        data = {"q": raw, "p": target[0], "x": target[1], "u": owner}
        value = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_SAFE)
        if len(value) <= BUTTON_VALUE_LIMIT:
            return value
        limit //= 2  # only quotes and escapes can get it here: shorten until it fits


def _fallback(answer: Answer) -> str:
    """What a notification shows: the heading and the first snippet, or what was not found."""
    first = " ".join(answer.citations[0].snippet.split()) if answer.citations else ""
    if answer.found and first:
        parts = [headline(answer) or lead(answer), first]
    else:
        parts = [lead(answer) or headline(answer)]
    return _fit(
        " \u2014 ".join(p for p in parts if p) or text("answer", answer.lang), FALLBACK_LIMIT
    )


def _listing(items: tuple[str, ...], lang: Lang, limit: int) -> str:
    if not items:
        return escape(text("none", lang))
    return listing(
        items,
        limit,
        lambda item: "• " + _fit(item, 300),
        lambda n: escape(text("more", lang, n=n)),
    )


# -- text that fits ------------------------------------------------------------------------


def _fit(raw: str, limit: int) -> str:
    """`raw` escaped and, when the escaped text is longer than `limit`, clipped at a word."""
    shown = escape(raw)
    while len(shown) > limit:
        # Keep as much raw text as the escaped text's growth allows, and always less than before.
        keep = max(1, min(len(raw) - 1, len(raw) * limit // len(shown)))
        raw = _clip(raw, keep)
        shown = escape(raw)
    return shown


def _sections(body: str) -> list[str]:
    """`body` escaped and cut into section texts of at most SECTION_LIMIT characters, at
    paragraph, line, sentence or word boundaries; escaping lengthens text, so the cut is made
    on the raw text and retried shorter until every escaped piece fits."""
    limit = SECTION_LIMIT
    while True:
        pieces = [escape(p) for p in _split(body, limit)]
        if all(len(p) <= SECTION_LIMIT for p in pieces):
            return pieces
        limit = limit * 2 // 3
