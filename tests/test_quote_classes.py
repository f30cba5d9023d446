"""Quote attribution by class, on short articles written for these tests: quotes without a
speech verb, broken quote marks, partial quotes inside reported speech, and speakers named
only by surname or pronoun. Person mentions are given (as the people detector would find
them), so each table tests the quote extractor alone."""

from __future__ import annotations

import pytest
from person_mentions import mentions

from knowledge.extract.quotes import find_quotes
from knowledge.extract.sentences import split_sentences

Expected = list[tuple[str, str]]


def quotes(text: str, names: tuple[str, ...]) -> Expected:
    """(quote text, speaker) pairs; every occurrence of each of `names` is a person mention."""
    found = find_quotes(text, split_sentences(text), mentions(text, *names))
    for q in found:
        assert text[q.start : q.end] == q.text
    return [(q.text, q.speaker) for q in found]


# --- quotes without a speech verb --------------------------------------------------------------

NO_SPEECH_VERB = [
    pytest.param(
        "Rina Kartika menggeleng. “Kami menolak tawaran itu.”",
        ("Rina Kartika",),
        [("Kami menolak tawaran itu.", "Rina Kartika")],
        id="gesture-then-quote-same-paragraph",
    ),
    pytest.param(
        "Ditanya soal tawaran akuisisi, Rina Kartika, salah satu pendiri perusahaan, hanya "
        "tersenyum.\n\n“Kami belum memutuskan apa pun. Semua masih dibahas.”",
        ("Rina Kartika",),
        [("Kami belum memutuskan apa pun. Semua masih dibahas.", "Rina Kartika")],
        id="subject-of-the-paragraph-before",
    ),
    pytest.param(
        "“Kami menolak tawaran itu,” Rina Kartika menggeleng.",
        ("Rina Kartika",),
        [("Kami menolak tawaran itu", "Rina Kartika")],
        id="name-and-gesture-after-the-quote",
    ),
    pytest.param(
        "“Kami tidak akan mundur satu langkah pun.” Bambang Sutejo menatap para wartawan "
        "satu per satu.",
        ("Bambang Sutejo",),
        [("Kami tidak akan mundur satu langkah pun.", "Bambang Sutejo")],
        id="subject-of-the-sentence-after",
    ),
    pytest.param(
        'Maria Lopez shook her head. "We turned the offer down. The price was far too low."',
        ("Maria Lopez",),
        [("We turned the offer down. The price was far too low.", "Maria Lopez")],
        id="english-gesture-then-quote",
    ),
    pytest.param(
        "Pelatih Persikota, Robert Simanjuntak, tersenyum lebar di ruang konferensi pers.\n\n"
        "“Anak-anak bermain persis sesuai rencana.”",
        ("Robert Simanjuntak",),
        [("Anak-anak bermain persis sesuai rencana.", "Robert Simanjuntak")],
        id="role-apposition-subject",
    ),
    pytest.param(
        "Andika Pratama dan Bima Saputra bersenggolan di tikungan terakhir.\n\n"
        "“Itu balapan yang keras, tapi adil.”",
        ("Andika Pratama", "Bima Saputra"),
        [("Itu balapan yang keras, tapi adil.", "")],
        id="two-subjects-is-unclear",
    ),
    pytest.param(
        "Budi Santoso tiba di lokasi pukul delapan. “Ini bencana terbesar di desa kami.” "
        "Siti Aminah menangis di sampingnya.",
        ("Budi Santoso", "Siti Aminah"),
        [("Ini bencana terbesar di desa kami.", "")],
        id="different-people-before-and-after-is-unclear",
    ),
    pytest.param(
        "Polisi menangkap Joko Susilo di rumahnya, Senin malam.\n\n"
        "“Kami masih mendalami peran tersangka dalam kasus ini.”",
        ("Joko Susilo",),
        [("Kami masih mendalami peran tersangka dalam kasus ini.", "")],
        id="object-of-the-sentence-is-not-the-speaker",
    ),
    pytest.param(
        "Lorenzo Saputra sendiri sudah berusia 29 tahun.\n\n“Vinales sudah menunjukkan "
        "kecepatannya musim lalu.”\n\n“Tetapi kami yakin dengan keputusan kami,” ujar Paolo "
        "Ciabatti.",
        ("Lorenzo Saputra", "Paolo Ciabatti"),
        [
            ("Vinales sudah menunjukkan kecepatannya musim lalu.", "Paolo Ciabatti"),
            ("Tetapi kami yakin dengan keputusan kami", "Paolo Ciabatti"),
        ],
        id="first-paragraph-of-a-statement-attributed-after-it",
    ),
    pytest.param(
        "Tim tamu hanya mampu mencetak satu gol.\n\n“Wasit memimpin dengan buruk hari ini.”",
        (),
        [("Wasit memimpin dengan buruk hari ini.", "")],
        id="nobody-named",
    ),
    pytest.param(
        "Sejak pagi, ratusan warga mengantre di depan kantor kelurahan bersama Lurah Hadi "
        "Purnomo.\n\n“Antreannya panjang sekali sejak subuh.”",
        ("Hadi Purnomo",),
        [("Antreannya panjang sekali sejak subuh.", "")],
        id="name-after-a-preposition-is-not-the-subject",
    ),
]


