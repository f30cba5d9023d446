"""A knowledge-base build run in a child interpreter, for a process busy answering meanwhile.

A build thread inside the serving process shares its GIL with the coroutines answering
questions: at 100,000 articles, with questions arriving, such a reload never finished, and its
pure-Python merge steps stalled the event loop for half a second. A child interpreter has a GIL
of its own; the serving process only waits on a pipe and then opens the finished file.

The child prints the build report as one JSON object; a failure is its exit status and the last
line of its error output, which become BuildBusy or BuildFailed in the parent.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
import threading
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from knowledge.build.pipeline import BuildBusy, build
from knowledge.build.workers import exit_with_parent
from knowledge.models import BuildReport

BUILD_NICENESS = 10
EXIT_FAILED = 1
EXIT_BUSY = 3
_PROJECT_ROOT = Path(__file__).resolve().parents[2]


class BuildFailed(RuntimeError):
    """The build could not finish; the message says why, in a moderator's terms."""


async def build_in_child(paths: Sequence[Path], db_path: Path) -> BuildReport:
    """Run `build(paths, db_path)` in a child interpreter and return its report.

    Raises BuildBusy when another build holds the lock and BuildFailed for any other failure.
    Cancelling the call kills the child; its workers follow it, and the next build clears its
    temporary files.
    """
    request = json.dumps({"paths": [str(p) for p in paths], "db": str(db_path)})
    env = dict(os.environ)
    # The child must import this very package, installed or not.
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(_PROJECT_ROOT), env.get("PYTHONPATH", "")) if p
    )
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "knowledge.build.process",
        request,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
    )
    try:
        out, err = await proc.communicate()
    except BaseException:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        await proc.wait()  # dead, so its build lock is free for the next reload
        raise
    reason = _last_line(err) or f"the build exited with status {proc.returncode}"
    if proc.returncode == EXIT_BUSY:
        raise BuildBusy(reason)
    if proc.returncode != 0:
        raise BuildFailed(reason)
    try:
        return report_from_json(json.loads(out))
    except (ValueError, KeyError, TypeError) as exc:
        raise BuildFailed(f"the build printed no report: {exc}") from exc


def report_to_json(report: BuildReport) -> dict[str, Any]:
    """The report as JSON values: how the child build hands it to its parent."""
    return asdict(report)


def report_from_json(data: dict[str, Any]) -> BuildReport:
    """The inverse of `report_to_json`; raises KeyError, TypeError or ValueError on bad data."""
    return BuildReport(
        added=tuple(data["added"]),
        changed=tuple(data["changed"]),
        unchanged=tuple(data["unchanged"]),
        removed=tuple(data["removed"]),
        failed=tuple((str(f), str(r)) for f, r in data["failed"]),
        encodings=tuple((str(f), str(e)) for f, e in data.get("encodings", ())),
        seconds=float(data["seconds"]),
        db_path=str(data["db_path"]),
    )


def _last_line(raw: bytes) -> str:
    lines = [line for line in raw.decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def main(argv: Sequence[str]) -> int:
    """The child build: `python -m knowledge.build.process '{"db": ..., "paths": [...]}'`.

    Prints the report as JSON on its last line and exits 0; on failure prints one line to
    stderr and exits EXIT_FAILED, or EXIT_BUSY when another build holds the lock."""
    # A reload abandoned by a dead server must not go on to swap files under nobody.
    threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True).start()
    # The build and its workers (which inherit this) keep both cores busy; at a lower priority
    # they leave the serving process the CPU whenever a question arrives.
    os.nice(BUILD_NICENESS)
    request = json.loads(argv[0])
    try:
        report = build([Path(p) for p in request["paths"]], Path(request["db"]), progress=False)
    except BuildBusy as exc:
        print(exc, file=sys.stderr)
        return EXIT_BUSY
    except Exception as exc:  # every failure reaches the moderator as one line
        print(str(exc) or type(exc).__name__, file=sys.stderr)
        return EXIT_FAILED
    print(json.dumps(report_to_json(report), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
