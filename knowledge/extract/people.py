"""People, their stated roles, and the organisations around them, found by rules.

No Indonesian NER model is available offline, so a person is a run of 1-4 capitalised name
tokens that some evidence confirms: a title before or after it, a speech verb, an honorific,
a known given name, or the same surname elsewhere in the article. Organisations, products,
places and headings are rejected by gazetteers and by shape (acronyms, version numbers,
org prefixes and suffixes). `PersonRegistry` then ties short and misspelt forms to one person
across the corpus.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from knowledge.extract.roles import HONORIFICS as _HONORIFICS
from knowledge.extract.roles import (
    QUALIFIERS,
    RANKS,
    is_relational,
    is_role_word,
    role_after,
    role_before,
)
from knowledge.models import PersonMention, Sentence
from knowledge.overrides import Overrides


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ---------------------------------------------------------------------------------------------
# Vocabulary. Lists are "|"-separated so a multi-word entry stays one entry.

_GIVEN_NAMES_TEXT = """
abdul | abdullah | abu | achmad | ade | adi | aditya | adrian | agung | agus | ahmad | akbar
ali | alif | amir | andi | andika | andre | andreas | anies | anita | anwar | arief | arif
arya | asep | ayu | bagus | bahlil | bambang | basuki | bayu | benny | boediono | budi | budiman
cahya | dadang | dani | darmin | dedi | deddy | dewi | dian | dimas | dina | dodi | dwi | edi
edy | eko | endang | enggartiasto | erick | erwin | evi | fadli | fahri | fajar | fauzi | febri
fitri | ganjar | gatot | gibran | hadi | haris | hasto | hendra | hendro | heru | hidayat
ikhsan | ilham | imam | iman | indra | intan | irfan | irwan | iwan | jokowi | joko | jusuf
kaesang | khofifah | komang | kurnia | lukman | luhut | made | mahfud | marsudi | megawati
muhammad | muhammad | mohamad | mohammad | nadiem | nicke | novel | nur | nurul | nyoman | pratikno
prabowo | puan | putra | putri | putu | rahmat | ratna | reza | ridwan | rini | risma | rizal
rizky | retno | rudi | rudy | sandiaga | santoso | setya | siti | slamet | sri | sugeng | suharso
susi | susilo | syahrul | taufik | teguh | tito | tjahjo | tri | tjipta | wahyu | wayan | wiranto
yasonna | yudi | yusuf | zulkifli | febrian | hasan | hamdan | ketut | kadek | gede | wulan | yanti
yuli | lestari | mega | nina | rina | ria | sinta | tuti | wati | ani | diah | ika | kartika
marthinus | widodo | zulfikar | bobby | dedie | laras | yosef | rahmat
robert | ronald | agustinus | yohanes | yosef | petrus | paulus | stefanus | fransiskus | ignasius
antonius | benedictus | maria | theresia | veronika | natalia | elisabeth | margaretha | gita
aaron | adam | aidan | alan | albert | alex | alexander | alice | amanda | amy | andrew | andrej
andy | angela | anna | anne | anthony | arthur | barack | barbara | ben | benjamin | bernard
bill | bob | boris | brad | brian | bruce | carl | carlos | catherine | charles | charlie | chris
christian | christopher | claire | colin | daniel | dario | david | demis | dennis | diana | donald
dylan | edward | elizabeth | elon | emily | emma | emmanuel | eric | fei-fei | frank | fred | gary
george | gordon | greg | gregory | hannah | harry | helen | henry | hillary | ian | ilya | isaac
jack | jacob | jake | jakub | james | jan | jane | jason | jeff | jeffrey | jennifer | jensen
jeremy
jessica | jim | joe | john | jonathan | jordan | joseph | josh | julia | justin | kamala | karen
kate | kevin | kim | larry | laura | lee | lisa | lucas | marc | marcus | margaret | maria | mark
martin | mary | matt | matthew | max | michael | michelle | mike | mira | mustafa | nancy | nathan
nick | nicholas | noah | oliver | olivia | patrick | paul | peter | philip | rachel | ralph
richard | rishi | rob | robert | roger | ryan | sam | samuel | sarah | satya | scott | sean
sebastian | sergey | sheryl | simon | sophie | stephen | steve | steven | sundar | susan | thomas
timothy | todd | tom | tony | vladimir | walter | william | xi | yann | greta | jacinda
angelina | taylor | justin | cristiano | lionel | kylian | erling | mohamed | luka | neymar
pep | jurgen | jose | carlo | zinedine | shinzo | fumio | narendra | recep | joko | emmanuel
olaf | giorgia | volodymyr | benjamin | ali | omar | hassan | hussein | ahmed | ibrahim | khalid
jong | moon | yoon | park | wang | zhang | li | liu | chen | jack | ma | masayoshi | hiroshi | akira
pierre | jean | jacques | francois | marie | hans | klaus | jurgen | angela | friedrich | wolfgang
giovanni | marco | luca | paolo | juan | luis | miguel | pedro | pablo | diego | sergio | alejandro
ivan | dmitry | sergei | alexei | mikhail | ahmad | sheikh | barrett | leike | sundar | jony
"""

# Places, regions, countries (Indonesian and English spellings). Case-sensitive phrases.
_PLACES_TEXT = """
Indonesia | Jakarta | Jakarta Pusat | Jakarta Selatan | Jakarta Utara | Jakarta Barat
Jakarta Timur | DKI Jakarta | Bandung | Surabaya | Semarang | Yogyakarta | Jogja | Medan
Makassar | Palembang | Denpasar | Bali | Jawa | Jawa Barat | Jawa Tengah | Jawa Timur
Sumatera | Sumatra | Sumatera Utara | Sumatera Barat | Sumatera Selatan | Kalimantan | Sulawesi
Papua | Papua Barat | Maluku | Aceh | Riau | Kepulauan Riau | Jambi | Bengkulu | Lampung
Banten | Tangerang | Bekasi | Bogor | Depok | Malang | Solo | Surakarta | Batam | Pekanbaru
Padang | Pontianak | Banjarmasin | Balikpapan | Samarinda | Manado | Kupang | Mataram | Jayapura
Ambon | Ternate | Kendari | Palu | Gorontalo | Mamuju | Serang | Cirebon | Tasikmalaya | Sukabumi
Garut | Kediri | Madiun | Jember | Banyuwangi | Lombok | Flores | Sleman | Bantul | Karawang
Cikarang | Senayan | Menteng | Kuningan | Kebayoran | Cibubur | Abepura | Nusa Tenggara
Nusa Tenggara Barat | Nusa Tenggara Timur | NTB | NTT | Kalimantan Timur | Kalimantan Barat
Sulawesi Selatan | Sulawesi Utara | Bangka Belitung | Sumut | Sumbar | Jabar | Jateng | Jatim
Jabodetabek | Nusantara | Asia | Asia Tenggara | Eropa | Afrika | Amerika | Australia | Timur Tengah
Amerika Serikat | AS | USA | US | UK | Inggris | Britania Raya | Prancis | Perancis | Jerman
Belanda | Belgia | Spanyol | Italia | Portugal | Swiss | Swedia | Norwegia | Denmark | Finlandia
Polandia | Rusia | Ukraina | Turki | Yunani | Austria | Irlandia | Skotlandia | Kanada | Meksiko
Brasil | Argentina | Chile | Kolombia | Peru | Tiongkok | China | Cina | Jepang | Korea
Korea Selatan | Korea Utara | Korsel | Korut | Taiwan | Hong Kong | Singapura | Malaysia | Thailand
Vietnam | Filipina | Myanmar | Kamboja | Laos | Brunei | Timor Leste | India | Pakistan
Bangladesh | Sri Lanka | Nepal | Afghanistan | Iran | Irak | Suriah | Israel | Palestina | Gaza
Lebanon | Yordania | Mesir | Arab Saudi | Saudi Arabia | Qatar | Uni Emirat Arab | Dubai | Abu Dhabi
Kuwait | Yaman | Oman | Nigeria | Afrika Selatan | Kenya | Maroko | Aljazair | Tunisia | Libya
Selandia Baru | New Zealand | Europe | Africa | America | Germany | France | Netherlands
Spain | Italy | Japan | South Korea | North Korea | Russia | Ukraine | Britain | England | Canada
Mexico | Brazil | Singapore | Philippines | Saudi | California | Texas | Florida | New York
Washington | Washington DC | San Francisco | Los Angeles | Las Vegas | Seattle | Chicago | Boston
Silicon Valley | Palo Alto | Mountain View | Cupertino | Menlo Park | Redmond | Austin | Miami
Hawaii | London | Paris | Berlin | Amsterdam | Brussel | Roma | Rome | Madrid | Barcelona
Milan | Munich | Moskow | Moscow | Kiev | Kyiv | Beijing | Shanghai | Shenzhen | Hangzhou
Tokyo | Osaka | Seoul | Taipei | Bangkok | Hanoi | Manila | Kuala Lumpur | Canberra | Sydney
Melbourne | Perth | Mumbai | New Delhi | Delhi | Tehran | Baghdad | Damaskus | Kairo | Cairo
Mekkah | Makkah | Madinah | Yerusalem | Jerusalem | Istanbul | Ankara | Davos | Jenewa | Geneva
Vatikan | Kota Vatikan | Burundi | Rwanda | Uganda | Tanzania | Ethiopia | Somalia | Sudan
Kongo | Ghana | Senegal | Kamerun | Zimbabwe | Mozambik | Madagaskar | Angola | Mali | Niger
Uzbekistan | Kazakhstan | Kirgistan | Tajikistan | Turkmenistan | Azerbaijan | Armenia
Georgia | Belarus | Moldova | Rumania | Bulgaria | Serbia | Kroasia | Bosnia | Slovenia
Slovakia | Ceko | Hungaria | Lituania | Latvia | Estonia | Islandia | Luksemburg | Monako
Venezuela | Ekuador | Bolivia | Paraguay | Uruguay | Kuba | Jamaika | Haiti | Panama
Kosta Rika | Guatemala | Honduras | Nikaragua | Papua Nugini | Fiji | Samoa | Tonga | Bahrain
Mongolia | Bhutan | Maladewa | Yunani | Siprus | Malta | Vanuatu | Kiribati
Palau | Eropa Barat | Pasifik | Atlantik | Samudra Hindia | Laut China Selatan
"""

# Provinces and countries: a capitalised word followed by ", <one of these>" is a town.
_REGIONS_TEXT = """
Aceh | Sumatera Utara | Sumatera Barat | Sumatera Selatan | Riau | Kepulauan Riau | Jambi
Bengkulu | Lampung | Bangka Belitung | Banten | Jawa Barat | Jawa Tengah | Jawa Timur
DI Yogyakarta | DIY | Yogyakarta | Bali | Nusa Tenggara Barat | Nusa Tenggara Timur | NTB | NTT
Kalimantan Barat | Kalimantan Tengah | Kalimantan Selatan | Kalimantan Timur | Kalimantan Utara
Sulawesi Utara | Sulawesi Tengah | Sulawesi Selatan | Sulawesi Tenggara | Sulawesi Barat
Gorontalo | Maluku | Maluku Utara | Papua | Papua Barat | Jabar | Jateng | Jatim | Sumut
Sumbar | Sumsel | Sulsel | Sulut | Kaltim | Kalbar | Kalsel | Kalteng | Kepri | Babel
Indonesia | Malaysia | Singapura | Thailand | Filipina | Vietnam | Myanmar | Kamboja | Jepang
Tiongkok | China | Korea Selatan | Korea Utara | India | Pakistan | Australia | Amerika Serikat
AS | Inggris | Prancis | Perancis | Jerman | Italia | Spanyol | Belanda | Rusia | Ukraina
Turki | Mesir | Arab Saudi | Iran | Irak | Suriah | Israel | Palestina | Kanada | Meksiko
Brasil | Argentina | California | Texas | Florida | Skotlandia | Irlandia | Swiss | Belgia
"""

# Organisations and products that carry no shape clue. Case-sensitive phrases.
_ORGS_TEXT = """
OpenAI | Microsoft | Google | Google DeepMind | DeepMind | Google Cloud | Alphabet | Apple | Meta
Facebook | Instagram | WhatsApp | Threads | Anthropic | Amazon | AWS | Nvidia | NVIDIA | Intel
AMD | Qualcomm | IBM | Oracle | Salesforce | Tesla | SpaceX | xAI | Twitter | TikTok | ByteDance
Samsung | Huawei | Xiaomi | Oppo | Vivo | Realme | Lenovo | Sony | Alibaba | Tencent | Baidu
Netflix | Spotify | YouTube | Uber | Airbnb | Grab | Gojek | GoTo | Tokopedia | Bukalapak
Traveloka | Shopee | Lazada | Blibli | Sea Group | Moonshot AI | Mistral | Mistral AI
Hugging Face | Stability AI | Perplexity | Character.AI | Inflection | Cohere | Midjourney | Twitch
Reddit | LinkedIn | Snapchat | Pinterest | Telegram | Zoom | Dropbox | PayPal | Visa | Mastercard
ChatGPT | GPT | Gemini | Bard | Claude | Llama | Copilot | Bing | Sora | DALL-E | Grok | Kimi
Android | iOS | iPhone | iPad | Windows | Azure | Office | Excel | Chrome | Gmail | Siri | Alexa
Pertamina | PLN | Telkom | Telkomsel | Indosat | XL Axiata | Garuda Indonesia | Lion Air
Bank Mandiri | BCA | BRI | BNI | BTN | Bank Indonesia | BI | OJK | BPK | KPK | KPU | Bawaslu | DPR
MPR | DPD | DPRD | TNI | Polri | Kejagung | MK | MA | BPS | BUMN | KAI | LIPI | BRIN | BMKG
BNPB | BNN | BIN | BPJS | BPOM | Kemenkeu | Kemendagri | Kemenlu | Kemenhan | Kemenkes
Kemendikbud | Kominfo | Kemenkominfo | Kemenhub | Kementan | Kemenperin | Kemendag | Kemenag
Istana | Istana Negara | Istana Merdeka | Setneg | Pemprov | Pemkot | Pemkab | Polda | Polres
PBB | UN | WHO | IMF | Bank Dunia | World Bank | ASEAN | NATO | UNESCO | UNICEF | FIFA | UEFA
AFC | PSSI | IOC | NASA | FBI | CIA | Uni Eropa | European Union | Gedung Putih | White House
Kongres | Congress | Senat | Senate | Kremlin | Pentagon
PDIP | PDI-P | PDI Perjuangan | Golkar | Gerindra | Demokrat | PKB | PKS | PPP | PAN | NasDem
Nasdem | Hanura | Perindo | PSI | Berkarya | Partai Demokrat | Muhammadiyah | Nahdlatul Ulama | NU
MUI | FPI | Persija | Persib | Persebaya | Arema | PSM | Bali United | Barcelona FC
Real Madrid | Manchester United | Manchester City | Liverpool | Chelsea | Arsenal | Juventus
Bayern Munich | PSG | Inter Milan | AC Milan | Timnas | Timnas Indonesia
Reuters | Bloomberg | AFP | AP | BBC | CNN | CNN Indonesia | CNBC | Fortune | TechCrunch
The Verge | Wired | Forbes | Kompas | Tempo | Detik | detikcom | Antara | Kumparan | Tribun
Tribunnews | Liputan6 | Okezone | Republika | Suara | Suara.com | Kontan | Bisnis Indonesia
The Wall Street Journal | Wall Street Journal | The New York Times | New York Times
The Washington Post | Washington Post | The Guardian | The Information | Financial Times
Associated Press | Business Insider | Sydney Morning Herald | South China Morning Post
Federal Reserve | The Fed | Wall Street | Formula 1 | LM Arena | Olimpiade | Piala Dunia
Liga Inggris | Liga Champions
Yamaha | Honda | Suzuki | Kawasaki | Ducati | Aprilia | KTM | Toyota | Daihatsu | Mitsubishi
Nissan | Hyundai | Mazda | Isuzu | Wuling | Volkswagen | BMW | Audi | Porsche | Ferrari
Lamborghini | Maserati | Mercedes | Mercedes-Benz | McLaren | Renault | Peugeot | Volvo
Red Bull | Toro Rosso | Disney | Pixar | Marvel | Lucasfilm | Warner Bros | Paramount
Universal Pictures | Sony Pictures | DreamWorks | HBO | Hollywood | Bollywood
Bareskrim | Baharkam | Brimob | Densus 88 | Propam | Kompolnas | Basarnas | Bappenas | Bulog
Bapanas | Bakamla | Bawaslu | Ombudsman | Komnas HAM | Kemenkumham | Kemenpora | Kemensos
Kemenparekraf | Kemenko Polhukam | Kemenko Perekonomian | Kemenristekdikti | Kemendikbudristek
Kemenaker | Kemnaker | Kemenpan | Kemenkop | Kemendes | Kementan | Mabes Polri | Mabes TNI
"""

_ORG_PREFIXES = _wordset(
    """pt cv ud bank universitas univ institut sekolah akademi politeknik partai kementerian
    kemenko badan komisi lembaga yayasan klub club dinas pengadilan mahkamah kejaksaan kejati
    kejari polda polres polsek polresta kodam korem kodim pemerintah pemprov pemkot pemkab
    dprd rumah rs rsud rsup puskesmas grup group persatuan asosiasi ikatan himpunan perhimpunan
    federasi gabungan majelis fraksi koalisi gerakan front serikat koperasi perum perusahaan
    stasiun bandara pelabuhan bursa museum masjid gereja pura hotel stadion gedung jalan jl
    kampus kota kabupaten provinsi kecamatan kelurahan desa kampung pulau gunung sungai danau
    laut selat teluk distrik komplek kompleks perumahan university college school institute
    department ministry taman lapangan wisma graha tugu monumen makam alun-alun"""
)
# Prefixes above that name a place rather than an organisation.
_PLACE_PREFIXES = _wordset(
    """kota kabupaten provinsi kecamatan kelurahan desa kampung pulau gunung sungai danau laut
    selat teluk distrik komplek kompleks perumahan jalan jl gedung stadion bandara pelabuhan
    stasiun masjid gereja pura hotel museum kampus rumah taman lapangan wisma graha tugu monumen
    makam alun-alun"""
)
_ORG_SUFFIXES = _wordset(
    """Tbk Tbk. Inc Inc. Corp Corp. Corporation Ltd Ltd. LLC Co Co. Group Grup Holding Holdings
    AI Labs Lab Technologies Technology Tech Foundation Institute University College FC United
    City Journal Times Post News Motor Motors Airlines Airways Air Capital Ventures Partners
    Studios Studio Games Media Bank Company Systems Networks Pictures Records Entertainment
    Agency Association Council Committee Party Club Society Research Robotics Semiconductor
    Software Cloud Mobile Pharma Energy Persero Authority Commission Board Organization
    Organisation Center Centre Service Services Office Department Ministry Fund Trust Police
    Army Navy Court Stadium Airport Live Tour Festival Awards Cup League Sports Sport Racing
    Motorsport Team Division Unit Bureau"""
)
_PARTICLES = _wordset("bin binti van von der den de da del della dos du le la al el ibn ter")
_TIME_WORDS = _wordset(
    """senin selasa rabu kamis jumat jum'at sabtu minggu ahad januari februari maret april mei
    juni juli agustus september oktober november desember monday tuesday wednesday thursday
    friday saturday sunday january february
    march may june july august october december wib wita wit"""
)
# Capitalised only because they open a sentence or a heading.
# Month abbreviations double as given names ("Jan"): only a date when a number is beside them.
_MONTH_ABBREVIATIONS = _wordset("jan feb mar apr jun jul agu ags agt sep sept okt nov des")
_STOPWORDS = _wordset(
    """yang dan di ke dari pada untuk dengan oleh dalam atas bagi antara tentang soal terhadap
    sejak hingga sampai menurut namun tetapi tapi sedangkan sementara adapun meski meskipun
    walaupun walau jika kalau apabila bila ketika saat selama setelah sesudah sebelum karena sebab
    sehingga agar supaya bahwa maka lalu kemudian akhirnya bahkan juga pun selain serta atau
    ini itu tersebut sini situ dia ia beliau mereka kami kita saya aku anda kamu engkau kalian
    apa siapa mana bagaimana mengapa kenapa kapan berapa apakah tak tidak bukan belum sudah
    telah akan sedang masih bisa dapat harus perlu boleh mau ingin para sang si sebuah seorang
    beberapa banyak semua seluruh setiap tiap hal baru lebih paling sangat begitu demikian
    berikut berdasarkan terkait mengenai hanya kini sekarang nanti kemarin besok hari tahun bulan
    pekan jam pukul waktu ada adalah merupakan ialah yakni yaitu ya tidak oh wah nah pula lagi
    sekitar sekali tanpa seperti sebagai secara tetap pernah sempat terus justru tentu memang
    mungkin semoga tolong mari ayo silakan baca lihat simak foto video sumber editor penulis
    reporter baca juga the a an in on at of for and or but with by from to as it its he she
    they we i you this that these those his her their our my your what who when where why how
    if after before while since however meanwhile according also yet so then now today
    yesterday there here not no yes all some many most more new read share leave reply
    popular updates data bagikan komentar tags tag halaman selanjutnya sebelumnya"""
)
_SPEECH_AFTER = _wordset(
    """mengatakan menyatakan mengungkapkan menjelaskan menambahkan menegaskan menilai menyebut
    menyebutkan menuturkan mengaku berkata menyampaikan menerangkan mengklaim memperingatkan
    berargumen menulis bertanya menjawab meminta mengimbau menekankan mengingatkan membantah
    menyesalkan berpendapat mengakui mengutip memaparkan melanjutkan mencuit bercerita
    berujar berharap said says told wrote added argued stated explained tweeted warned noted"""
)
_SPEECH_BEFORE = _wordset(
    """kata ujar ucap tutur jelas imbuh ungkap sebut tambah terang tegas papar lanjut tulis
    menurut timpal tutup pungkas tandas sambung tukas canda tanya jawab cetus kilah beber urai
    kenang sahut said says wrote added"""
)
_APPOSITION_WORDS = _wordset("selaku sebagai yakni yaitu alias atau")
_ADVERBS = _wordset("juga pun kemudian lalu telah sudah sempat pernah kembali lantas sendiri")

# Indonesian derived words (ke-an, pe-an, me-, di-, ber-, peng-): vocabulary, not surnames.
_AFFIX_COMMON_RE = re.compile(
    r"^(?:ke|pe[mnr]?|peng|peny|per)\w{3,}an$|^(?:peng|peny|pem[bp]|pen[cdjt])\w{4,}$"
)
# Verb prefixes that foreign names share ("Didier", "Bernard", "Melinda"): such a word is
# vocabulary only when stripping prefix and suffix leaves an Indonesian root.
_VERB_PREFIX_RE = re.compile(r"^(?:me|di|ber|ter)\w{4,}$")
_PREFIX_BASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("memper", ("",)),
    ("meng", ("", "k")),
    ("meny", ("s",)),
    ("mem", ("", "p")),
    ("men", ("", "t")),
    ("me", ("",)),
    ("diper", ("",)),
    ("di", ("",)),
    ("ber", ("",)),
    ("be", ("",)),
    ("ter", ("",)),
)
_SUFFIXES = ("kannya", "kan", "nya", "an", "i", "")
# Words after these are places or organisations ("di Persiba", "ke Uzbekistan").
# Weak cues ("di", "ke") hint at a place; administrative words ("Kabupaten") state one. The
# word is read in a lookahead so "di Kabupaten Lumajang" yields both words.
_PLACE_CUE_RE = re.compile(
    r"(?<![\w-])(?:(?P<admin>Kota|Kabupaten|Provinsi|Kecamatan|Kelurahan|Desa|Pemkab|Pemkot"
    r"|Pemprov|Polres|Polresta|Polda|Polsek|Kodam|Kodim)|di|ke|in|at|kota|negara|provinsi"
    r"|kabupaten|klub|tim|dilansir|melansir|mengutip|laman|situs|harian|majalah|via)[ \t]+"
    r"(?=(?P<word>[A-Z][\w'’-]+))"
)
# Police and ministry units: "Ditreskrimum", "Dittipidum" (Direktorat ...).
_DIRECTORATE_RE = re.compile(r"^Dit[b-df-hj-np-tv-z]")
# "Purwakarta, Jawa Barat": a word before a comma and a province or country is a town.
_BEFORE_REGION_RE = re.compile(
    r"([A-Z][\w'’-]+)[ \t]*,[ \t]+([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)(?![\w'’-])"
)
_ABBREVIATION_AFTER_RE = re.compile(r"[ \t]*\(([A-Z]{2,8})\)")
# "Fendi Timah (56)": an age in brackets right after a name.
_AGE_RE = re.compile(r"[ \t]*\((?:\d{1,2})(?:[ \t]*(?:tahun|th|thn)\.?)?\)")
# Separators inside an enumeration of people, each item perhaps with its team in brackets.
_LIST_GAP_RE = re.compile(
    r"(?:[ \t]*\([^()\n]{1,40}\))?"
    r"(?:[ \t]*,[ \t]*(?:(?:dan|serta|atau|and)[ \t]+)?|[ \t]+(?:dan|serta|atau|and)[ \t]+)"
)
_LIST_STARTS = (",", " ,", " (", " dan ", " serta ", " atau ", " and ")
# "Dia adalah ...": a sentence that opens by stating the role of someone just named.
_PRONOUN_ROLE_RE = re.compile(
    r"[ \t\n\"“‘'(]*(?P<pronoun>Dia|Ia|Beliau|He|She)"
    r"(?:[ \t]+(?:juga|kini|sekarang|saat[ \t]+ini|pun))?"
    r"(?=[ \t]+(?:adalah|merupakan|ialah|menjabat|is|was)[ \t])"
)
# A name-like token: abbreviated title, initials, or a word that starts with a capital.
_WORD_PATTERN = (
    r"(?<![\w'’-])(?:(?:Prof|Dr|Drs|Dra|Ir|Hj|H|KH|Mr|Mrs|Ms|Jr|Sr|St|Ny|Tn|Sdr|Kol)\.(?=[ \t])"
    r"|[A-Z]\.(?:[A-Z]\.)*"
    r"|(?:[A-ZÀ-ÖØ-Þ]|[a-z]{1,2}[A-Z]|(?:al|el)-[A-Z])[\w'’]*"
    r"(?:[-.](?!(?:lah|nya|pun|kah)\b)[\w'’]+)*)"
)
# Numbers only continue a run ("Llama 3"); they never start one.
_TOKEN_PATTERN = _WORD_PATTERN + r"|\d+(?:[.,]\d+)*[a-zA-Z]*"
_PARTICLE_PATTERN = "(?:" + "|".join(sorted(_PARTICLES)) + ")"
_SEP = r"[ \t\u00a0]+"
# A run: name-like tokens joined by blanks, with up to two particles ("van der") between.
_RUN_RE = re.compile(
    rf"(?:{_WORD_PATTERN})(?:{_SEP}(?:{_PARTICLE_PATTERN}{_SEP}){{0,2}}(?:{_TOKEN_PATTERN}))*"
)
_NONBLANK_RE = re.compile(r"[^ \t\u00a0]+")
_DIGIT_RE = re.compile(r"\d")
_URL_CHARS = frozenset("/.=?&#@")
_COMPASS = frozenset({"utara", "selatan", "timur", "barat", "tengah", "daya", "laut", "raya"})
_CAMEL_RE = re.compile(r"^[A-Z][a-z]{3,}[A-Z]|^[A-Z][a-z]+[A-Z]{2}")
# "Awalnya", "Mungkinkah": a word with a clitic is prose, whatever its case.
_CLITIC_RE = re.compile(r"\w{3,}(?:nya|kah|(?<!l)lah|pun)$")
_COMMA_GAP_RE = re.compile(r"[ \t]*,[ \t]*")
_INITIAL_RE = re.compile(r"[A-Z]\.?")
_LOWER_WORD_RE = re.compile(r"(?<![\w-])[a-z][a-z'’-]+")
_HANDLE_RE = re.compile(r"[ \t]*\(@\w+\)")
_NEXT_WORD_RE = re.compile(r"[ \t]+([a-z]+)(?![\w'’-])")
_WORD_AFTER_RE = re.compile(r"[ \t]*,?[ \t]*([a-z]+)(?:[ \t]+([a-z]+))?")
_WORD_BEFORE_RE = re.compile(r"([a-zA-Z]+)[ \t]*,?[ \t]*$")
_LINE_START_RE = re.compile(r"(?:^|\n)[ \t\-–—•*>\"“‘']*")


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\n", "|").split("|") if p.strip()]


GIVEN_NAMES: frozenset[str] = frozenset(_split(_GIVEN_NAMES_TEXT))
PLACES: frozenset[str] = frozenset(_split(_PLACES_TEXT))
KNOWN_ORGS: frozenset[str] = frozenset(_split(_ORGS_TEXT))
REGIONS: frozenset[str] = frozenset(_split(_REGIONS_TEXT))


def _phrase_index(phrases: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.split())
        index.setdefault(words[0], []).append(words)
    for bucket in index.values():
        bucket.sort(key=len, reverse=True)
    return index


_PLACE_INDEX = _phrase_index(PLACES)
_ORG_INDEX = _phrase_index(KNOWN_ORGS)


@lru_cache(maxsize=1)
def _root_words() -> frozenset[str]:
    """Indonesian root words (Sastrawi's dictionary): tells "Kabar" from a surname."""
    try:
        import Sastrawi

        path = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"
        return frozenset(path.read_text(encoding="utf-8").split())
    except (ImportError, OSError):
        return frozenset()


# ---------------------------------------------------------------------------------------------
# Token analysis.


class Kind(Enum):
    NAME = "name"
    INITIAL = "initial"
    PARTICLE = "particle"
    HONORIFIC = "honorific"
    ROLE = "role"
    ACRONYM = "acronym"
    PLACE = "place"
    ORG = "org"
    ORG_PREFIX = "org_prefix"
    ORG_SUFFIX = "org_suffix"
    PRODUCT = "product"
    TIME = "time"
    COMMON = "common"


_NAMEISH = (Kind.NAME, Kind.INITIAL, Kind.PARTICLE)
_ROLE_CONTEXT = (Kind.ROLE, Kind.ACRONYM, Kind.PLACE, Kind.ORG, Kind.PRODUCT, Kind.COMMON)


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    kind: Kind = Kind.NAME


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    name: str


@dataclass
class _Context:
    text: str
    lower_words: frozenset[str]
    sentence_starts: frozenset[int]
    placey: frozenset[str]  # words a cue ("di", "ke", "Kota") puts in the place of a place
    towns: frozenset[str]  # words the text states to be towns ("Kabupaten X", "X, Jawa Barat")
    before_place: frozenset[str] = frozenset()
    mid_sentence: frozenset[str] = frozenset()  # capitalised words seen away from a sentence start
    # surname -> given names it follows in candidates confirmed by their given name
    families: dict[str, frozenset[str]] = field(default_factory=dict)
    runs: list[list[_Tok]] = field(default_factory=list)
    singles: Counter[str] = field(default_factory=Counter)
    orgs: list[OrgMention] = field(default_factory=list)


def _runs(text: str) -> list[list[_Tok]]:
    """Capitalised tokens grouped into runs separated only by blanks or name particles."""
    runs: list[list[_Tok]] = []
    for run in _RUN_RE.finditer(text):
        toks = []
        for m in _NONBLANK_RE.finditer(text, run.start(), run.end()):
            word = m.group()
            kind = Kind.PARTICLE if word in _PARTICLES else Kind.NAME
            toks.append(_Tok(m.start(), m.end(), word, kind))
        runs.append(toks)
    return runs


def _match_phrase(run: list[_Tok], i: int, index: dict[str, list[tuple[str, ...]]]) -> int:
    for phrase in index.get(run[i].text, ()):
        n = len(phrase)
        if i + n <= len(run) and all(run[i + k].text == phrase[k] for k in range(n)):
            return n
    return 0


def _is_acronym(word: str) -> bool:
    if word.isupper():
        return sum(1 for c in word if c.isalpha()) >= 2
    return word[0].islower() and sum(1 for c in word if c.isupper()) >= 2  # "xAI"


def _classify(tok: _Tok, ctx: _Context) -> Kind:
    word = tok.text
    low = word.lower()
    bare = low.rstrip(".")
    if not word.isalpha() and _DIGIT_RE.search(word):
        return Kind.PRODUCT
    if low in _HONORIFICS or bare in _HONORIFICS:
        return Kind.HONORIFIC
    if (len(word) <= 2 and _INITIAL_RE.fullmatch(word)) or word[1:2] == ".":
        return Kind.INITIAL
    if bare in RANKS:
        return Kind.ROLE
    if word in _ORG_SUFFIXES:
        return Kind.ORG_SUFFIX
    if bare in _ORG_PREFIXES:
        return Kind.ORG_PREFIX
    if _is_acronym(word):
        return Kind.ACRONYM
    if bare in _TIME_WORDS or (bare in _MONTH_ABBREVIATIONS and _beside_number(tok, ctx.text)):
        return Kind.TIME
    if "-" in bare and _reduplicated(bare):
        return Kind.COMMON
    if _CAMEL_RE.search(word) or _DIRECTORATE_RE.match(word):
        return Kind.ORG  # "MotoGP", "WannaCry": brands; "McGrew", "DiCaprio" stay names
    if bare in _STOPWORDS:
        return Kind.COMMON
    if bare in GIVEN_NAMES:
        return Kind.NAME
    if bare.endswith("nya") and is_role_word(bare[:-3]):
        return Kind.ROLE
    if is_role_word(bare) or (bare in QUALIFIERS and len(bare) > 3):
        return Kind.ROLE
    if bare in ctx.lower_words or _AFFIX_COMMON_RE.match(bare) or _CLITIC_RE.search(bare):
        return Kind.COMMON
    if _VERB_PREFIX_RE.match(bare) and _derived(bare):
        return Kind.COMMON
    if bare.endswith("an") and len(bare) > 6 and bare[:-2] in _root_words():
        return Kind.COMMON  # "Hubungan", "Tuntutan": a root word plus -an
    if word in ctx.before_place and bare not in GIVEN_NAMES:
        return Kind.ORG
    if (
        tok.start in ctx.sentence_starts
        and word not in ctx.mid_sentence
        and bare.split("-")[0] in _root_words()
    ):
        return Kind.COMMON
    return Kind.NAME


@lru_cache(maxsize=4096)
def _derived(word: str) -> bool:
    """Whether a me-/di-/ber-/ter- word is an Indonesian root with affixes ("Dilaporkan")."""
    roots = _root_words()
    if word in roots:
        return True
    for prefix, restores in _PREFIX_BASES:
        if not word.startswith(prefix):
            continue
        stem = word[len(prefix) :]
        for suffix in _SUFFIXES:
            if suffix and not stem.endswith(suffix):
                continue
            base = stem[: len(stem) - len(suffix)]
            if base.startswith("ke"):  # "diketahui": di-ke-tahu-i
                base = base[2:]
            if len(base) >= 3 and any(r + base in roots for r in restores):
                return True
    return False


def _beside_number(tok: _Tok, text: str) -> bool:
    return bool(re.match(r"[ \t]*\d", text[tok.end : tok.end + 3])) or bool(
        re.search(r"\d[ \t]*$", text[max(0, tok.start - 3) : tok.start])
    )


def _reduplicated(word: str) -> bool:
    """ "orang-orang", "tiba-tiba": Indonesian plurals and adverbs, never names."""
    head, _, tail = word.partition("-")
    return tail.startswith(head[:3])


def _classify_run(run: list[_Tok], ctx: _Context) -> None:
    i = 0
    while i < len(run):
        if run[i].kind is Kind.PARTICLE:
            i += 1
            continue
        n = _match_phrase(run, i, _ORG_INDEX)
        kind = Kind.ORG
        if not n:
            n, kind = _match_phrase(run, i, _PLACE_INDEX), Kind.PLACE
        if n:
            for k in range(i, i + n):
                run[k].kind = kind
            if kind is Kind.ORG:
                _add_org(ctx, run[i].start, run[i + n - 1].end)
            i += n
            continue
        run[i].kind = _classify(run[i], ctx)
        i += 1
    _mark_products(run, ctx)


def _mark_products(run: list[_Tok], ctx: _Context) -> None:
    """A name followed by a version ("Llama 3", "Kimi K2") is a product, not a surname."""
    for i, tok in enumerate(run):
        if tok.kind is not Kind.PRODUCT:
            continue
        prev = run[i - 1] if i else tok
        if (
            i
            and prev.kind in (Kind.NAME, Kind.ORG)
            and prev.text.lower() not in _MONTH_ABBREVIATIONS
        ):
            prev.kind = Kind.ORG
            tok.kind = Kind.ORG
            _add_org(ctx, prev.start, tok.end)
        elif tok.text[0].isalpha() and ctx.text[tok.start - 1 : tok.start] not in _URL_CHARS:
            _add_org(ctx, tok.start, tok.end)


def _add_org(ctx: _Context, start: int, end: int) -> None:
    ctx.orgs.append(OrgMention(start, end, ctx.text[start:end]))


# ---------------------------------------------------------------------------------------------
# Name candidates inside a run.


@dataclass
class _Candidate:
    start: int
    end: int
    tokens: list[_Tok]
    prev: _Tok | None
    nxt: _Tok | None

    @property
    def words(self) -> list[str]:
        return [t.text for t in self.tokens if t.kind is not Kind.PARTICLE]


def _segments(run: list[_Tok]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of maximal name-like stretches, particles not at the edges."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(run):
        if run[i].kind not in _NAMEISH:
            i += 1
            continue
        j = i
        while j < len(run) and run[j].kind in _NAMEISH:
            j += 1
        a, b = i, j
        while a < b and run[a].kind is Kind.PARTICLE:
            a += 1
        while b > a and run[b - 1].kind in (Kind.PARTICLE, Kind.INITIAL):
            b -= 1
        if b > a and any(run[k].kind is Kind.NAME for k in range(a, b)):
            out.append((a, b))
        i = j
    return out


def _first_given(run: list[_Tok], a: int, b: int) -> int:
    for k in range(a, b):
        if run[k].text.lower() in GIVEN_NAMES:
            return k
    return -1


def _is_title_word(word: str) -> bool:
    low = word.lower()
    return is_role_word(low) or low in QUALIFIERS


def _trim_after_prefix(run: list[_Tok], a: int, b: int, ctx: _Context) -> int:
    """After "PT"/"Bank"/"Universitas" the first tokens name the organisation, not a person."""
    given = _first_given(run, a, b)
    cut = given if given >= 0 else (b - 2 if b - a >= 3 else b)
    end = cut
    if cut == b:  # "PT Kereta Api Indonesia": the name runs on through places and acronyms
        while end < len(run) and run[end].kind in (Kind.PLACE, Kind.ACRONYM, Kind.ORG):
            end += 1
    if cut > a and run[a - 1].text.lower() not in _PLACE_PREFIXES:
        _add_org(ctx, run[a - 1].start, run[end - 1].end)
    return cut


def _trim_after_title(run: list[_Tok], a: int, b: int, ctx: _Context) -> int:
    """ "Menteri Pemberdayaan Aparatur Asman Abnur": field words lead, the name is the tail."""
    given = _first_given(run, a, b)
    if given >= 0 and _is_title_word(run[given].text):  # "Hakim Agung Ahmad ...": "Agung"
        later = _first_given(run, given + 1, b)
        given = later if later > 0 else given
    if 0 <= given < b - 1:  # a known given name in last place is more likely a surname
        while given > a and run[given - 1].kind is Kind.INITIAL:
            given -= 1  # "R Agus Budi Santosa": initials lead the name
        return given
    roots = _root_words()
    while b - a > 2 and (run[a].text.lower() in roots or _org_before_name(run, a, b, ctx)):
        a += 1
    return a


def _org_before_name(run: list[_Tok], a: int, b: int, ctx: _Context) -> bool:
    """ "CEO Kioson Jasin Halim" where both "Kioson" and "Jasin" also stand alone elsewhere:
    the article refers to the person by a later word, so the first is the organisation."""
    return ctx.singles[run[a].text] > 0 and any(ctx.singles[run[k].text] for k in range(a + 1, b))


def _named_place(run: list[_Tok], a: int) -> bool:
    """Whether a place word ("Stadion", "Jalan") leads the run up to token a, across
    honorifics, initials and ranks, so the name there is a place named after someone."""
    k = a - 1
    while k >= 0 and run[k].kind in (Kind.HONORIFIC, Kind.INITIAL, Kind.ROLE):
        word = run[k].text.lower().rstrip(".")
        if run[k].kind is Kind.ROLE and is_role_word(word) and word not in RANKS:
            return False  # "Taman Nasional", "Jalan Jenderal": a field word or rank is fine
        k -= 1
    return (
        k >= 0
        and run[k].kind is Kind.ORG_PREFIX
        and run[k].text.lower().rstrip(".") in _PLACE_PREFIXES
        and (k == 0 or run[k - 1].kind is not Kind.ROLE)  # "Wali Kota ...": a title
    )


def _is_rank(tok: _Tok) -> bool:
    """ "AKBP Leo Andi Gunawan": after a rank the whole run is the name."""
    return tok.text.lower().rstrip(".") in RANKS


def _candidates(run: list[_Tok], ctx: _Context) -> list[_Candidate]:
    out: list[_Candidate] = []
    for a, b in _segments(run):
        prev = run[a - 1] if a > 0 else None
        nxt = run[b] if b < len(run) else None
        if run[b - 1].text.lower() in _COMPASS or (
            nxt is not None and nxt.text.lower() in _COMPASS
        ):
            continue  # "Penajam Paser Utara", "Sumba Barat Daya": a region
        if nxt is not None and nxt.kind is Kind.ORG_SUFFIX:
            _add_org(ctx, run[a].start, nxt.end)
            continue
        if _named_place(run, a):
            continue  # "Stadion H. Agus Salim", "Jalan Jenderal Sudirman": a place
        if prev is not None and prev.kind is Kind.ORG_PREFIX:
            a = _trim_after_prefix(run, a, b, ctx)
        elif b - a > 2 and (
            (prev is not None and prev.kind in _ROLE_CONTEXT and not _is_rank(prev))
            or (a == 0 and role_before(ctx.text, run[0].start) is not None)
        ):
            a = _trim_after_title(run, a, b, ctx)
        while a < b and run[a].kind not in (Kind.NAME, Kind.INITIAL):
            a += 1
        while b - a > 2 and run[a].text in ctx.towns:
            a += 1  # "Bupati Banyumas Budhi Setiawan": the town belongs to the title
        if a >= b or sum(1 for t in run[a:b] if t.kind is not Kind.INITIAL) > 4:
            continue
        prev = run[a - 1] if a > 0 else None
        out.append(_Candidate(run[a].start, run[b - 1].end, run[a:b], prev, nxt))
    return out


# ---------------------------------------------------------------------------------------------
# Evidence.


def _speech_nearby(text: str, cand: _Candidate) -> bool:
    after = _WORD_AFTER_RE.match(text, cand.end)
    if after is not None:
        first, second = after.group(1), after.group(2)
        if first in _SPEECH_AFTER or (first in _ADVERBS and second in _SPEECH_AFTER):
            return True
    before = _WORD_BEFORE_RE.search(text, max(0, cand.start - 30), cand.start)
    return before is not None and before.group(1).lower() in _SPEECH_BEFORE


def _honorific_before(cand: _Candidate) -> bool:
    return cand.prev is not None and cand.prev.kind is Kind.HONORIFIC


def _has_title(text: str, cand: _Candidate, floor: int) -> bool:
    return (
        _honorific_before(cand)
        or role_before(text, cand.start, floor) is not None
        or role_after(text, cand.end) is not None
    )


def _is_vocabulary(word: str) -> bool:
    low = word.lower()
    return low not in GIVEN_NAMES and low in _root_words()


def _multi_word_person(ctx: _Context, cand: _Candidate, floor: int) -> bool:
    text, words = ctx.text, cand.words
    first_given = words[0].lower() in GIVEN_NAMES
    if not first_given and (words[0] in ctx.placey or words[-1] in ctx.towns):
        return False  # "Haryoto Lumajang": a hospital or firm named with its town
    if _abbreviated_longer(text, cand):
        return False
    if (
        first_given
        or _HANDLE_RE.match(text, cand.end)
        or _AGE_RE.match(text, cand.end)
        or _speech_nearby(text, cand)
    ):
        return True
    vocabulary = [_is_vocabulary(w) for w in words]
    if _has_title(text, cand, floor):
        # "Kepala Bagian Publikasi Biro ...": dictionary words after a title name a unit, unless
        # the sentence goes on after them as after a subject ("Penyanyi Sari Kusuma tiba").
        return not all(vocabulary) or _name_ends_here(ctx, cand, floor)
    return not any(vocabulary) and any(ctx.singles[w] > 0 for w in words)


def _name_ends_here(ctx: _Context, cand: _Candidate, floor: int) -> bool:
    """Whether dictionary words after a title are a name rather than the unit the title heads.

    A name ends the capitalised run, and then either the clause goes on with a lower-case
    content word ("Penyanyi Sari Kusuma tiba di ...") or its surname is the surname of someone
    the article names by a known given name ("..., pengusaha Bayu Kusuma"). A unit or body
    ("Kepala Bagian Publikasi Biro Humas ...", "pemain Pantai Gading itu") runs on into the
    body it belongs to, or is closed by a function word; and a title stated of the previous
    name ("Abimanyu sebagai Panglima Perang Pandawa melawan") holds its object. A bare comma
    before the title may as well start a new apposed name ("..., penyanyi Aura Kasih")."""
    if cand.nxt is not None:
        return False
    text, words = ctx.text, cand.words
    after = _NEXT_WORD_RE.match(text, cand.end)
    if after is not None:
        if _is_function_word(after.group(1)):
            return False
    elif not ctx.families.get(words[-1], frozenset()) - {words[0]}:
        return False  # "Kepala Bagian Publikasi Biro, ...": nobody else has that surname
    title = role_after(text, floor) if floor else None
    return (
        title is None
        or title.end < cand.start
        or _COMMA_GAP_RE.fullmatch(text, floor, title.start) is not None  # "Diana', penyanyi"
    )


def _is_function_word(word: str) -> bool:
    return (
        word in _STOPWORDS
        or word in _ADVERBS
        or word in _APPOSITION_WORDS
        or is_role_word(word)
        or word in QUALIFIERS
    )


_AFTER_SPEAKER = (Kind.TIME, Kind.COMMON, Kind.HONORIFIC)


def _abbreviated_longer(text: str, cand: _Candidate) -> bool:
    """ "... Nasional Bromo Tengger Semeru (TNBTS)": an abbreviation with more letters than the
    candidate has words spells a longer name that starts before it, an organisation or a place
    ("Susilo Bambang Yudhoyono (SBY)" stays a person)."""
    m = _ABBREVIATION_AFTER_RE.match(text, cand.end)
    return m is not None and len(m.group(1)) > len(cand.words)


def _single_word_person(ctx: _Context, cand: _Candidate, floor: int, known: set[str]) -> bool:
    word = cand.words[0]
    if word in known:
        return True
    if cand.tokens[0].kind is not Kind.NAME or len(word) < 3 or word in ctx.placey:
        return False
    if _honorific_before(cand):
        return True
    given = word.lower() in GIVEN_NAMES
    if _is_vocabulary(word):
        return False
    if (cand.nxt is None or cand.nxt.kind in _AFTER_SPEAKER) and _speech_nearby(ctx.text, cand):
        return True  # "kata Budi", but not "kata Sekretaris MUI ..."
    # "Ketua Mahkamah Agung": a given name that is also a title word is not a name here.
    titled = role_before(ctx.text, cand.start, floor) is not None
    return given and titled and not _is_title_word(word)


# ---------------------------------------------------------------------------------------------
# Public API.


def _sentence_starts(text: str, sentences: Sequence[Sentence]) -> frozenset[int]:
    starts = {m.end() for m in _LINE_START_RE.finditer(text)}
    for s in sentences:
        lead = len(s.text) - len(s.text.lstrip(" \t\n\"“‘'([-–—•*"))
        starts.add(s.start + lead)
    return frozenset(starts)


def _context(text: str, sentences: Sequence[Sentence]) -> _Context:
    lower = frozenset(_LOWER_WORD_RE.findall(text))
    cued = [(m.group("word"), m.group("admin") is not None) for m in _PLACE_CUE_RE.finditer(text)]
    towns = frozenset(word for word, admin in cued if admin) | _towns(text)
    placey = frozenset(word for word, _ in cued) | towns
    ctx = _Context(text, lower, _sentence_starts(text, sentences), placey, towns)
    ctx.runs = _runs(text)
    ctx.before_place = _words_before_places(ctx.runs)
    ctx.mid_sentence = frozenset(
        t.text for run in ctx.runs for t in run if t.start not in ctx.sentence_starts
    )
    for run in ctx.runs:
        _classify_run(run, ctx)
    ctx.singles = Counter(
        run[0].text
        for run in ctx.runs
        if len(run) == 1 and run[0].kind is Kind.NAME and run[0].start not in ctx.sentence_starts
    )
    return ctx


def _towns(text: str) -> frozenset[str]:
    """Words written as "<town>, <province or country>"."""
    return frozenset(
        m.group(1)
        for m in _BEFORE_REGION_RE.finditer(text)
        if m.group(2) in REGIONS or m.group(2).split()[0] in REGIONS
    )


def _words_before_places(runs: list[list[_Tok]]) -> frozenset[str]:
    """A lone word fronting a city ("Persikota Tangerang", "Arema Malang") names a club or firm."""
    out = set()
    for run in runs:
        if (
            len(run) >= 2
            and run[0].text not in PLACES
            and _match_phrase(run, 1, _PLACE_INDEX) == len(run) - 1
        ):
            out.add(run[0].text)
    return frozenset(out)


def _all_candidates(ctx: _Context) -> list[_Candidate]:
    return [c for run in ctx.runs for c in _candidates(run, ctx)]


def _accept(
    ctx: _Context, cands: list[_Candidate], overrides: Overrides | None
) -> list[_Candidate]:
    blocked = overrides.not_people_lower if overrides else frozenset()
    cands = [c for c in cands if ctx.text[c.start : c.end].lower() not in blocked]
    accepted: list[_Candidate] = []
    floor = 0
    for cand in cands:
        if len(cand.words) > 1 and (
            _multi_word_person(ctx, cand, floor) or _after_relational(ctx.text, accepted, cand)
        ):
            accepted.append(cand)
            floor = cand.end
        elif len(cand.words) == 1 and cand.tokens[0].kind is Kind.NAME:
            floor = cand.end  # a rejected longer run is a place or a body: titles span it
    accepted, objects = _title_objects_to_people(ctx, cands, accepted)
    accepted += _enumerated(ctx, [c for c in cands if c.start not in objects], accepted)
    full_names = {ctx.text[c.start : c.end] for c in accepted}
    accepted += [
        c
        for c in cands
        if len(c.words) > 1 and c not in accepted and ctx.text[c.start : c.end] in full_names
    ]
    known = {w for c in accepted for w in c.words if len(w) > 2}
    floor = 0
    for cand in cands:
        if len(cand.words) == 1 and _single_word_person(ctx, cand, floor, known):
            accepted.append(cand)
        floor = cand.end
    accepted.sort(key=lambda c: c.start)
    return accepted


def _title_objects_to_people(
    ctx: _Context, cands: list[_Candidate], accepted: list[_Candidate]
) -> tuple[list[_Candidate], set[int]]:
    """ "CEO Dorna Sports, Carmelo Ezpeleta": what a title names right before an apposed name
    is the organisation and the apposed name the person, unless the title points at a person
    ("kuasa hukum X, Y") or the names go on as a list."""
    text = ctx.text
    by_start = {c.start: c for c in cands}
    dropped: set[int] = set()
    added: list[_Candidate] = []
    for cand in accepted:
        gap = _COMMA_GAP_RE.match(text, cand.end)
        nxt = by_start.get(gap.end()) if gap else None
        if (
            nxt is None
            or len(nxt.words) < 2
            or cand.words[0].lower() in GIVEN_NAMES
            or _list_goes_on(text, nxt.end, by_start)
            or nxt.words[0] in ctx.placey
        ):
            continue
        title = role_before(text, cand.start)
        if title is not None and not is_relational(title.text):
            dropped.add(cand.start)
            added.append(nxt)
    kept = [c for c in accepted if c.start not in dropped]
    have = {c.start for c in kept}
    people = sorted(kept + [c for c in added if c.start not in have], key=lambda c: c.start)
    return people, dropped


def _list_goes_on(text: str, end: int, by_start: dict[int, _Candidate]) -> bool:
    gap = _LIST_GAP_RE.match(text, end)
    return gap is not None and gap.end() in by_start


def _enumerated(
    ctx: _Context, cands: list[_Candidate], accepted: list[_Candidate]
) -> list[_Candidate]:
    """Names listed beside a confirmed person ("Arif Suyono, Benny Wahyudi, dan Fery Aman
    Saragih") are people too: two for a one-word name, one for a longer name."""
    by_start = {c.start: c for c in cands}
    confirmed = {c.start for c in accepted}
    seen: set[int] = set()
    out: list[_Candidate] = []
    for cand in cands:
        if cand.start in seen:
            continue
        chain = [cand]
        while ctx.text.startswith(_LIST_STARTS, chain[-1].end) and (
            (gap := _LIST_GAP_RE.match(ctx.text, chain[-1].end)) and gap.end() in by_start
        ):
            chain.append(by_start[gap.end()])
        seen.update(c.start for c in chain)
        persons = sum(1 for c in chain if c.start in confirmed and len(c.words) > 1)
        if len(chain) < 2 or persons == 0:
            continue
        out += [c for c in chain if c.start not in confirmed and _list_member(ctx, c, persons)]
    return out


def _list_member(ctx: _Context, cand: _Candidate, persons: int) -> bool:
    words = cand.words
    if words[0] in ctx.placey or all(_is_vocabulary(w) for w in words):
        return False
    if len(words) > 1:
        return True
    word = words[0]
    return persons >= 2 and cand.tokens[0].kind is Kind.NAME and len(word) > 2


def _after_relational(text: str, accepted: list[_Candidate], cand: _Candidate) -> bool:
    """ "kuasa hukum Setya Novanto, Firman Wijaya": the apposed name is the lawyer."""
    if not accepted or not _apposed(text, accepted[-1].end, cand.start):
        return False
    title = role_before(text, accepted[-1].start)
    return title is not None and is_relational(title.text)


def _forced(text: str, overrides: Overrides | None) -> list[tuple[int, int]]:
    if overrides is None or overrides.people_pattern is None:
        return []
    return [(m.start(), m.end()) for m in overrides.people_pattern.finditer(text)]


def _dedupe(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlaps resolved in favour of the longer one."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if kept and start < kept[-1][1]:
            if end - start > kept[-1][1] - kept[-1][0]:
                kept[-1] = (start, end)
            continue
        kept.append((start, end))
    return kept


def _roles(text: str, kept: list[tuple[int, int]]) -> list[str]:
    roles: list[str] = []
    handed_on = ""
    for i, (start, end) in enumerate(kept):
        floor = kept[i - 1][1] if i else 0
        ceiling = kept[i + 1][0] if i + 1 < len(kept) else None
        before = None if handed_on else role_before(text, start, floor)
        span = before or role_after(text, end, ceiling)
        role = handed_on or (span.text.strip() if span else "")
        handed_on = ""
        if before is not None and is_relational(before.text) and _apposed(text, end, ceiling):
            handed_on, role = text[before.start : end], ""
        roles.append(role)
    return roles


def _apposed(text: str, end: int, next_start: int | None) -> bool:
    """Whether the next name follows right after a comma: "..., Firman Wijaya"."""
    return next_start is not None and _COMMA_GAP_RE.fullmatch(text, end, next_start) is not None


def _mentions(text: str, spans: list[tuple[int, int]]) -> list[PersonMention]:
    kept = _dedupe(spans)
    return [
        PersonMention(start, end, text[start:end], role)
        for (start, end), role in zip(kept, _roles(text, kept), strict=True)
    ]


@lru_cache(maxsize=16)
def _analyse(text: str, sentences: tuple[Sentence, ...]) -> tuple[_Context, list[_Candidate]]:
    ctx = _context(text, sentences)
    cands = _all_candidates(ctx)
    ctx.families = _families(cands)
    return ctx, cands


def _families(cands: list[_Candidate]) -> dict[str, frozenset[str]]:
    """Surname -> the given names it follows, for names that start with a known given name."""
    out: dict[str, set[str]] = {}
    for cand in cands:
        words = cand.words
        if len(words) > 1 and words[0].lower() in GIVEN_NAMES:
            out.setdefault(words[-1], set()).add(words[0])
    return {surname: frozenset(given) for surname, given in out.items()}


def find_people(
    text: str, sentences: Sequence[Sentence] = (), overrides: Overrides | None = None
) -> list[PersonMention]:
    """Every person mention in `text`, in order, with exact spans and the role stated beside it.

    The role is verbatim article text and keeps leading modifiers ("salah satu pendiri",
    "mantan peneliti"); it is "" when nothing next to the name states one.
    """
    ctx, cands = _analyse(text, tuple(sentences))
    spans = [(c.start, c.end) for c in _accept(ctx, cands, overrides)]
    spans += _forced(text, overrides)
    mentions = _mentions(text, spans)
    referred = _pronoun_roles(text, sentences, mentions)
    return sorted(mentions + referred, key=lambda m: m.start) if referred else mentions


def _pronoun_roles(
    text: str, sentences: Sequence[Sentence], mentions: list[PersonMention]
) -> list[PersonMention]:
    """ "Dia adalah salah satu pendiri ..." right after a sentence naming exactly one person
    states that person's role. The mention spans the pronoun, so the sentence cited for the
    role is the one stating it, and its `name` is the person the pronoun stands for."""
    out: list[PersonMention] = []
    starts = [m.start for m in mentions]
    for prev, cur in pairwise(sentences):
        lead = _PRONOUN_ROLE_RE.match(cur.text)
        if lead is None:
            continue
        named = mentions[bisect_left(starts, prev.start) : bisect_left(starts, prev.end)]
        person = _only_person([m.name for m in named])
        if not person or bisect_left(starts, cur.start) < bisect_left(starts, cur.end):
            continue  # "Dia adalah Komisaris Daniel ...": the sentence names someone else
        role = role_after(text, cur.start + lead.end(), cur.end)
        if role is not None:
            start = cur.start + lead.start("pronoun")
            out.append(PersonMention(start, cur.start + lead.end("pronoun"), person, role.text))
    return out


def _only_person(names: list[str]) -> str:
    """The one person a sentence names (its fullest form), "" when it names none or several."""
    if not names:
        return ""
    full = max(names, key=lambda n: len(n.split()))
    words = set(full.split())
    return full if all(set(n.split()) <= words for n in names) else ""


def find_org_mentions(text: str, sentences: Sequence[Sentence] = ()) -> list[OrgMention]:
    """Organisations and products with spans: gazetteer, shape, and titles' objects."""
    ctx, _ = _analyse(text, tuple(sentences))
    seen: set[tuple[int, int]] = set()
    out: list[OrgMention] = []
    for org in sorted(ctx.orgs, key=lambda o: (o.start, -o.end)):
        if (org.start, org.end) not in seen and not any(
            o.start <= org.start and org.end <= o.end for o in out[-3:]
        ):
            seen.add((org.start, org.end))
            out.append(org)
    return out


def find_orgs(text: str, sentences: Sequence[Sentence] = ()) -> list[str]:
    """Distinct organisation and product names in order of first mention."""
    names: dict[str, None] = {}
    for org in find_org_mentions(text, sentences):
        names.setdefault(org.name.strip(), None)
    return list(names)


# ---------------------------------------------------------------------------------------------
# Cross-article registry.


def _words(name: str) -> tuple[str, ...]:
    return tuple(name.split())


def _is_full(name: str) -> bool:
    return len(name.split()) > 1


def _same_person_spelling(a: str, b: str) -> bool:
    """ "Jakub Patchocki" ~ "Jakub Pachocki": one word differs by a typo, the rest is equal.

    Short words are never fuzzed: "Rina" and "Rini" are two people, not a typo.
    """
    wa, wb = [w.lower() for w in _words(a)], [w.lower() for w in _words(b)]
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    shortest = min(len(x), len(y))
    allowed = 2 if shortest >= 9 else 1 if shortest >= 5 else 0
    return x[0] == y[0] and Levenshtein.distance(x, y, score_cutoff=allowed) <= allowed


def _contains(full: str, words: list[str]) -> bool:
    """Whether `full` has `words` as consecutive words, case-insensitively."""
    seq = [w.lower() for w in _words(full)]
    n = len(words)
    return len(seq) > n and any(seq[i : i + n] == words for i in range(len(seq) - n + 1))


DOMINANCE = 4  # how many times more mentions a person needs to claim a shared fragment


_GENERATION = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _extends(full: str, words: list[str]) -> bool:
    """Whether `full` is a longer form of `words`: contains them, or shares first and last
    word ("Anies Rasyid Baswedan" for "Anies Baswedan"); "Donald Trump Jr" is someone else."""
    seq = [w.lower() for w in _words(full)]
    if seq[-1] in _GENERATION:
        return False
    ends = len(words) > 1 and seq[0] == words[0] and seq[-1] == words[-1]
    return _contains(full, words) or (ends and len(seq) > len(words))


@dataclass
class _RoleRecord:
    surface: str
    role: str
    article_id: str


class PersonRegistry:
    """Every person seen across the corpus, with the short and misspelt forms that mean them.

    Resolution order for a surface form: moderator overrides, an exact full name, a typo-ish
    variant of one, then a partial name resolved inside the same article, then across the
    corpus; a fragment that fits two people ("Wijaya") stays as it is.
    """

    def __init__(self, overrides: Overrides | None = None) -> None:
        self.overrides = overrides or Overrides()
        self._counts: Counter[str] = Counter()  # full names, after corrections
        self._order: dict[str, int] = {}
        self._by_article: dict[str, set[str]] = {}
        self._surfaces: dict[str, set[str]] = {}  # article -> surfaces seen there
        self._roles: list[_RoleRecord] = []
        self._rep: dict[str, str] = {}
        self._by_word: dict[str, set[str]] = {}
        self._weight: Counter[str] = Counter()
        self._dirty = True

    # -- building ---------------------------------------------------------------------------

    def add(self, article_id: str, mentions: Iterable[PersonMention]) -> None:
        """Record one article's mentions; later calls for the same article add to it."""
        fulls = self._by_article.setdefault(article_id, set())
        surfaces = self._surfaces.setdefault(article_id, set())
        for mention in mentions:
            surface = " ".join(mention.name.split())
            surfaces.add(surface)
            fixed = self.overrides.rename(surface)
            if _is_full(fixed):
                self._counts[fixed] += 1
                self._order.setdefault(fixed, len(self._order))
                fulls.add(fixed)
            if mention.role:
                self._roles.append(_RoleRecord(surface, mention.role, article_id))
        for name in self.overrides.people:
            if _is_full(name):
                self._order.setdefault(name, len(self._order))
        self._dirty = True

    def _build(self) -> None:
        if not self._dirty:
            return
        names = sorted(self._order, key=self._order.__getitem__)
        parent = {n: n for n in names}

        def find(n: str) -> str:
            while parent[n] != n:
                parent[n] = parent[parent[n]]
                n = parent[n]
            return n

        for block in self._blocks(names):
            for i, a in enumerate(block):
                for b in block[i + 1 :]:
                    if find(a) != find(b) and _same_person_spelling(a, b):
                        parent[find(b)] = find(a)
        self._merge_short_forms(names, find, parent)
        groups: dict[str, list[str]] = {}
        for n in names:
            groups.setdefault(find(n), []).append(n)
        self._rep = {}
        for members in groups.values():
            # The longest form is canonical; among spellings of one length, the commonest.
            best = max(members, key=self._canonical_rank)
            for m in members:
                self._rep[m] = best
        self._weight = Counter()
        for n in names:
            self._weight[self._rep[n]] += self._counts[n]
        self._by_word = {}
        for n in names:
            for word in _words(n):
                self._by_word.setdefault(word.lower(), set()).add(self._rep[n])
        self._dirty = False

    def _merge_short_forms(
        self, names: list[str], find: Callable[[str], str], parent: dict[str, str]
    ) -> None:
        """ "Sri Mulyani" joins "Sri Mulyani Indrawati" when that is the only longer match."""
        index: dict[str, set[str]] = {}
        for n in names:
            for word in _words(n):
                index.setdefault(word.lower(), set()).add(n)
        articles: dict[str, set[str]] = {}
        for article_id, fulls in self._by_article.items():
            for n in fulls:
                articles.setdefault(n, set()).add(article_id)
        for n in sorted(names, key=lambda x: len(_words(x))):
            words = [w.lower() for w in _words(n)]
            pool = set.intersection(*(index.get(w, set()) for w in words)) - {n}
            longer = [m for m in pool if _extends(m, words)]
            local = [m for m in longer if articles.get(m, set()) & articles.get(n, set())]
            # A longer form seen once elsewhere may be a misparse ("Joko Widodo Kahiyang Ayu").
            trusted = local or [m for m in longer if self._counts[m] >= 2]
            roots = {find(m) for m in trusted}
            if len(roots) == 1:
                parent[find(n)] = roots.pop()

    def _canonical_rank(self, name: str) -> tuple[int, int, int, int]:
        """The longest form wins, but a form seen once never beats one seen repeatedly."""
        count = self._counts[name]
        return (min(count, 2), len(_words(name)), count, -self._order[name])

    @staticmethod
    def _blocks(names: list[str]) -> list[list[str]]:
        """Only names sharing a first or a last word are compared: keeps the pass near-linear."""
        blocks: dict[tuple[str, str], list[str]] = {}
        for n in names:
            words = _words(n)
            blocks.setdefault(("first", words[0].lower()), []).append(n)
            blocks.setdefault(("last", words[-1].lower()), []).append(n)
        return [b for b in blocks.values() if len(b) > 1]

    # -- queries ----------------------------------------------------------------------------

    def candidates(self, surface: str, article_id: str | None = None) -> list[str]:
        """The canonical people `surface` may mean: one entry when it is unambiguous."""
        self._build()
        name = self.overrides.rename(" ".join(surface.split()))
        if name in self._rep:
            return [self._rep[name]]
        if article_id is not None:
            local = self._partial_match(name, self._by_article.get(article_id, set()))
            if local:
                return local
        found = self._partial_match(name, None) or self._fuzzy(name)
        return self._dominant(found)

    def _dominant(self, found: list[str]) -> list[str]:
        """Across the corpus a fragment means the person it names far more often than any
        other ("Tito" -> Tito Karnavian); two people of similar weight stay ambiguous."""
        if len(found) < 2:
            return found
        weights = sorted(((self._weight.get(r, 0), r) for r in found), reverse=True)
        top, rest = weights[0][0], sum(w for w, _ in weights[1:])
        return [weights[0][1]] if top >= DOMINANCE * max(rest, 1) else found

    def canonical(self, surface: str, article_id: str | None = None) -> str:
        """The person's canonical full name, or the surface itself when unknown or ambiguous."""
        found = self.candidates(surface, article_id)
        if len(found) == 1:
            return found[0]
        return self.overrides.rename(" ".join(surface.split()))

    def _partial_match(self, name: str, pool: set[str] | None) -> list[str]:
        """Full names in `pool` (None: all) that contain `name`'s words in order ("Altman")."""
        words = [w.lower() for w in name.split()]
        if not words:
            return []
        hits = self._by_word.get(words[0], set())
        if pool is not None:
            hits = hits & {self._rep[p] for p in pool if p in self._rep}
        out = []
        for rep in sorted(hits):
            full = [w.lower() for w in rep.split()]
            if full == words or _contains(rep, words):
                out.append(rep)
        return out

    def _fuzzy(self, name: str) -> list[str]:
        if not _is_full(name):
            return []
        # A typo changes one word, so a match shares the first word or the last: looking only
        # there keeps this off a scan of every person (seconds per build at 10k articles).
        words = [w.lower() for w in name.split()]
        pool = self._by_word.get(words[0], set()) | self._by_word.get(words[-1], set())
        return sorted(r for r in pool if _same_person_spelling(name, r))

    def people(self) -> list[tuple[str, tuple[str, ...]]]:
        """(canonical name, other names it appears as), most mentioned first."""
        self._build()
        aliases: dict[str, set[str]] = {rep: set() for rep in set(self._rep.values())}
        for name, rep in self._rep.items():
            aliases[rep].add(name)
        for article_id, surfaces in self._surfaces.items():
            for surface in surfaces:
                rep = self.canonical(surface, article_id)
                if rep in aliases:
                    aliases[rep].add(surface)
        for alias, target in self.overrides.aliases.items():
            rep = self.canonical(target)
            if rep in aliases:
                aliases[rep].add(alias)
        ordered = sorted(aliases, key=lambda r: (-self._weight[r], r))
        return [(rep, tuple(sorted(aliases[rep] - {rep}))) for rep in ordered]

    def roles(self, name: str) -> list[tuple[str, str]]:
        """(role, article id) for the person `name` resolves to; moderator roles have id ""."""
        rep = self.canonical(name)
        out = [
            (r.role, r.article_id)
            for r in self._roles
            if self.canonical(r.surface, r.article_id) == rep
        ]
        out += [(role, "") for role in self.overrides.roles_for(rep)]
        return list(dict.fromkeys(out))
