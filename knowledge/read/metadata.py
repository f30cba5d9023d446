"""What a file says about its article besides the text, and the `Article` they make together.

Metadata comes from Markdown/text front matter, a feed record, or an HTML page's <head>; every
reader hands it to `make_article` with the cleaned body.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from knowledge.extract.sentences import split_sentences
from knowledge.models import Article

if TYPE_CHECKING:
    # Cleaning reads markup, whose tweet bylines are squashed here: only the type crosses back.
    from knowledge.read.cleaning import CleanText

__all__ = [
    "Metadata",
    "derive_title",
    "make_article",
    "metadata_from",
    "parse_published",
    "squash",
]

TITLE_MAX_CHARS = 80
DEFAULT_LANG = "id"
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_LANG = re.compile(r"^[a-z]{2,3}\b")


@dataclass(frozen=True)
class Metadata:
    """An article's metadata: `title` "" means derive one from the text; `lang` is a two- or
    three-letter code ("id" unless stated)."""

    title: str = ""
    source: str = ""
    url: str = ""
    published: date | None = None
    lang: str = DEFAULT_LANG


def metadata_from(record: Mapping[str, Any], date_keys: tuple[str, str]) -> Metadata:
    """Metadata from front matter or a feed record (keys title, source, url, lang and a date
    under `date_keys`, the first present key winning). Values that are not scalars count as
    absent; an unreadable date is None."""
    first, second = date_keys
    return Metadata(
        title=_scalar(record, "title"),
        source=_scalar(record, "source"),
        url=_scalar(record, "url"),
        published=parse_published(record.get(first, record.get(second))),
        lang=lang_code(_scalar(record, "lang")),
    )


def make_article(article_id: str, cleaned: CleanText, meta: Metadata, path: str) -> Article:
    """The Article for a cleaned body; without a stated title, one from its first sentence."""
    return Article(
        id=article_id,
        title=meta.title or derive_title(cleaned.text),
        text=cleaned.text,
        source=meta.source,
        url=meta.url,
        published=meta.published,
        lang=meta.lang,
        path=path,
        embedded_quotes=cleaned.embedded_quotes,
    )


def derive_title(text: str) -> str:
    """A title from the first sentence, cut at a word boundary near TITLE_MAX_CHARS (80)
    characters and then ending in '…'."""
    sentences = split_sentences(text[:2000])
    first = sentences[0].text if sentences else text.strip()
    first = first.rstrip(".")
    if len(first) <= TITLE_MAX_CHARS:
        return first
    cut = first.rfind(" ", 0, TITLE_MAX_CHARS)
    head = first[: cut if cut > TITLE_MAX_CHARS // 2 else TITLE_MAX_CHARS]
    return head.rstrip(" ,;:–—-") + "…"


def parse_published(value: object) -> date | None:
    """A metadata date: a date, a datetime, an ISO string, or a string holding YYYY-MM-DD
    somewhere; None for anything else ("Minggu, 5 November 2023" included)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    match = _ISO_DATE.search(text)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def lang_code(value: str) -> str:
    """The language code a "lang" value starts with ("id-ID" -> "id"), else "id"."""
    match = _LANG.match(value.strip().lower())
    return match.group() if match else DEFAULT_LANG


def squash(text: str) -> str:
    """Runs of whitespace as one space, none at the ends."""
    return " ".join(text.split())


def _scalar(record: Mapping[str, Any], key: str) -> str:
    value = record.get(key)
    if value is None or isinstance(value, (dict, list)):
        return ""
    return squash(str(value))
