"""Asking the benchmark's questions: a fresh knowledge base, one engine, every question in order.

The knowledge base is built in a temporary folder from the bundled articles and the benchmark's
own (`tests/quality/articles/`), exactly as `newsbot ingest` builds one, and the engine answers
through `Engine.ask`, the call every surface makes. Follow-up questions go through a
conversation-aware `ask` when the engine has one (a `conversation` parameter); each chain of
follow-ups is one conversation, keyed by the id of its first question, and every other question
is a conversation of its own.
"""

from __future__ import annotations

import inspect
import tempfile
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from bot.config import BUNDLED_ARTICLES
from bot.console.render import render_text
from bot.engine.answer import Answer

from .grade import Result, grade
from .questions import ARTICLES, Question, chain_root

DEFAULT_SOURCES = (BUNDLED_ARTICLES, ARTICLES)


class Asks(Protocol):
    """What the runner needs of an engine: `Engine.ask`, with or without `conversation`."""

    def ask(self, text: str) -> Awaitable[Answer]: ...


class BuildFailed(RuntimeError):
    """Some benchmark articles did not load: the figures would not be comparable."""


def takes_conversation(engine: Asks) -> bool:
    """Whether `engine.ask` accepts a `conversation` keyword."""
    try:
        parameters = inspect.signature(engine.ask).parameters
    except (TypeError, ValueError):
        return False
    if "conversation" in parameters:
        return parameters["conversation"].kind is not inspect.Parameter.POSITIONAL_ONLY
    return False


async def ask_all(
    engine: Asks,
    questions: Sequence[Question],
    on_result: Callable[[Result], None] | None = None,
) -> list[Result]:
    """Ask every question in order and grade each reply."""
    by_id = {q.id: q for q in questions}
    ask: Callable[..., Awaitable[Answer]] = engine.ask
    conversational = takes_conversation(engine)
    results: list[Result] = []
    for question in questions:
        kwargs: dict[str, Any] = {}
        if conversational:
            kwargs["conversation"] = chain_root(question, by_id)
        answer = await ask(question.q, **kwargs)
        result = grade(question, answer, render_text(answer))
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


def build_knowledge(db_path: Path, sources: Sequence[Path] = DEFAULT_SOURCES) -> int:
    """Build the knowledge base at `db_path`; the number of articles loaded.

    Raises BuildFailed when an article failed to load.
    """
    from knowledge.build.pipeline import build

    report = build(list(sources), db_path, progress=False)
    if report.failed:
        lines = "; ".join(f"{path}: {reason}" for path, reason in report.failed)
        raise BuildFailed(f"{len(report.failed)} article(s) failed to load: {lines}")
    return report.loaded


async def run(
    questions: Sequence[Question],
    sources: Sequence[Path] = DEFAULT_SOURCES,
    on_result: Callable[[Result], None] | None = None,
) -> tuple[int, list[Result]]:
    """Build a knowledge base from `sources` in a temporary folder and ask `questions` of it.

    Returns the number of articles loaded and the graded results, in question order.
    """
    from bot.engine import Engine

    with tempfile.TemporaryDirectory(prefix="newsbot-quality-") as tmp:
        db_path = Path(tmp) / "quality.db"
        loaded = build_knowledge(db_path, sources)
        engine = await Engine.open(db_path)
        try:
            return loaded, await ask_all(engine, questions, on_result)
        finally:
            await engine.close()
