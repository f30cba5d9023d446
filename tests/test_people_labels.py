"""The hand labels for issue 11 and the scorer's matching rules.

Two label files: `people_labels.jsonl` (the test set, 62 articles drawn with seed 11, never
tuned on) and `people_dev_labels.jsonl` (the development set, 40 other articles drawn with
seed 23, for tuning rules). Both are checked the same way.

These tests check the label file's shape and the rules of `tests/quality/people.py` on tiny
invented inputs. They never assert the extraction figures: those are a measurement, printed by
`.venv/bin/python -m tests.quality.people`. Checks that need the shared corpus skip without it.
`quality` is the package in tests/quality/ (tests/ is on sys.path here, as for `bench`).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from quality import people as scorer

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
LABELS = DATA / "people_labels.jsonl"
META = DATA / "people_labels.meta.json"
DEV_LABELS = DATA / "people_dev_labels.jsonl"
LABEL_FILES = pytest.mark.parametrize("labels", [LABELS, DEV_LABELS], ids=["test", "dev"])


def _records(labels: Path = LABELS) -> list[dict[str, object]]:
    return [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line]


def _meta(labels: Path = LABELS) -> dict[str, object]:
    data = json.loads(scorer.meta_path(labels).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _corpus() -> Path | None:
    path = scorer.find_corpus()
    return path if path is not None and path.is_file() else None


# --- the label file ----------------------------------------------------------------------


def test_labels_cover_sixty_articles_with_unique_ids() -> None:
    records = _records()
    ids = [r["id"] for r in records]
    assert len(records) >= 60
    assert len(set(ids)) == len(ids)
    assert all(isinstance(i, str) and i.startswith("indosum-") for i in ids)


@LABEL_FILES
def test_every_person_is_well_formed(labels: Path) -> None:
    for record in _records(labels):
        assert set(record) <= {"id", "people", "notes", "ignore"}, record["id"]
        assert isinstance(record["notes"], str)
        people = record["people"]
        assert isinstance(people, list) and people, f"{record['id']}: no people"
        for person in people:
            assert set(person) == {"name", "forms", "roles"}, person
            assert isinstance(person["name"], str) and person["name"].strip(), person
            for key in ("forms", "roles"):
                values = person[key]
                assert isinstance(values, list), (record["id"], person["name"], key)
                assert all(isinstance(v, str) and v.strip() for v in values), person
        ignore = record.get("ignore", [])
        assert isinstance(ignore, list) and all(isinstance(v, str) and v for v in ignore)


@LABEL_FILES
def test_no_surface_form_names_two_people_in_one_article(labels: Path) -> None:
    for article in scorer.load_labels(labels):
        seen: dict[str, str] = {}
        for person in article.people:
            for key in person.match_keys():
                assert key not in seen, (
                    f"{article.id}: {key!r} is {seen.get(key)} and {person.name}"
                )
                seen[key] = person.name
        assert not {scorer.norm_name(i) for i in article.ignore} & set(seen), article.id


@LABEL_FILES
def test_no_article_text_is_stored(labels: Path) -> None:
    for record in _records(labels):
        assert not {"text", "title", "body", "url"} & set(record)
        line = json.dumps(record, ensure_ascii=False)
        assert len(line) < 4000, record["id"]  # labels are short; an article body is not
        assert len(str(record["notes"])) < 400, record["id"]
    # Nothing else in tests/data repeats corpus sentences either.
    assert len(scorer.meta_path(labels).read_text(encoding="utf-8")) < 10_000


@LABEL_FILES
def test_selection_is_the_seeded_sample_minus_articles_without_people(labels: Path) -> None:
    meta = _meta(labels)
    total, size, seed = meta["corpus_lines"], meta["sample_size"], meta["seed"]
    assert isinstance(total, int) and isinstance(size, int) and isinstance(seed, int)
    positions = random.Random(seed).sample(range(total), size)
    assert meta["positions"] == positions
    skipped = meta["skipped"]
    assert isinstance(skipped, list)
    skipped_ids = {s["id"] for s in skipped}
    assert all(s["position"] in positions and s["reason"] for s in skipped)
    labelled = {r["id"] for r in _records(labels)}
    assert not labelled & skipped_ids
    assert len(labelled) + len(skipped_ids) == size


def test_the_development_set_shares_no_article_with_the_test_set() -> None:
    test_positions, dev_positions = _meta(LABELS)["positions"], _meta(DEV_LABELS)["positions"]
    assert isinstance(test_positions, list) and isinstance(dev_positions, list)
    assert not set(test_positions) & set(dev_positions)
    assert not {r["id"] for r in _records(LABELS)} & {r["id"] for r in _records(DEV_LABELS)}


@pytest.mark.skipif(_corpus() is None, reason="shared corpus not present")
@LABEL_FILES
def test_labels_match_the_corpus(labels: Path) -> None:
    corpus = _corpus()
    assert corpus is not None
    lines = corpus.read_text(encoding="utf-8").splitlines()
    meta = _meta(labels)
    assert len(lines) == meta["corpus_lines"]
    positions = meta["positions"]
    assert isinstance(positions, list)
    drawn = {json.loads(lines[p])["id"]: json.loads(lines[p])["text"] for p in positions}
    records = _records(labels)
    assert {r["id"] for r in records} <= set(drawn)

    def squash(s: str) -> str:
        return re.sub(r"\s*-\s*", "-", re.sub(r"\s+", " ", s)).casefold()

    for article in scorer.load_labels(labels):
        text = squash(drawn[article.id])
        for person in article.people:
            written = [person.name, *person.forms]
            # The canonical name may be assembled (a nickname dropped), but some form is verbatim.
            assert any(squash(w) in text for w in written), (article.id, person.name)
            for form in person.forms:
                assert squash(form) in text, (article.id, form)
            for role in person.roles:
                for variant in role.split(scorer.ROLE_ALTERNATIVES):
                    assert squash(variant) in text, (article.id, person.name, variant)


# --- matching rules ----------------------------------------------------------------------


def test_names_compare_without_case_spacing_or_hyphen_spaces() -> None:
    assert scorer.norm_name("  Zulkifli   HASAN ") == "zulkifli hasan"
    assert scorer.norm_name("Chae Yoo - jung") == scorer.norm_name("Chae Yoo-jung")
    assert scorer.norm_name("Ebrahim \u201cBiboy\u201d Lopez") == 'ebrahim "biboy" lopez'


def test_short_names_merge_into_the_one_longer_name_they_start_or_end() -> None:
    root = scorer.cluster_names(["Zulkifli Hasan", "Zulkifli", "Hasan", "Rina"])
    assert root["zulkifli"] == root["hasan"] == "zulkifli hasan"
    assert root["rina"] == "rina"
    # Ambiguous: "Teguh" ends two names, so it stays on its own.
    root = scorer.cluster_names(["Mario Teguh", "Ario Kiswinar Teguh", "Teguh", "Kiswinar"])
    assert root["teguh"] == "teguh"
    assert root["kiswinar"] == "kiswinar"  # a middle word is not a prefix or suffix
    # A hyphenated surname is one word: Kyle Walker is not Kyle Walker-Peters.
    root = scorer.cluster_names(["Kyle Walker - Peters", "Kyle Walker"])
    assert root["kyle walker"] == "kyle walker"
    # Chains end at the longest name.
    root = scorer.cluster_names(["Ario Kiswinar Teguh", "Ario Kiswinar", "Ario"])
    assert root["ario"] == root["ario kiswinar"] == "ario kiswinar teguh"


def test_roles_match_by_head_words_either_way() -> None:
    assert scorer.role_matches("Ketua MPR", "Ketua MPR RI")
    assert scorer.role_matches("Ketua MPR RI", "ketua mpr")
    assert scorer.role_matches("pelatih timnas U-19", "Pelatih Timnas U - 19")
    assert scorer.role_matches("pendiri", "salah satu pendirinya")
    assert scorer.role_matches("Koordinator Aksi dari Aliansi", "koordinator aksi aliansi")
    assert not scorer.role_matches("Ketua MPR", "Ketua DPR")
    assert not scorer.role_matches("Menteri Kelautan dan Perikanan", "Menteri KKP")
    assert scorer.role_matches("Menteri Kelautan dan Perikanan | Menteri KKP", "Menteri KKP")
    assert not scorer.role_matches("Ketua MPR", "")
    assert not scorer.role_matches("", "Ketua MPR")


GOLD = scorer.GoldArticle(
    id="a1",
    people=(
        scorer.GoldPerson("Zulkifli Hasan", ("Zulkifli",), ("Ketua MPR", "Ketua Umum PAN")),
        scorer.GoldPerson("Rina Wulandari", (), ("Menteri Keuangan",)),
        scorer.GoldPerson("Bambang Hartono"),
    ),
    ignore=("MA",),
)


def test_article_score_counts_people() -> None:
    mentions = [
        ("Zulkifli Hasan", "Ketua MPR RI"),
        ("Zulkifli", ""),
        ("Hasan", ""),  # merges into Zulkifli Hasan: not a second person
        ("rina  wulandari", "Menteri Keuangan"),
        ("Rina Wulandari", "saksi"),
        ("Pasar Senen", "pengamat"),  # not a person
        ("MA", ""),  # initials: ignored
    ]
    s = scorer.score_article(GOLD, mentions)
    assert (s.gold, s.matched) == (3, 2)
    assert [p.display for p in s.false_positives] == ["Pasar Senen"]
    assert [g.name for g in s.false_negatives] == ["Bambang Hartono"]
    assert [p.names for p in s.ignored] == [["MA"]]
    assert s.duplicates == []
    # Roles: "Ketua MPR" found (as "Ketua MPR RI"), "Ketua Umum PAN" missed, Rina's found.
    assert (s.gold_roles, s.roles_found) == (3, 2)
    assert [(g.name, r) for g, r, _ in s.role_misses] == [("Zulkifli Hasan", "Ketua Umum PAN")]
    # Predicted roles on matched people: two right, "saksi" wrong; the false positive's role
    # ("pengamat") is not counted.
    assert (s.roles_predicted, s.roles_right) == (3, 2)
    assert [role for _, role in s.wrong_roles] == ["saksi"]


def test_a_second_prediction_of_a_matched_person_is_a_duplicate() -> None:
    gold = scorer.GoldArticle(
        "a2", (scorer.GoldPerson("Debby Chynthia Dewi", ("Debby Cynthia Dewi",)),)
    )
    s = scorer.score_article(gold, [("Debby Chynthia Dewi", ""), ("Debby Cynthia Dewi", "")])
    assert s.matched == 1 and len(s.duplicates) == 1 and not s.false_positives


def test_totals_are_micro_averaged() -> None:
    totals = scorer.Totals()
    totals.add(scorer.score_article(GOLD, [("Zulkifli Hasan", "Ketua MPR"), ("Persib", "")]))
    totals.add(scorer.score_article(GOLD, [("Rina Wulandari", ""), ("Bambang Hartono", "")]))
    assert (totals.gold, totals.matched, totals.false_positives) == (6, 3, 1)
    assert totals.precision == pytest.approx(3 / 4)
    assert totals.recall == pytest.approx(3 / 6)
    assert totals.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)
    assert totals.role_recall == pytest.approx(1 / 6)
    assert totals.role_precision == pytest.approx(1.0)
    assert scorer.Totals().precision == 0.0  # no division by zero on nothing


def test_malformed_label_lines_name_their_line() -> None:
    good = json.dumps({"id": "x", "people": [{"name": "A", "forms": [], "roles": []}]})
    assert scorer.parse_labels([good, ""])[0].people[0].name == "A"
    with pytest.raises(ValueError, match="line 2"):
        scorer.parse_labels([good, json.dumps({"id": "y"})])


def test_corpus_path_comes_from_flag_then_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(scorer.CORPUS_ENV, str(tmp_path / "env.jsonl"))
    assert scorer.find_corpus(str(tmp_path / "flag.jsonl")) == tmp_path / "flag.jsonl"
    assert scorer.find_corpus() == tmp_path / "env.jsonl"


def test_a_moved_extraction_module_gives_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scorer, "READER_MODULES", ("knowledge.no_such_reader",))
    with pytest.raises(scorer.ExtractionMissing, match="jsonl_article"):
        scorer.extraction()


def test_corpus_lines_finds_wanted_ids(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")
    found = scorer.corpus_lines(corpus, {"b", "zzz"})
    assert list(found) == ["b"] and found["b"][0] == 2
