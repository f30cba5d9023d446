"""The corpus the benchmark measures on, and copies of it scaled to any number of articles."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

CORPUS_VARIABLE = "NEWSBOT_CORPUS"
CHECKOUT = Path(__file__).resolve().parents[2]
# Where the development machine keeps the real corpus (3,463 IndoSum articles): beside the
# checkout, never inside it.
DEFAULT_CORPUS = CHECKOUT.parent / "shared" / "corpus" / "indosum.jsonl"
FEED_LINES_PER_FILE = 10_000  # the reader refuses feeds over 200 MB: scaled corpora are split
EDIT_NOTE = "\n\nArtikel ini telah diperbarui oleh redaksi."


def corpus_path(given: Path | None = None) -> Path:
    """The corpus to measure: `given` (--corpus), else $NEWSBOT_CORPUS, else DEFAULT_CORPUS."""
    if given is not None:
        return given
    from_env = os.environ.get(CORPUS_VARIABLE, "").strip()
    return Path(from_env) if from_env else DEFAULT_CORPUS


def count_articles(path: Path) -> int:
    """The non-blank lines of a JSON-lines feed."""
    with open(path, "rb") as handle:
        return sum(1 for line in handle if line.strip())


def scale_corpus(source: Path, count: int, folder: Path, changed_share: float = 0.0) -> int:
    """Write `count` articles into `folder` as feeds: the source's, then copies under new ids.

    Texts stay as they are; with `changed_share`, that share of the articles (spread evenly)
    gets one sentence appended, as an edited article would. Returns how many were changed.
    """
    lines = source.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    folder.mkdir(parents=True, exist_ok=True)
    step = round(1 / changed_share) if changed_share else 0
    changed = 0
    for first in range(0, count, FEED_LINES_PER_FILE):
        feed = folder / f"feed-{first // FEED_LINES_PER_FILE:03d}.jsonl"
        with open(feed, "w", encoding="utf-8") as handle:
            for i in range(first, min(count, first + FEED_LINES_PER_FILE)):
                record = _copy_of(records, i)
                if step and i % step == step - 1:
                    record["text"] += EDIT_NOTE
                    changed += 1
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return changed


def _copy_of(records: Sequence[dict[str, Any]], i: int) -> dict[str, Any]:
    record = dict(records[i % len(records)])
    copy = i // len(records)
    if copy:
        record["id"] = f"{record['id']}~{copy}"
    return record
