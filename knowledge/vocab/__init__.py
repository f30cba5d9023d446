"""Vocabulary as data: every word list lives in a file, one concept a file, loaded once.

Two formats:

- `NAME.txt`: one entry a line (an entry may be a phrase: "Jawa Tengah"); blank lines are
  ignored, and a line whose first character is `#` is a comment.
- `NAME.yaml`: structured vocabulary (mappings, groups), read with PyYAML's safe loader.

Every file opens with a comment block saying what it holds and where it came from; the tests
check that, and that no concept is defined in two files. `knowledge/vocab/` holds what
extraction uses (and what the engine shares with it); `bot/engine/vocab/` what only the engine
uses. The build fingerprints `knowledge/vocab/` (`VOCABULARY.digest()`), so a change to a word
list re-extracts the articles.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

import yaml

SUFFIXES = (".txt", ".yaml")


class VocabularyError(ValueError):
    """A vocabulary file is missing or malformed (a packaging or editing mistake)."""


class Vocabulary:
    """The word lists in one folder; each file is read at most once per process."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def files(self) -> list[Path]:
        """Every vocabulary file of the folder, sorted by name."""
        return sorted(p for p in self.folder.iterdir() if p.suffix in SUFFIXES)

    def lines(self, name: str) -> tuple[str, ...]:
        """The entries of `NAME.txt` in file order, stripped; raises VocabularyError if absent."""
        return _lines(self._path(name + ".txt"))

    def words(self, name: str) -> frozenset[str]:
        """The entries of `NAME.txt` as a set."""
        return frozenset(self.lines(name))

    def data(self, name: str) -> Any:
        """The parsed contents of `NAME.yaml`; raises VocabularyError if absent or malformed."""
        return _yaml(self._path(name + ".yaml"))

    def digest(self) -> str:
        """A fingerprint of every file's name and bytes (16 hex digits)."""
        h = hashlib.sha256()
        for path in self.files():
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        return h.hexdigest()[:16]

    def _path(self, filename: str) -> Path:
        path = self.folder / filename
        if not path.is_file():
            raise VocabularyError(f"vocabulary file missing: {path}")
        return path


@cache
def _lines(path: Path) -> tuple[str, ...]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@cache
def _yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path}: not valid YAML ({exc})") from exc


VOCABULARY = Vocabulary(Path(__file__).parent)
