"""The answer benchmark's questions: `questions.yaml` read into `Question` values, and its schema.

Each entry of the file is one question as a user would type it, with what a right reply holds:

    {id, q, lang: id|en, intent, found: true|false, article: STEM or [STEM, ...],
     expect: [TEXT, ...], after: ID, tags: [...]}

`article` names the article (file stem, as the knowledge base ids it) the answer must cite; a
list means any of them will do. It is absent for /help and /sources, whose answers cite no
single article, and for questions the articles do not answer. `after` is the id of the question
this one follows up in a conversation; a chain of follow-ups shares the id of its first question
as its conversation key.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
QUESTIONS = HERE / "questions.yaml"
ARTICLES = HERE / "articles"
# The intents, in the order the report lists them.
INTENTS = ("who", "when", "timeline", "quote", "search", "sources", "help", "unknown")
LANGS = ("id", "en")
# Intents whose answer is about the collection, not a fact in one article.
NO_ARTICLE_INTENTS = frozenset({"help", "sources"})
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html"})
KEYS = frozenset({"id", "q", "lang", "intent", "found", "article", "expect", "after", "tags"})


@dataclass(frozen=True)
class Question:
    id: str
    q: str
    lang: str
    intent: str
    found: bool
    articles: tuple[str, ...] = ()  # any of these must be cited; () when none is required
    expect: tuple[str, ...] = ()  # any of these must be in the reply's opening
    after: str = ""  # the id of the question this one follows up
    tags: tuple[str, ...] = ()


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    """Every question in the file, in file order. ValueError names a malformed entry."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, list):
        raise ValueError(f"{path.name}: expected a list of questions")
    return [parse_question(entry, n) for n, entry in enumerate(raw, 1)]


def parse_question(entry: object, number: int = 0) -> Question:
    where = f"question {number}"
    if not isinstance(entry, Mapping):
        raise ValueError(f"{where}: expected a mapping, got {type(entry).__name__}")
    where = f"question {number} ({entry.get('id', '?')})"
    unknown = set(entry) - KEYS
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("id", "q", "lang", "intent"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            raise ValueError(f"{where}: '{key}' must be a non-empty string")
    if not isinstance(entry.get("found"), bool):
        raise ValueError(f"{where}: 'found' must be true or false")
    after = entry.get("after", "")
    if not isinstance(after, str):
        raise ValueError(f"{where}: 'after' must be a question id")
    return Question(
        id=entry["id"],
        q=entry["q"],
        lang=entry["lang"],
        intent=entry["intent"],
        found=entry["found"],
        articles=_strings(entry.get("article"), where, "article"),
        expect=_strings(entry.get("expect"), where, "expect"),
        after=after,
        tags=_strings(entry.get("tags"), where, "tags"),
    )


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"{where}: '{key}' must be a string or a list of non-empty strings")
    return tuple(value)


def article_stems(folders: Iterable[Path]) -> set[str]:
    """The article ids a build of these folders gives: file stems of the supported files."""
    return {
        p.stem
        for folder in folders
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
    }


def check_questions(questions: Sequence[Question], stems: set[str]) -> list[str]:
    """What is wrong with the question set, one line a problem; [] when it is sound."""
    problems: list[str] = []
    seen: set[str] = set()
    for q in questions:
        where = f"{q.id}:"
        if q.id in seen:
            problems.append(f"{where} duplicate id")
        if q.lang not in LANGS:
            problems.append(f"{where} lang '{q.lang}' is not one of {LANGS}")
        if q.intent not in INTENTS:
            problems.append(f"{where} intent '{q.intent}' is not one of {INTENTS}")
        if q.after and q.after not in seen:
            problems.append(f"{where} after '{q.after}' is not an earlier question")
        problems += [f"{where} no article '{a}'" for a in q.articles if a not in stems]
        if q.found:
            if not q.expect:
                problems.append(f"{where} found but nothing to expect")
            if not q.articles and q.intent not in NO_ARTICLE_INTENTS:
                problems.append(f"{where} found but no article to cite")
        elif q.articles or q.expect:
            problems.append(f"{where} not found, yet names an article or expected text")
        seen.add(q.id)
    return problems


def chain_root(question: Question, by_id: Mapping[str, Question]) -> str:
    """The id of the first question of `question`'s conversation (its own id when it starts one)."""
    current, hops = question, 0
    while current.after and current.after in by_id and hops < len(by_id):
        current, hops = by_id[current.after], hops + 1
    return current.id
