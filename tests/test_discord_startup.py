"""`newsbot run` as a person starts it: a real subprocess against the fake Discord, or none."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from pathlib import Path

from fake_discord import FakeDiscord

# The real CLI, with discord.py pointed at a local address (as the fake's `patch` does in-process).
LAUNCH = """
import sys
import discord.http
discord.http.Route.BASE = sys.argv[1] + "/api/v10"
from bot.cli import main
raise SystemExit(main(["run"]))
"""


async def _run(base: str, bundled_db: Path, tmp_path: Path, **env: str) -> tuple[int, str]:
    environment = {**os.environ, "NEWSBOT_DB": str(bundled_db), **env}
    environment["NEWSBOT_FEEDBACK_DB"] = str(tmp_path / "feedback.db")
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        LAUNCH,
        base,
        cwd=tmp_path,
        env=environment,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(proc.communicate(), 120)
    assert proc.returncode is not None
    return proc.returncode, stderr.decode()


async def test_a_rejected_token_is_one_clear_line(
    fake: FakeDiscord, bundled_db: Path, tmp_path: Path
) -> None:
    code, stderr = await _run(
        fake.base, bundled_db, tmp_path, DISCORD_TOKEN="revoked-token", LOG_LEVEL="WARNING"
    )
    assert code == 1
    assert stderr.strip() == "newsbot: Discord rejected the token (401): check DISCORD_TOKEN"
    assert [r.status for r in fake.requests] == [401]


async def test_no_network_is_one_clear_line_without_voice_warnings(
    bundled_db: Path, tmp_path: Path
) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    code, stderr = await _run(f"http://127.0.0.1:{port}", bundled_db, tmp_path, DISCORD_TOKEN="t")
    assert code == 1
    errors = [line for line in stderr.splitlines() if line.startswith("newsbot:")]
    assert len(errors) == 1
    assert errors[0].startswith("newsbot: could not reach Discord (")
    assert errors[0].endswith("): check the network")
    assert "Traceback" not in stderr
    assert "voice" not in stderr.lower()
    assert " ERROR " not in stderr and " WARNING " not in stderr