@pytest.mark.parametrize(("text", "names", "expected"), NO_SPEECH_VERB)
def test_quote_without_speech_verb(text: str, names: tuple[str, ...], expected: Expected) -> None:
    assert quotes(text, names) == expected


# --- broken quote marks -----------------------------------------------------------------------

BROKEN_MARKS = [
    pytest.param(
        'Kami menolak tawaran itu karena valuasinya rendah," kata Rina Kartika.\n\n'
        "Perusahaan itu kini fokus di Jawa Tengah dan Yogyakarta.",
        ("Rina Kartika",),
        [("Kami menolak tawaran itu karena valuasinya rendah", "Rina Kartika")],
        id="quote-that-only-closes",
    ),
    pytest.param(
        "“Kami sudah berlatih keras selama tiga bulan.\nHasilnya akan terlihat di musim "
        "depan,” kata Wahyu Setiawan.\n\nMusim baru dimulai bulan Agustus.",
        ("Wahyu Setiawan",),
        [
            ("Kami sudah berlatih keras selama tiga bulan.", "Wahyu Setiawan"),
            ("Hasilnya akan terlihat di musim depan", "Wahyu Setiawan"),
        ],
        id="line-break-inside-a-quote",
    ),
    pytest.param(
        "Harga beras naik “drastis sekali bulan ini. “Stok di gudang kami masih cukup untuk "
        "tiga bulan,” kata Tono Wibisono.",
        ("Tono Wibisono",),
        [("Stok di gudang kami masih cukup untuk tiga bulan", "Tono Wibisono")],
        id="stray-opening-mark-before-a-quote",
    ),
    pytest.param(
        'Harga beras naik "drastis sekali bulan ini menurut para pedagang.\n\n'
        '"Stok di gudang kami masih cukup," kata Tono Wibisono.',
        ("Tono Wibisono",),
        [("Stok di gudang kami masih cukup", "Tono Wibisono")],
        id="stray-mark-is-not-a-quote-continued-in-the-next-paragraph",
    ),
    pytest.param(
        "Rina Kartika menggeleng.\n\n“Kami menolak tawaran itu. Valuasinya terlalu rendah.\n\n"
        "Galih Pratama mendirikan perusahaan itu bersama Rina pada 2020.",
        ("Rina Kartika", "Galih Pratama"),
        [("Kami menolak tawaran itu. Valuasinya terlalu rendah.", "Rina Kartika")],
        id="quote-never-closed-keeps-to-its-paragraph",
    ),
    pytest.param(
        'The plan is dead on arrival," Okafor said.\n\nThe council voted 52 to 31.',
        ("David Okafor", "Okafor"),
        [("The plan is dead on arrival", "Okafor")],
        id="english-quote-that-only-closes",
    ),
    pytest.param(
        "Harga cabai naik 20 persen” menurut data pasar induk.\n\nPedagang masih menunggu.",
        (),
        [],
        id="stray-closing-mark-without-a-speaker",
    ),
    pytest.param(
        "Gubernur Lestari Wulandari menjawab, “Kami siap.\n\nAnggaran untuk jembatan itu "
        "sudah disetujui dewan pada bulan lalu.",
        ("Lestari Wulandari",),
        [("Kami siap.", "Lestari Wulandari")],
        id="lead-in-quote-left-open-does-not-take-the-next-paragraph",
    ),
]


