"""JSON-lines feeds: one article a line, `{"id", "title", "date", "source", "url", "lang",
"text"}` with only "text" required. One bad line never stops the rest of the feed."""

from __future__ import annotations

import json

from knowledge.models import Article
from knowledge.read.cleaning import clean_text
from knowledge.read.files import MAX_ARTICLE_BYTES, ReadError, ReadResult, megabytes
from knowledge.read.metadata import make_article, metadata_from

__all__ = ["jsonl_article", "read_jsonl"]


def read_jsonl(text: str, stem: str, where: str) -> ReadResult:
    """Every line's article or ReadError, in order (blank lines skipped); an id seen on an
    earlier line makes the later line a ReadError."""
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
    """Line `number` (from 1) of feed `where`: its article, id "{stem}-{number}" when the
    record has none, or a ReadError "line N: ..." when the line is over MAX_ARTICLE_BYTES, not
    a JSON object, has no "text", or no text is left after cleaning."""
    size = len(line.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        limit = megabytes(MAX_ARTICLE_BYTES)
        return ReadError(
            where, f"line {number}: article is {megabytes(size)}; the limit is {limit}"
        )
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadError(where, f"line {number}: invalid JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(record, dict):
        return ReadError(where, f"line {number}: expected a JSON object {{...}}")
    raw_text = record.get("text")
    if not isinstance(raw_text, str) or not raw_text.strip():
        return ReadError(where, f'line {number}: no "text" field with the article body')
    metadata = metadata_from(record, date_keys=("date", "published"))
    cleaned = clean_text(raw_text, metadata.title)
    if not cleaned.text:
        return ReadError(where, f"line {number}: no article text after cleaning")
    raw_id = record.get("id")
    article_id = str(raw_id).strip() if raw_id not in (None, "") else f"{stem}-{number}"
    return make_article(article_id, cleaned, metadata, where)
