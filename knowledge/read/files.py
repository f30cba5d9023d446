"""Finding article files, holding them to size limits, and decoding their bytes to text.

A file that cannot be read becomes a `ReadError` whose reason a moderator can act on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from knowledge.models import Article
from knowledge.read.encodings import Decoded, UndecodableError, decode_bytes

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
# A feed holds many articles; each line is still held to MAX_ARTICLE_BYTES.
MAX_FEED_BYTES = 200 * 1024 * 1024
SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"})
# The moderators' corrections file, first name first; never read as an article.
OVERRIDES_NAMES = ("overrides.yaml", "overrides.yml")

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
# Text in UTF-16 or UTF-32 holds NUL bytes; with its byte-order mark it is not binary.
_UNICODE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\xef\xbb\xbf")


@dataclass(frozen=True)
class ReadError:
    """Why a file, or one line of a feed, gave no article.

    `path` is the file as given (an upload's name); `reason` is a sentence for a moderator:
    "file not found", "is a folder, not a file", "unsupported file type .pdf; accepted: ...",
    "file is 5.5 MB; the limit is 5 MB", "cannot be read: ...", "empty file", "binary file
    (PDF), not text", "not UTF-8 text (byte 0xe9 at offset 11)" (no other encoding declared
    or recognised either), "front matter is not
    closed ...", "front matter is not valid YAML: ...", "no article text after cleaning",
    "no article text found in the HTML page", and for feeds "line N: ..." (invalid JSON, not
    an object, no "text" field, too big, duplicate id).
    """

    path: str
    reason: str


ReadResult = list[Article | ReadError]


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


def unsupported(suffix: str) -> str:
    """The reason for refusing a file type, listing the accepted ones."""
    shown = suffix or "(no extension)"
    accepted = " ".join(sorted(SUPPORTED_SUFFIXES))
    return f"unsupported file type {shown}; accepted: {accepted}"


def size_limit(suffix: str) -> int:
    """The most bytes a file of this type may hold."""
    return MAX_FEED_BYTES if suffix == ".jsonl" else MAX_ARTICLE_BYTES


def too_big(size: int, limit: int) -> str:
    """The reason for refusing `size` bytes over `limit`, in megabytes."""
    return f"file is {megabytes(size)}; the limit is {megabytes(limit)}"


def megabytes(size: int) -> str:
    """A byte count as "5 MB" or "5.5 MB"."""
    value = size / (1024 * 1024)
    return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"


def decode_text(data: bytes) -> str | ReadError:
    """The text of a JSON-lines feed's bytes: UTF-8 or a byte-order mark's encoding, nothing
    guessed (JSON is UTF-8). ReadErrors as for `decode_file`."""
    decoded = decode_file(data, detect=False)
    return decoded if isinstance(decoded, ReadError) else decoded.text


def decode_file(data: bytes, *, html: bool = False, detect: bool = True) -> Decoded | ReadError:
    """The text of an article file's bytes and the encoding it was in (see
    `encodings.decode_bytes`: a byte-order mark, UTF-8, an HTML page's declared charset, then
    detection). A ReadError (with an empty path, for the caller to fill) for an empty or
    whitespace-only file, a binary file (a known signature, or a NUL byte in the first 8 KiB
    of a file without a byte-order mark) or bytes in no encoding we can read."""
    if not data.strip():
        return ReadError("", "empty file")
    if not data.startswith(_UNICODE_BOMS):
        for magic, kind in _BINARY_MAGIC:
            if data.startswith(magic):
                return ReadError("", f"binary file ({kind}), not text")
        if b"\x00" in data[:_SNIFF_BYTES]:
            return ReadError("", "binary file, not text")
    try:
        return decode_bytes(data, html=html, detect=detect)
    except UndecodableError as exc:
        return ReadError("", str(exc))
