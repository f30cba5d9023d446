"""The answer benchmark's grader and question file (issue 10). Never its accuracy: the benchmark
is a measurement, run with `python -m tests.quality`."""

from __future__ import annotations

import collections
import dataclasses
from datetime import date
from pathlib import Path

import pytest
from quality.grade import OPENING_CHARS, Result, grade
from quality.questions import (
    ARTICLES,
    INTENTS,
    Question,
    article_stems,
    chain_root,
    check_questions,
    load_questions,
    parse_question,
)
from quality.report import accuracy, failures, summary
from quality.runner import DEFAULT_SOURCES, ask_all, takes_conversation

from bot.console.render import render_text
from bot.engine.answer import Answer, Citation, Fact, Query
from knowledge.models import DateValue

ROLE = "Kepala Dinas Pendidikan Kota Medan"


def _citation(article: str, snippet: str) -> Citation:
    return Citation(article=article, title=f"Judul {article}", date=None, snippet=snippet)


def _who(
    facts: tuple[Fact, ...] = (), related: tuple[Fact, ...] = (), found: bool = True
) -> Answer:
    query = Query("who", "siapa Rudi Hartanto?", subject="Rudi Hartanto")
    if not found:
        return Answer(query, "who", False, "person_unknown", subject="Rudi Hartanto")
    return Answer(
        query, "who", True, "who_roles", subject="Rudi Hartanto", facts=facts, related=related
    )


def _role(article: str, role: str = ROLE) -> Fact:
    sentence = f"{role}, Rudi Hartanto, melakukan inspeksi mendadak."
    return Fact("role", _citation(article, sentence), role=role)


QUESTION = Question(
    id="q1",
    q="siapa Rudi Hartanto?",
    lang="id",
    intent="who",
    found=True,
    articles=("sidak",),
    expect=("kepala dinas pendidikan",),
)
UNANSWERED = Question(id="q2", q="siapa Budi?", lang="id", intent="who", found=False)


def _grade(question: Question, answer: Answer) -> Result:
    return grade(question, answer, render_text(answer))


def test_correct_when_found_cited_and_expected_text_opens_the_reply() -> None:
    result = _grade(QUESTION, _who((_role("sidak"),)))
    assert result.grade == "correct"
    assert result.cited == ("sidak",)
    assert result.intent_matched


def test_a_list_of_articles_means_any_of_them() -> None:
    question = dataclasses.replace(QUESTION, articles=("other", "sidak"))
    assert _grade(question, _who((_role("sidak"),))).grade == "correct"


def test_wrong_article_is_wrong_even_with_the_expected_text() -> None:
    result = _grade(QUESTION, _who((_role("banjir"),)))
    assert result.grade == "wrong"
    assert result.reason == "wrong article"


def test_a_related_fact_does_not_count_as_citing_the_article() -> None:
    answer = _who((_role("banjir"),), related=(_role("sidak"),))
    assert _grade(QUESTION, answer).grade == "wrong"


def test_expected_text_missing_from_the_opening_is_wrong() -> None:
    result = _grade(QUESTION, _who((_role("sidak", "Wali Kota Medan"),)))
    assert result.grade == "wrong"
    assert "opening" in result.reason


def test_expected_text_beyond_the_opening_is_wrong() -> None:
    filler = Fact("role", _citation("sidak", "x" * OPENING_CHARS), role="Wali Kota Medan")
    answer = _who((filler, _role("sidak")))
    assert ROLE.lower() in render_text(answer).lower()
    assert _grade(QUESTION, answer).grade == "wrong"


def test_matching_ignores_case_and_line_breaks() -> None:
    question = dataclasses.replace(QUESTION, expect=("DINAS PENDIDIKAN kota",))
    answer = _who((_role("sidak", "Kepala Dinas Pendidikan\nKota Medan"),))
    assert _grade(question, answer).grade == "correct"


def test_missed_when_the_articles_answer_but_nothing_was_found() -> None:
    result = _grade(QUESTION, _who(found=False))
    assert result.grade == "missed"
    assert not result.found


def test_padded_when_the_articles_do_not_answer_but_something_was_found() -> None:
    assert _grade(UNANSWERED, _who((_role("sidak"),))).grade == "padded"


def test_correct_when_nothing_to_find_and_nothing_found() -> None:
    assert _grade(UNANSWERED, _who(found=False)).grade == "correct"


def test_a_found_answer_in_the_wrong_intent_is_graded_on_the_answer() -> None:
    query = Query("search", "siapa Rudi Hartanto?", subject="Rudi Hartanto")
    fact = Fact("match", _citation("sidak", f"{ROLE}, Rudi Hartanto, sidak."))
    answer = Answer(query, "search", True, "search_title", subject="Rudi Hartanto", facts=(fact,))
    result = _grade(QUESTION, answer)
    assert result.grade == "correct"
    assert not result.intent_matched
    assert result.intent == "search"


