"""The SQLite store on a real temp file, independent of the extractors."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from knowledge.models import Article, ArticleFacts, DateValue, Event, PersonMention, Quote, Sentence
from knowledge.store import SCHEMA_VERSION, SchemaMismatch, Store, reader
from knowledge.store.fts import (
    match_any,
    match_every_group,
    match_some_ranked_by_all,
    quote_term,
)
from knowledge.store.writer import Writer, read_hashes
from knowledge.text import stem_text


def _facts(article_id: str, sentences: list[str], **kw: object) -> ArticleFacts:
    text = " ".join(sentences)
    spans, pos = [], 0
    for i, s in enumerate(sentences):
        spans.append(Sentence(i, pos, pos + len(s), s))
        pos += len(s) + 1
    facts = ArticleFacts(
        article=Article(id=article_id, title=f"Title {article_id}", text=text),
        published=date(2022, 5, 1),
        sentences=spans,
        stemmed=[stem_text(s) for s in sentences],
        content_hash=f"hash-{article_id}",
    )
    for key, value in kw.items():
        setattr(facts, key, value)
    return facts


def _write(
    path: Path, *facts: ArticleFacts, people: dict[tuple[str, str], str] | None = None
) -> None:
    w = Writer(path)
    for f in facts:
        w.add(f)
    w.commit()
    w.set_people_rows((a, surface, name) for (a, surface), name in (people or {}).items())
    w.finish()


async def test_search_is_stemmed_and_ranked(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    _write(
        db,
        _facts("a", ["Dewan memecat direktur itu.", "Cuaca cerah hari ini."]),
        _facts("b", ["Pemecatan direktur memicu protes karyawan."]),
    )
    store = await Store.open(db)
    try:
        hits = await store.search([[stem_text("dipecat")]])
        assert {(h.article_id, h.idx) for h in hits} == {("a", 0), ("b", 0)}
        assert await store.search([[stem_text("hujan")]]) == []
    finally:
        await store.close()


@pytest.mark.parametrize(
    "hostile", ['"', "AND", "OR NEAR(", "a*", "col:x", "^start", '"" OR ""', "(", "-x", "'; DROP"]
)
async def test_fts_syntax_never_reaches_a_user(tmp_path: Path, hostile: str) -> None:
    db = tmp_path / "kb.db"
    _write(db, _facts("a", ["Sebuah kalimat biasa tentang AND dan OR."]))
    store = await Store.open(db)
    try:
        hits = await store.search([[hostile]])  # must not raise
        assert isinstance(hits, list)
    finally:
        await store.close()


def test_every_group_must_match() -> None:
    assert match_every_group([["a", "b"], ["c"], []]) == '("a" OR "b") AND ("c")'
    assert match_every_group([]) == ""


async def test_search_every_group(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    _write(db, _facts("a", ["Dewan memecat direktur.", "Dewan rapat lagi.", "Direktur pergi."]))
    store = await Store.open(db)
    try:
        every = [[stem_text("dewan")], [stem_text("pecat"), stem_text("henti")]]
        hits = await store.search(every, every=True)
        assert [h.idx for h in hits] == [0]
        hostile = await store.search([['"AND OR('], ["x*"]], every=True)
        assert hostile == []
    finally:
        await store.close()


def _numbered(article_id: str, n: int, words: str) -> ArticleFacts:
    return _facts(article_id, [f"Kalimat {i} tentang {words}." for i in range(n)])


async def test_term_docs_count_sentences(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    _write(db, _numbered("a", 4, "sawah"), _numbered("b", 2, "sawah irigasi"))
    store = await Store.open(db)
    try:
        docs = await store.term_docs(["sawah", "irigasi", "gurun"])
        assert docs == {"sawah": 6, "irigasi": 2, "gurun": 0}
    finally:
        await store.close()


async def test_a_common_group_over_the_budget_only_ranks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "kb.db"
    _write(
        db,
        _numbered("umum", 8, "pasar"),
        _facts("x", ["Pasar ikan dekat pelabuhan.", "Pelabuhan sepi."]),
    )
    monkeypatch.setattr(reader, "RANK_BUDGET", 4)
    store = await Store.open(db)
    try:
        hits = await store.search([[stem_text("pasar")], [stem_text("pelabuhan")]])
        # "pasar" (9 sentences) is over the budget: only sentences with "pelabuhan" are
        # candidates, and of two alike, the one holding "pasar" too still ranks first.
        assert [(h.article_id, h.idx) for h in hits] == [("x", 1), ("x", 0)]
    finally:
        await store.close()


def test_plan_matches_rare_groups_and_ranks_by_more() -> None:
    budget, rank_only = reader.RANK_BUDGET, reader.RANK_ONLY_BUDGET
    assert reader._plan([10, budget * 2, 20]) == ([0, 2], [0, 2, 1])
    assert reader._plan([rank_only * 2, budget * 3]) == ([1], [1])
    assert reader._plan([]) == ([], [])
    # A word no sentence holds (a typo) does not stand in for the rarest real one.
    assert reader._plan([budget * 2, 0, budget * 3]) == ([1, 0], [1, 0, 2])


async def test_only_the_newest_matches_are_ranked_when_too_many(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "kb.db"
    _write(db, _numbered("lama", 6, "banjir"), _numbered("baru", 3, "banjir"))
    monkeypatch.setattr(reader, "RANK_BUDGET", 3)
    store = await Store.open(db)
    try:
        hits = await store.search([["banjir"]], limit=10)
        assert sorted(h.article_id for h in hits) == ["baru"] * 3
        every = await store.search([["banjir"], ["kalimat"]], limit=10, every=True)
        assert len(every) == 3 and {h.article_id for h in every} == {"baru"}
    finally:
        await store.close()


async def test_events_only_keeps_sentences_that_state_an_event(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    facts = _facts("a", ["Gempa terjadi pada 3 Mei 2022.", "Gempa membuat warga panik."])
    facts.events = [Event(0, DateValue.day(date(2022, 5, 3)), "3 Mei 2022")]
    _write(db, facts)
    store = await Store.open(db)
    try:
        assert len(await store.search([[stem_text("gempa")]])) == 2
        dated = await store.search([[stem_text("gempa")]], events_only=True)
        assert [h.idx for h in dated] == [0]
    finally:
        await store.close()


async def test_article_events_are_those_of_the_given_articles(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    first = _facts("a", ["Senin (2/5/2022) rapat dimulai.", "Selasa (3/5/2022) rapat usai."])
    first.events = [
        Event(1, DateValue.day(date(2022, 5, 3)), "Selasa (3/5/2022)"),
        Event(0, DateValue.day(date(2022, 5, 2)), "Senin (2/5/2022)"),
    ]
    other = _facts("b", ["Rabu (4/5/2022) pasar dibuka."])
    other.events = [Event(0, DateValue.day(date(2022, 5, 4)), "Rabu (4/5/2022)")]
    _write(db, first, other)
    store = await Store.open(db)
    try:
        events = await store.article_events(["a"])
        assert [(e.article_id, e.when.start.day) for e in events] == [("a", 2), ("a", 3)]
        assert await store.article_events([]) == []
    finally:
        await store.close()


def test_quote_term_escapes_quotes() -> None:
    assert quote_term('say "hi"') == '"say ""hi"""'
    assert match_any(["a", "", "a", "b"], column="stemmed") == 'stemmed : ("a" OR "b")'
    assert match_any([]) == ""


