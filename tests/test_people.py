"""People, roles and organisations in short invented articles, plus the cross-article registry."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from knowledge.extract.orgs import find_orgs
from knowledge.extract.people import find_people
from knowledge.extract.sentences import split_sentences
from knowledge.models import PersonMention
from knowledge.overrides import Overrides
from knowledge.resolve.registry import PersonRegistry

MINISTRY = (
    "Jakarta - Menteri Perdagangan Zulfikar Rahmat meninjau Pasar Senen, Senin (4/3). "
    "Zulfikar mengatakan harga beras mulai turun. Dirjen Perdagangan Dalam Negeri "
    "Siti Nuraini menambahkan, stok di Bulog cukup hingga Lebaran. Menurut pengamat ekonomi "
    "dari Universitas Indonesia, Teguh Prasetyo, inflasi pangan masih tinggi. "
    "Kementerian Perdagangan akan menggelar operasi pasar di Jawa Barat."
)
FOOTBALL = (
    "Persikota Tangerang menang 2-1 atas Persib Bandung di Stadion Benteng. Pelatih Persikota "
    'Widodo Cahyono Putro memuji kiper Andika Pratama. "Kami bermain disiplin," kata Widodo. '
    "Gol kemenangan dicetak penyerang asal Brasil, Marcelo Santos, pada menit ke-88. "
    "Kapten tim Rizky Ramadhan absen karena cedera. Pratama tampil gemilang sepanjang laga."
)
STARTUP = (
    "Startup logistik Kirimin meraih pendanaan Seri B. CEO Kirimin, Laras Wulandari, "
    "mengatakan dana akan dipakai untuk ekspansi ke Surabaya. Putaran ini dipimpin "
    "East Ventures dan Sequoia Capital. Wulandari mendirikan Kirimin bersama rekan pendiri "
    "Yosef Hartanto pada 2019. Aplikasi Kirimin 3.0 dirilis bulan depan untuk Android dan iOS."
)
ENGLISH = (
    "Priya Raman, chief executive of Nimbus Labs, said the company would open an office in "
    "Singapore. The announcement came after Nimbus Labs released Atlas 2, its new model. "
    "Investor Tom Becker told Reuters the deal was fair. Raman declined to comment further."
)


def _people(text: str) -> dict[str, str]:
    mentions = find_people(text)
    for m in mentions:
        assert text[m.start : m.end] == m.name
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    out: dict[str, str] = {}
    for m in mentions:
        out[m.name] = out.get(m.name) or m.role
    return out


def test_ministry_story() -> None:
    people = _people(MINISTRY)
    assert people["Zulfikar Rahmat"] == "Menteri Perdagangan"
    assert people["Siti Nuraini"] == "Dirjen Perdagangan Dalam Negeri"
    assert people["Teguh Prasetyo"] == "pengamat ekonomi dari Universitas Indonesia"
    assert "Zulfikar" in people  # the short form is still a mention
    for not_person in ("Pasar Senen", "Bulog", "Lebaran", "Kementerian Perdagangan", "Jawa Barat"):
        assert not_person not in people
    assert set(people) == {"Zulfikar Rahmat", "Zulfikar", "Siti Nuraini", "Teguh Prasetyo"}


def test_football_story() -> None:
    people = _people(FOOTBALL)
    assert people["Widodo Cahyono Putro"] == "Pelatih Persikota"
    assert people["Andika Pratama"] == "kiper"
    assert people["Marcelo Santos"] == "penyerang asal Brasil"
    assert people["Rizky Ramadhan"] == "Kapten tim"
    assert "Widodo" in people and "Pratama" in people
    for not_person in ("Persikota Tangerang", "Persib Bandung", "Stadion Benteng", "Brasil"):
        assert not_person not in people


def test_startup_story() -> None:
    people = _people(STARTUP)
    assert people["Laras Wulandari"] == "CEO Kirimin"
    assert people["Yosef Hartanto"] == "rekan pendiri"
    assert "Wulandari" in people
    for not_person in ("Kirimin", "East Ventures", "Sequoia Capital", "Seri B", "Android"):
        assert not_person not in people
    orgs = find_orgs(STARTUP)
    assert "Sequoia Capital" in orgs and "Android" in orgs
    assert "Kirimin 3.0" in orgs  # a version number marks a product


def test_english_paragraph() -> None:
    people = _people(ENGLISH)
    assert people["Priya Raman"] == "chief executive of Nimbus Labs"
    assert people["Tom Becker"] == "Investor"
    assert "Raman" in people
    assert not {"Nimbus Labs", "Atlas", "Atlas 2", "Singapore", "Reuters"} & set(people)
    orgs = find_orgs(ENGLISH)
    assert "Nimbus Labs" in orgs and "Atlas 2" in orgs and "Reuters" in orgs


@pytest.mark.parametrize(
    "text",
    [
        "Apa Selanjutnya?\nPerusahaan belum memberi jadwal.",
        "Model Gemini 3 dan Llama 3 bersaing dengan ChatGPT di LM Arena.",
        "The Wall Street Journal dan The New York Times melaporkan hal itu dari Las Vegas.",
        "Sementara Itu Silicon Valley masih sibuk. Rabu, 17 Januari, pasar dibuka.",
        "Tim riset Google DeepMind dan Moonshot AI merilis model Kimi K2 di Tiongkok.",
        "Artificial General Intelligence (AGI) dan Local User Preference Optimization dibahas.",
        "Faktor Meta\nMicrosoft, Apple dan Anthropic bersaing di California dan Belanda.",
    ],
)
def test_orgs_products_places_headings_are_not_people(text: str) -> None:
    assert find_people(text) == []


def test_orgs_named() -> None:
    orgs = find_orgs(
        "Direktur Utama PT Kereta Api Indonesia Bobby Rasyidin bertemu pimpinan KPK "
        "dan DPR. Kimi K2 buatan Moonshot AI menyaingi GPT-5.2 dari OpenAI."
    )
    for org in ("PT Kereta Api Indonesia", "KPK", "DPR", "Kimi K2", "Moonshot AI", "GPT-5.2"):
        assert org in orgs
    assert "Bobby Rasyidin" not in orgs


def test_titles_ranks_and_honorifics() -> None:
    text = (
        "Kapolda Metro Jaya Irjen Karyoto memimpin apel. Kemudian Prof. Dr. Hendra Gunawan "
        "memberi kuliah. Gubernur Sumatera Utara Edy Rahmayadi juga hadir bersama Pak Darto."
    )
    people = _people(text)
    assert people["Hendra Gunawan"] == ""
    assert people["Edy Rahmayadi"] == "Gubernur Sumatera Utara"
    assert "Darto" in people  # an honorific marks a single name
    assert "Irjen Karyoto" not in people and "Metro Jaya" not in people


def test_single_names_need_evidence() -> None:
    people = _people(
        'Presiden Jokowi meresmikan bendungan itu. "Ini untuk petani," ujar Jokowi. '
        "Bendungan Sadewa menampung air. Kabar itu disambut warga."
    )
    assert people == {"Jokowi": "Presiden"}


def test_particles_and_initials_stay_in_the_name() -> None:
    people = _people(
        "Hakim Agung Ahmad bin Yusuf memimpin sidang. Pakar hukum Robert van der Berg "
        "dan B.J. Habibie dikenang. Mantan Presiden B.J. Habibie wafat pada 2019."
    )
    assert people["Ahmad bin Yusuf"] == "Hakim Agung"
    assert people["Robert van der Berg"] == "Pakar hukum"
    assert people["B.J. Habibie"] == "Mantan Presiden"


def test_overrides_force_and_block_people() -> None:
    text = "Sukarno membaca proklamasi. Menteri Pertahanan Benny Moerdani datang."
    ov = Overrides(people=frozenset({"Sukarno"}), not_people=frozenset({"Benny Moerdani"}))
    names = [m.name for m in find_people(text, overrides=ov)]
    assert names == ["Sukarno"]


# --- registry ------------------------------------------------------------------------------

ARTICLE_A = (
    "Ketua Umum Partai Maju Hendra Wijaya mengumumkan koalisi. Hendra mengatakan koalisi "
    "terbuka. Sekjen partai, Dewi Kartika Sari, menambahkan jadwal rapat. Menurut Dewi "
    "Kartika Sari, rapat digelar Senin."
)
ARTICLE_B = (
    "Pengusaha Anton Wijaya membuka pabrik. Di tempat lain Wijaya Karya tidak disebut. "
    "Kartika Sari kemudian mengatakan partai siap. Ketua Umum Hendra Wijaja hadir."
)


def _registry(overrides: Overrides | None = None) -> PersonRegistry:
    reg = PersonRegistry(overrides)
    reg.add("a", find_people(ARTICLE_A))
    reg.add("b", find_people(ARTICLE_B))
    return reg


def test_registry_resolves_short_forms_and_typos() -> None:
    reg = _registry()
    assert reg.canonical("Hendra") == "Hendra Wijaya"
    assert reg.canonical("Hendra Wijaja") == "Hendra Wijaya"  # a typo of a known full name
    assert reg.canonical("Kartika Sari") == "Dewi Kartika Sari"
    assert reg.canonical("Anton") == "Anton Wijaya"
    people = dict(reg.people())
    assert "Hendra Wijaja" in people["Hendra Wijaya"] and "Hendra" in people["Hendra Wijaya"]


def test_registry_does_not_trust_a_long_form_seen_once_elsewhere() -> None:
    reg = PersonRegistry()
    reg.add("x", [PersonMention(0, 22, "Joko Santoso Ayu Lestari")])
    reg.add("y", [PersonMention(0, 12, "Joko Santoso"), PersonMention(20, 32, "Joko Santoso")])
    assert reg.canonical("Joko Santoso") == "Joko Santoso"


def test_registry_keeps_ambiguous_surnames_unresolved() -> None:
    reg = _registry()
    assert reg.canonical("Wijaya") == "Wijaya"
    assert set(reg.candidates("Wijaya")) == {"Hendra Wijaya", "Anton Wijaya"}
    assert reg.canonical("Wijaya", article_id="a") == "Hendra Wijaya"  # the article decides
    assert reg.canonical("Budi") == "Budi"


def test_registry_roles_and_overrides() -> None:
    ov = Overrides(
        aliases={"Bang Hendra": "Hendra Wijaya"},
        corrections={"Hendra Wijaja": "Hendra Wijaya"},
        roles={"Hendra Wijaya": ("Ketua Dewan Pembina",)},
    )
    reg = _registry(ov)
    assert reg.canonical("bang hendra") == "Hendra Wijaya"
    roles = reg.roles("Hendra")
    assert ("Ketua Umum Partai Maju", "a") in roles
    assert ("Ketua Dewan Pembina", "") in roles
    assert [r for r, _ in reg.roles("Anton Wijaya")] == ["Pengusaha"]


def test_registry_ignores_unrelated_names() -> None:
    reg = PersonRegistry()
    reg.add("x", [PersonMention(0, 9, "Rina Sari"), PersonMention(20, 29, "Rini Sari")])
    assert reg.canonical("Rina Sari") == "Rina Sari"
    assert reg.canonical("Rini Sari") == "Rini Sari"
    assert reg.canonical("Sari") == "Sari"  # two people share it


# --- bundled articles and the corpus -----------------------------------------------------

ARTICLES = Path(__file__).resolve().parent.parent / "knowledge" / "articles"
CORPUS = Path("/work/shared/corpus/indosum.jsonl")


def test_bundled_articles_have_people_with_roles() -> None:
    found = 0
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions = find_people(text)
        assert all(text[m.start : m.end] == m.name for m in mentions)
        assert not {m.name for m in mentions} & {"OpenAI", "ChatGPT", "Microsoft", "Google"}
        found += sum(1 for m in mentions if m.role)
    assert found >= 10


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_corpus_runs_fast_without_crashing() -> None:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()[:300]]
    start = time.perf_counter()
    for row in rows:
        for m in find_people(row["text"]):
            assert row["text"][m.start : m.end] == m.name
        find_orgs(row["text"])
    per_article = (time.perf_counter() - start) / len(rows)
    assert per_article < 0.01  # generous: the target is ~1 ms, CI machines are slower


def test_relational_title_belongs_to_the_apposed_name() -> None:
    people = _people("Menurut pengacara Rudi Hartono, Maya Lestiani, kliennya sakit sejak Senin.")
    assert people["Maya Lestiani"] == "pengacara Rudi Hartono"
    assert people["Rudi Hartono"] == ""


def test_organisation_inside_a_title_is_cut_from_the_name() -> None:
    people = _people("Kata peneliti Pusat Studi Bencana Arman Siregar kemarin di Medan.")
    assert "Arman Siregar" in people
    assert not any(name.startswith(("Pusat", "Studi", "Bencana")) for name in people)


def test_regions_and_derived_words_are_not_names() -> None:
    people = _people(
        "Kata pemain Penajam Paser Utara itu. Kepala Bidang Hubungan Masyarakat Polda Riau "
        "Sunarto mengatakan itu. Pelatih Iwan Setiawan hadir."
    )
    assert people["Iwan Setiawan"] == "Pelatih"  # "se-...-an" shape, yet a surname
    assert not any("Utara" in n or "Hubungan" in n for n in people)


def _mentions(text: str) -> list[PersonMention]:
    return find_people(text, split_sentences(text))


def test_a_pronoun_sentence_states_the_role_of_the_one_person_just_named() -> None:
    text = (
        "Undangan itu dikirim oleh Hendra Wijaya sehari sebelumnya. "
        "Dia adalah pendiri Kopi Nusa, anggota dewan pengawas, dan dosen hukum."
    )
    found = [m for m in _mentions(text) if m.role]
    assert len(found) == 1
    mention = found[0]
    # The mention spans the pronoun, so the sentence cited for the role is the one stating it.
    assert text[mention.start : mention.end] == "Dia"
    assert mention.name == "Hendra Wijaya"
    assert mention.role == "pendiri Kopi Nusa, anggota dewan pengawas, dan dosen hukum"


def test_a_pronoun_role_needs_exactly_one_person_named_before() -> None:
    two = "Hendra Wijaya bertemu Sinta Maharani di Medan. Dia adalah pendiri Kopi Nusa."
    assert all(not m.role for m in _mentions(two))
    other = (
        "Laporan itu dibantah penyidik lain, bukan Hendra Wijaya. "
        "Dia adalah Komisaris Besar Yohanes Bata, mantan Kepala Polres Kupang."
    )
    assert "Hendra Wijaya" not in {m.name for m in _mentions(other) if m.role}


def test_colon_joined_titles_are_one_role() -> None:
    people = _people("Kini sudah ada ketua sementara: wakil direktur Rina Hapsari.")
    assert people["Rina Hapsari"] == "ketua sementara: wakil direktur"


def test_an_age_in_brackets_confirms_a_name() -> None:
    people = _people("Jasad Tarno Wiryo (61) ditemukan warga di kebunnya, Senin pagi.")
    assert "Tarno Wiryo" in people


def test_names_listed_beside_a_known_person_are_people() -> None:
    text = (
        "Pelatih memainkan Budi Santoso, Yerry Mandagi, dan Olvi Pattinama sejak awal. "
        "Pembalap Marco Rinaldi (Ferraro), Kenji Watabe (Sauber), dan Lars Ekholm (Sauber) gagal."
    )
    people = _people(text)
    for name in ("Yerry Mandagi", "Olvi Pattinama", "Kenji Watabe", "Lars Ekholm"):
        assert name in people
    assert "Ferraro" not in people and "Sauber" not in people


def test_what_a_title_names_before_an_apposed_name_is_the_organisation() -> None:
    people = _people("Hal itu disampaikan CEO Zolvex Kirana, Harun Siregar, kepada wartawan.")
    assert people == {"Harun Siregar": "CEO Zolvex Kirana"}


def test_a_place_named_after_someone_is_not_a_person() -> None:
    text = "Laga digelar di Stadion H. Bambang Wiyono, lalu pawai melewati Jalan Jenderal Sudirman."
    assert _people(text) == {}


def test_a_town_before_its_province_belongs_to_the_title() -> None:
    text = "Bupati Wonokerto Budhi Santika meresmikan pasar di Wonokerto, Jawa Tengah."
    people = _people(text)
    assert people == {"Budhi Santika": "Bupati Wonokerto"}


def test_foreign_names_that_look_like_verbs_are_names() -> None:
    people = _people(
        "Pelatih Didier Lamont memuji Bernardo Melis. Lamont menilai Melis tampil baik."
    )
    assert "Didier Lamont" in people and "Bernardo Melis" in people
    assert _people("Dilaporkan warga, Terkait kasus itu polisi bergerak.") == {}


def test_a_speech_verb_does_not_make_a_person_of_a_word_before_an_acronym() -> None:
    assert "Jubilir" not in _people('"Kami siap," kata Jubilir KONI Jabar di Bandung.')
    assert "Wirasena" in _people('"Kami siap," kata Wirasena di Bandung.')


def test_a_rank_keeps_the_whole_name_after_it() -> None:
    people = _people(
        "Hal itu dikatakan Kapolres Tanah Laut (TL) AKBP Leo Andi Gunawan di kantornya."
    )
    assert people.get("Leo Andi Gunawan") == "Kapolres Tanah Laut (TL) AKBP"


def test_dictionary_word_names_after_a_title_or_before_a_verb() -> None:
    """Names made only of dictionary words ("Indah Permata") are people when a title precedes
    them and the clause goes on, or when a relative shares the surname; dates later in the
    article change nothing. A unit after a title ("Kepala Bagian Publikasi Biro Humas") is not."""
    text = (
        "Aktris Indah Permata tiba di Medan pada 4 Maret 2018 untuk pameran.\n\n"
        "Kakaknya, pengusaha Rudi Permata, membuka galeri di Medan pada 1 Maret 2018."
    )
    people = {m.name: m.role for m in find_people(text, split_sentences(text))}
    assert people == {"Indah Permata": "Aktris", "Rudi Permata": "pengusaha"}

    sibling = "Dosen Bunga Kencana, adik Agus Kencana, membuka galeri pada 2 Mei 2019."
    assert "Bunga Kencana" in _people(sibling)

    for name in ("Sari Mulia", "Indah Permata", "Bunga Citra", "Putri Kencana", "Dewi Cahaya"):
        titled = f"Penyanyi {name} tiba di Bandung pada 3 Mei 2019."
        assert _people(titled).get(name) == "Penyanyi", titled
        quoted = f'"Kami siap tampil," kata {name} di Bandung, Senin (3/5).'
        assert name in _people(quoted), quoted

    unit = "Kepala Bagian Publikasi Biro Humas Setda Jabar, Ade Sukalsah, hadir di Bandung."
    people = _people(unit)
    assert "Publikasi Biro" not in people and "Ade Sukalsah" in people
    fed = "Para pejabat Federal Reserve memproyeksikan kenaikan suku bunga pada 2018."
    assert _people(fed) == {}
