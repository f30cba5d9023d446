"""Turn messy web text into a clean article body: the canonical text of an article.

Every span the extractors produce indexes into the cleaned text, so cleaning must be
deterministic and must never invent words. Text carrying markup (an HTML page's tree, or HTML
pasted into a text file or feed) is first turned into plain text on its parsed tree
(`markup.py`); plain text then goes through the same line cleaning: whitespace and bullets
normalised, hard-wrapped paragraphs re-joined, page furniture (`furniture.py`) and repeated
lines dropped, trailing navigation trimmed. Embedded tweets come out as `EmbeddedQuote`s
(`tweets.py`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from bs4 import Tag

from knowledge.models import EmbeddedQuote
from knowledge.read.furniture import is_furniture, is_newsletter_heading, is_signup, is_tail_junk
from knowledge.read.markup import looks_like_html, parse_html, tree_text
from knowledge.read.tweets import Tweet, has_marker, pasted_tweets, resolve_tweets

__all__ = ["CleanText", "clean_text", "clean_tree"]


@dataclass(frozen=True)
class CleanText:
    """A cleaned body: paragraphs separated by one blank line, no blank line at either end;
    `embedded_quotes` (sorted by start) index into `text`."""

    text: str
    embedded_quotes: tuple[EmbeddedQuote, ...] = ()


# Well-formed character references only: "R&D" or "AT&T" in prose stay as written.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Zero-width and bidi marks, soft hyphens, control characters (not \t \n \r).
_INVISIBLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]"
)
_ODD = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x0b\x0c"
# Any non-breaking/odd space, or a run of spaces, becomes one plain space.
_SPACES = re.compile(f"[ {_ODD}]{{2,}}|[{_ODD}]")
_BULLET_CHARS = "•●▪◦‣∙·■□►▸➤✓✔"
_BULLET = re.compile(f"^[{_BULLET_CHARS}]+\\s*")
_UNWRAP_OK_END = re.compile(r"[.!?:;\"”’)…]$")
_UNWRAP_MIN_CHARS = 30
_LOWER_START = re.compile(r"^[a-z]")
_NORM_PUNCT = re.compile(r"[\W_]+")
# A headline printed again is dropped only among the first few lines.
_TITLE_ZONE = 4
# A sign-up prompt within this many lines of a newsletter heading closes its promo block.
_PROMO_WINDOW = 3
_PROMO_MARK = "\ue002promo"


def clean_text(raw: str, title: str = "") -> CleanText:
    """Clean an article body given as text, plain or carrying pasted markup (then read on its
    parsed tree); `title` lets a headline printed again in the body be removed."""
    text = _INVISIBLE.sub("", _unify_newlines(raw))
    if looks_like_html(text):
        return clean_tree(parse_html(text), title)
    return _clean(_unescape(text), (), title)


def clean_tree(root: Tag, title: str = "") -> CleanText:
    """Clean the article under a parsed tree's `root` (see `markup.tree_text`)."""
    marked = tree_text(root)
    return _clean(_unify_newlines(marked.text), marked.tweets, title)


def _clean(text: str, tweets: tuple[Tweet, ...], title: str) -> CleanText:
    # After entities are decoded, so that &nbsp; and &#8203; are normalised too.
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    lines = [_tidy_line(line) for line in text.split("\n")]
    lines = _unwrap(lines)
    lines = _drop_furniture(lines)
    lines = _drop_repeats(lines, title)
    lines = _trim_tail(lines)
    body, quotes = resolve_tweets(_join(lines), list(tweets))
    quotes.extend(pasted_tweets(body, quotes))
    quotes.sort(key=lambda q: q.start)
    return CleanText(text=body, embedded_quotes=tuple(quotes))


def _unify_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _unescape(text: str) -> str:
    """Character references in plain text (copy-pasted "&nbsp;", "&mdash;")."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


def _tidy_line(line: str) -> str:
    line = line.strip()
    return _BULLET.sub("", line) if line[:1] in _BULLET_CHARS else line


def _unwrap(lines: list[str]) -> list[str]:
    """Re-join hard-wrapped paragraphs: a line that stops mid-sentence and a next line that
    starts in lower case are one sentence (a heading is never followed by lower case)."""
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if (
            line
            and prev
            and len(prev) >= _UNWRAP_MIN_CHARS
            and not _UNWRAP_OK_END.search(prev)
            and _LOWER_START.match(line)
            and not has_marker(line)
            and not has_marker(prev)
        ):
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return out


def _drop_furniture(lines: list[str]) -> list[str]:
    out: list[str] = []
    promo_window = 0
    for line in lines:
        if promo_window and line:
            promo_window -= 1
            if is_signup(line):
                _drop_promo_body(out)
                promo_window = 0
                continue
        if line and not has_marker(line) and is_furniture(line):
            if is_newsletter_heading(line):
                promo_window = _PROMO_WINDOW
                out.append(_PROMO_MARK)
            continue
        out.append(line)
    return [line for line in out if line != _PROMO_MARK]


def _drop_promo_body(out: list[str]) -> None:
    """A newsletter heading ... sign-up prompt block: the blurb between them is promo too."""
    while out and out[-1] != _PROMO_MARK:
        out.pop()
    if out:
        out.pop()


def _drop_repeats(lines: list[str], title: str) -> list[str]:
    title_key = _normalize_line(title) if title else ""
    out: list[str] = []
    last = ""
    seen_content = 0
    for line in lines:
        if not line:
            out.append(line)
            continue
        if last and _same_line(line, last):
            continue
        if title_key and seen_content < _TITLE_ZONE and _normalize_line(line) == title_key:
            continue
        out.append(line)
        last = line
        seen_content += 1
    return out


def _normalize_line(line: str) -> str:
    """A comparison key: case, punctuation and spacing do not make two lines different."""
    return _NORM_PUNCT.sub(" ", line.casefold()).strip()


def _same_line(a: str, b: str) -> bool:
    # Normalising is costly; only lines of nearly equal length can be the same line.
    if abs(len(a) - len(b)) > 3:
        return False
    return a == b or _normalize_line(a) == _normalize_line(b) != ""


def _trim_tail(lines: list[str]) -> list[str]:
    """Drop the nav labels and tags that sites print after the last paragraph."""
    end = len(lines)
    while end:
        line = lines[end - 1]
        if line and (has_marker(line) or not is_tail_junk(line)):
            break
        end -= 1
    return lines[:end]


def _join(lines: Iterable[str]) -> str:
    """Lines as they were, with runs of blank lines collapsed to one paragraph break."""
    out: list[str] = []
    blank = False
    for line in lines:
        if not line:
            blank = bool(out)
            continue
        if blank:
            out.append("")
        out.append(line)
        blank = False
    return "\n".join(out)
