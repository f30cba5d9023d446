"""Generations: the knowledge base as immutable files that several processes serve at once.

A build writes `NEWSBOT_DB` (the working file every incremental build starts from). Publishing
it makes generation N+1: a hard link `newsbot.db.gen-00000007` beside it (a copy where links
are refused), which nothing ever writes again, since the next build renames a new file over
`NEWSBOT_DB` instead of writing into it. The pointer file `newsbot.db.current` names the newest
generation; it is replaced by rename, so a reader sees the old name or the new one, never half.

A process serving a generation holds a shared lock on its lease file (`...gen-00000007.lease`)
for as long as it may read it. `collect` deletes a generation older than the current one only
when it can take that lease exclusively: no process can still be using it. The locks are
flock() locks on the open file, so they are released when a process dies, even by kill -9, and
two services in one process (tests) do not mistake each other's lease for their own.

Every function here works on the file system alone; announcing a new generation to other
processes is the caller's business (Redis pub/sub in `bot.scale`).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from knowledge.build.pipeline import fsync_dir

_DIGITS = 8


@dataclass(frozen=True)
class Generation:
    """Generation `number` of the knowledge base at `path` (read-only, immutable)."""

    number: int
    path: Path


class GenerationLease:
    """A shared lock on one generation: while it is held, `collect` leaves the file alone.

    Release it with `release` (idempotent) once no question can read the generation any more.
    """

    def __init__(self, generation: Generation, fd: int) -> None:
        self.generation = generation
        self._fd: int | None = fd

    def release(self) -> None:
        """Let the generation go (closing the lock file drops the lock)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        """True until `release`."""
        return self._fd is not None


class Generations:
    """The generations of the knowledge base at `db_path`, in the folder that holds it."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.folder = db_path.parent
        self._pattern = re.compile(re.escape(db_path.name) + r"\.gen-(\d+)$")
        self.pointer = db_path.with_name(db_path.name + ".current")
        self._lock_path = db_path.with_name(db_path.name + ".gen.lock")

    def path(self, number: int) -> Path:
        """Where generation `number` lives."""
        return self.db_path.with_name(f"{self.db_path.name}.gen-{number:0{_DIGITS}d}")

    def _lease_path(self, number: int) -> Path:
        return self.path(number).with_name(self.path(number).name + ".lease")

    def current(self) -> Generation | None:
        """The generation the pointer names, or None when none was published (or its file is
        missing, as when a copy step has not brought it yet)."""
        try:
            name = self.pointer.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        found = self._pattern.fullmatch(name)
        if found is None:
            return None
        generation = Generation(int(found.group(1)), self.folder / name)
        return generation if generation.path.exists() else None

    def on_disk(self) -> list[int]:
        """The numbers of every generation file in the folder, in order."""
        numbers = []
        for entry in self.folder.glob(f"{self.db_path.name}.gen-*"):
            found = self._pattern.fullmatch(entry.name)
            if found:
                numbers.append(int(found.group(1)))
        return sorted(numbers)

    def publish(self) -> Generation:
        """Make the finished build at `db_path` the newest generation and point to it.

        Returns the current generation unchanged when it is already this very file (a reload
        that changed nothing). Raises FileNotFoundError when there is no build to publish.
        """
        with self._locked():
            current = self.current()
            if current is not None and _same_file(current.path, self.db_path):
                return current
            number = max([current.number if current else 0, *self.on_disk(), 0]) + 1
            target = self.path(number)
            _link_or_copy(self.db_path, target)
            os.chmod(target, 0o444)  # immutable: a generation is never written again
            self._point_to(target.name)
            return Generation(number, target)

    def _point_to(self, name: str) -> None:
        tmp = self.pointer.with_name(f".{self.pointer.name}.{os.getpid()}")
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(name + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.pointer)
        fsync_dir(self.folder)

    def lease(self) -> GenerationLease | None:
        """A lease on the current generation, or None when there is none yet.

        The pointer may move on while the lease is taken: the generation is checked again once
        the lock is held, and the newest one is leased instead when it was collected meanwhile.
        """
        while True:
            current = self.current()
            if current is None:
                return None
            fd = os.open(self._lease_path(current.number), os.O_RDWR | os.O_CREAT, 0o644)
            fcntl.flock(fd, fcntl.LOCK_SH)  # waits only while a collector looks at it
            if current.path.exists():
                return GenerationLease(current, fd)
            os.close(fd)

    def collect(self) -> list[int]:
        """Delete every generation older than the current one that no process holds a lease
        on; return the numbers deleted. Never deletes the current generation or a newer one
        (one being published)."""
        deleted: list[int] = []
        with self._locked():
            current = self.current()
            if current is None:
                return deleted
            for number in self.on_disk():
                if number < current.number and self._delete_unused(number):
                    deleted.append(number)
            self._remove_stray_leases()
        return deleted

    def _delete_unused(self, number: int) -> bool:
        lease = self._lease_path(number)
        fd = os.open(lease, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    return False  # a process still serves it
                raise
            self.path(number).unlink(missing_ok=True)
            lease.unlink(missing_ok=True)
            return True
        finally:
            os.close(fd)

    def _remove_stray_leases(self) -> None:
        """Lease files of generations already gone (left by a process that raced a collector)."""
        live = set(self.on_disk())
        for entry in self.folder.glob(f"{self.db_path.name}.gen-*.lease"):
            found = self._pattern.fullmatch(entry.name.removesuffix(".lease"))
            if found and int(found.group(1)) not in live:
                entry.unlink(missing_ok=True)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Publishing and collecting one at a time, across processes (numbers stay unique)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except FileNotFoundError:
        return False


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link costs no disk and no time; file systems without links get a copy."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        tmp = target.with_name(f".{target.name}.copy-{os.getpid()}")
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