def test_help_needs_no_article() -> None:
    question = Question("h", "/help", "id", "help", True, expect=("/who",))
    answer = Answer(Query("help", "/help"), "help", True, "help")
    assert _grade(question, answer).grade == "correct"


def test_a_dated_answer_is_graded_on_the_date_as_written() -> None:
    question = Question("w", "kapan?", "id", "when", True, ("sidak",), ("15 Juli 2024",))
    event = Fact(
        "event",
        _citation("sidak", "Rudi melakukan sidak, Senin (15/7/2024)."),
        date=DateValue.day(date(2024, 7, 15)),
    )
    answer = Answer(Query("when", "kapan?"), "when", True, "when_found", facts=(event,))
    assert _grade(question, answer).grade == "correct"


def test_report_counts_every_grade() -> None:
    results = [
        _grade(QUESTION, _who((_role("sidak"),))),
        _grade(QUESTION, _who((_role("banjir"),))),
        _grade(QUESTION, _who(found=False)),
        _grade(UNANSWERED, _who((_role("sidak"),))),
    ]
    text = summary(results, 3)
    assert "wrong 1   padded 1   missed 1" in text
    assert accuracy(results) == 25.0
    assert "[missed] q1" in failures(results)
    assert results[0].to_json()["grade"] == "correct"


class _Plain:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, object]]] = []

    async def ask(self, text: str) -> Answer:
        self.calls.append((text, {}))
        return _who(found=False)


class _Conversational:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, object]]] = []

    async def ask(self, text: str, conversation: str | None = None) -> Answer:
        self.calls.append((text, {"conversation": conversation}))
        return _who(found=False)


CHAIN = [
    Question("a", "siapa Rudi?", "id", "who", False),
    Question("b", "kapan dia dilantik?", "id", "when", False, after="a"),
    Question("c", "siapa Budi?", "id", "who", False),
    Question("d", "kenapa?", "id", "search", False, after="b"),
]


async def test_follow_ups_share_their_first_question_as_conversation() -> None:
    engine = _Conversational()
    assert takes_conversation(engine)
    results = await ask_all(engine, CHAIN)
    assert [r.grade for r in results] == ["correct"] * 4
    keys = [kwargs["conversation"] for _, kwargs in engine.calls]
    assert keys == ["a", "a", "c", "a"]


async def test_an_engine_without_conversations_is_asked_plainly() -> None:
    engine = _Plain()
    assert not takes_conversation(engine)
    await ask_all(engine, CHAIN)
    assert engine.calls == [(q.q, {}) for q in CHAIN]


def test_chain_root_follows_after_to_the_start() -> None:
    by_id = {q.id: q for q in CHAIN}
    assert [chain_root(q, by_id) for q in CHAIN] == ["a", "a", "c", "a"]


# --- the question file ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def questions() -> list[Question]:
    return load_questions()


def test_question_file_is_sound(questions: list[Question]) -> None:
    assert check_questions(questions, article_stems(DEFAULT_SOURCES)) == []


def test_question_file_size_and_intents(questions: list[Question]) -> None:
    assert len(questions) >= 300
    assert {q.intent for q in questions} == set(INTENTS)


def test_question_file_covers_own_articles(questions: list[Question]) -> None:
    own = article_stems([ARTICLES])
    assert len(own) >= 20
    cited = {a for q in questions for a in q.articles}
    assert own <= cited, f"articles no question asks about: {sorted(own - cited)}"


def test_question_file_mix(questions: list[Question]) -> None:
    n = len(questions)
    tags = collections.Counter(t for q in questions for t in q.tags)
    assert sum(q.lang == "en" for q in questions) >= 0.25 * n
    assert sum(not q.found for q in questions) >= 0.15 * n
    for tag, share in {"typo": 0.10, "role-holder": 0.10, "why": 0.08, "follow-up": 0.08}.items():
        assert tags[tag] >= share * n, tag
    assert all(("english" in q.tags) == (q.lang == "en") for q in questions)
    assert all(bool(q.after) == ("follow-up" in q.tags) for q in questions)


def test_check_questions_reports_each_problem() -> None:
    bad = [
        Question("x", "a", "fr", "why", True),
        Question("x", "b", "id", "who", False, articles=("sidak",), after="z"),
        Question("y", "c", "id", "who", True, articles=("nowhere",), expect=("e",)),
    ]
    problems = "\n".join(check_questions(bad, {"sidak"}))
    for text in ("lang 'fr'", "intent 'why'", "nothing to expect", "no article to cite"):
        assert text in problems
    for text in ("duplicate id", "not an earlier question", "not found, yet", "no article 'no"):
        assert text in problems


def test_parse_question_refuses_malformed_entries(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="found"):
        parse_question({"id": "a", "q": "b", "lang": "id", "intent": "who", "found": "yes"})
    with pytest.raises(ValueError, match="unknown keys"):
        parse_question({"id": "a", "q": "b", "lang": "id", "intent": "who", "found": True, "x": 1})
    assert parse_question(
        {"id": "a", "q": "b", "lang": "id", "intent": "who", "found": True, "article": "s"}
    ).articles == ("s",)
