"""Embedded tweets: lifted out of markup, or found in pasted text, as `EmbeddedQuote`s.

A tweet lifted from markup (see `markup.py`) enters the text as its words between two markers,
followed by a plain "— Author (@handle) date" line. The markers are private-use characters that
survive line cleaning; `resolve_tweets` removes them at the very end and turns each marked span
into a quote of the cleaned text, with the author, handle and date the markup stated.

A tweet pasted as text shows only as its words above such a "— Author (@handle) date" line;
`pasted_tweets` reads upwards from the line over the paragraphs that plausibly are the tweet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.models import EmbeddedQuote
from knowledge.patterns import alternation
from knowledge.vocab import VOCABULARY

__all__ = ["Tweet", "has_marker", "pasted_tweets", "resolve_tweets", "tweet_block"]


@dataclass(frozen=True)
class Tweet:
    """A tweet as the markup states it: its words (lines joined by "\\n", paragraphs by a blank
    line) and, when the embed names them, its author, @handle (without the '@') and date."""

    words: str
    author: str = ""
    handle: str = ""
    date_text: str = ""

    def byline(self) -> str:
        """'Author (@handle) date', or "" when the embed names neither author nor handle."""
        if not self.author and not self.handle:
            return ""
        pieces = [self.author] if self.author else []
        if self.handle:
            pieces.append(f"(@{self.handle})")
        if self.date_text:
            pieces.append(self.date_text)
        return " ".join(pieces)


# The opening marker is followed by one character numbering the tweet (in the Supplementary
# Private Use Area-A, which no news text uses), so that a span still finds its tweet when
# cleaning dropped the line of another tweet's marker.
_OPEN = "\ue000"
_CLOSE = "\ue001"
_FIRST_NUMBER = 0xF0000
_LAST_NUMBER = 0xFFFFD
_MARKER = re.compile(f"({_OPEN}[{chr(_FIRST_NUMBER)}-{chr(_LAST_NUMBER)}]|{_CLOSE})")

_ATTRIBUTION = re.compile(
    r"^(?:—|–|--)\s*(?P<author>[^\n()]{1,80}?)\s*\(@(?P<handle>\w{1,30})\)\s*(?P<date>[^\n]{0,40}?)\s*$",
    re.MULTILINE,
)
_ENDS_WITH_LINK = re.compile(r"(?:https?://\S+|pic\.twitter\.com/\S+)\s*$")
# A closing quote mark then a speech verb ('"...," kata Budi', '"...," ujarnya', '"...," he
# said') is the article's narration: it ends the span of a pasted tweet read upwards.
_SPEECH = VOCABULARY.data("speech_verbs")
_AFTER_QUOTE = (
    _SPEECH["before_name_anywhere"] + _SPEECH["before_name"] + _SPEECH["before_name_after_quote"]
)
_REPORTED_SPEECH = re.compile(r"[”\"’]\s*,?\s*" + alternation(_AFTER_QUOTE) + r"\w*", re.I)
_SENTENCE_END = re.compile(r"[.!?:;\"”’')\]…–—-]$")
_MAX_TWEET_LINES = 8
_MAX_TWEET_CHARS = 1200
# Longer paragraphs are article prose: even long-form tweets are rarely pasted that way.
_MAX_TWEET_LINE = 320
_MAX_HEADING_CHARS = 120


def tweet_block(tweet: Tweet, number: int) -> str:
    """The text standing for the `number`th tweet (from 0) of an article: a paragraph of its
    marked words, then its byline line "— Author (@handle) date" when it has one. Past the
    65,534th tweet of an article (only a hostile page has so many) the words go unmarked."""
    words = tweet.words
    if number <= _LAST_NUMBER - _FIRST_NUMBER:
        words = f"{_OPEN}{chr(_FIRST_NUMBER + number)}{words}{_CLOSE}"
    byline = tweet.byline()
    return f"\n\n{words}\n" + (f"— {byline}\n\n" if byline else "\n")


def has_marker(line: str) -> bool:
    """True when the line holds a tweet's opening or closing marker: cleaning keeps it whole."""
    return _OPEN in line or _CLOSE in line


