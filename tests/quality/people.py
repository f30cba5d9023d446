"""Person and role extraction scored against hand labels of indosum articles (issue 11).

    .venv/bin/python -m tests.quality.people [--corpus PATH] [--labels PATH] [--verbose]

`--labels tests/data/people_dev_labels.jsonl` scores the development set instead (40 other
articles, drawn with seed 23, for tuning rules; the default set is the test set and is never
tuned on). A label file's draw is recorded beside it, in `<name>.meta.json`.

The gold labels are `tests/data/people_labels.jsonl`, one article a line:

    {"id": ..., "people": [{"name": ..., "forms": [...], "roles": [...]}], "notes": ...,
     "ignore": [...]}                                       # "ignore" is optional

`ignore` lists surface strings that are neither required nor wrong (people named only by
initials, bylines, names that appear only in "SIMAK JUGA" link lines the reader drops).
`tests/data/people_labels.meta.json` records how the articles were drawn (a seeded sample) and
which drawn articles were skipped because they name no person at all.

The article texts are read from the shared corpus, never stored here, and go through the same
steps as ingest: `jsonl_article` to read the line, `extract` to get the facts, whose `mentions`
are the people. Scoring, per article, then micro-averaged:

- people: the distinct `mention.name` values are merged into predicted people where one name is
  a word prefix or suffix of exactly one longer one ("Zulkifli" into "Zulkifli Hasan"). A
  predicted person matches a gold person when one of its names equals the gold name or one of
  its forms (case-insensitive, whitespace-normalised, no spaces around hyphens). Precision is
  gold people matched / (gold people matched + predicted people matching nobody); a second
  predicted person matching an already matched gold person is reported as a duplicate, not
  counted either way. Recall is gold people matched / gold people.
- roles: a gold (person, role) pair is found when a mention of a predicted person matching that
  person carries a role whose head words contain the gold role's head words, or the other way
  round ("Ketua MPR" matches "Ketua MPR RI"); a gold role may give the article's variants of one
  office as "A | B". Role precision is over the distinct roles of
  predicted people that match a gold person: a role is right when it matches one of that
  person's gold roles.

The figures are a measurement; nothing here asserts them (the tests check the labels and the
matching rules only).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "tests" / "data" / "people_labels.jsonl"
META = ROOT / "tests" / "data" / "people_labels.meta.json"
CORPUS_NAME = Path("shared") / "corpus" / "indosum.jsonl"
CORPUS_ENV = "NEWSBOT_CORPUS"

# Targets from issue 11, printed beside the figures (not enforced).
TARGET_RECALL = 0.90
TARGET_PRECISION = 0.97
TARGET_ROLE_RECALL = 0.85

# Where the extraction code lives; the first import that works is used. The refactor may move
# modules: add the new home at the front of these lists.
READER_MODULES = ("knowledge.read.readers", "knowledge.read.feeds", "knowledge.read")
EXTRACT_MODULES = ("knowledge.extract.facts", "knowledge.extract", "knowledge.facts")

ROLE_ALTERNATIVES = " | "  # one gold role written several ways in the article

# Words that carry no meaning in a role phrase, for the head-word comparison.
ROLE_STOPWORDS = frozenset(
    {
        *("dari", "di", "ke", "yang", "dan", "itu", "ini", "tersebut", "sang", "para"),
        *("seorang", "sebagai", "selaku", "untuk", "pada", "dengan"),
        *("the", "of", "and", "a", "an", "at", "for"),
    }
)


# --- labels ------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldPerson:
    name: str
    forms: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    def match_keys(self) -> set[str]:
        return {norm_name(n) for n in (self.name, *self.forms)} - {""}


@dataclass(frozen=True)
class GoldArticle:
    id: str
    people: tuple[GoldPerson, ...]
    notes: str = ""
    ignore: tuple[str, ...] = ()


def parse_labels(lines: Iterable[str]) -> list[GoldArticle]:
    """Label lines to articles; raises ValueError naming the line for anything malformed."""
    articles: list[GoldArticle] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            people = tuple(
                GoldPerson(
                    name=p["name"],
                    forms=tuple(p.get("forms", [])),
                    roles=tuple(p.get("roles", [])),
                )
                for p in record["people"]
            )
            articles.append(
                GoldArticle(
                    id=str(record["id"]),
                    people=people,
                    notes=str(record.get("notes", "")),
                    ignore=tuple(record.get("ignore", [])),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"labels line {number}: {exc!r}") from exc
    return articles


def load_labels(path: Path = LABELS) -> list[GoldArticle]:
    return parse_labels(path.read_text(encoding="utf-8").splitlines())


# --- normalisation and matching rules ----------------------------------------------------

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def norm_name(name: str) -> str:
    """Case-folded, spaces collapsed, none around hyphens: 'Chae Yoo - jung' -> 'chae yoo-jung'."""
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES).casefold()
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s*-\s*", "-", text).strip(" ,;:")


def head_words(role: str) -> frozenset[str]:
    """The words of a role phrase that carry meaning, lower-case ('pendirinya' -> 'pendiri')."""
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", role).casefold())
    out = set()
    for w in words:
        if w in ROLE_STOPWORDS:
            continue
        if len(w) > 5 and w.endswith("nya"):
            w = w[:-3]
        out.add(w)
    return frozenset(out)


def role_matches(gold: str, predicted: str) -> bool:
    """True when either role's head words all occur in the other ('Ketua MPR' ~ 'Ketua MPR RI').

    A gold role may list the ways the article writes one office, split by ' | '
    ('Menteri Kelautan dan Perikanan | Menteri KKP'); any of them will do.
    """
    p = head_words(predicted)
    for alternative in gold.split(ROLE_ALTERNATIVES):
        g = head_words(alternative)
        if g and p and (g <= p or p <= g):
            return True
    return False


def cluster_names(names: Iterable[str]) -> dict[str, str]:
    """Each normalised name -> the normalised name of the predicted person it belongs to.

    A name joins a longer one when its words are the first or last words of the longer name;
    when it could join two different people ("Teguh" beside "Mario Teguh" and "Ario Teguh"),
    it stays a person of its own.
    """
    distinct = sorted({norm_name(n) for n in names} - {""}, key=lambda n: (-len(n.split()), n))
    root: dict[str, str] = {}
    for name in distinct:
        words = name.split()
        owners = set()
        for longer in distinct:
            lw = longer.split()
            if len(lw) <= len(words) or longer not in root:
                continue
            if lw[: len(words)] == words or lw[-len(words) :] == words:
                owners.add(root[longer])
        root[name] = owners.pop() if len(owners) == 1 else name
    return root


# --- scoring -----------------------------------------------------------------------------


@dataclass
class Predicted:
    """One predicted person: its names as written and the roles its mentions carry."""

    key: str
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    @property
    def display(self) -> str:
        return max(self.names, key=len) if self.names else self.key


@dataclass
class ArticleScore:
    id: str
    gold: int = 0
    matched: int = 0
    false_positives: list[Predicted] = field(default_factory=list)
    false_negatives: list[GoldPerson] = field(default_factory=list)
    duplicates: list[Predicted] = field(default_factory=list)
    ignored: list[Predicted] = field(default_factory=list)
    gold_roles: int = 0
    roles_found: int = 0
    roles_predicted: int = 0
    roles_right: int = 0
    role_misses: list[tuple[GoldPerson, str, list[str]]] = field(default_factory=list)
    wrong_roles: list[tuple[str, str]] = field(default_factory=list)


def predicted_people(mentions: Iterable[tuple[str, str]]) -> list[Predicted]:
    """(name, role) per mention -> predicted people, merged by `cluster_names`."""
    pairs = [(name, role) for name, role in mentions if norm_name(name)]
    root = cluster_names(name for name, _ in pairs)
    people: dict[str, Predicted] = {}
    for name, role in pairs:
        person = people.setdefault(root[norm_name(name)], Predicted(root[norm_name(name)]))
        if name not in person.names:
            person.names.append(name)
        role = re.sub(r"\s+", " ", role).strip()
        if role and role not in person.roles:
            person.roles.append(role)
    return list(people.values())


def score_article(gold: GoldArticle, mentions: Iterable[tuple[str, str]]) -> ArticleScore:
    """Score one article's predicted (name, role) mentions against its labels."""
    score = ArticleScore(gold.id, gold=len(gold.people))
    index: dict[str, set[int]] = {}
    for i, person in enumerate(gold.people):
        for key in person.match_keys():
            index.setdefault(key, set()).add(i)
    ignore = {norm_name(n) for n in gold.ignore}

    matched_by: dict[int, list[Predicted]] = {}
    for pred in predicted_people(mentions):
        hits: set[int] = set().union(*(index.get(norm_name(n), set()) for n in pred.names))
        if not hits:
            if any(norm_name(n) in ignore for n in pred.names):
                score.ignored.append(pred)
            else:
                score.false_positives.append(pred)
            continue
        if all(h in matched_by for h in hits):
            score.duplicates.append(pred)
        for h in hits:
            matched_by.setdefault(h, []).append(pred)
        score.roles_predicted += len(pred.roles)
        gold_roles = [r for h in hits for r in gold.people[h].roles]
        for role in pred.roles:
            if any(role_matches(g, role) for g in gold_roles):
                score.roles_right += 1
            else:
                score.wrong_roles.append((pred.display, role))

    score.matched = len(matched_by)
    for i, gp in enumerate(gold.people):
        predicted = matched_by.get(i, [])
        if not predicted:
            score.false_negatives.append(gp)
        roles = [r for p in predicted for r in p.roles]
        for gold_role in gp.roles:
            score.gold_roles += 1
            if any(role_matches(gold_role, r) for r in roles):
                score.roles_found += 1
            else:
                score.role_misses.append((gp, gold_role, roles))
    return score


