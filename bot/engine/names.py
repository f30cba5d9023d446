"""The one index of the people the store knows, forgiving typos and saying so when ambiguous.

Every intent, the question matcher and autocomplete find people through `PersonIndex`, so a
name resolves the same way in /who, /quote, a timeline's topic and a "did you mean". Names are
compared as `knowledge.text.name_key` forms: folded (case, accents) words, punctuation a
separator ("Bùdí  Santoso," and "budi santoso" are one key).

What a key means: the one person who has it as a name or alias. When several people have it as
their name ("Gatot S Dewa Broto", "Gatot S. Dewa Broto": one man spelt two ways), the most
mentioned. When several hold it otherwise, the one person whose longer name holds all its words
("Murati" -> "Mira Murati" when she is the only Murati with a longer name); otherwise it is
ambiguous and the candidates are offered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from knowledge.store.reader import PersonRow
from knowledge.text import name_key

MATCH = 86.0  # score 0-100 at or above which a fuzzy name is taken as meant
SUGGEST = 60.0  # score 0-100 at or above which a name is worth a "did you mean"
_MAX_KEY_CHARS = 200  # a longer "name" is pasted text; its start is enough to compare
_CACHE_LIMIT = 50_000  # memoised typo look-ups per index; beyond this nothing more is kept


@dataclass(frozen=True)
class NameMatch:
    """`PersonIndex.find`'s answer: the person meant, or None and up to five names to offer."""

    person: PersonRow | None
    suggestions: tuple[str, ...] = ()


