"""What a conversation remembers between questions: its last person and topic, for follow-ups.

A conversation is whatever key a surface passes to `Engine.ask` (the console session, an
`ask -` stream, a Discord DM, channel or thread, a Slack thread). After each answer the engine
keeps a `Context` under that key for `TTL_SECONDS`; the next question of the conversation is
read against it, so "kapan dia mundur?" or "and when?" mean the person and topic just asked
about. Values are small and plain (names and topic strings), so a store shared by several
processes can keep them as they are.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from bot.engine.answer import Answer
from bot.engine.names import PersonIndex

TTL_SECONDS = 600.0  # a follow-up ten minutes later still means the same person
MAX_CONVERSATIONS = 10_000  # the in-memory store forgets the least recently used beyond this
_MAX_FIELD_CHARS = 300  # a pasted wall of text is not a topic worth keeping whole


@dataclass(frozen=True)
class Context:
    """One conversation's memory: the person (canonical name) and the topic (the subject of
    the last question as text) that pronouns and elliptic questions refer to, and the last
    question's intent. Empty strings where nothing is known."""

    person: str = ""
    topic: str = ""
    intent: str = ""

    def to_dict(self) -> dict[str, str]:
        """The context as a flat mapping of strings (what a `ConversationStore` keeps)."""
        return {"person": self.person, "topic": self.topic, "intent": self.intent}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Context:
        """The context a store gave back; unknown keys and non-string values are ignored."""

        def field(name: str) -> str:
            value = data.get(name, "")
            return value[:_MAX_FIELD_CHARS] if isinstance(value, str) else ""

        return cls(field("person"), field("topic"), field("intent"))

    def __bool__(self) -> bool:
        return bool(self.person or self.topic)


class ConversationStore(Protocol):
    """Where contexts live between questions: a key-value store whose entries expire.

    `get` returns what `put` stored under the key, or None once `ttl` seconds have passed (or
    it was never stored, or was evicted). Values are flat string mappings (`Context.to_dict`).
    """

    async def get(self, key: str) -> Mapping[str, str] | None:
        """The value stored under `key`, or None when there is none or it has expired."""
        ...

    async def put(self, key: str, value: Mapping[str, str], ttl: float) -> None:
        """Store `value` under `key` for `ttl` seconds, replacing what was there."""
        ...


class MemoryConversations:
    """A `ConversationStore` in this process's memory: at most `capacity` conversations, the
    least recently used forgotten first. `clock` returns seconds (monotonic by default)."""

    def __init__(
        self, capacity: int = MAX_CONVERSATIONS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._capacity = capacity
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, dict[str, str]]] = OrderedDict()

    async def get(self, key: str) -> Mapping[str, str] | None:
        """A copy of the live value under `key` (and it becomes the most recently used)."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        expires, value = entry
        if self._clock() >= expires:
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return dict(value)

    async def put(self, key: str, value: Mapping[str, str], ttl: float) -> None:
        """Keep a copy of `value` for `ttl` seconds; the least recently used go past capacity."""
        self._entries[key] = (self._clock() + ttl, dict(value))
        self._entries.move_to_end(key)
        while len(self._entries) > self._capacity:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


def next_context(previous: Context, answer: Answer, people: PersonIndex) -> Context:
    """What the conversation remembers after `answer`: the person it was about (the first
    holder of a role asked, the answer's or the question's subject when that names a known
    person, else the one person its first own sentence names), and its topic (the question's
    subject); each kept from `previous` when the answer gives none."""
    query = answer.query
    person = _person_of(answer, people) or previous.person
    if answer.message == "holder_found":
        topic = query.subject  # "kalau CTO-nya?" after "siapa CEO Kirimin?" needs Kirimin
    elif answer.intent == "who" and answer.found:
        topic = person or answer.subject or query.subject
    else:
        topic = " ".join(p for p in (query.subject, query.topic) if p.strip())
    return Context(
        person=person[:_MAX_FIELD_CHARS],
        topic=(topic.strip() or previous.topic)[:_MAX_FIELD_CHARS],
        intent=answer.intent,
    )


def _person_of(answer: Answer, people: PersonIndex) -> str:
    query = answer.query
    if answer.message == "holder_found" and answer.facts:
        return answer.facts[0].person  # "siapa sekda NTB?" then "kapan dia dilantik?"
    for text in (answer.subject, query.subject, query.topic):
        named, _rest = people.in_text(text)
        if named:
            return named[0].name
    if not answer.found or not answer.facts:
        return ""
    citation = answer.facts[0].citation
    snippet = citation.snippet if citation else ""
    named, _rest = people.in_text(snippet)
    if len(named) == 1:
        return named[0].name
    # Several people in the answering sentence: the one the answer points to, if it says,
    # else the one it names first (its subject, as a rule).
    for name in answer.names:
        for person in named:
            if person.name == name:
                return name
    placed = [(_first_at(snippet, p.name), p.name) for p in named]
    return min(placed)[1] if placed else ""


def _first_at(text: str, name: str) -> int:
    """Where the text first writes any word of the name (its length when it writes none)."""
    found = [text.find(w) for w in name.split() if w in text]
    return min(found) if found else len(text)
