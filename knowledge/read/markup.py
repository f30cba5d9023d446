"""Markup to text, on the parsed tree.

Both whole HTML pages (`pages.py`, once the page chrome is gone) and markup pasted into text
files and feeds (`cleaning.clean_text`) are parsed with BeautifulSoup and walked here:
elements that never hold article text are skipped, block elements become paragraph breaks and
<br> a line break, and each embedded tweet (blockquote.twitter-tweet) is lifted out of the tree
with its author, handle and date (see `tweets.py` for how it enters the text). What comes out
is plain text for the line cleaning. Which element is which comes from
`knowledge/vocab/html_elements.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PageElement, PreformattedString

from knowledge.read.metadata import squash
from knowledge.read.tweets import Tweet, tweet_block
from knowledge.vocab import VOCABULARY

__all__ = [
    "BLOCKS",
    "NEVER_TEXT",
    "PAGE_CHROME",
    "is_tweet",
    "looks_like_html",
    "parse_html",
    "tree_text",
]

_ELEMENTS = VOCABULARY.data("html_elements")
NEVER_TEXT: frozenset[str] = frozenset(_ELEMENTS["never_text"])
PAGE_CHROME: frozenset[str] = frozenset(_ELEMENTS["page_chrome"])
BLOCKS: frozenset[str] = frozenset(_ELEMENTS["blocks"])
_MARKUP_HINT = re.compile(
    r"</?(?:" + "|".join(map(re.escape, _ELEMENTS["markup_hint"])) + r")\b[^<>]*>",
    re.IGNORECASE,
)
_PARAGRAPH = "\n\n"
_BLANK_LINES = re.compile(r"\n{3,}")
# "— Name (@handle) date" once a tweet's words are gone; the date is the embed's last link.
_BYLINE = re.compile(
    r"^\s*(?:—|–|-)?\s*(?P<author>[^()<]*?)\s*(?:\(\s*@(?P<handle>\w{1,30})\s*\))?"
    r"\s*(?P<date>[^<()]*)$",
    re.DOTALL,
)


@dataclass(frozen=True)
class MarkedText:
    """Text from a tree, with the lifted tweets its markers number (see `tweets.py`)."""

    text: str
    tweets: tuple[Tweet, ...] = ()


def looks_like_html(text: str) -> bool:
    """True when the text carries real markup (a known tag), not just a stray '<' in prose."""
    return _MARKUP_HINT.search(text) is not None


def parse_html(text: str) -> BeautifulSoup:
    """The tree of a page or fragment (Python's lenient html.parser: never raises)."""
    return BeautifulSoup(text, "html.parser")


def tree_text(root: Tag) -> MarkedText:
    """The text under `root`: text nodes as written (entities already decoded by the parser),
    a blank line around each block element, a line break for <br> and before each <li>;
    comments, declarations and never-text elements left out; tweets lifted and marked."""
    pieces: list[str] = []
    tweets: list[Tweet] = []
    # An explicit stack rather than recursion: pages nest deeper than Python's recursion limit.
    stack: list[tuple[Iterator[PageElement], str]] = [(iter(root.children), "")]
    while stack:
        children, closing = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
            pieces.append(closing)
        elif not isinstance(node, Tag):
            if _is_text(node):
                pieces.append(str(node))
        elif node.name == "br":
            pieces.append("\n")
        elif node.name == "blockquote" and is_tweet(node):
            pieces.append(_lift(node, tweets))
        elif node.name not in NEVER_TEXT:
            block = node.name in BLOCKS
            pieces.append(_PARAGRAPH if block else "\n" if node.name == "li" else "")
            stack.append((iter(node.children), _PARAGRAPH if block else ""))
    return MarkedText("".join(pieces), tuple(tweets))


def _is_text(node: PageElement) -> bool:
    # Comments, CDATA, doctypes and processing instructions are PreformattedStrings.
    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)


def is_tweet(tag: Tag) -> bool:
    """Whether an element is an embedded tweet (a blockquote of class twitter-tweet)."""
    return any("twitter-tweet" in name for name in tag.get_attribute_list("class"))


def _lift(quote: Tag, tweets: list[Tweet]) -> str:
    """The text standing for an embedded tweet, which joins `tweets`; a paragraph break when
    the embed holds no words."""
    tweet = _tweet(quote)
    if tweet is None:
        return _PARAGRAPH
    tweets.append(tweet)
    return tweet_block(tweet, len(tweets) - 1)


def _tweet(quote: Tag) -> Tweet | None:
    """The embed's first paragraph is the tweet; what follows it is '— Name (@handle)' and a
    link whose text is the date. Without a paragraph the whole embed is the tweet."""
    para = quote.find("p")
    words = _tweet_words(para if isinstance(para, Tag) else quote)
    if not words:
        return None
    if not isinstance(para, Tag):
        return Tweet(words)
    return _with_byline(words, list(_following(para, quote)))


def _tweet_words(node: Tag) -> str:
    """A tweet's words: <br> breaks lines, other tags only carry text; each line stripped and
    runs of blank lines made one."""
    pieces: list[str] = []
    for item in node.descendants:
        if isinstance(item, Tag):
            if item.name == "br":
                pieces.append("\n")
        elif _is_text(item):
            pieces.append(str(item))
    text = "\n".join(line.strip() for line in "".join(pieces).split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def _following(node: Tag, top: Tag) -> Iterator[PageElement]:
    """The nodes after `node` inside `top`, in document order, outside `node` itself."""
    current: Tag | None = node
    while current is not None and current is not top:
        yield from current.next_siblings
        current = current.parent


def _with_byline(words: str, rest: list[PageElement]) -> Tweet:
    """The tweet with what its embed states after the words (`rest`): '— Name (@handle)', then
    a link whose text is the date. Naming neither author nor handle, it states no byline."""
    while rest and _is_text(rest[-1]) and not str(rest[-1]).strip():
        rest.pop()
    date_text = ""
    last = rest[-1] if rest else None
    if isinstance(last, Tag) and last.name == "a" and not last.find(True):
        date_text = last.get_text().strip()
        rest.pop()
    head = "".join(_text_of(node) for node in rest).strip()
    match = _BYLINE.match(head)
    if match is None:
        return Tweet(words)
    author = match.group("author").strip(" —–-")
    handle = match.group("handle") or ""
    if not author and not handle:
        return Tweet(words)
    date_text = date_text or match.group("date").strip()
    return Tweet(words, squash(author), handle, squash(date_text))


def _text_of(node: PageElement) -> str:
    if isinstance(node, Tag):
        return node.get_text()
    return str(node) if _is_text(node) else ""
