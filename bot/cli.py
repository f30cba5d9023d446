"""The `newsbot` command line: ingest, ask, chat, run, feedback, bench, eval."""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import logging
import os
import sys
from collections.abc import Coroutine, Sequence
from pathlib import Path
from typing import Any

from bot.config import ConfigError, Settings, check_shards, load_settings, shard_ids

log = logging.getLogger("newsbot")
# The benchmarks are part of the checkout, not of the installed package: their packages (`bench`,
# `quality`) are imported from here.
CHECKOUT_TESTS = Path(__file__).resolve().parent.parent / "tests"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsbot",
        description="Answers questions about news articles, always with cited snippets.",
    )
    sub = p.add_subparsers(dest="command")

    ingest = sub.add_parser("ingest", help="build the knowledge base from article files/folders")
    ingest.add_argument(
        "paths", nargs="*", type=Path, help="files or folders to add to $NEWSBOT_ARTICLES"
    )
    ingest.add_argument("--db", type=Path, help="database file (default: $NEWSBOT_DB)")
    ingest.add_argument("--quiet", action="store_true", help="no list of failed files")
    ingest.add_argument(
        "--replace",
        action="store_true",
        help="build from PATHS alone: every other article is removed (and listed)",
    )

    ask = sub.add_parser("ask", help="answer questions ('-' reads one per line from stdin)")
    ask.add_argument(
        "question",
        nargs="+",
        help="a question's words, several quoted questions, or - for standard input",
    )
    ask.add_argument("--db", type=Path)
    ask.add_argument("--json", action="store_true", help="print JSON (one object per question)")
    ask.add_argument(
        "--png",
        type=Path,
        metavar="FILE",
        help="write the first timeline answer's picture (PNG)",
    )

    chat = sub.add_parser("chat", help="interactive console chat")
    chat.add_argument("--db", type=Path)

    run = sub.add_parser(
        "run", help="start the chat bots: Discord (DISCORD_TOKEN), Slack (SLACK_*_TOKEN)"
    )
    run.add_argument("--db", type=Path)
    run.add_argument(
        "--shard-ids",
        metavar="IDS",
        help="the Discord shards this process runs: 0,1 or 0-3 (default: $DISCORD_SHARD_IDS)",
    )
    run.add_argument(
        "--shard-count",
        type=int,
        metavar="N",
        help="how many shards all processes run together (default: $DISCORD_SHARD_COUNT)",
    )

    feedback = sub.add_parser("feedback", help="list the worst-rated answers (👍/👎 votes)")
    feedback.add_argument("--limit", type=int, default=20, help="how many answers (default 20)")

    bench = sub.add_parser("bench", help="measure ingest and answer speed (from a checkout)")
    bench.add_argument("--quick", action="store_true", help="1,000 articles, 15 questions each")
    bench.add_argument("--corpus", type=Path, help="JSON-lines articles (default: $NEWSBOT_CORPUS)")

    quality = sub.add_parser("eval", help="measure answer quality (from a checkout)")
    quality.add_argument("--people", action="store_true", help="score people extraction instead")
    quality.epilog = "Other options (--verbose, --json PATH, --min-accuracy N) are the benchmark's."
    return p


def _settings(args: argparse.Namespace) -> Settings:
    from dataclasses import replace

    settings = load_settings()
    db = getattr(args, "db", None)
    if db:
        settings = replace(settings, db_path=db)
    count = getattr(args, "shard_count", None)
    ids = getattr(args, "shard_ids", None)
    if count is not None or ids is not None:
        count = settings.discord_shard_count if count is None else count
        chosen = settings.discord_shard_ids if ids is None else shard_ids(ids, "--shard-ids")
        check_shards(count, chosen)
        settings = replace(settings, discord_shard_count=count, discord_shard_ids=chosen)
    return settings


