"""People across the corpus: which surface forms name the same person.

Articles write one person many ways ("Sri Mulyani Indrawati", "Sri Mulyani", "Mulyani", a typo
"Sri Mulyani Indrawti"). `PersonRegistry` collects every article's person mentions, merges
full names that differ by a typo or that are a shorter form of a single longer one, and then
answers which canonical person a surface form means, in an article or across the corpus.
Moderator overrides (renames, aliases, forced people and roles) come first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from knowledge.models import PersonMention
from knowledge.overrides import Overrides

_HYPHEN_RE = re.compile(r"\s*-\s*")


def _words(name: str) -> tuple[str, ...]:
    return tuple(name.split())


def _is_full(name: str) -> bool:
    return len(name.split()) > 1


def spelling_key(name: str) -> str:
    """A name as compared across spellings: lower case, no dots, no spaces around hyphens
    ("Gatot S. Dewa Broto" and "Gatot S Dewa Broto", "Son Heung - min" and "Son Heung-min"
    have one key)."""
    return _HYPHEN_RE.sub("-", " ".join(name.replace(".", " ").split())).lower()


def _same_person_spelling(a: str, b: str) -> bool:
    """ "Jakub Patchocki" ~ "Jakub Pachocki": one word differs by a typo, the rest is equal;
    "Gatot S. Dewa Broto" ~ "Gatot S Dewa Broto": they differ only in dots and spacing.

    Short words are never fuzzed: "Rina" and "Rini" are two people, not a typo.
    """
    ka, kb = spelling_key(a), spelling_key(b)
    if ka == kb:
        return True
    wa, wb = ka.split(), kb.split()
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    shortest = min(len(x), len(y))
    allowed = 2 if shortest >= 9 else 1 if shortest >= 5 else 0
    return x[0] == y[0] and Levenshtein.distance(x, y, score_cutoff=allowed) <= allowed


def _contains(full: str, words: list[str]) -> bool:
    """Whether `full` has `words` as consecutive words, case-insensitively."""
    seq = [w.lower() for w in _words(full)]
    n = len(words)
    return len(seq) > n and any(seq[i : i + n] == words for i in range(len(seq) - n + 1))


DOMINANCE = 4  # how many times more mentions a person needs to claim a shared fragment


_GENERATION = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _extends(full: str, words: list[str]) -> bool:
    """Whether `full` is a longer form of `words`: contains them, or shares first and last
    word ("Anies Rasyid Baswedan" for "Anies Baswedan"); "Donald Trump Jr" is someone else."""
    seq = [w.lower() for w in _words(full)]
    if seq[-1] in _GENERATION:
        return False
    ends = len(words) > 1 and seq[0] == words[0] and seq[-1] == words[-1]
    return _contains(full, words) or (ends and len(seq) > len(words))


@dataclass
class _RoleRecord:
    surface: str
    role: str
    article_id: str


class PersonRegistry:
    """Every person seen across the corpus, with the short and misspelt forms that mean them.

    Resolution order for a surface form: moderator overrides, an exact full name, a typo-ish
    variant of one, then a partial name resolved inside the same article, then across the
    corpus; a fragment that fits two people ("Wijaya") stays as it is.
    """

    def __init__(self, overrides: Overrides | None = None) -> None:
        self.overrides = overrides or Overrides()
        self._counts: Counter[str] = Counter()  # full names, after corrections
        self._order: dict[str, int] = {}
        self._by_article: dict[str, set[str]] = {}
        self._surfaces: dict[str, set[str]] = {}  # article -> surfaces seen there
        self._roles: list[_RoleRecord] = []
        self._rep: dict[str, str] = {}
        self._by_word: dict[str, set[str]] = {}
        self._weight: Counter[str] = Counter()
        self._dirty = True

    # -- building ---------------------------------------------------------------------------

    def add(self, article_id: str, mentions: Iterable[PersonMention]) -> None:
        """Record one article's mentions; later calls for the same article add to it."""
        fulls = self._by_article.setdefault(article_id, set())
        surfaces = self._surfaces.setdefault(article_id, set())
        for mention in mentions:
            surface = " ".join(mention.name.split())
            surfaces.add(surface)
            fixed = self.overrides.rename(surface)
            if _is_full(fixed):
                self._counts[fixed] += 1
                self._order.setdefault(fixed, len(self._order))
                fulls.add(fixed)
            if mention.role:
                self._roles.append(_RoleRecord(surface, mention.role, article_id))
        for name in self.overrides.people:
            if _is_full(name):
                self._order.setdefault(name, len(self._order))
        self._dirty = True

    def _build(self) -> None:
        if not self._dirty:
            return
        names = sorted(self._order, key=self._order.__getitem__)
        parent = {n: n for n in names}

        def find(n: str) -> str:
            while parent[n] != n:
                parent[n] = parent[parent[n]]
                n = parent[n]
            return n

        for block in self._blocks(names):
            for i, a in enumerate(block):
                for b in block[i + 1 :]:
                    if find(a) != find(b) and _same_person_spelling(a, b):
                        parent[find(b)] = find(a)
        self._merge_short_forms(names, find, parent)
        groups: dict[str, list[str]] = {}
        for n in names:
            groups.setdefault(find(n), []).append(n)
        self._rep = {}
        for members in groups.values():
            # The longest form is canonical; among spellings of one length, the commonest.
            best = max(members, key=self._canonical_rank)
            for m in members:
                self._rep[m] = best
        self._weight = Counter()
        for n in names:
            self._weight[self._rep[n]] += self._counts[n]
        self._by_word = {}
        for n in names:
            for word in _words(n):
                self._by_word.setdefault(word.lower(), set()).add(self._rep[n])
        self._dirty = False

    def _merge_short_forms(
        self, names: list[str], find: Callable[[str], str], parent: dict[str, str]
    ) -> None:
        """ "Sri Mulyani" joins "Sri Mulyani Indrawati" when that is the only longer match."""
        index: dict[str, set[str]] = {}
        for n in names:
            for word in _words(n):
                index.setdefault(word.lower(), set()).add(n)
        articles: dict[str, set[str]] = {}
        for article_id, fulls in self._by_article.items():
            for n in fulls:
                articles.setdefault(n, set()).add(article_id)
        for n in sorted(names, key=lambda x: len(_words(x))):
            words = [w.lower() for w in _words(n)]
            pool = set.intersection(*(index.get(w, set()) for w in words)) - {n}
            longer = [m for m in pool if _extends(m, words)]
            local = [m for m in longer if articles.get(m, set()) & articles.get(n, set())]
            # A longer form seen once elsewhere may be a misparse ("Joko Widodo Kahiyang Ayu").
            trusted = local or [m for m in longer if self._counts[m] >= 2]
            roots = {find(m) for m in trusted}
            if len(roots) == 1:
                parent[find(n)] = roots.pop()

    def _canonical_rank(self, name: str) -> tuple[int, int, int, int]:
        """The longest form wins, but a form seen once never beats one seen repeatedly."""
        count = self._counts[name]
        return (min(count, 2), len(_words(name)), count, -self._order[name])

    @staticmethod
    def _blocks(names: list[str]) -> list[list[str]]:
        """Only names sharing a first or a last word are compared: keeps the pass near-linear."""
        blocks: dict[tuple[str, str], list[str]] = {}
        for n in names:
            words = _words(n)
            blocks.setdefault(("first", words[0].lower()), []).append(n)
            blocks.setdefault(("last", words[-1].lower()), []).append(n)
        return [b for b in blocks.values() if len(b) > 1]

    # -- queries ----------------------------------------------------------------------------

    def candidates(self, surface: str, article_id: str | None = None) -> list[str]:
        """The canonical people `surface` may mean: one entry when it is unambiguous."""
        self._build()
        name = self.overrides.rename(" ".join(surface.split()))
        if name in self._rep:
            return [self._rep[name]]
        if article_id is not None:
            local = self._partial_match(name, self._by_article.get(article_id, set()))
            if local:
                return local
        found = self._partial_match(name, None) or self._fuzzy(name)
        return self._dominant(found)

    def _dominant(self, found: list[str]) -> list[str]:
        """Across the corpus a fragment means the person it names far more often than any
        other ("Tito" -> Tito Karnavian); two people of similar weight stay ambiguous."""
        if len(found) < 2:
            return found
        weights = sorted(((self._weight.get(r, 0), r) for r in found), reverse=True)
        top, rest = weights[0][0], sum(w for w, _ in weights[1:])
        return [weights[0][1]] if top >= DOMINANCE * max(rest, 1) else found

    def canonical(self, surface: str, article_id: str | None = None) -> str:
        """The person's canonical full name, or the surface itself when unknown or ambiguous."""
        found = self.candidates(surface, article_id)
        if len(found) == 1:
            return found[0]
        return self.overrides.rename(" ".join(surface.split()))

    def _partial_match(self, name: str, pool: set[str] | None) -> list[str]:
        """Full names in `pool` (None: all) that contain `name`'s words in order ("Altman")."""
        words = [w.lower() for w in name.split()]
        if not words:
            return []
        hits = self._by_word.get(words[0], set())
        if pool is not None:
            hits = hits & {self._rep[p] for p in pool if p in self._rep}
        out = []
        for rep in sorted(hits):
            full = [w.lower() for w in rep.split()]
            if full == words or _contains(rep, words):
                out.append(rep)
        return out

    def _fuzzy(self, name: str) -> list[str]:
        if not _is_full(name):
            return []
        # A typo changes one word, so a match shares the first word or the last: looking only
        # there keeps this off a scan of every person (seconds per build at 10k articles).
        words = [w.lower() for w in name.split()]
        pool = self._by_word.get(words[0], set()) | self._by_word.get(words[-1], set())
        return sorted(r for r in pool if _same_person_spelling(name, r))

    def people(self) -> list[tuple[str, tuple[str, ...]]]:
        """(canonical name, other names it appears as), most mentioned first."""
        self._build()
        aliases: dict[str, set[str]] = {rep: set() for rep in set(self._rep.values())}
        for name, rep in self._rep.items():
            aliases[rep].add(name)
        for article_id, surfaces in self._surfaces.items():
            for surface in surfaces:
                rep = self.canonical(surface, article_id)
                if rep in aliases:
                    aliases[rep].add(surface)
        for alias, target in self.overrides.aliases.items():
            rep = self.canonical(target)
            if rep in aliases:
                aliases[rep].add(alias)
        ordered = sorted(aliases, key=lambda r: (-self._weight[r], r))
        return [(rep, tuple(sorted(aliases[rep] - {rep}))) for rep in ordered]

    def roles(self, name: str) -> list[tuple[str, str]]:
        """(role, article id) for the person `name` resolves to; moderator roles have id ""."""
        rep = self.canonical(name)
        out = [
            (r.role, r.article_id)
            for r in self._roles
            if self.canonical(r.surface, r.article_id) == rep
        ]
        out += [(role, "") for role in self.overrides.roles_for(rep)]
        return list(dict.fromkeys(out))
