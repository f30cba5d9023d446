from bot.console.render import render
from bot.engine.answer import Answer, Citation, Fact, Query

LONG = " ".join(f"kata{i}" for i in range(60))


def test_wraps_long_lines_without_changing_words() -> None:
    fact = Fact("match", Citation("a1", "Judul", None, LONG))
    answer = Answer(Query("search", "q", subject="kata"), "search", True, "search_title", "kata")
    out = render(Answer(**{**answer.__dict__, "facts": (fact,)}), width=60)
    assert all(len(line) <= 60 for line in out.splitlines())
    assert " ".join(out.split()).count(LONG) == 1
    assert out.splitlines()[2].startswith("  ")


def test_short_text_is_unchanged() -> None:
    answer = Answer(Query("help", "/help"), "help", True, "help")
    out = render(answer)
    assert out.splitlines()[0].startswith("Saya menjawab pertanyaan")
    assert all(len(line) <= 100 for line in out.splitlines())
