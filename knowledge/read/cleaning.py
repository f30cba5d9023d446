"""Turn messy web text (copy-pasted pages, HTML fragments) into a clean article body.

The cleaned text is the canonical text of an article: every span the extractors produce
indexes into it, so cleaning must be deterministic and must never invent words.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.models import EmbeddedQuote

__all__ = ["CleanText", "clean_text", "looks_like_html", "normalize_line"]


@dataclass(frozen=True)
class CleanText:
    text: str
    embedded_quotes: tuple[EmbeddedQuote, ...] = ()


# Private-use characters mark where an HTML tweet's words begin and end; they survive the
# line filters and are removed (with their positions recorded) at the very end.
_Q_OPEN = "\ue000"
_Q_CLOSE = "\ue001"

# --- HTML ------------------------------------------------------------------------------

_HTML_HINT = re.compile(
    r"</?(?:p|br|div|span|a|blockquote|script|style|img|b|i|u|em|strong|h[1-6]|ul|ol|li|"
    r"figure|figcaption|iframe|section|article|table|tr|td|noscript|body|html)\b[^<>]*>",
    re.IGNORECASE,
)
_TWEET = re.compile(
    r"<blockquote\b[^>]*\bclass\s*=\s*[\"'][^\"']*twitter-tweet[^\"']*[\"'][^>]*>(.*?)</blockquote>",
    re.IGNORECASE | re.DOTALL,
)
_TWEET_PARA = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
_TWEET_BYLINE = re.compile(
    r"^\s*(?:&mdash;|&#8212;|—|–|-)?\s*(?P<author>[^()<]*?)\s*"
    r"(?:\(\s*@(?P<handle>\w{1,30})\s*\))?\s*(?P<date>[^<()]*)$",
    re.DOTALL,
)
_LAST_ANCHOR = re.compile(r"<a\b[^>]*>([^<]*)</a>\s*$", re.IGNORECASE)
_DROP_BLOCKS = re.compile(
    r"<(script|style|noscript|template|svg|iframe)\b[^>]*>.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BLOCK_END = re.compile(
    r"</?(?:p|div|h[1-6]|blockquote|section|article|header|footer|figure|figcaption|table|"
    r"tr|ul|ol|pre|main|aside|nav|form|dl|dt|dd)\b[^>]*>",
    re.IGNORECASE,
)
_LI = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# --- whitespace --------------------------------------------------------------------------

# Zero-width and bidi marks, soft hyphens, control characters (not \t \n \r).
_INVISIBLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]"
)
_ODD = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x0b\x0c"
# Any non-breaking/odd space, or a run of spaces, becomes one plain space.
_SPACES = re.compile(f"[ {_ODD}]{{2,}}|[{_ODD}]")
_BULLET_CHARS = "•●▪◦‣∙·■□►▸➤✓✔"
_BULLET = re.compile(f"^[{_BULLET_CHARS}]+\\s*")

# --- page furniture ------------------------------------------------------------------------

# Whole lines that are never article content on Indonesian/English news sites.
_FURNITURE = re.compile(
    r"""^(?:
      (?:bagikan|share|share\s+this(?:\s+article|\s+story|\s+post)?|share\s+on\s+\w+|
         bagikan\s+(?:artikel|berita)(?:\s+ini)?|bagikan\s+(?:dengan|ke)\s+teman(?:-teman)?|
         tweet|facebook|twitter|whatsapp|linkedin|telegram|pinterest|line|e-?mail|print|cetak|
         copy\s+link|salin\s+(?:tautan|link)|tautan\s+disalin|link\s+copied)
      |(?:leave\s+a\s+(?:reply|comment)|be\s+the\s+first\s+to\s+comment|no\s+comments(?:\s+yet)?|
         tinggalkan\s+(?:balasan|komentar)|beri(?:kan)?\s+komentar|tulis\s+komentar|
         kirim\s+komentar|post\s+comment|cancel\s+reply|log\s+in\s+to\s+(?:reply|comment)|
         (?:add|write|show|view|load)\s+(?:a\s+|all\s+|more\s+)?comments?|
         \d+\s+(?:komentar|comments?|balasan|replies)|komentar|comments?|lihat\s+komentar)
      |(?:alamat\s+email\s+anda\s+tidak\s+akan\s+dipublikasikan|
         your\s+email\s+address\s+will\s+not\s+be\s+published|
         (?:ruas|kolom|bidang)\s+yang\s+wajib\s+(?:diisi\s+)?ditandai|
         required\s+fields\s+are\s+marked|
         simpan\s+nama,?\s+email|save\s+my\s+name,?\s+email).{0,120}
      |(?:newsletter\s+yang\s+direkomendasikan|recommended\s+newsletters?|
         daftar\s+di\s+sini|sign\s+up(?:\s+here|\s+now|\s+for\s+free)?|
         subscribe(?:\s+now|\s+here|\s+to\s+our\s+newsletter)?|
         berlangganan(?:\s+sekarang|\s+newsletter)?)
      |(?:advertisement|advertisment|iklan|sponsored|konten\s+bersponsor|
         scroll\s+(?:to\s+continue|untuk\s+melanjutkan)[\w\s]{0,40}|
         lanjutkan\s+membaca|continue\s+reading|read\s+more|selengkapnya|
         view\s+this\s+post\s+on\s+instagram|lihat\s+postingan\s+ini\s+di\s+instagram|
         (?:click|klik)\s+(?:here|di\s*sini)[\w\s]{0,40}|
         loading\.{0,3}|memuat\.{0,3}|back\s+to\s+top|kembali\s+ke\s+atas)
      |(?:editor|penulis|reporter|pewarta|redaktur|penyunting|writer|author|
         sumber\s+(?:foto|gambar)(?:\s+header)?)(?:\s*:\s*[^.!?]{0,60})?
      |(?:©|\(c\)|copyright)\s.{0,100}
      |[*•·\-–—_=~#|/\\.…\s]+
      |/\s*/\s*<!\s*\[CDATA\s*\[.*
    )[.!:]?$""",
    re.IGNORECASE | re.VERBOSE,
)
# Related-article teasers. The all-caps forms are case-sensitive so that a sentence
# beginning "Membaca buku ..." is kept.
_TEASER = re.compile(
    r"^(?:(?i:baca\s+(?:juga|pula|selengkapnya)|baca_juga|lihat\s+juga|simak\s+juga|"
    r"tonton\s+juga|saksikan\s+juga|simak\s+video|artikel\s+terkait|berita\s+terkait|"
    r"read\s+(?:also|more)|see\s+also|related\s+(?:articles?|stories|news))"
    r"|MEMBACA|BACA|READ\s+MORE|RELATED|BACA\s+JUGA|SIMAK|LIHAT)\b\s*[:\-–—>»]?\s*"
)
_CAPTION_TAIL = re.compile(
    r"\(\s*(?:foto|photo|gambar|image|ilustrasi|dok|dokumentasi|sumber\s+foto|"
    r"[A-Z]+\s+FOTO)\b[^()]{0,120}\)\s*$",
    re.IGNORECASE,
)
_CAPTION_HEAD = re.compile(r"^(?:foto|photo|ilustrasi|gambar)\s*[:|/]\s*", re.IGNORECASE)
_CODE_CHARS = re.compile(r"[;{}=()<>]")
# Lone nav words that sites print after the article body.
_NAV_WORDS = frozenset(
    {
        *("popular", "populer", "terpopuler", "terkini", "terbaru", "trending", "tags", "tag"),
        *("topik", "topics", "terkait", "rekomendasi", "related", "latest", "updates", "update"),
        *("data", "more", "lainnya", "headline", "headlines", "video", "foto", "galeri"),
        *("gallery", "komentar", "comments", "share", "bagikan", "advertisement", "iklan"),
    }
)
_NAV_PHRASES = frozenset(
    {
        "berita lainnya",
        "most read",
        "paling banyak dibaca",
        "pilihan editor",
        "editor's picks",
        "berita terkait",
        "artikel terkait",
        "baca juga",
        "you may also like",
        "anda mungkin juga suka",
    }
)
_EDITOR_CODE = re.compile(r"^[(\[][\w .,/&-]{1,30}[)\]]$")
_SINGLE_WORD = re.compile(r"^\w[\w-]*$")
_ALL_CAPS_SHORT = re.compile(r"^[A-Z][A-Z0-9&'’ -]{0,24}$")

# --- embedded tweets in plain text ---------------------------------------------------------

_TWEET_ATTRIBUTION = re.compile(
    r"^(?:—|–|--)\s*(?P<author>[^\n()]{1,80}?)\s*\(@(?P<handle>\w{1,30})\)\s*(?P<date>[^\n]{0,40}?)\s*$",
    re.MULTILINE,
)
_ENDS_WITH_LINK = re.compile(r"(?:https?://\S+|pic\.twitter\.com/\S+)\s*$")
_REPORTED_SPEECH = re.compile(
    r"[”\"’]\s*,?\s*(?:kata|ujar|tutur|ucap|jelas|tulis|ungkap|tambah|imbuh|sebut|terang|"
    r"said|says|wrote|told|added)\w*",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?:;\"”’')\]…–—-]$")
_MAX_TWEET_LINES = 8
_MAX_TWEET_CHARS = 1200
# Longer paragraphs are article prose: even long-form tweets are rarely pasted that way.
_MAX_TWEET_LINE = 320

# --- misc ----------------------------------------------------------------------------------

_UNWRAP_OK_END = re.compile(r"[.!?:;\"”’)…]$")
_LOWER_START = re.compile(r"^[a-z]")
_NORM_PUNCT = re.compile(r"[\W_]+")
_TITLE_ZONE = 4


def looks_like_html(raw: str) -> bool:
    """True when the text carries real markup (not just a stray '<' in prose)."""
    return _HTML_HINT.search(raw) is not None


def normalize_line(line: str) -> str:
    """A comparison key: case, punctuation and spacing do not make two lines different."""
    return _NORM_PUNCT.sub(" ", line.casefold()).strip()


def clean_text(raw: str, title: str = "") -> CleanText:
    """Clean an article body; `title` lets a headline printed again in the body be removed."""
    text = _INVISIBLE.sub("", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = _strip_html(text) if looks_like_html(text) else _unescape(text)
    # After unescaping, so that &nbsp; and &#8203; are normalised too.
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    lines = [_tidy_line(line) for line in text.split("\n")]
    lines = _unwrap(lines)
    lines = _drop_furniture(lines)
    lines = _drop_repeats(lines, title)
    lines = _trim_tail(lines)
    body, quotes = _resolve_markers(_join(lines))
    quotes.extend(_plain_text_tweets(body, quotes))
    quotes.sort(key=lambda q: q.start)
    return CleanText(text=body, embedded_quotes=tuple(quotes))


# --- HTML ------------------------------------------------------------------------------------


def _unescape(text: str) -> str:
    # Only well-formed entities: "R&D" or "AT&T" in prose must stay as written.
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


def _strip_html(text: str) -> str:
    text = _TWEET.sub(_tweet_to_text, text)
    text = _DROP_BLOCKS.sub(" ", text)
    text = _BR.sub("\n", text)
    text = _LI.sub("\n", text)
    text = _BLOCK_END.sub("\n\n", text)
    text = _TAG.sub("", text)
    return _unescape(text)


def _tweet_to_text(match: re.Match[str]) -> str:
    """An embedded tweet becomes its words (marked) plus a plain '— Author (@handle) date' line."""
    inner = match.group(1)
    para = _TWEET_PARA.search(inner)
    words_html = para.group(1) if para else inner
    rest = inner[para.end() :] if para else ""
    words = _unescape(_TAG.sub("", _BR.sub("\n", words_html)))
    words = "\n".join(line.strip() for line in words.split("\n"))
    words = re.sub(r"\n{3,}", "\n\n", words).strip()
    if not words:
        return "\n\n"
    byline = _tweet_byline(rest)
    block = f"\n\n{_Q_OPEN}{words}{_Q_CLOSE}\n"
    return block + (f"— {byline}\n\n" if byline else "\n")


def _tweet_byline(rest: str) -> str:
    date_match = _LAST_ANCHOR.search(rest)
    date_text = _unescape(date_match.group(1)).strip() if date_match else ""
    head = rest[: date_match.start()] if date_match else rest
    head = _unescape(_TAG.sub("", head)).strip()
    parts = _TWEET_BYLINE.match(head)
    if parts is None:
        return ""
    author = parts.group("author").strip(" —–-")
    handle = parts.group("handle") or ""
    date_text = date_text or parts.group("date").strip()
    if not author and not handle:
        return ""
    pieces = [author] if author else []
    if handle:
        pieces.append(f"(@{handle})")
    if date_text:
        pieces.append(date_text)
    return " ".join(pieces)


# --- lines -----------------------------------------------------------------------------------


def _tidy_line(line: str) -> str:
    line = line.strip()
    return _BULLET.sub("", line) if line[:1] in _BULLET_CHARS else line


def _unwrap(lines: list[str]) -> list[str]:
    """Re-join hard-wrapped paragraphs: a line that stops mid-sentence and a next line that
    starts in lower case are one sentence (a heading is never followed by lower case)."""
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if (
            line
            and prev
            and len(prev) >= 30
            and not _UNWRAP_OK_END.search(prev)
            and _LOWER_START.match(line)
            and _Q_OPEN not in line
            and _Q_CLOSE not in prev
        ):
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return out


def _is_furniture(line: str) -> bool:
    if _Q_OPEN in line or _Q_CLOSE in line:
        return False
    if _FURNITURE.match(line):
        return True
    if len(line) <= 200 and _TEASER.match(line) and not _looks_like_prose_start(line):
        return True
    return _is_caption(line) or _is_code(line)


def _looks_like_prose_start(line: str) -> bool:
    """'Lihat juga bagaimana ...' style sentences start like a teaser but read as prose."""
    rest = _TEASER.sub("", line, count=1)
    return rest[:1].islower() and line.rstrip().endswith((".", "!", "?")) and len(rest) > 80


def _is_caption(line: str) -> bool:
    if len(line) <= 300 and _CAPTION_TAIL.search(line):
        return True
    return len(line) <= 160 and _CAPTION_HEAD.match(line) is not None


def _is_code(line: str) -> bool:
    if len(line) < 40 or "function" not in line:
        return False
    return len(_CODE_CHARS.findall(line)) > len(line) / 12


def _drop_furniture(lines: list[str]) -> list[str]:
    out: list[str] = []
    skip_promo = 0
    for line in lines:
        if skip_promo and line:
            skip_promo -= 1
            if _is_signup(line):
                _drop_promo_body(out)
                skip_promo = 0
                continue
        if line and _is_furniture(line):
            if _is_newsletter_header(line):
                skip_promo = 3
                out.append(_PROMO_MARK)
            continue
        out.append(line)
    return [line for line in out if line != _PROMO_MARK]


_PROMO_MARK = "\ue002promo"
_SIGNUP = re.compile(
    r"^(?:daftar(?:\s+di\s*sini|\s+sekarang)?|sign\s+up(?:\s+here|\s+now)?|subscribe(?:\s+now)?|"
    r"berlangganan(?:\s+sekarang)?)[.!]?$",
    re.IGNORECASE,
)
_NEWSLETTER = re.compile(r"newsletter|buletin", re.IGNORECASE)


def _is_signup(line: str) -> bool:
    return _SIGNUP.match(line) is not None


def _is_newsletter_header(line: str) -> bool:
    return _NEWSLETTER.search(line) is not None and len(line) <= 60


def _drop_promo_body(out: list[str]) -> None:
    """A newsletter header ... sign-up link block: the blurb between them is promo too."""
    while out and out[-1] != _PROMO_MARK:
        out.pop()
    if out:
        out.pop()


def _drop_repeats(lines: list[str], title: str) -> list[str]:
    title_key = normalize_line(title) if title else ""
    out: list[str] = []
    last = ""
    seen_content = 0
    for line in lines:
        if not line:
            out.append(line)
            continue
        if last and _same_line(line, last):
            continue
        if title_key and seen_content < _TITLE_ZONE and normalize_line(line) == title_key:
            continue
        out.append(line)
        last = line
        seen_content += 1
    return out


def _same_line(a: str, b: str) -> bool:
    # Normalising is costly; only lines of nearly equal length can be the same line.
    if abs(len(a) - len(b)) > 3:
        return False
    return a == b or normalize_line(a) == normalize_line(b) != ""


def _is_tail_junk(line: str) -> bool:
    low = line.casefold().strip(" .:")
    if low in _NAV_WORDS or low in _NAV_PHRASES:
        return True
    if _EDITOR_CODE.match(line):
        return True
    if _ALL_CAPS_SHORT.match(line) and len(line.split()) <= 3:
        return True
    return _SINGLE_WORD.match(line) is not None


def _trim_tail(lines: list[str]) -> list[str]:
    """Drop the nav labels and tags that sites print after the last paragraph."""
    end = len(lines)
    while end:
        line = lines[end - 1]
        if line and (_Q_OPEN in line or _Q_CLOSE in line or not _is_tail_junk(line)):
            break
        end -= 1
    return lines[:end]


def _join(lines: Iterable[str]) -> str:
    """Lines as they were, with runs of blank lines collapsed to one paragraph break."""
    out: list[str] = []
    blank = False
    for line in lines:
        if not line:
            blank = bool(out)
            continue
        if blank:
            out.append("")
        out.append(line)
        blank = False
    return "\n".join(out)


# --- embedded quotes -------------------------------------------------------------------------


def _resolve_markers(text: str) -> tuple[str, list[EmbeddedQuote]]:
    """Remove the tweet markers, turning each matched pair into an EmbeddedQuote span."""
    if _Q_OPEN not in text and _Q_CLOSE not in text:
        return text, []
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    open_at = -1
    for piece in re.split(f"([{_Q_OPEN}{_Q_CLOSE}])", text):
        if piece == _Q_OPEN:
            open_at = length
        elif piece == _Q_CLOSE:
            if open_at >= 0:
                spans.append((open_at, length))
            open_at = -1
        else:
            parts.append(piece)
            length += len(piece)
    body = "".join(parts)
    return body, [_quote_with_byline(body, start, end) for start, end in spans]


def _quote_with_byline(body: str, start: int, end: int) -> EmbeddedQuote:
    while end > start and body[end - 1].isspace():
        end -= 1
    while start < end and body[start].isspace():
        start += 1
    line_start = body.find("\n", end)
    line_end = body.find("\n", line_start + 1) if line_start >= 0 else -1
    next_line = body[line_start + 1 : line_end if line_end >= 0 else len(body)]
    byline = _TWEET_ATTRIBUTION.match(next_line.strip()) if line_start >= 0 else None
    if byline is None:
        author = _bare_author(next_line) if line_start >= 0 else ""
        return EmbeddedQuote(start=start, end=end, author=author)
    return EmbeddedQuote(
        start=start,
        end=end,
        author=byline.group("author").strip(),
        handle=byline.group("handle"),
        date_text=byline.group("date").strip(),
    )


def _bare_author(line: str) -> str:
    """A byline without a handle ('— Sam Altman July 2025') still names the author."""
    line = line.strip()
    if not line.startswith(("—", "–")):
        return ""
    return re.split(r"\s+(?=\d)|\s+\(", line.lstrip("—– ").strip(), maxsplit=1)[0][:80]


def _plain_text_tweets(body: str, known: list[EmbeddedQuote]) -> list[EmbeddedQuote]:
    """Tweets left as text by copy-paste: words, then a '— Name (@handle) date' line."""
    found: list[EmbeddedQuote] = []
    if "(@" not in body:
        return found
    for match in _TWEET_ATTRIBUTION.finditer(body):
        span = _tweet_span(body, match.start())
        if span is None or any(q.end == span[1] or q.start <= span[0] < q.end for q in known):
            continue
        found.append(
            EmbeddedQuote(
                start=span[0],
                end=span[1],
                author=match.group("author").strip(),
                handle=match.group("handle"),
                date_text=match.group("date").strip(),
            )
        )
    return found


def _tweet_span(body: str, attribution_start: int) -> tuple[int, int] | None:
    """Walk back from the attribution line over the paragraphs that plausibly are the tweet."""
    lines = _lines_before(body, attribution_start)
    chosen: list[tuple[int, int]] = []
    total = 0
    for start, end in lines:
        line = body[start:end]
        if not chosen and _TWEET_ATTRIBUTION.match(line):
            return None
        total += len(line)
        if chosen and (
            _stops_tweet(line)
            or len(line) > _MAX_TWEET_LINE
            or total > _MAX_TWEET_CHARS
            or len(chosen) >= _MAX_TWEET_LINES
        ):
            break
        chosen.append((start, end))
        if _ENDS_WITH_LINK.search(line):
            # A shared link closes a tweet, so the words above it belong to the article.
            break
    if not chosen:
        return None
    return chosen[-1][0], chosen[0][1]


def _lines_before(body: str, line_start: int) -> list[tuple[int, int]]:
    """Non-empty lines above the line starting at `line_start`, nearest first."""
    out: list[tuple[int, int]] = []
    end = line_start
    while end > 0 and len(out) <= _MAX_TWEET_LINES:
        newline = end - 1
        start = body.rfind("\n", 0, newline) + 1
        if start < newline:
            out.append((start, newline))
        end = start
    return out


def _stops_tweet(line: str) -> bool:
    """Lines that belong to the article around the tweet rather than to the tweet."""
    if _TWEET_ATTRIBUTION.match(line) or _ENDS_WITH_LINK.search(line):
        return True
    if _REPORTED_SPEECH.search(line) or line.startswith("- "):
        return True
    return _is_heading(line)


def _is_heading(line: str) -> bool:
    if _SENTENCE_END.search(line) or len(line) > 120:
        return False
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 2:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised >= max(2, len(words) // 2)
