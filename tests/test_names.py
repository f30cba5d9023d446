from bot.engine.names import PersonIndex
from knowledge.store.reader import PersonRow

PEOPLE = [
    PersonRow(1, "Rina Wulandari", ("Rina",), 5),
    PersonRow(2, "Bambang Hartono", ("Hartono",), 3),
    PersonRow(3, "Bambang Sutrisno", (), 1),
    PersonRow(4, "Lena Okafor", ("Okafor",), 2),
]


def test_exact_alias_and_typo() -> None:
    index = PersonIndex(PEOPLE)
    assert index.find("rina").person == PEOPLE[0]
    assert index.find("Rina Wulandri").person == PEOPLE[0]
    assert index.find("okafor").person == PEOPLE[3]


def test_ambiguous_fragment_suggests() -> None:
    match = PersonIndex(PEOPLE).find("Bambang H")
    assert match.person == PEOPLE[1] or "Bambang Hartono" in match.suggestions
    vague = PersonIndex(PEOPLE).find("Bambng")
    assert vague.person is None
    assert set(vague.suggestions) >= {"Bambang Hartono", "Bambang Sutrisno"}


def test_unknown_name() -> None:
    match = PersonIndex(PEOPLE).find("Hendrik Lorentz")
    assert match.person is None


def test_complete_caps_at_limit_and_fits() -> None:
    index = PersonIndex(PEOPLE)
    assert index.complete("", limit=2) == ["Rina Wulandari", "Bambang Hartono"]
    assert index.complete("bam")[:2] == ["Bambang Hartono", "Bambang Sutrisno"]
    assert "Rina Wulandari" not in index.complete("okaf")