@dataclass
class Totals:
    articles: int = 0
    gold: int = 0
    matched: int = 0
    false_positives: int = 0
    duplicates: int = 0
    gold_roles: int = 0
    roles_found: int = 0
    roles_predicted: int = 0
    roles_right: int = 0

    def add(self, s: ArticleScore) -> None:
        self.articles += 1
        self.gold += s.gold
        self.matched += s.matched
        self.false_positives += len(s.false_positives)
        self.duplicates += len(s.duplicates)
        self.gold_roles += s.gold_roles
        self.roles_found += s.roles_found
        self.roles_predicted += s.roles_predicted
        self.roles_right += s.roles_right

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.matched + self.false_positives)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def role_recall(self) -> float:
        return _ratio(self.roles_found, self.gold_roles)

    @property
    def role_precision(self) -> float:
        return _ratio(self.roles_right, self.roles_predicted)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


# --- the extraction, imported lazily -----------------------------------------------------


class ExtractionMissing(RuntimeError):
    pass


def _find(modules: Sequence[str], attr: str) -> Callable[..., Any]:
    errors = []
    for module in modules:
        try:
            found = getattr(importlib.import_module(module), attr, None)
        except ImportError as exc:
            errors.append(f"{module}: {exc}")
            continue
        if callable(found):
            return found  # type: ignore[no-any-return]
        errors.append(f"{module}: no {attr}")
    raise ExtractionMissing(
        f"cannot find `{attr}` (tried {', '.join(modules)}). The extraction refactor may have "
        f"moved it: add its new module to the lists at the top of tests/quality/people.py.\n  "
        + "\n  ".join(errors)
    )


