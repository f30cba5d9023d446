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


def test_one_normalisation_for_accents_spacing_and_punctuation() -> None:
    index = PersonIndex([PersonRow(1, "Marc Márquez", ("Márquez",), 4), *PEOPLE])
    assert index.find("marc marquez").person == index.find("Marc  Márquez!").person
    assert index.find("MARQUEZ").person is not None
    assert index.complete("marq") == ["Marc Márquez"]
    people, rest = index.in_text("kapan Marquez menang")
    assert [p.name for p in people] == ["Marc Márquez"] and rest == "kapan menang"


def test_one_person_spelt_two_ways_is_found_not_offered() -> None:
    index = PersonIndex(
        [PersonRow(1, "Gatot S Dewa Broto", (), 8), PersonRow(2, "Gatot S. Dewa Broto", (), 7)]
    )
    assert index.find("Gatot S. Dewa Broto").person == PersonRow(1, "Gatot S Dewa Broto", (), 8)


def test_a_shared_short_form_goes_to_the_only_longer_name() -> None:
    people = [
        PersonRow(1, "Agung M Prasetyo", ("Prasetyo",), 10),
        PersonRow(2, "Prasetyo", (), 1),
        PersonRow(3, "Budi Hartono", ("Budi",), 4),
        PersonRow(4, "Budi Santoso", ("Budi",), 3),
    ]
    index = PersonIndex(people)
    assert index.find("Prasetyo").person == people[0]
    assert index.in_text("Prasetyo")[0] == [people[0]]
    assert index.resolve(["prasetyo"]) == ("Agung M Prasetyo", 100.0)
    budi = index.find("budi")
    assert budi.person is None and set(budi.suggestions) == {"Budi Hartono", "Budi Santoso"}


def test_the_matcher_and_the_intents_resolve_a_name_alike() -> None:
    from bot.engine.intents import IntentMatcher

    index = PersonIndex(PEOPLE)
    matcher = IntentMatcher(index)
    for question in ("siapa okafor", "who is Rina Wulandri", "/quote Hartono", "apa kata rina"):
        subject = matcher.parse(question).subject
        assert index.find(subject).person is not None, question
    assert PersonIndex.from_names(["Sam Altman", "Altman"]).find("altman").person is not None
