"""Generations of the knowledge base on the file system: publish, lease, collect.

Leases are real flock() locks: a lease held by another process (a child started here) keeps
its generation on disk; one that process dies with frees it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from knowledge.build.generations import Generations
from knowledge.build.pipeline import build

ARTICLE = "Bupati Sleman Resmikan Pasar\n\nBupati Sleman Kustini Purnama meresmikan pasar baru.\n"


@pytest.fixture
def built(tmp_path: Path, corpus: Path) -> Generations:
    db = tmp_path / "kb" / "kb.db"
    build([corpus], db, progress=False)
    return Generations(db)


def _rebuild(generations: Generations, corpus: Path, name: str) -> None:
    (corpus / f"{name}.txt").write_text(ARTICLE.replace("Pasar", name.title()), encoding="utf-8")
    build([corpus], generations.db_path, progress=False)


def test_nothing_is_published_until_a_build_is(tmp_path: Path) -> None:
    generations = Generations(tmp_path / "kb.db")
    assert generations.current() is None and generations.lease() is None
    with pytest.raises(FileNotFoundError):
        generations.publish()


def test_a_build_becomes_an_immutable_generation_beside_the_database(built: Generations) -> None:
    first = built.publish()
    assert first.number == 1 and first.path.parent == built.db_path.parent
    assert first.path.name == "kb.db.gen-00000001"
    assert built.current() == first
    assert first.path.stat().st_mode & 0o222 == 0, "nobody may write a generation"
    assert built.publish() == first, "the same build is not published twice"


def test_a_new_build_is_the_next_generation_and_the_old_file_is_untouched(
    built: Generations, corpus: Path
) -> None:
    first = built.publish()
    before = first.path.read_bytes()
    _rebuild(built, corpus, "pasar")
    second = built.publish()
    assert second.number == 2 and built.current() == second
    assert first.path.read_bytes() == before, "the build wrote a new file, not into the old"


def test_a_leased_generation_is_kept_and_deleted_once_released(
    built: Generations, corpus: Path
) -> None:
    built.publish()
    lease = built.lease()
    assert lease is not None and lease.generation.number == 1
    _rebuild(built, corpus, "pasar")
    built.publish()
    assert built.collect() == [] and built.path(1).exists()
    lease.release()
    assert built.collect() == [1]
    assert not built.path(1).exists()
    assert built.on_disk() == [2], "the current generation is never collected"
    assert not list(built.folder.glob("*.gen-00000001*")), "its lease file went too"


def test_another_process_lease_keeps_the_generation_until_it_dies(
    built: Generations, corpus: Path
) -> None:
    built.publish()
    holder = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from knowledge.build.generations import Generations
        lease = Generations(Path(sys.argv[1])).lease()
        print(lease.generation.number, flush=True)
        sys.stdin.read()  # holds the lease until told to stop
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", holder, str(built.db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "1"
        _rebuild(built, corpus, "pasar")
        built.publish()
        assert built.collect() == [], "another process still serves generation 1"
    finally:
        proc.kill()  # dies without releasing anything: the kernel drops its lock
        proc.wait()
    assert built.collect() == [1]


def test_a_lease_taken_as_the_pointer_moves_gets_the_newest_generation(
    built: Generations, corpus: Path
) -> None:
    built.publish()
    _rebuild(built, corpus, "pasar")
    built.publish()
    built.collect()
    lease = built.lease()
    assert lease is not None and lease.generation.number == 2
    lease.release()


def test_a_pointer_to_a_file_not_yet_copied_is_no_generation(built: Generations) -> None:
    built.publish()
    built.pointer.write_text("kb.db.gen-00000009\n", encoding="utf-8")
    assert built.current() is None