def extraction() -> tuple[Callable[..., Any], Callable[..., Any]]:
    """(jsonl_article, extract), from wherever they live now."""
    return _find(READER_MODULES, "jsonl_article"), _find(EXTRACT_MODULES, "extract")


def mentions_of(line: str, number: int, corpus: Path) -> list[tuple[str, str]]:
    """Read one corpus line the way ingest does and return its (name, role) mentions."""
    jsonl_article, extract = extraction()
    article = jsonl_article(line, number, corpus.stem, str(corpus))
    if not hasattr(article, "text"):  # a ReadError
        raise ValueError(f"{corpus}:{number}: {getattr(article, 'message', article)}")
    facts = extract(article)
    return [(m.name, m.role or "") for m in facts.mentions]


# --- the corpus --------------------------------------------------------------------------


def find_corpus(explicit: str | None = None) -> Path | None:
    """--corpus, else $NEWSBOT_CORPUS, else ../shared/corpus beside the repository (or beside
    any folder above it, so that a git worktree under /work/wt/ finds /work/shared too)."""
    if explicit:
        return Path(explicit)
    if os.environ.get(CORPUS_ENV):
        return Path(os.environ[CORPUS_ENV])
    for folder in ROOT.parents:
        if (folder / CORPUS_NAME).is_file():
            return folder / CORPUS_NAME
    return None


def corpus_lines(corpus: Path, ids: set[str]) -> dict[str, tuple[int, str]]:
    """id -> (1-based line number, line) for the wanted ids."""
    found: dict[str, tuple[int, str]] = {}
    with corpus.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record_id = str(json.loads(line).get("id", ""))
            except (ValueError, AttributeError):
                continue
            if record_id in ids:
                found[record_id] = (number, line.rstrip("\n"))
    return found


