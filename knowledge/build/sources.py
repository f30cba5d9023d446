"""Which article files and folders a knowledge base is built from.

The configured sources (NEWSBOT_ARTICLES), plus those a moderator added with `newsbot ingest
PATH`: these are remembered beside the database (`<db>.sources`, one absolute path a line), so the
next build — a plain `newsbot ingest`, a `/reload`, a start on an outdated file — keeps their
articles instead of removing them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def _file(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".sources")


def added_sources(db_path: Path) -> list[Path]:
    """The sources added to the knowledge base at `db_path`, in the order they were added."""
    try:
        lines = _file(db_path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [Path(line) for line in lines if line.strip()]


def remember_sources(db_path: Path, paths: Sequence[Path]) -> None:
    """Adds `paths` (made absolute) to the remembered sources; raises OSError if unwritable."""
    known = added_sources(db_path)
    new = [p.resolve() for p in paths if p.resolve() not in known]
    if new:
        _file(db_path).parent.mkdir(parents=True, exist_ok=True)
        lines = [str(p) for p in [*known, *dict.fromkeys(new)]]
        _file(db_path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def forget_sources(db_path: Path) -> None:
    """Forgets every added source (`newsbot ingest --replace`)."""
    _file(db_path).unlink(missing_ok=True)


def sources_of(db_path: Path, configured: Sequence[Path]) -> list[Path]:
    """The configured sources, then the added ones, each once (an added source that no longer
    exists is left out: its articles are listed as removed by the build that follows)."""
    kept: list[Path] = []
    seen: set[Path] = set()
    for path in [*configured, *(p for p in added_sources(db_path) if p.exists())]:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            kept.append(path)
    return kept
