"""Plain text and Markdown articles: front matter, Markdown syntax, a headline on the first line.

---                         optional YAML front matter: title, source, url, published
title: Bus Listrik ...      (or date), lang
---
Headline on its own line    the title when the front matter gives none
Body ...
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import yaml

from knowledge.models import Article
from knowledge.read.cleaning import clean_text
from knowledge.read.files import ReadError
from knowledge.read.metadata import make_article, metadata_from

__all__ = ["read_text"]

HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 30

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_START = re.compile(r"\A---[ \t]*\n")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*\)")
# Strong then plain emphasis: **x**, __x__, *x*, _x_ (***x*** is both). Marks stand outside
# words, so "2*3*4" and "laporan_akhir.pdf" keep theirs.
_MD_STRONG = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_MD_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])([^\n]+?)(?<=[^\s*_])\1(?!\w)")
_MD_QUOTE = re.compile(r"^>\s?", re.MULTILINE)
_MD_LIST = re.compile(r"^[*+]\s+", re.MULTILINE)
_MD_RULE = re.compile(r"^(?:\*{3,}|-{3,}|_{3,})\s*$", re.MULTILINE)
_SENTENCE_INSIDE = re.compile(r"[.!?][\"”’)]?\s+[A-Z\"“]")


def read_text(text: str, stem: str, where: str, *, markdown: bool) -> Article | ReadError:
    """A text or (with `markdown`) Markdown file's article, id `stem`; a ReadError when the
    front matter is unclosed or not a YAML mapping, or no text is left after cleaning."""
    meta: dict[str, Any] = {}
    if _FRONT_MATTER_START.match(text):
        parsed = _front_matter(text)
        if isinstance(parsed, str):
            return ReadError(where, parsed)
        meta, text = parsed
    if markdown:
        text = _strip_markdown(text)
    metadata = metadata_from(meta, date_keys=("published", "date"))
    body = text
    if not metadata.title:
        headline, body = _split_headline(text)
        metadata = replace(metadata, title=headline)
    cleaned = clean_text(body, metadata.title)
    if not cleaned.text.strip():
        return ReadError(where, "no article text after cleaning")
    return make_article(stem, cleaned, metadata, where)


def _front_matter(text: str) -> tuple[dict[str, Any], str] | str:
    """(metadata with lower-case keys, body), or the reason the block is unusable."""
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
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_QUOTE.sub("", text)
    return _MD_LIST.sub("- ", text)


def _split_headline(text: str) -> tuple[str, str]:
    """(title, rest) when the first non-empty line reads as a headline, else ("", text)."""
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if rest.strip() and _is_headline(first):
        return first, rest
    return "", text


def _is_headline(line: str) -> bool:
    """Short (at most 200 characters and 30 words), no final full stop, one sentence: a
    headline rather than a first paragraph."""
    if not line or len(line) > HEADLINE_MAX_CHARS or len(line.split()) > HEADLINE_MAX_WORDS:
        return False
    if line.endswith((".", ",", ";", ":")) or line.startswith(("-", "•", "—", "–", "<")):
        return False
    return _SENTENCE_INSIDE.search(line) is None
