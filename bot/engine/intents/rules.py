"""The intent rules: ordered regular expressions over a question's canonical tokens.

The first rule that matches the whole canonical string decides the intent; its named groups
mark the subject (S) and the topic (T). The structure of each rule is code; the words a slot may
hold (`{quote_nouns_id}`, `{timeline_nouns}` ...) come from `vocab/intent_phrases.yaml` and are
compiled into the regexes once, at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.engine.answer import IntentName
from bot.engine.vocab import ENGINE_VOCABULARY
from knowledge.vocab import VocabularyError

# How a matched rule turns its groups into a query (see IntentMatcher._apply).
Kind = Literal["person", "maybe_person", "event", "quote", "plain", "relative"]

_PHRASES = ENGINE_VOCABULARY.data("intent_phrases")
_SLOT_RE = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Rule:
    """One phrasing: the intent it asks for, how to read its groups, and its compiled regex."""

    intent: IntentName
    kind: Kind
    regex: re.Pattern[str]


def _slot(match: re.Match[str]) -> str:
    """A `{name}` slot -> an alternation of the phrases of that name, in file order."""
    name = match.group(1)
    phrases = _PHRASES.get(name) if isinstance(_PHRASES, dict) else None
    if not isinstance(phrases, list) or not phrases:
        raise VocabularyError(f"intent_phrases.yaml: no phrases for {name!r}")
    return "(?:" + "|".join(re.escape(str(p)) for p in phrases) + ")"


def _rules(intent: IntentName, kind: Kind, *patterns: str) -> list[Rule]:
    """Rules of one intent and kind, in order, their `{slots}` filled in."""
    return [Rule(intent, kind, re.compile(_SLOT_RE.sub(_slot, p))) for p in patterns]


RULES: tuple[Rule, ...] = (
    # --- who: role questions and "X itu siapa" before anything that starts with "apa"/"what"
    *_rules(
        "who",
        "person",
        r"^(?:apa )?(?:jabatan|posisi|peran|pekerjaan|profesi) (?P<S>.+?)"
        r"(?: (?:apa|itu apa|sekarang|saat ini|sebenarnya))*$",
        r"^(?P<S>.+?) (?:jabatannya|posisinya|perannya|pekerjaannya|profesinya)(?: apa)?$",
        r"^(?P<S>.+?) (?:menjabat|bekerja|berperan) sebagai apa$",
        r"^what (?:is|was) (?P<S>.+?) 's (?:role|position|job|title|occupation)(?: .*)?$",
        r"^what (?:is|was) the (?:role|position|job|title) of (?P<S>.+)$",
        r"^what does (?P<S>.+?) do(?: for a living)?$",
        r"^(?:profil|biografi|biodata|profile|bio|biography)(?: (?:of|dari|tentang))? (?P<S>.+)$",
    ),
    *_rules(
        "search",
        "relative",
        r"^siapa(?:kah)? (?:sih )?yang (?P<S>.+)$",
    ),
    *_rules(
        "who",
        "person",
        r"^(?:siapa(?:kah)?|who (?:is|was|are|were)) (?:(?:itu|sih|sebenarnya|sebetulnya|"
        r"the person|this) )*(?P<S>.+?)(?: {tail_particles})*$",
        r"^(?P<S>.+?) (?:(?:itu|tuh|ini|is) )?(?:siapa(?:kah)?|who)(?: {tail_particles})*$",
    ),
    # --- quote
    *_rules(
        "quote",
        "quote",
        r"^apa (?:saja )?{quote_nouns_id} (?P<S>.+)$",
        r"^apa (?:saja )?yang (?:sudah |telah |pernah )?{asked_passive_speech_verbs_id} "
        r"(?:oleh )?(?P<S>.+)$",
        r"^apa (?:saja )?yang (?:sudah |telah |pernah )?(?P<S>.+?) {asked_speech_verbs_id}"
        r"(?: (?P<T>.+))?$",
        r"^(?:bagaimana|seperti apa) {quote_nouns_id} (?P<S>.+)$",
        r"^(?!kata kunci ){quote_nouns_id} (?:dari |oleh )?(?P<S>.+)$",
        r"^(?P<S>.+?) (?:bilang|berkata|mengatakan|ngomong|menyatakan) apa(?: (?P<T>.+))?$",
        r"^what {auxiliaries_en} (?P<S>.+?) {asked_speech_verbs_en}(?: (?P<T>.+))?$",
        r"^what (?:was|is|were|are) (?P<S>.+?) 's {quote_nouns_en}(?: (?P<T>.+))?$",
        r"^(?:(?:show|give|find|list) (?:me )?)?(?:the |some |any )?(?:quotes?|statements?|"
        r"comments?|remarks?|words) (?:from|by|of) (?P<S>.+)$",
        r"^(?:quotes?|kutip) (?P<S>.+)$",
        r"^how did (?P<S>.+?) (?:respond|react|reply|comment)(?: (?P<T>.+))?$",
        r"^what (?P<S>.+?) (?:said|says)(?: (?P<T>.+))?$",
        r"^(?:did|has) (?P<S>.+?) (?:say|said|comment)(?: (?:anything|something))?(?: (?P<T>.+))?$",
    ),
    # --- timeline
    *_rules(
        "timeline",
        "event",
        r"^(?:{timeline_leads} )*{timeline_nouns}(?: {timeline_links})*(?: (?P<S>.+))?$",
        r"^apa (?:saja )?yang (?:sudah |telah |pernah |sedang )?terjadi(?: {happened_links_id})*"
        r"(?: (?P<S>.+))?$",
        r"^(?:ada )?(?:peristiwa|kejadian) apa (?:saja )?(?:yang (?:terjadi )?)?(?:(?:di|pada|"
        r"dengan|dalam|tentang) )?(?P<S>.*)$",
        r"^what (?:has |have |had )?(?:happened|happens|went on|has been happening)"
        r"(?: {happened_links_en})*(?: (?P<S>.+))?$",
        r"^what (?:are|were) the (?:key |main |major )?events(?: (?:of|in|at|around|about))*"
        r"(?: (?P<S>.+))?$",
        r"^(?:how did|bagaimana) (?P<S>.+?) (?:unfold|berlangsung)$",
    ),
    # --- when
    *_rules(
        "when",
        "event",
        r"^(?:(?:pada|di) )?(?:tanggal|hari|bulan|tahun|jam|pukul) (?:berapa|apa)(?: (?P<S>.+))?$",
        r"^(?:(?:sejak|mulai|sampai|hingga) )?(?:kapan|kapankah)(?: (?P<S>.+))?$",
        r"^(?:(?:since|until) )?when(?: (?P<S>.+))?$",
        r"^(?:(?:on|in|at) )?(?:what|which) (?:date|day|time|year|month)(?: (?P<S>.+))?$",
        r"^what (?:is|was) the date (?:of|when|that) (?P<S>.+)$",
        r"^(?P<S>.+?) (?:(?:pada|di) )?(?:kapan|kapankah|tanggal berapa|hari apa|tahun berapa|"
        r"bulan apa|when)(?: {tail_particles})*$",
    ),
    # --- sources and help: the whole question must be the request
    *_rules(
        "sources",
        "plain",
        r"^(?:{sources_leads} )*{source_nouns}(?: {sources_trail})*$",
    ),
    *_rules(
        "help",
        "plain",
        r"^(?:{help_leads} )*"
        r"(?:{help_requests}|cara {help_ways}(?: {help_links})*|"
        r"how (?:do i |to |can i )?use(?: (?:this|you|the))*(?: bot)?|"
        r"(?:kamu )?bisa apa(?: saja)?|fitur(?: apa saja)?|"
        r"apa (?:yang )?(?:bisa|dapat) (?:kamu|anda|kau|bot ini|bot) (?:lakukan|kerjakan|bantu))"
        r"(?: {help_trail})*$",
    ),
    # --- who, loosely: "tell me about X" is a person question only if X is a person
    *_rules(
        "who",
        "maybe_person",
        r"^(?:tell me (?:more )?about|what do you know about|(?:ceritakan|jelaskan|kenalkan|"
        r"terangkan)(?: (?:tentang|mengenai|soal|siapa))?|info(?:rmasi)?(?: (?:tentang|"
        r"mengenai|soal))?|about|tentang|mengenai) (?P<S>.+)$",
    ),
    *_rules(
        "search",
        "relative",
        r"^who (?P<S>.+)$",
    ),
)
