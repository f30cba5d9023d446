"""Quotes signed on a line of their own: '— CEO OpenAI, Sam Altman' under a paragraph, or a
tweet's byline '— Name (@handle) date' under the tweet's lines."""

from __future__ import annotations

import re

from knowledge.extract.quotes.attribution import MIN_WORDS
from knowledge.extract.quotes.marks import QUOTE_CHARS, word_count
from knowledge.extract.quotes.speakers import NAME_JOINERS, Context, names_in
from knowledge.models import Quote

TWEET_MAX_CHARS = 600
_DASH_LINE = re.compile(
    r"^[^\S\n]*(?P<dash>—|–|--|-|&mdash;)[^\S\n]*(?P<body>[^\n]{2,200}?)[^\S\n]*$"
)
_DASH_LINES = re.compile(_DASH_LINE.pattern, re.MULTILINE)
_BYLINE = re.compile(r"^(?P<author>[^()\n]{1,80}?)\s*\(@\w{1,30}\)\s*(?P<date>[^\n]{0,40})$")
_TRAILING_DATE = re.compile(
    r"^(?P<author>\D{2,80}?)[ \t,]+(?P<date>(?:\d{1,2}[ \t]+)?[A-Z][a-z]{2,9}\.?[ \t]+"
    r"(?:\d{1,2},?[ \t]+)?\d{4})$"
)
_HEADING_END = re.compile(r"[.!?:;,\"”’)…–—\-]$")


def dash_quotes(ctx: Context) -> list[Quote]:
    """Paragraphs signed by a dash line, and tweets above a byline, with their speakers."""
    out: list[Quote] = []
    for m in _DASH_LINES.finditer(ctx.text):
        quote = _dash_quote(ctx, m)
        if quote is not None:
            out.append(quote)
    return out


def _dash_quote(ctx: Context, m: re.Match[str]) -> Quote | None:
    line_start = m.start()
    body = m.group("body")
    byline = _BYLINE.match(body) or _TRAILING_DATE.match(body)
    if byline is not None:
        author = byline.group("author").strip(" ,")
        return _tweet(ctx, line_start, author)
    if m.group("dash") == "-" and not _only_name(body):
        return None  # a bullet point, not a signature
    speaker = _dash_speaker(ctx, m.start("body"), m.end("body"))
    if not speaker:
        return None
    return _paragraph_before(ctx, line_start, speaker)


def _only_name(body: str) -> bool:
    return len(body.split()) <= 10 and all(_name_like(p) for p in body.split(","))


def _name_like(part: str) -> bool:
    """'Wakil Presiden Riset OpenAI', 'Sam Altman': short, every word capitalised."""
    words = part.split()
    return 0 < len(words) <= 6 and all(w[:1].isupper() or w in NAME_JOINERS for w in words)


def _dash_speaker(ctx: Context, start: int, end: int) -> str:
    """'CEO OpenAI, Sam Altman' -> 'Sam Altman': the last comma part that holds a name."""
    text = ctx.text
    parts: list[tuple[int, int]] = []
    pos = start
    for comma in re.finditer(r",", text[start:end]):
        parts.append((pos, start + comma.start()))
        pos = start + comma.end()
    parts.append((pos, end))
    speaker = ""
    for s, e in parts:
        if not _name_like(text[s:e]):
            if speaker:
                break  # the caption goes on in prose ('menegaskan …')
            continue
        names = names_in(ctx, s, e, slot=True)
        if names:
            speaker = names[-1].name
    return speaker


def _paragraph_before(ctx: Context, line_start: int, speaker: str) -> Quote | None:
    text = ctx.text
    end = line_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = text.rfind("\n", 0, end) + 1
    para = text[start:end]
    if (
        not para.strip()
        or _DASH_LINE.match(para)
        or "<" in para
        or _is_heading(para)
        or para.rstrip().endswith(":")
    ):
        return None
    start, end = _strip_marks(text, start, end)
    if word_count(text, start, end) < MIN_WORDS:
        return None
    return Quote(start, end, text[start:end], speaker)


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in ' \t“"‘':
        start += 1
    while end > start and text[end - 1] in ' \t”"’':
        end -= 1
    return start, end


def _tweet(ctx: Context, line_start: int, author: str) -> Quote | None:
    """The lines above a '— Name (@handle) date' byline, back to an attribution or heading."""
    text = ctx.text
    paragraphs: list[tuple[int, int]] = []
    end = line_start
    total = 0
    while True:
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == 0:
            break
        start = text.rfind("\n", 0, end) + 1
        if _tweet_boundary(ctx, start, end, bool(paragraphs)) or total + end - start > (
            TWEET_MAX_CHARS
        ):
            break
        paragraphs.append((start, end))
        total += end - start
        end = start
    if not paragraphs:
        return None
    start, stop = paragraphs[-1][0], paragraphs[0][1]
    return Quote(start, stop, text[start:stop], author)


def _tweet_boundary(ctx: Context, start: int, end: int, have_text: bool) -> bool:
    para = ctx.text[start:end]
    if _DASH_LINE.match(para) or _is_heading(para):
        return True
    if not have_text:
        return False
    has_quote = QUOTE_CHARS.search(para) is not None
    return has_quote or any(start <= e[0] < end for e in ctx.events)


def _is_heading(para: str) -> bool:
    words = para.split()
    if not words or len(words) > 12 or _HEADING_END.search(para.rstrip()):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised * 2 >= len(words) and len(words) >= 2