@pytest.mark.parametrize(("text", "names", "expected"), BROKEN_MARKS)
def test_broken_quote_marks(text: str, names: tuple[str, ...], expected: Expected) -> None:
    assert quotes(text, names) == expected


# --- partial quotes inside reported speech -----------------------------------------------------

PARTIAL = [
    pytest.param(
        "Ekonom Faisal Hamdani menyebut kebijakan itu “terlalu tergesa-gesa”.",
        ("Faisal Hamdani",),
        [("terlalu tergesa-gesa", "Faisal Hamdani")],
        id="menyebut-two-words",
    ),
    pytest.param(
        "Ekonom Faisal Hamdani hadir dalam diskusi itu. Ia menyebut kebijakan itu "
        "“terlalu tergesa-gesa”.",
        ("Faisal Hamdani",),
        [("terlalu tergesa-gesa", "Faisal Hamdani")],
        id="pronoun-subject",
    ),
    pytest.param(
        "Councillor Margaret Holloway opposed the scheme. She said residents would "
        '"pay for it for years".',
        ("Margaret Holloway",),
        [("pay for it for years", "Margaret Holloway")],
        id="english-she-said",
    ),
    pytest.param(
        'Its chair, Priya Desai, called it "the biggest step forward for cycling in a generation".',
        ("Priya Desai",),
        [("the biggest step forward for cycling in a generation", "Priya Desai")],
        id="english-called-it",
    ),
    pytest.param(
        "Kuasa hukum terdakwa, Made Suardana, menilai tuntutan jaksa “tidak berdasar”.",
        ("Made Suardana",),
        [("tidak berdasar", "Made Suardana")],
        id="menilai-after-apposition",
    ),
    pytest.param(
        "Pemerintah menyebut kebijakan itu “tepat sasaran”.",
        (),
        [],
        id="scare-quote-of-no-person",
    ),
    pytest.param(
        "Budi Santoso tinggal di kawasan “zona merah” banjir sejak 2010.",
        ("Budi Santoso",),
        [],
        id="scare-quote-without-speech",
    ),
    pytest.param(
        "Budi Santoso menyebut laga itu “neraka”.",
        ("Budi Santoso",),
        [],
        id="one-word-is-a-label",
    ),
    pytest.param(
        "Budi Santoso mengatakan film “Laskar Pelangi” tetap favoritnya.",
        ("Budi Santoso",),
        [],
        id="title-is-not-a-quote",
    ),
]


@pytest.mark.parametrize(("text", "names", "expected"), PARTIAL)
def test_partial_quotes(text: str, names: tuple[str, ...], expected: Expected) -> None:
    assert quotes(text, names) == expected


# --- speakers by surname or pronoun ------------------------------------------------------------

