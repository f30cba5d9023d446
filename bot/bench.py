"""`newsbot bench`: ingest, rebuild, answer and reload figures on a real corpus, as one table.

Every measured phase runs in a fresh child process (`python -m bot.bench <phase> <json>`), so its
peak memory is its own and not what earlier phases left behind; the parent samples the RSS of the
child's whole process tree (the extraction workers included) and prints the table.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_CORPUS = Path("/work/shared/corpus/indosum.jsonl")
FEED_LINES_PER_FILE = 10_000  # the reader refuses feeds over 200 MB: scaled corpora are split
FULL_SCALES = (10_000, 100_000)
QUICK_ARTICLES = 1_000
INTENTS = ("who", "when", "timeline", "quote", "search")
QUESTIONS_PER_INTENT = 200  # with 60, the p99 was simply the slowest answer
QUICK_QUESTIONS_PER_INTENT = 15
CHANGED_SHARE = 0.01
TICK_SECONDS = 0.01
QUESTION_EVERY_SECONDS = 0.05
SAMPLE_SECONDS = 0.05

TARGETS = {
    "ingest_rate": 300.0,  # articles/s, at 100k
    "unchanged_seconds": 10.0,
    "p99_ms": 50.0,
    "p99_bundled_ms": 5.0,
    "ingest_mib": 1024.0,
    "serve_mib": 300.0,
    "stall_ms": 100.0,
}
_WORD = re.compile(r"[^\W\d_]{4,}")
# Words that make a topic vague rather than specific; titles are full of them.
_STOP = frozenset(
    [
        "yang",
        "dengan",
        "untuk",
        "dari",
        "pada",
        "akan",
        "dalam",
        "tidak",
        "bisa",
        "jadi",
        "kata",
        "usai",
        "soal",
        "lagi",
        "ini",
        "itu",
        "atas",
        "oleh",
        "para",
        "ingin",
        "masih",
        "baru",
        "sudah",
        "belum",
        "juga",
        "hingga",
        "agar",
        "saat",
        "lebih",
        "bakal",
    ]
)


# -- measuring ----------------------------------------------------------------------------------


class TreeRss:
    """Samples the summed RSS of a process and all its descendants; keeps the peak."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self._stop.wait(SAMPLE_SECONDS)


def tree_rss(pid: int) -> int:
    """Bytes resident in `pid` and its descendants (0 once it is gone)."""
    return sum(_rss(p) for p in _descendants(pid))


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        try:
            # A process may end while it is being listed (workers exit at the end of a build).
            for children in Path(f"/proc/{current}/task").glob("*/children"):
                todo += [int(c) for c in children.read_text().split()]
        except OSError:
            continue
    return out


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(share * len(ordered))))
    return ordered[rank - 1]


@dataclass
class ChildResult:
    data: dict[str, Any]
    wall: float
    peak_rss: int


def run_child(phase: str, args: dict[str, Any]) -> ChildResult:
    """Run one phase in a fresh interpreter, sampling its process tree's memory."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.bench", phase, json.dumps(args)],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: an interrupted bench leaves no workers
    )
    try:
        with TreeRss(proc.pid) as rss:
            out, _ = proc.communicate()
    except BaseException:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise
    if proc.returncode != 0:
        raise RuntimeError(f"bench phase {phase} failed with exit code {proc.returncode}")
    last = out.strip().splitlines()[-1]
    return ChildResult(json.loads(last), time.perf_counter() - started, rss.peak)


# -- corpora ------------------------------------------------------------------------------------


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
                    record["text"] += "\n\nArtikel ini telah diperbarui oleh redaksi."
                    changed += 1
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return changed


def _copy_of(records: Sequence[dict[str, Any]], i: int) -> dict[str, Any]:
    record = dict(records[i % len(records)])
    copy = i // len(records)
    if copy:
        record["id"] = f"{record['id']}~{copy}"
    return record


# -- questions ----------------------------------------------------------------------------------


def build_questions(db: Path, per_intent: int, seed: int = 7) -> dict[str, list[str]]:
    """A fixed question mix from the store's own people, speakers and headline topics."""
    rng = random.Random(seed)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        people = _top(conn, "mentions", per_intent * 4)
        speakers = _top(conn, "quotes", per_intent * 4)
        titles = [r[0] for r in conn.execute("SELECT title FROM articles ORDER BY id LIMIT 5000")]
    finally:
        conn.close()
    topics = _topics(titles, rng, per_intent * 3)
    return {
        "who": [f"siapa {n}?" for n in _pick(people, per_intent, rng)],
        "when": [f"kapan {t}?" for t in _pick(topics, per_intent, rng)],
        "timeline": [f"kronologi {t}" for t in _pick(topics, per_intent, rng)],
        "quote": [f"apa kata {n}?" for n in _pick(speakers or people, per_intent, rng)],
        "search": [f"cari {t}" for t in _pick(topics, per_intent, rng)],
    }


