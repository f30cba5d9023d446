"""A small bilingual (English <-> Indonesian) news lexicon and the stopword lists.

English questions must find Indonesian articles, so the engine expands a question's content
words with their equivalents before searching. The table is general news vocabulary (politics,
economy, law, sports, tech, disasters, health), grouped by meaning: every word in a group expands
to every other word of the group, in both directions.
"""

from __future__ import annotations

from collections.abc import Sequence


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string (easier to read and edit than a list literal)."""
    return tuple(text.split())


# One synonym group per line: English forms | Indonesian forms. Inflected English forms are listed
# because a lookup is a plain dict hit (no stemmer: it must stay in the microsecond range).
_GROUPS = """
fire fired firing sack sacked dismiss dismissed dismissal oust ousted ouster removed removal
 | dipecat diberhentikan dicopot pemecatan memecat pecat memberhentikan pemberhentian mencopot
 pencopotan dilengserkan
resign resigned resigns resigning resignation quit quits step down stepped down
 | mundur mengundurkan diri pengunduran diri undur
delay delayed delays postpone postponed postponement defer deferred
 | menunda penundaan tunda ditunda tertunda
valuation valued value worth | valuasi nilai bernilai senilai
release released releases launch launched launches launching rollout | rilis merilis dirilis
 meluncurkan peluncuran diluncurkan luncurkan
announce announced announcement announces | mengumumkan pengumuman diumumkan umumkan
hire hired hiring recruit recruited recruitment | merekrut rekrut perekrutan direkrut
 mempekerjakan
return returned returns comeback reinstated reinstate | kembali kepulangan dikembalikan
 mengembalikan pulang
board | dewan direksi
employee employees staff worker workers workforce | karyawan pegawai pekerja staf
investor investors | investor penanam modal
investment investments invest invested | investasi berinvestasi menanamkan modal
acquisition acquire acquired acquires takeover buyout | akuisisi mengakuisisi diakuisisi
 pengambilalihan
merger merge merged | merger penggabungan bergabung
founder founders | pendiri
found founded establish established | didirikan mendirikan berdiri
safety secure security | keamanan keselamatan aman
model models | model
price prices pricing cost costs | harga biaya tarif
election elections vote voting voter voters | pemilu pemilihan pilkada pilpres pemungutan suara
 suara pemilih
president presidential | presiden
vice president | wakil presiden wapres
minister ministers | menteri
ministry | kementerian
police policeman | polisi kepolisian polri
army military soldier soldiers troops | tentara militer tni prajurit pasukan
government | pemerintah pemerintahan
governor | gubernur
mayor | wali kota walikota
regent | bupati
parliament lawmaker lawmakers legislator | parlemen dpr anggota dewan legislatif
party parties | partai
candidate candidates | calon kandidat capres cawapres
campaign campaigns | kampanye
law laws | undang-undang hukum uu
regulation regulations rule rules | regulasi peraturan aturan
court courts | pengadilan mahkamah
judge judges | hakim
lawsuit sue sued suing | gugatan menggugat digugat
trial | sidang persidangan
verdict sentence sentenced | vonis divonis putusan hukuman
prison jail jailed imprisoned | penjara dipenjara bui
arrest arrested arrests | ditangkap penangkapan menangkap
suspect suspects | tersangka
defendant | terdakwa
corruption corrupt graft bribery bribe | korupsi suap penyuapan
investigation investigate investigated probe | penyelidikan penyidikan investigasi menyelidiki
 diselidiki
