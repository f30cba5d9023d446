"""The answer-quality benchmark of issue 10, from the repository root:

    .venv/bin/python -m tests.quality [--verbose] [--json PATH] [--min-accuracy PERCENT]

Builds a knowledge base from the bundled articles and tests/quality/articles/ in a temporary
folder, asks every question of tests/quality/questions.yaml and prints accuracy per intent and
per tag with the counts of wrong, padded and missed answers. It is a measurement: the exit
status is 0 whatever the figures, unless --min-accuracy is given and overall accuracy is below it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .questions import QUESTIONS, article_stems, check_questions, load_questions
from .report import accuracy, failures, summary
from .runner import DEFAULT_SOURCES, run


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tests.quality", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--verbose", action="store_true", help="print every failed question")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write per-question results")
    parser.add_argument(
        "--min-accuracy",
        type=float,
        metavar="PERCENT",
        help="exit with status 1 when overall accuracy (0-100) is below this",
    )
    parser.add_argument(
        "--questions", type=Path, default=QUESTIONS, metavar="PATH", help=argparse.SUPPRESS
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    questions = load_questions(args.questions)
    problems = check_questions(questions, article_stems(DEFAULT_SOURCES))
    if problems:
        print("questions.yaml has problems:", *problems, sep="\n  ", file=sys.stderr)
        return 2
    loaded, results = asyncio.run(run(questions))
    print(summary(results, loaded))
    if args.verbose:
        print("\nFailures\n")
        print(failures(results) or "none")
    if args.json:
        args.json.write_text(
            json.dumps([r.to_json() for r in results], ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8",
        )
    if args.min_accuracy is not None and accuracy(results) < args.min_accuracy:
        print(
            f"\naccuracy {accuracy(results):.1f}% is below --min-accuracy {args.min_accuracy}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