def main(argv: Sequence[str] | None = None) -> int:
    from dotenv import load_dotenv

    load_dotenv()
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "eval":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        settings = _settings(args)
    except ConfigError as exc:
        print(f"newsbot: configuration error: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=getattr(logging, settings.log_level, logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    chat_bot = settings.discord_token or settings.slack_enabled
    command = args.command or ("run" if chat_bot else "chat")
    try:
        if command == "ingest":
            return _ingest(settings, args.paths, args.quiet, args.replace)
        if command == "ask":
            return asyncio.run(_ask(settings, args.question, args.json, args.png))
        if command == "chat":
            return asyncio.run(_chat(settings, announce=args.command is None))
        if command == "run":
            return asyncio.run(_run(settings))
        if command == "feedback":
            return asyncio.run(_feedback(settings, args.limit))
        if command == "bench":
            bench = _checkout_module("bench", "bench.run")
            return 2 if bench is None else int(bench.main(quick=args.quick, corpus=args.corpus))
        if command == "eval":
            name = "quality.people" if args.people else "quality.__main__"
            quality = _checkout_module("eval", name)
            return 2 if quality is None else int(quality.main(extra))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped reading (`newsbot ask ... | head`): end quietly, as Unix tools do;
        # output still buffered goes nowhere instead of raising again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 2


def _checkout_module(command: str, name: str) -> Any:
    """A benchmark module of the checkout's tests/ folder, or None (said on stderr) when newsbot
    runs from an installed package, which does not include it."""
    if not (CHECKOUT_TESTS / name.split(".")[0]).is_dir():
        print(
            f"newsbot: `newsbot {command}` runs from a checkout of newsbot (it lives in tests/,"
            " which an installed package does not include)",
            file=sys.stderr,
        )
        return None
    sys.path.insert(0, str(CHECKOUT_TESTS))
    return importlib.import_module(name)


def _ingest(settings: Settings, paths: list[Path], quiet: bool, replace: bool) -> int:
    """PATHS join the knowledge base's sources for good (remembered beside the database), so
    nothing is removed by surprise; --replace builds from PATHS alone. Removed articles are
    always listed."""
    from bot.console.render import render_report
    from knowledge.build.pipeline import BuildBusy, build
    from knowledge.build.sources import forget_sources, remember_sources, sources_of

    if replace and not paths:
        print("newsbot: --replace needs the files or folders to build from", file=sys.stderr)
        return 2
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        print(f"newsbot: {p}: no such file or folder (nothing was built)", file=sys.stderr)
    if missing:
        return 1
    configured = [p for p in settings.articles if p.exists()]
    for p in set(settings.articles) - set(configured) if not replace else ():
        print(f"newsbot: {p} (NEWSBOT_ARTICLES): no such file or folder", file=sys.stderr)
    db = settings.db_path
    sources = list(paths) if replace else [*sources_of(db, configured), *paths]
    if not sources:
        print("newsbot: no articles to build from (see NEWSBOT_ARTICLES)", file=sys.stderr)
        return 1
    try:
        report = build(_distinct(sources), db)
    except (BuildBusy, ValueError) as exc:
        print(f"newsbot: {exc}", file=sys.stderr)
        return 1
    if replace:
        forget_sources(db)
    remember_sources(db, paths)
    print(render_report(report, verbose=not quiet))
    if settings.redis_url:
        _publish(settings)
    return 0 if report.loaded or not report.failed else 1


def _publish(settings: Settings) -> None:
    """With REDIS_URL, the running processes serve what `ingest` built (README, Running at
    scale)."""
    from bot.scale.cluster import publish_build

    generation = asyncio.run(publish_build(settings))
    print(f"serving processes: generation {generation.number} ({generation.path.name})")


def _distinct(paths: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    kept: list[Path] = []
    for path in paths:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            kept.append(path)
    return kept


def _questions(words: list[str]) -> list[str] | None:
    """The questions `newsbot ask` was given; None to read them from standard input.

    As soon as one argument holds a space, each argument is a question of its own
    (`ask "siapa Mira?" "/sources"`); unquoted words are one question (`ask siapa Mira?`).
    """
    if words == ["-"]:
        return None
    if len(words) > 1 and any(len(word.split()) > 1 for word in words):
        return words
    return [" ".join(words)]


async def _ask(settings: Settings, words: list[str], as_json: bool, png: Path | None) -> int:
    from bot.console.render import render, to_json
    from bot.picture import answer_picture
    from bot.service import NewsService

    picture: bytes | None = None

    service = await NewsService.open(settings)
    try:
        questions = _questions(words)
        stream = sys.stdin if questions is None else iter(questions)
        for number, raw in enumerate(stream):
            question = raw.rstrip("\n")
            answer = await service.ask(question, conversation="ask")
            if as_json:
                print(json.dumps(to_json(answer), ensure_ascii=False), flush=True)
            else:
                print(("\n" if number else "") + render(answer), flush=True)
            if png is not None and picture is None:
                picture = await answer_picture(answer)
    finally:
        await service.close()
    if png is not None:
        if picture is None:
            print(f"newsbot: no picture written to {png}: no dated event to draw", file=sys.stderr)
        else:
            png.write_bytes(picture)
    return 0


async def _feedback(settings: Settings, limit: int) -> int:
    from bot.console.feedback import render_feedback
    from bot.feedback import FeedbackStore

    if not settings.feedback_db.exists():
        print(render_feedback([]))
        return 0
    store = await FeedbackStore.open(settings.feedback_db, settings.feedback_salt)
    try:
        print(render_feedback(await store.worst(limit)))
    finally:
        await store.close()
    return 0


async def _chat(settings: Settings, announce: bool) -> int:
    from bot.console.chat import chat
    from bot.service import NewsService

    if announce:
        print(
            "(DISCORD_TOKEN belum diatur: membuka obrolan konsol. Untuk Discord, isi DISCORD_TOKEN"
            " di .env; untuk Slack, SLACK_BOT_TOKEN dan SLACK_APP_TOKEN; lalu jalankan"
            " `newsbot run` \u2014 lihat README.)\n"
        )
    service = await NewsService.open(settings)
    try:
        await chat(service)
    finally:
        await service.close()
    return 0


async def _run(settings: Settings) -> int:
    if not settings.discord_token and not settings.slack_enabled:
        print(
            "newsbot: set DISCORD_TOKEN, or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (see .env.example)",
            file=sys.stderr,
        )
        return 2
    from bot.service import NewsService

    # With REDIS_URL, this process is one of several: it follows the shared knowledge base.
    service = await NewsService.open(settings, shared=bool(settings.redis_url))
    try:
        return await _serve(_surfaces(settings, service))
    finally:
        await service.close()


def _surfaces(settings: Settings, service: Any) -> list[Coroutine[Any, Any, None]]:
    """The chat surfaces the settings enable, all on the one service (one engine)."""
    surfaces: list[Coroutine[Any, Any, None]] = []
    if settings.discord_token:
        from bot.discord.client import run_bot

        surfaces.append(run_bot(settings, service))
    if settings.slack_enabled:
        from bot.slack import run_slack

        surfaces.append(run_slack(settings, service))
    return surfaces


async def _serve(surfaces: list[Coroutine[Any, Any, None]]) -> int:
    """Runs the surfaces side by side until one stops; a failure stops the others too, so a
    half-working bot never goes unnoticed."""
    from bot.service import StartupFailed

    tasks = [asyncio.ensure_future(s) for s in surfaces]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            task.result()
    except StartupFailed as exc:
        print(f"newsbot: {exc}", file=sys.stderr)
        return 1
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