prosecutor prosecutors | jaksa kejaksaan
lawyer lawyers attorney | pengacara kuasa hukum advokat
crime crimes criminal | kejahatan kriminal tindak pidana
murder killed kill killing | pembunuhan dibunuh membunuh tewas
death deaths died dead die | kematian meninggal tewas wafat korban jiwa
victim victims | korban
fraud scam | penipuan
drug drugs narcotics | narkoba narkotika obat
economy economic | ekonomi perekonomian
growth grow grew | pertumbuhan tumbuh
inflation | inflasi
interest rate | suku bunga bunga
bank banks banking | bank perbankan
central bank | bank sentral bank indonesia
money | uang dana
fund funds funding | dana pendanaan
budget | anggaran apbn
tax taxes | pajak
debt debts loan loans | utang pinjaman kredit
market markets | pasar
stock stocks share shares | saham
stock exchange | bursa efek bursa
revenue income | pendapatan penghasilan
profit profits | laba keuntungan untung
loss losses | kerugian rugi
sales sell sold selling | penjualan menjual dijual
buy bought purchase | membeli pembelian dibeli
export exports | ekspor
import imports | impor
trade | perdagangan dagang
company companies firm corporation business | perusahaan korporasi bisnis usaha
startup startups | startup perusahaan rintisan
industry | industri
factory | pabrik
oil | minyak
fuel gasoline | bbm bensin bahan bakar
electricity power | listrik
energy | energi
coal | batu bara
mining mine | tambang pertambangan
rupiah | rupiah
dollar dollars | dolar
billion billions | miliar
million millions | juta
trillion | triliun
percent | persen
poverty poor | kemiskinan miskin
unemployment jobless | pengangguran
job jobs | pekerjaan lapangan kerja
salary wage wages | gaji upah
strike | mogok
protest protests protester protesters demonstration | demo demonstrasi unjuk rasa protes
 pengunjuk rasa