def _top(conn: sqlite3.Connection, table: str, limit: int) -> list[str]:
    rows = conn.execute(
        f"SELECT p.name FROM people p JOIN {table} t ON t.person_id = p.id"
        " GROUP BY p.id ORDER BY count(*) DESC, p.name LIMIT ?",
        (limit,),
    )
    return [r[0] for r in rows]


def _topics(titles: Iterable[str], rng: random.Random, limit: int) -> list[str]:
    """Two- and three-word topics from headline words (lower case, no stop words)."""
    out: list[str] = []
    for title in titles:
        words = [w for w in _WORD.findall(title.lower()) if w not in _STOP]
        if len(words) >= 2:
            size = min(len(words), rng.choice((2, 3)))
            start = rng.randrange(0, len(words) - size + 1)
            out.append(" ".join(words[start : start + size]))
    return list(dict.fromkeys(out))[:limit]


def _pick(pool: Sequence[str], n: int, rng: random.Random) -> list[str]:
    if not pool:
        return []
    return [pool[rng.randrange(len(pool))] for _ in range(n)]


# -- child phases (run in their own interpreter) ------------------------------------------------


def phase_build(args: dict[str, Any]) -> dict[str, Any]:
    from knowledge.build.pipeline import build

    report = build([Path(p) for p in args["paths"]], Path(args["db"]), progress=False)
    return {
        "seconds": report.seconds,
        "added": len(report.added),
        "changed": len(report.changed),
        "unchanged": len(report.unchanged),
        "failed": len(report.failed),
    }


def phase_serve(args: dict[str, Any]) -> dict[str, Any]:
    return asyncio.run(_serve(Path(args["db"]), args["questions"]))


async def _serve(db: Path, questions: dict[str, list[str]]) -> dict[str, Any]:
    from bot.config import Settings
    from bot.service import NewsService

    started = time.perf_counter()
    service = await NewsService.open(Settings(db_path=db, articles=()))  # as the bot serves
    opened = time.perf_counter() - started
    try:
        for batch in questions.values():  # one untimed pass: first-use caches are not latency
            for q in batch[:3]:
                await service.ask(q)
        latencies: dict[str, list[float]] = {}
        mismatched = 0
        for intent, batch in questions.items():
            for q in batch:
                t = time.perf_counter()
                answer = await service.ask(q)
                latencies.setdefault(intent, []).append((time.perf_counter() - t) * 1000)
                mismatched += answer.intent != intent
    finally:
        await service.close()
    return {"open_seconds": opened, "latencies": latencies, "mismatched": mismatched}


def phase_reload(args: dict[str, Any]) -> dict[str, Any]:
    return asyncio.run(_reload(Path(args["db"]), [Path(p) for p in args["paths"]], args["asks"]))


