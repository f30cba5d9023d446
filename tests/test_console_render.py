from bot.console.render import render
from bot.engine.answer import Answer

LONG = "\u2022 " + " ".join(f"kata{i}" for i in range(60))


def test_wraps_long_lines_without_changing_words() -> None:
    out = render(Answer(question="q", intent="search", found=True, text=LONG), width=60)
    assert all(len(line) <= 60 for line in out.splitlines())
    assert out.split() == LONG.split()
    assert out.splitlines()[1].startswith("  ")


def test_short_text_is_unchanged() -> None:
    text = "Baris satu\n\nBaris dua"
    assert render(Answer(question="q", intent="help", found=True, text=text)) == text
