"""Read article files (.txt, .md, .html, .jsonl) into cleaned Articles, or say why not.

The entry points of the read stage: `read_file` for a file on disk, `read_bytes` for an upload.
Each returns a list of `Article`s and `ReadError`s: one for an article file, one a line for a
feed, where one bad line never stops the rest.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path, PurePath

from knowledge.read.feeds import read_jsonl
from knowledge.read.files import (
    SUPPORTED_SUFFIXES,
    ReadError,
    ReadResult,
    decode_file,
    size_limit,
    too_big,
    unsupported,
)
from knowledge.read.pages import read_html
from knowledge.read.plain import read_text

__all__ = ["ReadError", "ReadResult", "read_bytes", "read_file"]


def read_file(path: Path) -> ReadResult:
    """One file on disk -> its articles and/or the reasons parts of it could not be read.

    The file is refused with a single ReadError, before its bytes are read, when it is missing,
    a folder, of an unsupported type or over its size limit (MAX_FEED_BYTES for .jsonl,
    MAX_ARTICLE_BYTES otherwise); otherwise as `read_bytes`."""
    where = str(path)
    if not path.exists():
        return [ReadError(where, "file not found")]
    if path.is_dir():
        return [ReadError(where, "is a folder, not a file")]
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return [ReadError(where, unsupported(suffix))]
    size = path.stat().st_size
    limit = size_limit(suffix)
    if size > limit:
        return [ReadError(where, too_big(size, limit))]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [ReadError(where, f"cannot be read: {exc.strerror or exc}")]
    return read_bytes(path.name, data, path=where)


def read_bytes(name: str, data: bytes, path: str = "") -> ReadResult:
    """Read an upload (e.g. a chat attachment) without touching disk; `name`'s suffix gives the
    type and its stem the article id; `path` (default `name`) is where errors and articles say
    they come from. Text in another encoding than UTF-8 is read in it (see `decode_file`) and
    its Articles name it in `encoding`. ReadErrors: unsupported type, too big, not decodable
    text, empty, and those of the reader for the type."""
    where = path or name
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return [ReadError(where, unsupported(suffix))]
    limit = size_limit(suffix)
    if len(data) > limit:
        return [ReadError(where, too_big(len(data), limit))]
    html = suffix in (".html", ".htm")
    decoded = decode_file(data, html=html, detect=suffix != ".jsonl")
    if isinstance(decoded, ReadError):
        return [ReadError(where, decoded.reason)]
    text = decoded.text
    if not text.strip():
        return [ReadError(where, "empty file")]
    stem = PurePath(name).stem
    if suffix == ".jsonl":
        results = read_jsonl(text, stem, where)
    elif html:
        results = [read_html(text, stem, where)]
    else:
        results = [read_text(text, stem, where, markdown=suffix in (".md", ".markdown"))]
    if not decoded.encoding:
        return results
    return [
        r if isinstance(r, ReadError) else replace(r, encoding=decoded.encoding) for r in results
    ]