REFERENCE = [
    pytest.param(
        "Direktur keuangan Lukas Pratama hadir dalam rapat itu.\n\n"
        "“Laba kuartal ini naik dua belas persen,” kata Pratama.",
        ("Lukas Pratama", "Pratama"),
        [("Laba kuartal ini naik dua belas persen", "Lukas Pratama")],
        id="surname",
    ),
    pytest.param(
        "“Kami kecewa dengan hasil ini,” kata Sinta Dewi, manajer tim.\n\n"
        "Pelatih Joko Susanto enggan berbicara panjang. Ia hanya meminta maaf melalui pesan "
        "tertulis.\n\n“Saya gagal memenuhi harapan,” tulisnya.",
        ("Sinta Dewi", "Joko Susanto"),
        [
            ("Kami kecewa dengan hasil ini", "Sinta Dewi"),
            ("Saya gagal memenuhi harapan", "Joko Susanto"),
        ],
        id="nya-follows-the-new-subject-not-the-last-speaker",
    ),
    pytest.param(
        "“Anggaran desa sudah cair,” kata Esti Rahayu.\n\n"
        "Pak Darsono, pedagang di Pasar Wage, menilai kepala desa seharusnya bertahan.\n\n"
        "“Kami memilih dia untuk lima tahun,” ungkapnya.",
        ("Esti Rahayu", "Darsono"),
        [
            ("Anggaran desa sudah cair", "Esti Rahayu"),
            ("Kami memilih dia untuk lima tahun", "Darsono"),
        ],
        id="nya-after-an-honorific-and-apposition",
    ),
    pytest.param(
        "Pengacara terdakwa, Hotman Sitompul, keberatan dengan vonis itu.\n\n"
        "“Kami akan mengajukan banding,” kata dia.",
        ("Hotman Sitompul",),
        [("Kami akan mengajukan banding", "Hotman Sitompul")],
        id="kata-dia",
    ),
    pytest.param(
        "Councillor Margaret Holloway defended the scheme.\n\n"
        '"It will save lives on our roads," she told the chamber.',
        ("Margaret Holloway",),
        [("It will save lives on our roads", "Margaret Holloway")],
        id="english-she",
    ),
    pytest.param(
        "“Kami kecewa,” kata Rudi Hartono. Pemerintah kota belum menanggapi keluhan itu.\n\n"
        "“Kami akan terus menunggu jawaban mereka,” katanya.",
        ("Rudi Hartono",),
        [
            ("Kami kecewa", "Rudi Hartono"),
            ("Kami akan terus menunggu jawaban mereka", "Rudi Hartono"),
        ],
        id="a-body-as-subject-does-not-take-the-pronoun",
    ),
    pytest.param(
        "Ketua kelompok suporter, Rahmat Hidayat, berharap manajemen tidak tergesa-gesa. "
        "Menurut dia, tim membutuhkan pelatih yang “paham karakter pemain muda”.",
        ("Rahmat Hidayat",),
        [("paham karakter pemain muda", "Rahmat Hidayat")],
        id="menurut-dia",
    ),
    pytest.param(
        "“Doa saja,” ujar Mikha Tambayong.\n\nSementara itu, Chicco Jerikho masih malu-malu. "
        "Saat ditemui, bintang film itu malah membantah kabar tersebut.\n\n"
        "“Siapa bilang saya memilih dia?” ungkapnya.",
        ("Mikha Tambayong", "Chicco Jerikho"),
        [("Doa saja", "Mikha Tambayong"), ("Siapa bilang saya memilih dia?", "Chicco Jerikho")],
        id="role-with-demonstrative-keeps-the-subject",
    ),
    pytest.param(
        "“Saya siap kembali ke klub,” kata Gavin Kwan.\n\nIa hanya butuh izin dari PSSI dan "
        "pelatih Timnas U-22, Luis Milla.\n\n“Hanya saja, risiko cedera cukup besar,” ujarnya.",
        ("Gavin Kwan", "Luis Milla"),
        [
            ("Saya siap kembali ke klub", "Gavin Kwan"),
            ("Hanya saja, risiko cedera cukup besar", "Gavin Kwan"),
        ],
        id="apposition-to-an-object-is-not-a-subject",
    ),
    pytest.param(
        "Melati Kusumaningrum dilantik sebagai rektor, Kamis.\n\n"
        "“Tidak boleh ada anak yang batal kuliah karena biaya,” kata Melati.",
        ("Melati Kusumaningrum",),
        [("Tidak boleh ada anak yang batal kuliah karena biaya", "Melati Kusumaningrum")],
        id="given-name-only",
    ),
]


@pytest.mark.parametrize(("text", "names", "expected"), REFERENCE)
def test_speaker_by_surname_or_pronoun(
    text: str, names: tuple[str, ...], expected: Expected
) -> None:
    assert quotes(text, names) == expected
