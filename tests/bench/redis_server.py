"""A real redis-server on a free port of 127.0.0.1, for the tests and the benchmark.

Nothing is saved to disk, so a restart (`stop` then `start`) brings it back empty on the same
port, as a Redis restarted without persistence comes back. `RedisServer.missing()` says why
there is none to start (the binary is not installed), for a test's skip message.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

BINARY = "redis-server"
START_SECONDS = 10.0


class RedisServer:
    """One redis-server process; `url` is where clients find it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = _free_port()
        self._proc: subprocess.Popen[bytes] | None = None

    @staticmethod
    def missing() -> str | None:
        """Why no redis-server can be started here, or None when one can."""
        if shutil.which(BINARY) is None:
            return f"{BINARY} is not installed (apt-get install redis-server; .ci/run installs it)"
        return None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Start it and return once it accepts connections; raises RuntimeError otherwise."""
        self.folder.mkdir(parents=True, exist_ok=True)
        command = [BINARY, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        command += ["--appendonly", "no", "--dir", str(self.folder), "--loglevel", "warning"]
        log = open(self.folder / "redis.log", "ab")  # noqa: SIM115 - the server's for its life
        self._proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"redis-server exited at start: see {self.folder}/redis.log")
            if _answers(self.port):
                return
            time.sleep(0.05)
        raise RuntimeError(f"redis-server did not answer within {START_SECONDS:g} s")

    def stop(self) -> None:
        """Kill it (as a crash would) and wait until it is gone."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._proc = None


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
