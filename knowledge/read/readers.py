"""Read article files (.txt, .md, .html, .jsonl) into cleaned Articles, or say why not.

A file that cannot be read yields a ReadError whose reason a moderator can act on; one bad
line in a feed never stops the rest of the feed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import Any

import yaml
from bs4 import BeautifulSoup

from knowledge.extract.sentences import split_sentences
from knowledge.models import Article
from knowledge.read.cleaning import clean_text

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_FEED_BYTES",
    "SUPPORTED_SUFFIXES",
    "ReadError",
    "decode_text",
    "derive_title",
    "iter_sources",
    "jsonl_article",
    "read_bytes",
    "read_file",
]

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
# A feed holds many articles; each line is still held to MAX_ARTICLE_BYTES.
MAX_FEED_BYTES = 200 * 1024 * 1024
SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"})
OVERRIDES_NAMES = frozenset({"overrides.yaml", "overrides.yml"})
TITLE_MAX_CHARS = 80
HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 30

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP/Office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\xd0\xcf\x11\xe0", "old Office document"),
    (b"\x1f\x8b", "gzip archive"),
)
_SNIFF_BYTES = 8192
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_START = re.compile(r"\A---[ \t]*\n")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_QUOTE = re.compile(r"^>\s?", re.MULTILINE)
_MD_LIST = re.compile(r"^[*+]\s+", re.MULTILINE)
_MD_RULE = re.compile(r"^(?:\*{3,}|-{3,}|_{3,})\s*$", re.MULTILINE)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SENTENCE_INSIDE = re.compile(r"[.!?][\"”’)]?\s+[A-Z\"“]")
_LANG = re.compile(r"^[a-z]{2,3}\b")
_HTML_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form")
_HTML_DROP_MORE = ("iframe", "svg", "button", "figcaption", "template", "select", "input")
_PUBLISHED_META: tuple[tuple[str, str], ...] = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "date"),
    ("name", "dc.date.issued"),
    ("name", "DC.date.issued"),
)


@dataclass(frozen=True)
class ReadError:
    path: str
    reason: str


ReadResult = list[Article | ReadError]


# --- finding files ---------------------------------------------------------------------------


def iter_sources(paths: Sequence[Path]) -> list[Path]:
    """Article files under `paths`: folders recursively (sorted), skipping hidden files and the
    moderator overrides file. A file named explicitly is kept whatever its type, so that
    read_file can say why it is not supported; a missing path is kept to report it."""
    out: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        found = sorted(_walk(path)) if path.is_dir() else [path]
        for item in found:
            key = item.resolve() if item.exists() else item
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


def _walk(folder: Path) -> Iterator[Path]:
    for item in folder.rglob("*"):
        relative = item.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if not item.is_file() or item.name.lower() in OVERRIDES_NAMES:
            continue
        if item.suffix.lower() in SUPPORTED_SUFFIXES:
            yield item


# --- reading -----------------------------------------------------------------------------------


def read_file(path: Path) -> ReadResult:
    """One file on disk -> its articles and/or the reasons parts of it could not be read."""
    where = str(path)
    if not path.exists():
        return [ReadError(where, "file not found")]
    if path.is_dir():
        return [ReadError(where, "is a folder, not a file")]
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return [ReadError(where, _unsupported(suffix))]
    size = path.stat().st_size
    limit = _size_limit(suffix)
    if size > limit:
        return [ReadError(where, _too_big(size, limit))]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [ReadError(where, f"cannot be read: {exc.strerror or exc}")]
    return read_bytes(path.name, data, path=where)


def read_bytes(name: str, data: bytes, path: str = "") -> ReadResult:
    """Read an upload (e.g. a chat attachment) without touching disk; `name` gives the type."""
    where = path or name
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return [ReadError(where, _unsupported(suffix))]
    limit = _size_limit(suffix)
    if len(data) > limit:
        return [ReadError(where, _too_big(len(data), limit))]
    text_or_error = decode_text(data)
    if isinstance(text_or_error, ReadError):
        return [ReadError(where, text_or_error.reason)]
    text = text_or_error
    if not text.strip():
        return [ReadError(where, "empty file")]
    stem = PurePath(name).stem
    if suffix == ".jsonl":
        return _read_jsonl(text, stem, where)
    if suffix in (".html", ".htm"):
        return [_read_html(text, stem, where)]
    return [_read_text(text, stem, where, markdown=suffix in (".md", ".markdown"))]


def _unsupported(suffix: str) -> str:
    shown = suffix or "(no extension)"
    accepted = " ".join(sorted(SUPPORTED_SUFFIXES))
    return f"unsupported file type {shown}; accepted: {accepted}"


def _size_limit(suffix: str) -> int:
    return MAX_FEED_BYTES if suffix == ".jsonl" else MAX_ARTICLE_BYTES


def _too_big(size: int, limit: int) -> str:
    return f"file is {_megabytes(size)}; the limit is {_megabytes(limit)}"


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"


def decode_text(data: bytes) -> str | ReadError:
    if not data.strip():
        return ReadError("", "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return ReadError("", "not valid UTF-16 text despite its byte-order mark")
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            return ReadError("", f"binary file ({kind}), not text")
    if b"\x00" in data[:_SNIFF_BYTES]:
        return ReadError("", "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        return ReadError("", f"not UTF-8 text (byte 0x{bad} at offset {exc.start})")


# --- plain text and markdown -------------------------------------------------------------------


def _read_text(text: str, stem: str, where: str, *, markdown: bool) -> Article | ReadError:
    meta: dict[str, Any] = {}
    if _FRONT_MATTER_START.match(text):
        parsed = _front_matter(text)
        if isinstance(parsed, str):
            return ReadError(where, parsed)
        meta, text = parsed
    if markdown:
        text = _strip_markdown(text)
    title = _meta_str(meta, "title")
    body = text
    if not title:
        title, body = _split_headline(text)
    cleaned = clean_text(body, title)
    if not cleaned.text.strip():
        return ReadError(where, "no article text after cleaning")
    return Article(
        id=stem,
        title=title or derive_title(cleaned.text),
        text=cleaned.text,
        source=_meta_str(meta, "source"),
        url=_meta_str(meta, "url"),
        published=parse_published(meta.get("published", meta.get("date"))),
        lang=_lang(_meta_str(meta, "lang")),
        path=where,
        embedded_quotes=cleaned.embedded_quotes,
    )


def _front_matter(text: str) -> tuple[dict[str, Any], str] | str:
    """(metadata, body), or the reason the block is unusable."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return "front matter is not closed: the first line is '---' but no closing '---' follows"
    try:
        loaded = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        return f"front matter is not valid YAML: {_yaml_problem(exc)}"
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        return "front matter is not valid YAML: expected 'key: value' lines"
    return {str(k).lower(): v for k, v in loaded.items()}, text[match.end() :]