def resolve_tweets(text: str, tweets: list[Tweet]) -> tuple[str, list[EmbeddedQuote]]:
    """(`text` without markers, a quote for each tweet whose marked span survived cleaning).
    `tweets` are the tweets numbered by `tweet_block`; spans index into the returned text and
    exclude surrounding whitespace."""
    if _OPEN not in text and _CLOSE not in text:
        return text, []
    parts: list[str] = []
    spans: list[tuple[int, int, Tweet]] = []
    length = 0
    tweet: Tweet | None = None
    start = 0
    for piece in _MARKER.split(text):
        if piece.startswith(_OPEN) and len(piece) == 2:
            number = ord(piece[1]) - _FIRST_NUMBER
            tweet, start = (tweets[number] if number < len(tweets) else None), length
        elif piece == _CLOSE:
            if tweet is not None:
                spans.append((start, length, tweet))
            tweet = None
        else:
            parts.append(piece)
            length += len(piece)
    body = "".join(parts)
    return body, [_quote(body, start, end, tweet) for start, end, tweet in spans]


def _quote(body: str, start: int, end: int, tweet: Tweet) -> EmbeddedQuote:
    while end > start and body[end - 1].isspace():
        end -= 1
    while start < end and body[start].isspace():
        start += 1
    return EmbeddedQuote(
        start=start,
        end=end,
        author=tweet.author,
        handle=tweet.handle,
        date_text=tweet.date_text,
    )


def pasted_tweets(body: str, known: list[EmbeddedQuote]) -> list[EmbeddedQuote]:
    """Tweets left as text by copy-paste: words, then a '— Name (@handle) date' line. Spans
    index into `body`; a tweet already among `known` (lifted from markup) is not found again."""
    found: list[EmbeddedQuote] = []
    if "(@" not in body:
        return found
    for match in _ATTRIBUTION.finditer(body):
        span = _tweet_span(body, match.start())
        if span is None or any(q.end == span[1] or q.start <= span[0] < q.end for q in known):
            continue
        found.append(
            EmbeddedQuote(
                start=span[0],
                end=span[1],
                author=match.group("author").strip(),
                handle=match.group("handle"),
                date_text=match.group("date").strip(),
            )
        )
    return found


def _tweet_span(body: str, attribution_start: int) -> tuple[int, int] | None:
    """Walk back from the attribution line over the paragraphs that plausibly are the tweet."""
    chosen: list[tuple[int, int]] = []
    total = 0
    for start, end in _lines_before(body, attribution_start):
        line = body[start:end]
        if not chosen and _ATTRIBUTION.match(line):
            return None
        total += len(line)
        if chosen and (
            _stops_tweet(line)
            or len(line) > _MAX_TWEET_LINE
            or total > _MAX_TWEET_CHARS
            or len(chosen) >= _MAX_TWEET_LINES
        ):
            break
        chosen.append((start, end))
        if _ENDS_WITH_LINK.search(line):
            # A shared link closes a tweet, so the words above it belong to the article.
            break
    if not chosen:
        return None
    return chosen[-1][0], chosen[0][1]


def _lines_before(body: str, line_start: int) -> list[tuple[int, int]]:
    """Non-empty lines above the line starting at `line_start`, nearest first."""
    out: list[tuple[int, int]] = []
    end = line_start
    while end > 0 and len(out) <= _MAX_TWEET_LINES:
        newline = end - 1
        start = body.rfind("\n", 0, newline) + 1
        if start < newline:
            out.append((start, newline))
        end = start
    return out


def _stops_tweet(line: str) -> bool:
    """Lines that belong to the article around the tweet rather than to the tweet."""
    if _ATTRIBUTION.match(line) or _ENDS_WITH_LINK.search(line):
        return True
    if _REPORTED_SPEECH.search(line) or line.startswith("- "):
        return True
    return _is_heading(line)


def _is_heading(line: str) -> bool:
    if _SENTENCE_END.search(line) or len(line) > _MAX_HEADING_CHARS:
        return False
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 2:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised >= max(2, len(words) // 2)
