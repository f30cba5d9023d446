"""Person mentions for quote tests: what the people detector would hand the quote extractor."""

from __future__ import annotations

from knowledge.models import PersonMention


def mentions(text: str, *names: str) -> list[PersonMention]:
    """A mention at every occurrence of each name, except inside a longer name given before
    it ("Rina" in "Rina Kartika" when "Rina Kartika" comes first)."""
    out: list[PersonMention] = []
    for name in names:
        pos = text.find(name)
        while pos >= 0:
            if not any(m.start <= pos < m.end for m in out):
                out.append(PersonMention(pos, pos + len(name), name))
            pos = text.find(name, pos + 1)
    return sorted(out, key=lambda m: m.start)
