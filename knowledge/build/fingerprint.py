"""Fingerprints that decide what a build must extract again.

Raw input is hashed as bytes before anything parses it, together with a key made of the
extraction code, its vocabulary and the moderators' overrides: a change to any of them changes
every fingerprint, so the next build re-extracts instead of keeping facts made by old rules.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from knowledge.extract.facts import EXTRACTOR_VERSION
from knowledge.models import Article
from knowledge.vocab import VOCABULARY


@cache
def code_digest() -> str:
    """A fingerprint of the reading and extraction code and vocabulary: any change re-extracts.

    Hashing raw input instead of cleaned text means a change to cleaning would otherwise go
    unnoticed; fingerprinting the package's source covers it without anyone remembering to
    bump EXTRACTOR_VERSION.
    """
    package = Path(__file__).parents[1]
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for source in sorted(package.rglob("*.py")):
        h.update(source.relative_to(package).as_posix().encode())
        h.update(source.read_bytes())
    h.update(VOCABULARY.digest().encode())
    return h.hexdigest()[:16]


def content_hash(article: Article, overrides_digest: str) -> str:
    """The fingerprint of an article that was read before hashing (rare feed encodings)."""
    h = hashlib.sha256()
    for part in (
        code_digest(),
        overrides_digest,
        article.title,
        article.source,
        article.url,
        article.published.isoformat() if article.published else "",
        article.lang,
        article.text,
        repr(article.embedded_quotes),
    ):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def raw_hash(key: str, kind: str, raw: bytes) -> str:
    """The fingerprint of unparsed input: the build key (code + overrides), its type, its bytes."""
    h = hashlib.sha256(key.encode())
    h.update(b"\0" + kind.encode() + b"\0")
    h.update(raw)
    return h.hexdigest()
