"""Finding the person a user means, forgiving typos, and saying so when it is ambiguous."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from knowledge.store.reader import PersonRow

MATCH = 86.0  # at or above: take the name as meant
SUGGEST = 60.0  # at or above: worth a "did you mean"


@dataclass(frozen=True)
class NameMatch:
    person: PersonRow | None
    suggestions: tuple[str, ...] = ()


class PersonIndex:
    def __init__(self, people: Sequence[PersonRow]) -> None:
        self.people = list(people)
        self._by_key: dict[str, list[PersonRow]] = {}
        for person in self.people:
            for key in {person.name, *person.aliases}:
                bucket = self._by_key.setdefault(utils.default_process(key), [])
                if person not in bucket:
                    bucket.append(person)
        self._keys = list(self._by_key)

    def names(self) -> list[str]:
        """Canonical names, most mentioned first."""
        return [p.name for p in sorted(self.people, key=lambda p: (-p.mentions, p.name))]

    def all_names(self) -> list[str]:
        """Canonical names and their aliases: what the intent matcher may recognise."""
        return [name for p in self.people for name in (p.name, *p.aliases)]

    def find(self, text: str) -> NameMatch:
        key = utils.default_process(text)
        if not key:
            return NameMatch(None)
        exact = self._by_key.get(key)
        if exact:
            if len(exact) == 1:
                return NameMatch(exact[0])
            return NameMatch(None, tuple(p.name for p in exact))
        scored = process.extract(
            key, self._keys, scorer=fuzz.WRatio, processor=None, limit=6, score_cutoff=SUGGEST
        )
        candidates: list[PersonRow] = []
        for match_key, _score, _ in scored:
            for person in self._by_key[match_key]:
                if person not in candidates:
                    candidates.append(person)
        if not scored:
            return NameMatch(None)
        best_key, best, _ = scored[0]
        # A typo of one full name is fine; a fragment that fits several people is not.
        strict = fuzz.ratio(key, best_key)
        tops = {p.name for k, s, _ in scored if s >= best - 2 for p in self._by_key[k]}
        if best >= MATCH and strict >= MATCH - 6 and len(tops) == 1:
            return NameMatch(self._by_key[best_key][0])
        return NameMatch(None, tuple(p.name for p in candidates[:5]))

    def in_text(self, text: str) -> tuple[list[PersonRow], str]:
        """The people a question names (exactly, by name or unambiguous alias), and the rest.

        Longest names first, so "Lindsay Lohan" wins over a lone "Lohan".
        """
        tokens = utils.default_process(text).split()
        found: list[PersonRow] = []
        used = [False] * len(tokens)
        for size in range(min(4, len(tokens)), 0, -1):
            for i in range(len(tokens) - size + 1):
                if any(used[i : i + size]):
                    continue
                people = self._by_key.get(" ".join(tokens[i : i + size]))
                if people and len(people) == 1 and (size > 1 or len(tokens[i]) > 3):
                    if people[0] not in found:
                        found.append(people[0])
                    used[i : i + size] = [True] * size
        rest = " ".join(t for t, u in zip(tokens, used, strict=True) if not u)
        return found, rest

    def complete(self, current: str, limit: int = 25) -> list[str]:
        """Names for autocomplete: prefix and fuzzy matches, best first."""
        names = self.names()
        if not current.strip():
            return names[:limit]
        key = utils.default_process(current)
        prefix = [n for n in names if utils.default_process(n).startswith(key)]
        scored = process.extract(
            key, names, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit
        )
        fuzzy = [n for n, s, _ in scored if s >= SUGGEST]
        return list(dict.fromkeys(prefix + fuzzy))[:limit]
