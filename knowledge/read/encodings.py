"""Bytes to text: the encoding a file declares or, failing that, the one its bytes show.

In order: a byte-order mark (UTF-8, UTF-16, UTF-32); valid UTF-8; for an HTML page, the
encoding its XML declaration or <meta> states (a page that says ISO-8859-1 is read as
windows-1252, as browsers do); otherwise charset-normalizer's reading of the bytes. That is a
well-kept detector of its own: it measures how plausible each decoding is as language, which
a few rules of ours about byte ranges would not. Short texts leave it several equally
plausible code pages ("Harga naik \xe9 persen." is as good in cp1006 as in windows-1252); of
those it finds best, the one that reads the bytes as windows-1252 does wins, the code page
Indonesian and English text is written in.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

__all__ = ["Decoded", "UndecodableError", "decode_bytes"]

# How far into a page its encoding declaration may stand (the HTML standard says 1,024 bytes;
# pages with long <head> comments put it later).
_PRESCAN_BYTES = 4096
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_DECLARED = re.compile(
    rb"""<\?xml[^>]*?encoding\s*=\s*["']?([\w.:-]+)"""
    rb"""|<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""",
    re.IGNORECASE,
)
# The code page of Indonesian and English text written on Windows; preferred when it reads the
# bytes as plausibly as any other.
_WESTERN = "cp1252"
# The WHATWG encoding standard reads these labels as windows-1252.
_AS_WINDOWS_1252 = frozenset({"latin_1", "iso8859-1", "ascii", "cp1252"})


@dataclass(frozen=True)
class Decoded:
    """A file's text and the encoding it was read in ("" for UTF-8, the one to expect)."""

    text: str
    encoding: str = ""


class UndecodableError(ValueError):
    """The bytes are in no encoding we can read; the message says why, for a moderator."""


def decode_bytes(data: bytes, *, html: bool = False, detect: bool = True) -> Decoded:
    """The text of a file's bytes (see the module docstring for the order of evidence).

    `html` lets an HTML page's own declaration decide; `detect` (off for JSON-lines feeds,
    which are UTF-8 by definition) lets charset-normalizer recognise anything else. Raises
    UndecodableError when a byte-order mark lies, or the bytes are not UTF-8 and no encoding
    is declared or recognised (naming the first byte that is not UTF-8 and its offset)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                name = _display(codec)
                raise UndecodableError(
                    f"not valid {name} text despite its byte-order mark"
                ) from exc
            return Decoded(text, "" if codec == "utf-8-sig" else _display(codec))
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        bad = f"byte 0x{data[exc.start : exc.start + 1].hex()} at offset {exc.start}"
    declared = _declared(data) if html else None
    if declared is not None:
        codec, name = declared
        return Decoded(data.decode(codec, "replace"), name)
    if detect:
        found = _detected(data)
        if found is not None:
            return found
    raise UndecodableError(f"not UTF-8 text ({bad})")


def _declared(data: bytes) -> tuple[str, str] | None:
    """(codec to read with, encoding as declared) from an HTML page's XML declaration or
    <meta>, when Python knows the encoding."""
    m = _DECLARED.search(data, 0, _PRESCAN_BYTES)
    if m is None:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii", "replace")
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    return ("cp1252" if codec in _AS_WINDOWS_1252 else codec), _display(codec)


def _detected(data: bytes) -> Decoded | None:
    """charset-normalizer's reading; among its equally plausible ones, windows-1252's."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least]
    western = next((m for m in tied if _WESTERN in m.could_be_from_charset), None)
    if western is not None:
        return Decoded(str(western), "windows-1252")
    best = tied[0]
    return Decoded(str(best), _display(best.encoding))


def _display(codec: str) -> str:
    """A codec as moderators know it: "windows-1252", "ISO-8859-2", "UTF-16"."""
    name = codecs.lookup(codec).name
    if name.startswith("cp125"):
        return "windows-" + name[2:]
    if name.startswith("iso8859-"):
        return "ISO-8859-" + name[len("iso8859-") :]
    if name.startswith("utf-"):
        return name.upper().replace("-SIG", "")
    return name