ceo | ceo direktur utama dirut
chief executive | ceo kepala eksekutif
chairman chair | ketua
director | direktur
manager | manajer
leader leaders leadership | pemimpin kepemimpinan
head | kepala
spokesperson spokesman | juru bicara jubir
official officials | pejabat
executive executives | eksekutif
researcher researchers | peneliti
research | penelitian riset
scientist scientists | ilmuwan
engineer engineers | insinyur
developer developers | pengembang
development develop developed | pengembangan mengembangkan dikembangkan
technology tech | teknologi
artificial intelligence ai | kecerdasan buatan ai
software | perangkat lunak
hardware | perangkat keras
chip chips semiconductor | cip chip semikonduktor
data | data
privacy | privasi
internet online | internet daring
app apps application | aplikasi
user users | pengguna
customer customers client clients | pelanggan konsumen klien
product products | produk
service services | layanan jasa
platform | platform
social media | media sosial medsos
video | video
image images picture | gambar foto citra
computer computers | komputer
phone smartphone | ponsel telepon ponsel pintar hp
network | jaringan
hack hacked hacker cyberattack | peretasan diretas peretas serangan siber
competitor competitors rival rivals | pesaing kompetitor saingan
competition compete | persaingan kompetisi bersaing
partnership partner partners | kemitraan mitra
agreement deal contract | kesepakatan perjanjian kontrak
cooperation | kerja sama kerjasama
plan plans planned | rencana berencana merencanakan
strategy | strategi
policy policies | kebijakan
decision decide decided | keputusan memutuskan diputuskan
statement | pernyataan
said say says told | mengatakan kata berkata menyatakan ujar
interview | wawancara
report reports reported | laporan melaporkan dilaporkan
news | berita kabar
article articles | artikel
source sources | sumber
journalist journalists reporter | wartawan jurnalis
media press | media pers
warning warn warned | peringatan memperingatkan
threat threats threaten | ancaman mengancam
risk risks | risiko
crisis | krisis
problem problems issue issues | masalah persoalan isu
conflict | konflik
war | perang
attack attacks attacked | serangan menyerang diserang
peace | perdamaian damai
country countries nation | negara
state | negara bagian
city | kota
village | desa
province | provinsi
region area | wilayah daerah kawasan
capital | ibu kota
people public | rakyat masyarakat warga publik
citizen citizens | warga negara
foreign | asing luar negeri
international | internasional
domestic national | nasional dalam negeri
border | perbatasan
immigration immigrant migrants | imigrasi imigran migran
refugee refugees | pengungsi
disaster disasters | bencana
earthquake | gempa gempa bumi
flood floods flooding | banjir
landslide | longsor tanah longsor
blaze wildfire | kebakaran
volcano eruption | gunung berapi erupsi letusan
tsunami | tsunami
accident crash | kecelakaan
evacuation evacuate | evakuasi
rescue | penyelamatan menyelamatkan
health | kesehatan
hospital | rumah sakit
doctor doctors | dokter
patient patients | pasien
disease | penyakit
virus | virus
vaccine vaccines vaccination | vaksin vaksinasi
pandemic | pandemi
education | pendidikan
school schools | sekolah
student students | siswa mahasiswa pelajar
teacher teachers | guru
university | universitas kampus
religion religious | agama keagamaan
mosque | masjid
church | gereja
sport sports | olahraga
football soccer | sepak bola
match game | pertandingan laga
team | tim
player players | pemain
coach | pelatih
win won winner victory | menang kemenangan juara pemenang
lose lost defeat | kalah kekalahan
champion championship | juara kejuaraan
tournament | turnamen
league | liga
goal goals | gol
score | skor
national team | timnas tim nasional
stadium | stadion
athlete athletes | atlet
medal | medali
olympics | olimpiade
film movie | film
music | musik
artist | artis seniman
singer | penyanyi
tourism tourist tourists | pariwisata wisata turis wisatawan
transport transportation | transportasi
train | kereta
plane aircraft | pesawat
airport | bandara bandar udara
road roads | jalan
traffic | lalu lintas
environment | lingkungan
climate | iklim
pollution | polusi pencemaran
forest | hutan
water | air
food | makanan pangan
rice | beras padi
farmer farmers | petani
agriculture | pertanian
fisherman fishermen | nelayan
land | tanah lahan
house housing home | rumah perumahan
building | gedung bangunan
infrastructure | infrastruktur
project projects | proyek
program | program
meeting | rapat pertemuan
conference | konferensi
summit | ktt
visit visited | kunjungan berkunjung mengunjungi
trip | perjalanan
new | baru
old | lama
first | pertama
last | terakhir
big large | besar
small | kecil
high | tinggi
low | rendah
increase increased rise rose | kenaikan naik meningkat peningkatan
decrease decreased fall fell drop dropped decline | penurunan turun menurun anjlok
change changes changed | perubahan berubah mengubah
cut cuts | pemangkasan memangkas
ban banned | larangan melarang dilarang
approve approved approval | menyetujui disetujui persetujuan
reject rejected rejection refuse refused | menolak ditolak penolakan
support supported supporter supporters | dukungan mendukung didukung pendukung
criticism criticize criticized critic | kritik mengkritik dikritik
accuse accused accusation allegation alleged | menuduh dituduh tuduhan dugaan diduga
deny denied | membantah bantahan menyangkal
admit admitted | mengakui
apologize apology | meminta maaf permintaan maaf
threatened | terancam
replace replaced replacement | mengganti menggantikan pengganti digantikan
appoint appointed appointment | menunjuk ditunjuk mengangkat diangkat penunjukan
inaugurate inaugurated inauguration sworn | melantik dilantik pelantikan
lead led | memimpin dipimpin
open opened opening | membuka dibuka pembukaan
close closed closing | menutup ditutup penutupan
build built construction | membangun dibangun pembangunan
start started begin began | memulai dimulai mulai
end ended | berakhir mengakhiri
meet met | bertemu menemui
talk talks negotiation negotiations | pembicaraan perundingan negosiasi
ask asked request | meminta permintaan bertanya
answer answered | jawaban menjawab
explain explained | menjelaskan penjelasan
reveal revealed | mengungkapkan mengungkap terungkap
claim claimed | mengklaim klaim
promise promised | berjanji janji
mission | misi
goal target | tujuan sasaran target
future | masa depan
history | sejarah
year years | tahun
month months | bulan
week weeks | minggu pekan
day days | hari
today | hari ini
yesterday | kemarin
tomorrow | besok
date | tanggal
time | waktu
why | mengapa kenapa
how | bagaimana
how much how many | berapa
when | kapan
who | siapa
where | di mana dimana
what | apa
which | yang mana
"""


def _parse_groups(text: str) -> dict[str, tuple[str, ...]]:
    """Each word (and each multi-word phrase) -> every form of every group it belongs to."""
    lines: list[str] = []
    for raw in text.strip().splitlines():
        if raw.startswith(" ") and lines:
            lines[-1] += " " + raw.strip()
        else:
            lines.append(raw.strip())
    table: dict[str, list[str]] = {}
    for line in lines:
        left, _, right = line.partition("|")
        forms = _split_forms(left) + _split_forms(right)
        for form in forms:
            merged = table.setdefault(form, [])
            merged.extend(f for f in forms if f not in merged)
    return {word: tuple(forms) for word, forms in table.items()}


# Multi-word forms the table must keep whole (everything else is split on spaces).
_PHRASES = (
    "step down",
    "stepped down",
    "mengundurkan diri",
    "pengunduran diri",
    "vice president",
    "wakil presiden",
    "wali kota",
    "anggota dewan",
    "pemungutan suara",
    "interest rate",
    "suku bunga",
    "central bank",
    "bank sentral",
    "bank indonesia",
    "stock exchange",
    "bursa efek",
    "bahan bakar",
    "batu bara",
    "lapangan kerja",
    "unjuk rasa",
    "pengunjuk rasa",
    "chief executive",
    "direktur utama",
    "kepala eksekutif",
    "juru bicara",
    "artificial intelligence",
    "kecerdasan buatan",
    "perangkat lunak",
    "perangkat keras",
    "ponsel pintar",
    "social media",
    "media sosial",
    "serangan siber",
    "kerja sama",
    "negara bagian",
    "ibu kota",
    "warga negara",
    "luar negeri",
    "dalam negeri",
    "gempa bumi",
    "tanah longsor",
    "gunung berapi",
    "rumah sakit",
    "sepak bola",
    "national team",
    "tim nasional",
    "bandar udara",
    "lalu lintas",
    "meminta maaf",
    "permintaan maaf",
    "menanamkan modal",
    "penanam modal",
    "perusahaan rintisan",
    "tindak pidana",
    "korban jiwa",
    "kuasa hukum",
    "masa depan",
    "hari ini",
    "di mana",
    "yang mana",
    "how much",
    "how many",
)


def _split_forms(side: str) -> list[str]:
    """Split one side of a group line into forms, keeping the known multi-word phrases whole."""
    text = f" {side.strip()} "
    forms: list[str] = []
    for phrase in sorted(_PHRASES, key=len, reverse=True):
        padded = f" {phrase} "
        if padded in text:
            forms.append(phrase)
            text = text.replace(padded, " ")
    forms.extend(text.split())
    return forms


LEXICON: dict[str, tuple[str, ...]] = _parse_groups(_GROUPS)

STOPWORDS_ID: frozenset[str] = frozenset(
    _words("""
    ada adakah adalah agar akan akankah aku anda antara apa apaan apakah apanya atas atau bagai
    bagaimana bagaimanakah bahwa baik bagi banyak barangkali begitu beberapa belum berapa berapakah
    berikut bisa bisakah boleh bukan bukankah dalam dan dapat dari daripada dengan dia diri dong
    gimana harus hingga ia ini itu iya jadi jika juga jangan kah kalau kami kamu kan kapan kapankah
    karena kata ke kenapa kepada ketika kita lagi lah lalu maka mana masih melalui mengapa mereka
    min mohon mu nya nih oleh pada para per pun saat saja sama sampai sang sangat saya se sebagai
    sebelum sedang sehingga sejak selama semua sendiri seperti serta setelah si siapa siapakah sih
    soal sudah supaya tanpa telah tentang tersebut terhadap terkait tetapi tolong toh untuk yaitu
    yakni yang ya yah mengenai perihal berapa gak nggak enggak tidak
    bisakah coba tau tahu tahukah sebenarnya sebetulnya kak bang gan bot di ke
    """)
)

STOPWORDS_EN: frozenset[str] = frozenset(
    _words("""
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing done down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    out over own please pls same she should so some such than that the their theirs them then
    there these they this those through to too under until up very was we were what whats when
    whens where which while who whom whose why will with would you your yours yourself tell
    me know say said regarding concerning happened happen
    """)
)


def expand_terms(words: Sequence[str]) -> list[str]:
    """The words plus their lexicon equivalents in both languages, deduplicated, order kept.

    Words and adjacent word pairs are both looked up so "step down" or "rumah sakit" expand whole.
    """
    lowered = [w.lower() for w in words if w.strip()]
    out: list[str] = []
    seen: set[str] = set()

    def add(term: str) -> None:
        if term not in seen:
            seen.add(term)
            out.append(term)

    for i, word in enumerate(lowered):
        add(word)
        if i + 1 < len(lowered):
            for term in LEXICON.get(f"{word} {lowered[i + 1]}", ()):
                add(term)
        for term in LEXICON.get(word, ()) or LEXICON.get(_english_base(word), ()):
            add(term)
    return out


def _english_base(word: str) -> str:
    """A crude English singular/base form so unlisted plurals still hit ("regulators" -> ...)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def is_known_word(word: str) -> bool:
    """Whether the word is lexicon vocabulary or a stopword (a real word, not a name or typo)."""
    low = word.lower()
    return low in LEXICON or low in STOPWORDS_ID or low in STOPWORDS_EN
