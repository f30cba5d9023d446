"""Scanning the sources: the build process reads and fingerprints input, never parses it.

Each file, or each line of a JSON-lines feed, becomes a `Unit` with the fingerprint of its
bytes; units whose fingerprint matches the current knowledge base are recorded as unchanged and
not extracted again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from knowledge.build.fingerprint import content_hash, raw_hash
from knowledge.models import Article

# decode_text is the reader's own step, reused so that a feed line read on its own gives exactly
# the article (and error message) the whole-feed reader would give.
from knowledge.read.files import (
    MAX_ARTICLE_BYTES,
    MAX_FEED_BYTES,
    OVERRIDES_NAMES,
    SUPPORTED_SUFFIXES,
    ReadError,
    decode_text,
    iter_sources,
)
from knowledge.read.readers import read_bytes, read_file


@dataclass(frozen=True)
class Unit:
    """One input a worker turns into articles: a whole file, one feed line, or a read article."""

    article_id: str  # as the scan sees it; "" when only reading can tell (a malformed line)
    digest: str
    path: str
    name: str = ""  # the file name, which gives the type
    data: bytes = b""  # a whole file
    line: str = ""  # one feed line
    number: int = 0  # its line number (0 for a whole file)
    article: Article | None = None  # already read (feeds the fast path cannot split)


def find_overrides(paths: Sequence[Path]) -> Path | None:
    """The first overrides file in the folders of `paths` (a file's folder for a file)."""
    for base in paths:
        folder = base if base.is_dir() else base.parent
        for name in OVERRIDES_NAMES:
            if (folder / name).is_file():
                return folder / name
    return None


class Scan:
    """Walks the sources, decides what is unchanged, and yields the rest as work units."""

    def __init__(self, old_hashes: dict[str, str], key: str) -> None:
        self.old = old_hashes
        self.key = key
        self.queued = 0  # units handed on for extraction so far
        self.unchanged: list[str] = []
        self.failed: list[tuple[str, str]] = []
        self.encodings: list[tuple[str, str]] = []  # (file, encoding) read in other than UTF-8
        self.seen: dict[str, str] = {}

    def units(self, paths: Sequence[Path]) -> Iterator[Unit]:
        """The units that need extracting, in source order; the rest is recorded as it goes."""
        for path in iter_sources(list(paths)):
            for unit in self._file_units(path):
                if self._claim(unit):
                    self.queued += 1
                    yield unit

    def _file_units(self, path: Path) -> Iterator[Unit]:
        data = self._raw(path)
        if data is None:
            return
        if path.suffix.lower() == ".jsonl":
            yield from self._feed_units(path, data)
        else:
            kind = path.suffix.lower()
            yield Unit(path.stem, raw_hash(self.key, kind, data), str(path), path.name, data)

    def _raw(self, path: Path) -> bytes | None:
        """The file's bytes, or None after recording why it cannot be read."""
        suffix = path.suffix.lower()
        limit = MAX_FEED_BYTES if suffix == ".jsonl" else MAX_ARTICLE_BYTES
        try:
            if path.is_file() and suffix in SUPPORTED_SUFFIXES and path.stat().st_size <= limit:
                return path.read_bytes()
        except OSError:
            pass
        # The reader's own checks give the moderator the reason (and read nothing big).
        self.failed += [(r.path, r.reason) for r in read_file(path) if isinstance(r, ReadError)]
        return None

    def _feed_units(self, path: Path, data: bytes) -> Iterator[Unit]:
        text = decode_text(data)
        if isinstance(text, ReadError) or not text.strip():
            yield from self._read_units(path, data)
            return
        where, stem = str(path), path.stem
        first_line_of: dict[str, int] = {}
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            article_id = _feed_id(line, number, stem)
            if article_id in first_line_of:
                reason = f"line {number}: duplicate id {article_id!r} (first on line "
                self.failed.append((where, reason + f"{first_line_of[article_id]})"))
                continue
            if article_id:
                first_line_of[article_id] = number
            raw = line.encode("utf-8", "surrogatepass")
            digest = raw_hash(self.key, "jsonl", raw)
            yield Unit(article_id, digest, where, path.name, line=line, number=number)

    def _read_units(self, path: Path, data: bytes) -> Iterator[Unit]:
        """A feed the fast path cannot split by lines (UTF-16, binary): read it whole here."""
        for item in read_bytes(path.name, data, path=str(path)):
            if isinstance(item, ReadError):
                self.failed.append((item.path, item.reason))
            else:
                yield Unit(item.id, content_hash(item, self.key), item.path, article=item)

    def _claim(self, unit: Unit) -> bool:
        """True when the unit needs extracting; records duplicates and unchanged articles."""
        aid = unit.article_id
        if not aid:
            return True
        if aid in self.seen:
            self.failed.append(
                (unit.path, f"duplicate article id '{aid}' (also in {self.seen[aid]})")
            )
            return False
        self.seen[aid] = unit.path
        if self.old.get(aid) == unit.digest:
            self.unchanged.append(aid)
            return False
        return True


def _feed_id(line: str, number: int, stem: str) -> str:
    """The id the reader will give this feed line, or "" when the line will not read."""
    try:
        record = json.loads(line)
    except ValueError:
        return ""
    if not isinstance(record, dict):
        return ""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return ""
    raw_id = record.get("id")
    return str(raw_id).strip() if raw_id not in (None, "") else f"{stem}-{number}"
