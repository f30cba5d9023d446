"""The moderator's corrections to people extraction, read from `overrides.yaml`.

The file sits beside the articles. Every section is optional:

    aliases:     {Altman: Sam Altman}          # a surface form -> the person it means
    corrections: {Jakub Patchocki: Jakub Pachocki}  # a misspelt name -> the right spelling
    roles:       {Sam Altman: [CEO OpenAI]}    # roles to show even if no article states them
    not_people:  [Formula 1]                   # never a person
    people:      [Jokowi]                      # always a person wherever it appears

Keys are matched case-insensitively; values are kept as the moderator wrote them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

SECTIONS = ("aliases", "corrections", "roles", "not_people", "people")


@dataclass(frozen=True)
class Overrides:
    """A moderator's corrections to extraction, from overrides.yaml.

    `aliases` and `corrections` map a surface name to the name wanted; `roles` adds roles to a
    person; `not_people` are names never taken as a person; `people` names always taken as one.
    """

    aliases: Mapping[str, str] = field(default_factory=dict)
    corrections: Mapping[str, str] = field(default_factory=dict)
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    not_people: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()

    @cached_property
    def not_people_lower(self) -> frozenset[str]:
        """`not_people`, lowercased for comparison."""
        return frozenset(n.lower() for n in self.not_people)

    @cached_property
    def _renames(self) -> dict[str, str]:
        # Corrections first so an alias may point at the corrected spelling.
        table = {k.lower(): v for k, v in self.corrections.items()}
        table.update({k.lower(): v for k, v in self.aliases.items()})
        return table

    @cached_property
    def people_pattern(self) -> re.Pattern[str] | None:
        """Forced names as whole words, longest first so "Joko Widodo" beats "Joko"."""
        if not self.people:
            return None
        names = sorted(self.people, key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")

    def rename(self, surface: str) -> str:
        """The name a moderator wants for `surface`: alias, then correction, else unchanged."""
        seen: set[str] = set()
        name = surface
        while name.lower() in self._renames and name.lower() not in seen:
            seen.add(name.lower())  # a cycle in the file must not hang ingest
            name = self._renames[name.lower()]
        return name

    def roles_for(self, name: str) -> tuple[str, ...]:
        """The roles the moderator added for `name` (any case)."""
        low = name.lower()
        return tuple(r for key, roles in self.roles.items() if key.lower() == low for r in roles)

    def digest(self) -> str:
        """A stable fingerprint: articles are re-extracted when the moderator's file changes."""
        content = {
            "aliases": sorted(self.aliases.items()),
            "corrections": sorted(self.corrections.items()),
            "roles": sorted((k, list(v)) for k, v in self.roles.items()),
            "not_people": sorted(self.not_people),
            "people": sorted(self.people),
        }
        raw = json.dumps(content, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


EMPTY = Overrides()


def _fail(path: Path, reason: str) -> ValueError:
    return ValueError(f"{path.name}: {reason}")


def _as_text(path: Path, section: str, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _fail(path, f"in '{section}', {value!r} should be a name written as plain text")
    text = str(value).strip()
    if not text:
        raise _fail(path, f"in '{section}', an entry is empty")
    return text


def _mapping(path: Path, section: str, value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _fail(path, f"'{section}' should be a list of 'name: other name' lines")
    return {_as_text(path, section, k): _as_text(path, section, v) for k, v in value.items()}


def _names(path: Path, section: str, value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise _fail(path, f"'{section}' should be a list of names, one per '- ' line")
    return frozenset(_as_text(path, section, v) for v in value)


def _roles(path: Path, value: Any) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _fail(path, "'roles' should map a name to a list of roles, e.g. 'Budi: [Ketua RT]'")
    out: dict[str, tuple[str, ...]] = {}
    for name, roles in value.items():
        items = [roles] if isinstance(roles, str) else roles
        if not isinstance(items, list):
            raise _fail(path, f"in 'roles', the roles of {name!r} should be a list")
        out[_as_text(path, "roles", name)] = tuple(_as_text(path, "roles", r) for r in items)
    return out


def parse_overrides(raw: str, path: Path = Path("overrides.yaml")) -> Overrides:
    """Overrides from YAML text; ValueError says what is wrong in words a moderator can act on."""
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" near line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "the file is not valid YAML"
        raise _fail(path, f"cannot read the file{where}: {problem}") from exc
    if data is None:
        return EMPTY
    if not isinstance(data, dict):
        raise _fail(path, "the file should consist of sections such as 'aliases:' or 'people:'")
    unknown = sorted(str(k) for k in data if k not in SECTIONS)
    if unknown:
        raise _fail(
            path, f"unknown section(s) {', '.join(unknown)}; allowed: {', '.join(SECTIONS)}"
        )
    return Overrides(
        aliases=_mapping(path, "aliases", data.get("aliases")),
        corrections=_mapping(path, "corrections", data.get("corrections")),
        roles=_roles(path, data.get("roles")),
        not_people=_names(path, "not_people", data.get("not_people")),
        people=_names(path, "people", data.get("people")),
    )


def load_overrides(path: Path) -> Overrides:
    """The overrides in `path`; a missing file means no overrides."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return EMPTY
    except UnicodeDecodeError as exc:
        raise _fail(path, "the file is not UTF-8 text") from exc
    return parse_overrides(raw, path)