def _yaml_problem(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    # +2: YAML counts from 0 and the block starts after the opening '---' line.
    return f"{problem} (line {mark.line + 2})" if mark is not None else str(problem)


def _strip_markdown(text: str) -> str:
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_QUOTE.sub("", text)
    return _MD_LIST.sub("- ", text)


def _split_headline(text: str) -> tuple[str, str]:
    """(title, rest) when the first non-empty line reads as a headline, else ("", text)."""
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if rest.strip() and is_headline(first):
        return first, rest
    return "", text


def is_headline(line: str) -> bool:
    """Short, no final full stop, one sentence: a headline rather than a first paragraph."""
    if not line or len(line) > HEADLINE_MAX_CHARS or len(line.split()) > HEADLINE_MAX_WORDS:
        return False
    if line.endswith((".", ",", ";", ":")) or line.startswith(("-", "•", "—", "–", "<")):
        return False
    return _SENTENCE_INSIDE.search(line) is None


def derive_title(text: str) -> str:
    """A title from the first sentence, cut at a word boundary near TITLE_MAX_CHARS."""
    sentences = split_sentences(text[:2000])
    first = sentences[0].text if sentences else text.strip()
    first = first.rstrip(".")
    if len(first) <= TITLE_MAX_CHARS:
        return first
    cut = first.rfind(" ", 0, TITLE_MAX_CHARS)
    head = first[: cut if cut > TITLE_MAX_CHARS // 2 else TITLE_MAX_CHARS]
    return head.rstrip(" ,;:–—-") + "…"


# --- HTML --------------------------------------------------------------------------------------


def _read_html(text: str, stem: str, where: str) -> Article | ReadError:
    soup = BeautifulSoup(text, "html.parser")
    title = _html_title(soup)
    published = parse_published(_html_published(soup))
    source = _meta_content(soup, ("property", "og:site_name"))
    url = _meta_content(soup, ("property", "og:url")) or _canonical(soup)
    html_tag = soup.find("html")
    lang = _lang(str(html_tag.get("lang", "")) if html_tag is not None else "")
    for tag in soup.find_all([*_HTML_DROP, *_HTML_DROP_MORE]):
        tag.decompose()
    container = _main_container(soup)
    cleaned = clean_text(str(container), title)
    if not cleaned.text.strip():
        return ReadError(where, "no article text found in the HTML page")
    return Article(
        id=stem,
        title=title or derive_title(cleaned.text),
        text=cleaned.text,
        source=source,
        url=url,
        published=published,
        lang=lang,
        path=where,
        embedded_quotes=cleaned.embedded_quotes,
    )


def _html_title(soup: BeautifulSoup) -> str:
    og = _meta_content(soup, ("property", "og:title"))
    if og:
        return og
    h1 = soup.find("h1")
    if h1 is not None and h1.get_text(" ", strip=True):
        return _squash(h1.get_text(" ", strip=True))
    title_tag = soup.find("title")
    if title_tag is not None:
        # "Headline | Site" / "Headline - Site": the site name is not part of the headline.
        text = _squash(title_tag.get_text(" ", strip=True))
        return re.split(r"\s+[|–—]\s+|\s+-\s+(?=[^-]*$)", text)[0].strip()
    return ""


def _html_published(soup: BeautifulSoup) -> str:
    for attribute in _PUBLISHED_META:
        value = _meta_content(soup, attribute)
        if value:
            return value
    time_tag = soup.find("time", attrs={"datetime": True})
    return str(time_tag.get("datetime", "")) if time_tag is not None else ""


def _meta_content(soup: BeautifulSoup, attribute: tuple[str, str]) -> str:
    tag = soup.find("meta", attrs={attribute[0]: attribute[1]})
    if tag is None:
        return ""
    return _squash(str(tag.get("content", "")))


def _canonical(soup: BeautifulSoup) -> str:
    link = soup.find("link", rel="canonical")
    return str(link.get("href", "")).strip() if link is not None else ""


def _main_container(soup: BeautifulSoup) -> Any:
    """The <article> with the most text, else <main>, else <body>, else the whole page."""
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda tag: len(tag.get_text()))
    return soup.find("main") or soup.find("body") or soup


def _squash(text: str) -> str:
    return " ".join(text.split())


# --- JSON lines --------------------------------------------------------------------------------


def _read_jsonl(text: str, stem: str, where: str) -> ReadResult:
    out: ReadResult = []
    first_line_of: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        item = jsonl_article(line, number, stem, where)
        if isinstance(item, Article):
            if item.id in first_line_of:
                reason = f"line {number}: duplicate id {item.id!r} (first on line "
                out.append(ReadError(where, reason + f"{first_line_of[item.id]})"))
                continue
            first_line_of[item.id] = number
        out.append(item)
    return out


def jsonl_article(line: str, number: int, stem: str, where: str) -> Article | ReadError:
    if len(line.encode("utf-8")) > MAX_ARTICLE_BYTES:
        size = _megabytes(len(line.encode("utf-8")))
        limit = _megabytes(MAX_ARTICLE_BYTES)
        return ReadError(where, f"line {number}: article is {size}; the limit is {limit}")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadError(where, f"line {number}: invalid JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(record, dict):
        return ReadError(where, f"line {number}: expected a JSON object {{...}}")
    raw_text = record.get("text")
    if not isinstance(raw_text, str) or not raw_text.strip():
        return ReadError(where, f'line {number}: no "text" field with the article body')
    title = _meta_str(record, "title")
    cleaned = clean_text(raw_text, title)
    if not cleaned.text:
        return ReadError(where, f"line {number}: no article text after cleaning")
    raw_id = record.get("id")
    article_id = str(raw_id).strip() if raw_id not in (None, "") else f"{stem}-{number}"
    return Article(
        id=article_id,
        title=title or derive_title(cleaned.text),
        text=cleaned.text,
        source=_meta_str(record, "source"),
        url=_meta_str(record, "url"),
        published=parse_published(record.get("date", record.get("published"))),
        lang=_lang(_meta_str(record, "lang")),
        path=where,
        embedded_quotes=cleaned.embedded_quotes,
    )


# --- metadata values ---------------------------------------------------------------------------


def _meta_str(meta: Mapping[str, Any], key: str) -> str:
    value = meta.get(key)
    if value is None or isinstance(value, (dict, list)):
        return ""
    return _squash(str(value))


def parse_published(value: object) -> date | None:
    """A metadata date (date, datetime, ISO string, or a string starting with YYYY-MM-DD)."""
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


def _lang(value: str) -> str:
    match = _LANG.match(value.strip().lower())
    return match.group() if match else "id"