class PersonIndex:
    """The people of the store under every name and alias they were mentioned by.

    Built once per engine (a few ms per thousand people) and read per question: look-ups are
    dict hits, fuzzy ones compare only names of the same first letter and shape.
    """

    def __init__(self, people: Sequence[PersonRow]) -> None:
        self._direct: dict[str, list[PersonRow]] = {}  # key -> who has it as a name or alias
        self._shown: dict[str, str] = {}  # key -> the first form it was written in
        for person in people:
            for form in (person.name, *person.aliases):
                key = name_key(form)
                if not key:
                    continue
                self._shown.setdefault(key, " ".join(form.split()))
                bucket = self._direct.setdefault(key, [])
                if person not in bucket:
                    bucket.append(person)
        self._keys = list(self._direct)
        self._resolved = self._resolve(self._direct)
        ranked = sorted(people, key=lambda p: (-p.mentions, p.name))
        self._ranked = [p.name for p in ranked]
        self._ranked_keys = [name_key(p.name) for p in ranked]
        self._build_typo_tables()

    @classmethod
    def from_names(
        cls, names: Iterable[str], aliases: Mapping[str, str] | None = None
    ) -> PersonIndex:
        """An index over bare name strings, as a name list gives them ("Sam Altman", "Altman").

        A string whose words are all in exactly one longer string is that person's short form
        ("Altman" -> "Sam Altman"); `aliases` maps further forms to a name ("Jokowi" -> "Joko
        Widodo"). Ids are positions, mentions 0.
        """
        forms: dict[str, str] = {}  # key -> first form
        for raw in names:
            form = " ".join(raw.split())
            if name_key(form):
                forms.setdefault(name_key(form), form)
        longer = _longer_keys(forms, forms)
        people: dict[str, list[str]] = {}
        for key, form in forms.items():
            owner = forms[longer[key][0]] if len(longer[key]) == 1 else form
            people.setdefault(owner, [])
            if owner != form:
                people[owner].append(form)
        for alias, name in (aliases or {}).items():
            people.setdefault(name, []).append(alias)
        return cls([PersonRow(i, n, tuple(a), 0) for i, (n, a) in enumerate(people.items())])

    # -- the store's view: intents and autocomplete ------------------------------------------

    def names(self) -> list[str]:
        """Canonical names, most mentioned first (ties by name)."""
        return list(self._ranked)

    def find(self, text: str) -> NameMatch:
        """The person a typed name means: exactly, by alias, or by a typo of one full name.

        A fragment that fits several people (or no one well enough) returns no person and the
        closest names (best first, at most five; every holder of an ambiguous exact name).
        """
        key = name_key(text[: _MAX_KEY_CHARS * 2])[:_MAX_KEY_CHARS]
        if not key:
            return NameMatch(None)
        if key in self._direct:
            exact = self._people_of(key)
            if len(exact) == 1:
                return NameMatch(exact[0])
            return NameMatch(None, tuple(p.name for p in exact))
        scored = process.extract(
            key, self._keys, scorer=fuzz.WRatio, processor=None, limit=6, score_cutoff=SUGGEST
        )
        if not scored:
            return NameMatch(None)
        candidates: list[PersonRow] = []
        for match_key, _score, _ in scored:
            for person in self._people_of(match_key):
                if person not in candidates:
                    candidates.append(person)
        best_key, best, _ = scored[0]
        # A typo of one full name is fine; a fragment that fits several people is not.
        strict = fuzz.ratio(key, best_key)
        tops = {p.id for k, s, _ in scored if s >= best - 2 for p in self._people_of(k)}
        if best >= MATCH and strict >= MATCH - 6 and len(tops) == 1:
            return NameMatch(self._people_of(best_key)[0])
        return NameMatch(None, tuple(p.name for p in candidates[:5]))

    def in_text(self, text: str) -> tuple[list[PersonRow], str]:
        """The people a topic names exactly (by name or an alias that means one person), and
        the rest of its words as one folded string.

        Longest names first, so "Lindsay Lohan" wins over a lone "Lohan"; a one-word name must
        be longer than three letters ("Ai" is not a person in "model AI").
        """
        tokens = name_key(text).split()
        found: list[PersonRow] = []
        used = [False] * len(tokens)
        for size in range(min(4, len(tokens)), 0, -1):
            for i in range(len(tokens) - size + 1):
                if any(used[i : i + size]):
                    continue
                person = self._resolved.get(" ".join(tokens[i : i + size]))
                if person is not None and (size > 1 or len(tokens[i]) > 3):
                    if person not in found:
                        found.append(person)
                    used[i : i + size] = [True] * size
        rest = " ".join(t for t, u in zip(tokens, used, strict=True) if not u)
        return found, rest

    def complete(self, current: str, limit: int = 25) -> list[str]:
        """Names for autocomplete: the most mentioned when nothing is typed, else names that
        start with the typed text, then fuzzy matches (score >= SUGGEST); at most `limit`."""
        if not current.strip():
            return self._ranked[:limit]
        key = name_key(current)
        prefix = [
            n for n, k in zip(self._ranked, self._ranked_keys, strict=True) if k.startswith(key)
        ]
        scored = process.extract(
            key, self._ranked_keys, scorer=fuzz.WRatio, processor=None, limit=limit
        )
        fuzzy = [self._ranked[i] for _, s, i in scored if s >= SUGGEST]
        return list(dict.fromkeys(prefix + fuzzy))[:limit]

    # -- the question matcher's view: names inside a question ---------------------------------

    @property
    def max_words(self) -> int:
        """Words in the longest known name key (0 without names)."""
        return self._max_words

    def resolve(self, words: Sequence[str]) -> tuple[str, float] | None:
        """The known name these question words are, with a score 0-100, or None.

        Exact keys score 100; words that are each (a typo of) part of one single name ("murati",
        "ilya sutskevr") score by their typos; else a typo of a whole name of as many words.
        The name is the person's canonical name, or the form typed when it is ambiguous.
        """
        key = name_key(" ".join(words))[:_MAX_KEY_CHARS]
        if not key or not self._keys:
            return None
        if key in self._direct:
            return self._meaning(key), 100.0
        parts = key.split()
        by_parts = self._by_parts(parts)
        if by_parts:
            return by_parts
        # Whole-string similarity only among names of as many words, so "rina wulandari pajak"
        # is not taken for "rina wulandari".
        same_shape = self._keys_by_shape.get((key[0], len(parts)), [])
        best = process.extractOne(key, same_shape, scorer=fuzz.ratio, score_cutoff=82)
        if best:
            return self._meaning(best[0]), float(best[1])
        return None

    def longest_prefix(self, words: Sequence[str]) -> tuple[str, int, float] | None:
        """The longest leading run of words that is a known name: (name, words taken, score)."""
        for size in range(min(len(words), self._max_words + 1), 0, -1):
            found = self.resolve(words[:size])
            if found:
                return found[0], size, found[1]
        return None

    def looks_like_name(self, word: str) -> bool:
        """Whether a folded word is (a typo of) part of a known name, so not a typo of a cue."""
        return word in self._by_part or self._closest_part(word) is not None

    def suggest(self, text: str, limit: int) -> list[str]:
        """Known names closest to the text (WRatio >= SUGGEST), best first, no repeats."""
        key = name_key(text[: _MAX_KEY_CHARS * 2])[:_MAX_KEY_CHARS]
        if not self._keys or not key:
            return []
        found = process.extract(
            key,
            self._keys,
            scorer=fuzz.WRatio,
            processor=None,
            limit=limit * 3,
            score_cutoff=SUGGEST,
        )
        return list(dict.fromkeys(self._meaning(k) for k, _score, _index in found))[:limit]

    # -- internals ------------------------------------------------------------------------------

    def _resolve(self, direct: dict[str, list[PersonRow]]) -> dict[str, PersonRow]:
        """key -> the one person it means (see the module docstring); ambiguous keys absent."""
        resolved = {key: people[0] for key, people in direct.items() if len(people) == 1}
        shared = []
        for key, people in direct.items():
            if len(people) == 1:
                continue
            if all(name_key(p.name) == key for p in people):
                # Spellings of one name ("Gatot S Dewa Broto", "Gatot S. Dewa Broto"): one
                # person written two ways, the most mentioned stands for both.
                resolved[key] = max(people, key=lambda p: p.mentions)
            else:
                shared.append(key)
        for key, longer in _longer_keys(direct, shared).items():
            owners = {p.id: p for k in longer for p in direct[k]}
            if len(owners) == 1:
                resolved[key] = next(iter(owners.values()))
        return resolved

    def _people_of(self, key: str) -> list[PersonRow]:
        """The one person a key means, else everyone who holds it."""
        person = self._resolved.get(key)
        return [person] if person is not None else self._direct[key]

    def _meaning(self, key: str) -> str:
        person = self._resolved.get(key)
        return person.name if person is not None else self._shown[key]

    def _build_typo_tables(self) -> None:
        self._by_part: dict[str, set[str]] = {}  # key word -> names of the keys holding it
        for key in self._keys:
            for part in key.split():
                self._by_part.setdefault(part, set()).add(self._meaning(key))
        # Fuzzy look-ups only compare like with like: same first letter, similar length, same
        # number of words. Typos rarely hit a name's first letter, and it keeps 0.1 ms budgets.
        self._parts_by_shape: dict[tuple[str, int], list[str]] = {}
        for part in self._by_part:
            if len(part) >= 4:
                self._parts_by_shape.setdefault((part[0], len(part)), []).append(part)
        self._keys_by_shape: dict[tuple[str, int], list[str]] = {}
        for key in self._keys:
            self._keys_by_shape.setdefault((key[0], len(key.split())), []).append(key)
        self._max_words = max((len(k.split()) for k in self._keys), default=0)
        self._closest_cache: dict[str, tuple[str, int] | None] = {}

    def _by_parts(self, parts: Sequence[str]) -> tuple[str, float] | None:
        """Every word is (a typo of) a part of the same single name: "murati", "ilya sutskevr"."""
        candidates: set[str] | None = None
        worst = 100.0
        for word in parts:
            owners, score = self._owners_of(word)
            candidates = owners if candidates is None else candidates & owners
            worst = min(worst, score)
            if not candidates:
                return None
        if candidates and len(candidates) == 1:
            return next(iter(candidates)), worst * 0.95
        return None

    def _owners_of(self, word: str) -> tuple[set[str], float]:
        if word in self._by_part:
            return self._by_part[word], 100.0
        best = self._closest_part(word)
        if best is None:
            return set(), 0.0
        return self._by_part[best[0]], 100.0 - 12.0 * best[1]

    def _closest_part(self, word: str) -> tuple[str, int] | None:
        """The name word within typo distance (OSA, so "muks" meets "musk"), with the distance."""
        if len(word) < 4 or not self._parts_by_shape:
            return None
        if word in self._closest_cache:
            return self._closest_cache[word]
        limit = 2 if len(word) >= 9 else 1
        best: tuple[str, int] | None = None
        for size in range(len(word) - limit, len(word) + limit + 1):
            for part in self._parts_by_shape.get((word[0], size), ()):
                dist = OSA.distance(word, part, score_cutoff=limit)
                if dist <= limit and (best is None or dist < best[1]):
                    best = (part, dist)
        if len(self._closest_cache) < _CACHE_LIMIT:
            self._closest_cache[word] = best
        return best


def _longer_keys(keys: Iterable[str], which: Iterable[str]) -> dict[str, list[str]]:
    """For each key of `which`: the keys with more words that hold all of its words."""
    holding: dict[str, set[str]] = {}
    for key in keys:
        for part in key.split():
            holding.setdefault(part, set()).add(key)
    out: dict[str, list[str]] = {}
    for key in which:
        parts = set(key.split())
        common = set.intersection(*sorted((holding[p] for p in parts), key=len))
        out[key] = sorted(k for k in common if len(k.split()) > len(parts))
    return out