def meta_path(labels: Path) -> Path:
    """Where a label file records its draw: `people_labels.jsonl` -> `people_labels.meta.json`."""
    return labels.with_name(labels.name.removesuffix(".jsonl") + ".meta.json")


def skipped_ids(path: Path = META) -> list[str]:
    if not path.is_file():
        return []
    meta = json.loads(path.read_text(encoding="utf-8"))
    return [str(s["id"]) for s in meta.get("skipped", [])]


# --- report ------------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def _verbose(s: ArticleScore, out: Callable[[str], None]) -> None:
    if not (s.false_positives or s.false_negatives or s.role_misses or s.wrong_roles):
        return
    out(f"\n{s.id}  people {s.matched}/{s.gold}")
    for p in s.false_positives:
        roles = f"  [{'; '.join(p.roles)}]" if p.roles else ""
        out(f"  FP  {' | '.join(p.names)}{roles}")
    for g in s.false_negatives:
        out(f"  FN  {g.name}")
    for p in s.duplicates:
        out(f"  dup {' | '.join(p.names)}")
    for g, role, got in s.role_misses:
        had = "; ".join(got) if got else "no role"
        out(f"  role miss  {g.name}: {role!r}  (got: {had})")
    for name, role in s.wrong_roles:
        out(f"  role wrong {name}: {role!r}")
    for p in s.ignored:
        out(f"  (ignored) {' | '.join(p.names)}")


def run(
    corpus: Path, verbose: bool, out: Callable[[str], None] = print, labels_path: Path = LABELS
) -> Totals:
    labels = load_labels(labels_path)
    skipped = skipped_ids(meta_path(labels_path))
    lines = corpus_lines(corpus, {a.id for a in labels} | set(skipped))
    missing = [a.id for a in labels if a.id not in lines]
    if missing:
        raise SystemExit(f"{len(missing)} labelled articles are not in {corpus}: {missing[:3]}")

    totals = Totals()
    for gold in labels:
        number, line = lines[gold.id]
        score = score_article(gold, mentions_of(line, number, corpus))
        totals.add(score)
        if verbose:
            _verbose(score, out)

    no_person = 0
    for article_id in skipped:
        if article_id in lines:
            number, line = lines[article_id]
            people = predicted_people(mentions_of(line, number, corpus))
            no_person += len(people)
            if verbose and people:
                out(f"\n{article_id}  (labelled: no person)")
                for p in people:
                    out(f"  FP  {' | '.join(p.names)}")

    t = totals
    out("")
    out(f"corpus   {corpus}")
    out(f"labels   {labels_path}")
    out(
        f"articles {t.articles} labelled ({len(skipped)} drawn articles skipped: no person); "
        f"{t.gold} gold people, {t.gold_roles} gold roles"
    )
    out(
        f"people   precision {_pct(t.precision)}  recall {_pct(t.recall)}  F1 {_pct(t.f1)}   "
        f"(matched {t.matched}, false positives {t.false_positives}, "
        f"missed {t.gold - t.matched}, duplicates {t.duplicates})"
    )
    out(
        f"roles    recall {_pct(t.role_recall)} ({t.roles_found}/{t.gold_roles})   "
        f"precision {_pct(t.role_precision)} ({t.roles_right}/{t.roles_predicted} roles on "
        f"matched people)"
    )
    out(f"no-person articles: {no_person} predicted people (not in the figures above)")
    out(
        f"target   recall >= {_pct(TARGET_RECALL).strip()} at precision >= "
        f"{_pct(TARGET_PRECISION).strip()}; role recall >= {_pct(TARGET_ROLE_RECALL).strip()}"
    )
    return totals


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.quality.people", description=__doc__)
    parser.add_argument("--corpus", help=f"indosum.jsonl (default: ${CORPUS_ENV} or ../shared)")
    parser.add_argument(
        "--labels", type=Path, default=LABELS, help="label file (default: test set)"
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="errors per article")
    args = parser.parse_args(argv)
    corpus = find_corpus(args.corpus)
    if corpus is None or not corpus.is_file():
        where = corpus or f"../{CORPUS_NAME} (set --corpus or ${CORPUS_ENV})"
        print(f"corpus not found: {where}", file=sys.stderr)
        return 2
    try:
        run(corpus, args.verbose, labels_path=args.labels)
    except ExtractionMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