async def _reload(db: Path, paths: list[Path], asks: list[str]) -> dict[str, Any]:
    from bot.config import Settings
    from bot.service import NewsService

    service = await NewsService.open(Settings(db_path=db, articles=tuple(paths)))
    stalls: list[float] = []
    answered = 0
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            t = time.perf_counter()
            await asyncio.sleep(TICK_SECONDS)
            stalls.append(time.perf_counter() - t - TICK_SECONDS)

    async def asker() -> None:
        nonlocal answered
        i = 0
        while not done.is_set():
            await service.ask(asks[i % len(asks)])
            answered += 1
            i += 1
            await asyncio.sleep(QUESTION_EVERY_SECONDS)

    tasks = [asyncio.create_task(ticker()), asyncio.create_task(asker())]
    started = time.perf_counter()
    try:
        report = await service.reload()
    finally:
        done.set()
        await asyncio.gather(*tasks)
        await service.close()
    return {
        "seconds": time.perf_counter() - started,
        "changed": len(report.changed) + len(report.added),
        "max_stall_ms": max(stalls, default=0.0) * 1000,
        "answered": answered,
    }


PHASES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "build": phase_build,
    "serve": phase_serve,
    "reload": phase_reload,
}


# -- the table ----------------------------------------------------------------------------------


@dataclass
class Table:
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, corpus: str, measure: str, value: str, target: str = "") -> None:
        self.rows.append((corpus, measure, value, target))
        print(f"  {corpus}: {measure}: {value} {target}".rstrip(), file=sys.stderr, flush=True)

    def check(self, corpus: str, measure: str, value: float, limit: float, unit: str) -> str:
        """The target column: 'ok' or by how much the figure misses."""
        higher_is_better = unit == "articles/s"
        ok = value >= limit if higher_is_better else value <= limit
        sign = ">=" if higher_is_better else "<"
        if ok:
            return f"ok ({sign} {limit:g} {unit})"
        factor = limit / value if higher_is_better and value else value / limit
        self.misses.append(f"{corpus} {measure}: {value:.1f} {unit} vs {sign} {limit:g}")
        return f"MISSED by {factor:.1f}x ({sign} {limit:g} {unit})"

    def render(self) -> str:
        head = ("corpus", "measure", "value", "target")
        widths = [max(len(r[i]) for r in [head, *self.rows]) for i in range(4)]
        line = "| " + " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + " |"
        rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
        body = [
            "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
            for r in self.rows
        ]
        return "\n".join([line, rule, *body])


def _mib(n: float) -> str:
    return f"{n / 2**20:.0f} MiB"


def bench_corpus(
    table: Table, label: str, source: Path, count: int, work: Path, per_intent: int, strict: bool
) -> None:
    """Ingest, rebuild twice, answer and reload one scaled copy of the corpus."""
    v1, v2 = work / f"{label}-v1", work / f"{label}-v2"
    scale_corpus(source, count, v1)
    scale_corpus(source, count, v2, CHANGED_SHARE)
    db = work / f"{label}.db"
    full = run_child("build", {"paths": [str(v1)], "db": str(db)})
    rate = full.data["added"] / full.data["seconds"]
    check = strict and count >= max(FULL_SCALES)
    table.add(
        label,
        "full ingest",
        f"{rate:.0f} articles/s, {full.data['seconds']:.1f} s",
        table.check(label, "ingest", rate, TARGETS["ingest_rate"], "articles/s") if check else "",
    )
    table.add(label, "database size", _mib(db.stat().st_size))
    mib = full.peak_rss / 2**20
    table.add(
        label,
        "peak RSS ingesting (tree)",
        _mib(full.peak_rss),
        table.check(label, "ingest memory", mib, TARGETS["ingest_mib"], "MiB"),
    )
    same = run_child("build", {"paths": [str(v1)], "db": str(db)})
    table.add(
        label,
        "rebuild, nothing changed",
        f"{same.data['seconds']:.2f} s",
        table.check(
            label, "unchanged rebuild", same.data["seconds"], TARGETS["unchanged_seconds"], "s"
        ),
    )
    some = run_child("build", {"paths": [str(v2)], "db": str(db)})
    table.add(
        label,
        f"rebuild, {CHANGED_SHARE:.0%} changed",
        f"{some.data['seconds']:.1f} s ({some.data['changed']} re-extracted)",
    )
    answer_rows(table, label, db, per_intent, TARGETS["p99_ms"])
    questions = build_questions(db, 5)
    asks = [q for batch in questions.values() for q in batch]
    reload = run_child("reload", {"db": str(db), "paths": [str(v1)], "asks": asks})
    table.add(
        label,
        f"reload ({reload.data['changed']} changed), longest loop stall",
        f"{reload.data['max_stall_ms']:.0f} ms over {reload.data['seconds']:.1f} s, "
        f"{reload.data['answered']} answered",
        table.check(label, "loop stall", reload.data["max_stall_ms"], TARGETS["stall_ms"], "ms"),
    )