def test_some_terms_match_all_terms_rank() -> None:
    assert match_some_ranked_by_all(["a"], ["a", "b"]) == '("a") AND ("a" OR "b")'
    assert match_some_ranked_by_all(["a", "b"], ["b", "a"]) == '("a" OR "b") AND ("b" OR "a")'
    assert match_some_ranked_by_all(["a"], ["a"], column="c") == 'c : ("a")'
    assert match_some_ranked_by_all([], ["a"]) == ""


async def test_people_roles_quotes_and_events(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    sentences = ["Ketua Dewan Budi Santoso membuka rapat pada 3 Mei 2022.", "Budi puas."]
    second = len(sentences[0]) + 1
    facts = _facts(
        "a",
        sentences,
        mentions=[
            PersonMention(12, 24, "Budi Santoso", role="Ketua Dewan"),
            PersonMention(second, second + 4, "Budi"),
        ],
        quotes=[Quote(second, second + 10, "Budi puas.", "Budi", sentence_index=1)],
        events=[Event(0, DateValue.day(date(2022, 5, 3)), "3 Mei 2022", people=("Budi Santoso",))],
    )
    _write(db, facts, people={("a", "Budi Santoso"): "Budi Santoso", ("a", "Budi"): "Budi Santoso"})
    store = await Store.open(db)
    try:
        people = await store.people()
        assert [(p.name, p.aliases, p.mentions) for p in people] == [("Budi Santoso", ("Budi",), 2)]
        roles = await store.roles(people[0].id)
        assert [(r.role, r.article_id, r.idx) for r in roles] == [("Ketua Dewan", "a", 0)]
        events = await store.person_events(people[0].id)
        assert [e.when for e in events] == [DateValue.day(date(2022, 5, 3))]
        quotes = await store.quotes(people[0].id)
        assert [q.text for q in quotes] == ["Budi puas."]
    finally:
        await store.close()


async def test_incremental_copy_keeps_unchanged_articles(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    _write(old, _facts("a", ["Kalimat pertama."]), _facts("b", ["Kalimat kedua."]))
    assert read_hashes(old) == {"a": "hash-a", "b": "hash-b"}
    new = tmp_path / "new.db"
    w = Writer(new)
    w.copy_unchanged(old, ["a"])
    w.add(_facts("c", ["Kalimat ketiga tentang kereta."]))
    w.commit()
    w.set_people_rows([])
    w.finish()
    store = await Store.open(new)
    try:
        assert sorted(a.id for a in await store.articles()) == ["a", "c"]
        assert [h.article_id for h in await store.search([[stem_text("pertama")]])] == ["a"]
    finally:
        await store.close()


async def test_refuses_other_schema_versions(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    _write(db, _facts("a", ["x y z."]))
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(SchemaMismatch):
        await Store.open(db)
    assert read_hashes(db) == {}  # an outdated file is never a source of "unchanged" facts
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(SchemaMismatch):
        await Store.open(junk)


async def test_role_mentions_are_found_by_title_and_organisation(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    sentences = [
        "Direktur Utama PT Sinar Laut, Dodi Hartono, meresmikan pabrik.",
        "CEO Tokoraya, Wening Ayu, hadir.",
        "Cuaca cerah hari ini.",
    ]
    starts = [
        s.index(n) + sum(len(x) + 1 for x in sentences[:i])
        for i, (s, n) in enumerate(zip(sentences[:2], ["Dodi Hartono", "Wening Ayu"], strict=True))
    ]
    mentions = [
        PersonMention(starts[0], starts[0] + 12, "Dodi Hartono", "Direktur Utama PT Sinar Laut"),
        PersonMention(starts[1], starts[1] + 10, "Wening Ayu", "CEO Tokoraya"),
    ]
    _write(
        db,
        _facts("a", sentences, mentions=mentions),
        people={("a", "Dodi Hartono"): "Dodi Hartono", ("a", "Wening Ayu"): "Wening Ayu"},
    )
    store = await Store.open(db)
    try:
        both = await store.role_mentions(["direktur utama", "ceo"])
        assert [(r.person, r.role) for r in both] == [
            ("Wening Ayu", "CEO Tokoraya"),  # the most recently added first
            ("Dodi Hartono", "Direktur Utama PT Sinar Laut"),
        ]
        dodi = both[1]
        assert dodi.text[dodi.name_start : dodi.name_end] == "Dodi Hartono"
        assert await store.role_mentions(["ceo"], [["sinar"]]) == []
        assert [r.person for r in await store.role_mentions(["direktur utama"], [["laut"]])] == [
            "Dodi Hartono"
        ]
        assert len(await store.article_role_mentions(["a"])) == 2
        assert [r.idx for r in await store.phrase_sentences("wening ayu")] == [1]
        found = await store.sentences_at([("a", 2), ("a", 9)])
        assert list(found) == [("a", 2)] and found[("a", 2)].text == "Cuaca cerah hari ini."
        assert "cerah" in (await store.article_words(["a"]))["a"]
    finally:
        await store.close()
