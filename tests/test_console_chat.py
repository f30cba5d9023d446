import io
from dataclasses import replace
from pathlib import Path

from bot.config import Settings
from bot.console.chat import chat
from bot.service import NewsService


async def test_chat_answers_until_exit(tmp_path: Path, corpus: Path) -> None:
    service = await NewsService.open(
        replace(Settings(), db_path=tmp_path / "kb.db", articles=(corpus,))
    )
    stdin = io.StringIO("siapa Lena Okafor?\n\n/sources\nkeluar\nsiapa Rina?\n")
    stdout = io.StringIO()
    try:
        await chat(service, stdin=stdin, stdout=stdout)
    finally:
        await service.close()
    out = stdout.getvalue()
    assert "Lena Okafor" in out and "Mayor" in out
    assert "Sumber (3 artikel)" in out
    assert "menurut artikel" not in out.split("Sumber (3 artikel)")[1]  # not after "keluar"
    assert out.rstrip().endswith("Sampai jumpa!")