def answer_rows(table: Table, label: str, db: Path, per_intent: int, limit_ms: float) -> None:
    questions = build_questions(db, per_intent)
    served = run_child("serve", {"db": str(db), "questions": questions})
    table.add(label, "engine open", f"{served.data['open_seconds'] * 1000:.0f} ms")
    for intent in INTENTS:
        ms = served.data["latencies"].get(intent, [])
        if not ms:
            table.add(label, f"answer {intent}", "no questions (corpus has no such names)")
            continue
        p50, p95, p99 = (percentile(ms, s) for s in (0.50, 0.95, 0.99))
        table.add(
            label,
            f"answer {intent} p50/p95/p99",
            f"{p50:.1f} / {p95:.1f} / {p99:.1f} ms (n={len(ms)})",
            table.check(label, f"{intent} p99", p99, limit_ms, "ms"),
        )
    if served.data["mismatched"]:
        table.add(label, "questions matched to another intent", str(served.data["mismatched"]))
    table.add(
        label,
        "peak RSS serving",
        _mib(served.peak_rss),
        table.check(label, "serving memory", served.peak_rss / 2**20, TARGETS["serve_mib"], "MiB"),
    )


def bench_bundled(table: Table, work: Path, per_intent: int) -> None:
    from bot.config import BUNDLED_ARTICLES

    db = work / "bundled.db"
    full = run_child("build", {"paths": [str(BUNDLED_ARTICLES)], "db": str(db)})
    table.add("bundled 5", "full ingest", f"{full.data['seconds']:.2f} s")
    answer_rows(table, "bundled 5", db, per_intent, TARGETS["p99_bundled_ms"])


def main(quick: bool = False, corpus: Path | None = None) -> int:
    source = corpus or DEFAULT_CORPUS
    table = Table()
    per_intent = QUICK_QUESTIONS_PER_INTENT if quick else QUESTIONS_PER_INTENT
    with tempfile.TemporaryDirectory(prefix="newsbot-bench-") as tmp:
        work = Path(tmp)
        if source.is_file():
            real = _count_lines(source)
            scales = [min(real, QUICK_ARTICLES)] if quick else [real, *FULL_SCALES]
            for count in scales:
                label = f"{count:,} articles"
                bench_corpus(table, label, source, count, work, per_intent, strict=not quick)
                shutil.rmtree(work / f"{label}-v1")
                shutil.rmtree(work / f"{label}-v2")
        else:
            print(
                f"newsbot bench: no corpus at {source}; measuring the bundled articles only",
                file=sys.stderr,
            )
        bench_bundled(table, work, per_intent)
    print(table.render())
    if table.misses:
        print("\nTargets missed: " + "; ".join(table.misses))
    return 0


def _count_lines(path: Path) -> int:
    with open(path, "rb") as handle:
        return sum(1 for line in handle if line.strip())


def _child_main(argv: Sequence[str]) -> int:
    phase, raw = argv[0], argv[1]
    result = PHASES[phase](json.loads(raw))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(_child_main(sys.argv[1:]))
