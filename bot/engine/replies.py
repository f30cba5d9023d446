"""Reply wording in each language the bot speaks. Snippets are never translated."""

from __future__ import annotations

from bot.engine.answer import Lang

_TEXT: dict[str, dict[Lang, str]] = {
    "who_title": {"id": "Siapa {name}?", "en": "Who is {name}?"},
    "who_roles": {
        "id": "{name} menurut artikel:",
        "en": "{name} according to the articles:",
    },
    "who_no_roles": {
        "id": "Artikel menyebut {name}, tetapi tidak menyatakan jabatan atau perannya.",
        "en": "The articles mention {name} but do not state a role.",
    },
    "who_events": {"id": "Peristiwa yang melibatkan {name}:", "en": "Events involving {name}:"},
    "person_unknown": {
        "id": "Saya tidak menemukan orang bernama \u201c{name}\u201d di artikel yang saya punya.",
        "en": "I found no person called \u201c{name}\u201d in the articles I have.",
    },
    "person_ambiguous": {
        "id": "\u201c{name}\u201d bisa merujuk ke beberapa orang.",
        "en": "\u201c{name}\u201d could mean more than one person.",
    },
    "did_you_mean": {"id": "Mungkin maksud Anda: {names}?", "en": "Did you mean: {names}?"},
    "when_found": {"id": "{date}:", "en": "{date}:"},
    "when_none": {
        "id": "Artikel tidak menyebut kapan \u201c{topic}\u201d terjadi.",
        "en": "The articles do not say when \u201c{topic}\u201d happened.",
    },
    "when_other": {"id": "Tanggal terkait lainnya:", "en": "Other related dates:"},
    "timeline_title": {"id": "Linimasa: {topic}", "en": "Timeline: {topic}"},
    "timeline_all": {"id": "Linimasa semua artikel", "en": "Timeline of all articles"},
    "timeline_none": {
        "id": "Tidak ada peristiwa bertanggal tentang \u201c{topic}\u201d di artikel.",
        "en": "The articles hold no dated events about \u201c{topic}\u201d.",
    },
    "timeline_empty": {
        "id": "Belum ada peristiwa bertanggal di basis pengetahuan.",
        "en": "The knowledge base holds no dated events yet.",
    },
    "page": {
        "id": "Halaman {page} dari {pages}. Berikutnya: \u201c{next}\u201d",
        "en": "Page {page} of {pages}. Next: \u201c{next}\u201d",
    },
    "quote_title": {"id": "Kutipan {name}", "en": "Quotes from {name}"},
    "quote_topic_title": {
        "id": "Kutipan {name} tentang \u201c{topic}\u201d",
        "en": "Quotes from {name} about \u201c{topic}\u201d",
    },
    "quote_none": {
        "id": "Artikel tidak memuat pernyataan langsung dari {name}.",
        "en": "The articles hold no direct statement by {name}.",
    },
    "quote_topic_none": {
        "id": "Artikel tidak memuat pernyataan {name} tentang \u201c{topic}\u201d.",
        "en": "The articles hold no statement by {name} about \u201c{topic}\u201d.",
    },
    "quote_speakers": {
        "id": "Yang punya kutipan: {names}.",
        "en": "People with quotes: {names}.",
    },
    "search_title": {"id": "Hasil: {topic}", "en": "Results: {topic}"},
    "search_none": {
        "id": "Artikel yang saya punya tidak memuat jawaban untuk \u201c{topic}\u201d.",
        "en": "The articles I have do not answer \u201c{topic}\u201d.",
    },
    "sources_title": {"id": "Sumber ({n} artikel)", "en": "Sources ({n} articles)"},
    "sources_none": {
        "id": "Basis pengetahuan masih kosong: belum ada artikel.",
        "en": "The knowledge base is empty: no articles yet.",
    },
    "unknown": {
        "id": "Maaf, saya tidak memahami pertanyaan itu. Ketik /help untuk contoh pertanyaan.",
        "en": "Sorry, I did not understand that. Type /help for example questions.",
    },
    "error": {
        "id": "Maaf, terjadi kesalahan saat menjawab. Silakan coba lagi.",
        "en": "Sorry, something went wrong while answering. Please try again.",
    },
    "undated": {"id": "tanpa tanggal", "en": "undated"},
    "help_title": {"id": "Bantuan newsbot", "en": "newsbot help"},
    "help": {
        "id": (
            "Saya menjawab pertanyaan tentang artikel berita, selalu dengan kutipan sumbernya.\n"
            "/who <nama> \u2014 siapa orang itu menurut artikel (contoh: /who Mira Murati)\n"
            "/when <peristiwa> \u2014 kapan sesuatu terjadi (contoh: kapan Altman dipecat?)\n"
            "/timeline [topik] \u2014 linimasa peristiwa (contoh: /timeline pemecatan Altman)\n"
            "/quote <nama> [topik] \u2014 pernyataan seseorang (contoh: apa kata Aidan Clark?)\n"
            "/search <kata kunci> \u2014 cari kalimat jawaban (contoh: berapa valuasi OpenAI?)\n"
            "/sources \u2014 daftar artikel\n"
            "Pertanyaan biasa dalam bahasa Indonesia atau Inggris juga bisa."
        ),
        "en": (
            "I answer questions about news articles, always citing the source sentence.\n"
            "/who <name> \u2014 who a person is according to the articles (/who Mira Murati)\n"
            "/when <event> \u2014 when something happened (When was Altman fired?)\n"
            "/timeline [topic] \u2014 a timeline of events (/timeline Altman firing)\n"
            "/quote <name> [topic] \u2014 what someone said (What did Aidan Clark say?)\n"
            "/search <keywords> \u2014 find the sentences that answer (OpenAI valuation)\n"
            "/sources \u2014 the articles I know\n"
            "Plain questions in Indonesian or English work too."
        ),
    },
}


def say(key: str, lang: Lang, **values: object) -> str:
    return _TEXT[key][lang].format(**values)
