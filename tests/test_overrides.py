"""The moderator's overrides file: parsing, friendly errors, and its effect on people."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.extract.people import find_people
from knowledge.overrides import Overrides, load_overrides, parse_overrides
from knowledge.resolve.registry import PersonRegistry

EXAMPLE = Path(__file__).resolve().parent.parent / "knowledge" / "articles" / "overrides.yaml"


def test_missing_file_means_no_overrides(tmp_path: Path) -> None:
    assert load_overrides(tmp_path / "overrides.yaml") == Overrides()


def test_bundled_example_is_valid_and_harmless() -> None:
    assert load_overrides(EXAMPLE) == Overrides()


def test_all_sections_are_read(tmp_path: Path) -> None:
    path = tmp_path / "overrides.yaml"
    path.write_text(
        "aliases:\n  Pak Dirman: Sudirman Said\n"
        "corrections:\n  Sudirman Saidd: Sudirman Said\n"
        "roles:\n  Sudirman Said: [Ketua Palang Merah, Mantan Menteri ESDM]\n"
        "  Rina Wati: Bendahara\n"
        "not_people:\n  - Gedung Sate\n"
        "people:\n  - Gusdur\n",
        encoding="utf-8",
    )
    ov = load_overrides(path)
    assert ov.rename("pak dirman") == "Sudirman Said"
    assert ov.rename("Sudirman Saidd") == "Sudirman Said"
    assert ov.rename("Someone Else") == "Someone Else"
    assert ov.roles_for("sudirman said") == ("Ketua Palang Merah", "Mantan Menteri ESDM")
    assert ov.roles_for("Rina Wati") == ("Bendahara",)
    assert ov.not_people == {"Gedung Sate"} and ov.people == {"Gusdur"}


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("aliases: [Altman, Sam]\n", "'aliases' should be"),
        ("people:\n  - Gusdur\n  bad: indent\n", "near line"),
        ("persons: [Gusdur]\n", "unknown section(s) persons"),
        ("- just a list\n", "sections such as"),
        ("roles:\n  Budi: {a: b}\n", "roles of 'Budi' should be a list"),
        ('people: [""]\n', "an entry is empty"),
    ],
)
def test_invalid_files_explain_themselves(raw: str, words: str) -> None:
    with pytest.raises(ValueError, match=r"overrides\.yaml") as err:
        parse_overrides(raw)
    assert words in str(err.value)


def test_alias_cycles_do_not_hang() -> None:
    ov = Overrides(aliases={"A B": "C D", "C D": "A B"})
    assert ov.rename("A B") in {"A B", "C D"}


def test_digest_changes_with_content() -> None:
    assert Overrides().digest() == Overrides().digest()
    assert Overrides(people=frozenset({"Gusdur"})).digest() != Overrides().digest()


def test_overrides_steer_extraction_and_registry() -> None:
    text = (
        "Gusdur tertawa. Menteri ESDM Sudirman Saidd meninjau tambang di Gedung Sate. "
        "Kata Pak Dirman, harga minyak stabil."
    )
    ov = Overrides(
        aliases={"Dirman": "Sudirman Said"},
        corrections={"Sudirman Saidd": "Sudirman Said"},
        roles={"Sudirman Said": ("Ketua Palang Merah",)},
        not_people=frozenset({"Gedung Sate"}),
        people=frozenset({"Gusdur"}),
    )
    mentions = find_people(text, overrides=ov)
    names = [m.name for m in mentions]
    assert names[0] == "Gusdur" and "Gedung Sate" not in names
    reg = PersonRegistry(ov)
    reg.add("a1", mentions)
    assert reg.canonical("Sudirman Saidd") == "Sudirman Said"
    assert reg.canonical("Dirman") == "Sudirman Said"
    roles = reg.roles("Sudirman Said")
    assert ("Menteri ESDM", "a1") in roles and ("Ketua Palang Merah", "") in roles
    assert dict(reg.people())["Sudirman Said"]  # the misspelling is listed as an alias
