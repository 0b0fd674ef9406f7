"""The standard text of a narrative section that the workbook leaves empty.

Written for any unit: the names come from Identitas, never from here.
"""

from __future__ import annotations

from generator.plan.models import Identity, Paragraph, SectionKey

# A component's sentence before its tables, when its Uraian sheet has no Pengantar Tabel.
PENGANTAR_TABEL = "Rencana kerja komponen ini dirinci dalam tabel berikut:"

# Each entry: (level, text). Fields: {satker}, {kementerian}, {tahun}.
_STANDARD: dict[SectionKey, tuple[tuple[int, str], ...]] = {
    SectionKey.KATA_PENGANTAR: (
        (
            0,
            "Pembangunan Zona Integritas merupakan langkah nyata {satker} dalam mencegah "
            "korupsi dan meningkatkan kualitas pelayanan publik, sebagai bagian dari "
            "pelaksanaan reformasi birokrasi di lingkungan {kementerian}.",
        ),
        (
            0,
            "Rencana Kerja Pembangunan Zona Integritas Tahun {tahun} ini memuat target "
            "prioritas, rencana aksi dan jadwal pelaksanaan setiap komponen pengungkit, "
            "sebagai acuan bagi seluruh pegawai {satker}.",
        ),
        (
            0,
            "Semoga rencana kerja ini bermanfaat dan dapat dilaksanakan dengan penuh "
            "tanggung jawab.",
        ),
    ),
    SectionKey.LATAR_BELAKANG: (
        (
            0,
            "Reformasi birokrasi bertujuan mewujudkan birokrasi yang bersih, akuntabel dan "
            "melayani. Salah satu upaya percepatannya adalah pembangunan Zona Integritas "
            "menuju Wilayah Bebas dari Korupsi (WBK) dan Wilayah Birokrasi Bersih dan "
            "Melayani (WBBM).",
        ),
        (
            0,
            "{satker} membangun Zona Integritas melalui enam komponen pengungkit: "
            "Manajemen Perubahan, Penataan Tatalaksana, Penataan Sistem Manajemen SDM, "
            "Penguatan Akuntabilitas Kinerja, Penguatan Pengawasan, dan Peningkatan "
            "Kualitas Pelayanan Publik.",
        ),
    ),
    SectionKey.MAKSUD_TUJUAN: (
        (
            0,
            "Rencana kerja ini dimaksudkan sebagai pedoman pelaksanaan pembangunan Zona "
            "Integritas di {satker} Tahun {tahun}, dengan tujuan menyamakan pemahaman dan "
            "langkah seluruh pegawai dalam mewujudkan predikat WBK/WBBM.",
        ),
    ),
    SectionKey.RUANG_LINGKUP: (
        (
            0,
            "Ruang lingkup rencana kerja ini meliputi target prioritas, rencana aksi, "
            "jadwal pelaksanaan, serta evaluasi dan pelaporan pembangunan Zona Integritas "
            "di {satker}.",
        ),
    ),
    SectionKey.DASAR_HUKUM: (
        (
            1,
            "Undang-Undang Nomor 28 Tahun 1999 tentang Penyelenggaraan Negara yang Bersih "
            "dan Bebas dari Korupsi, Kolusi, dan Nepotisme;",
        ),
        (1, "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;"),
        (
            1,
            "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
            "Nomor 90 Tahun 2021 tentang Pembangunan dan Evaluasi Zona Integritas Menuju "
            "Wilayah Bebas dari Korupsi dan Wilayah Birokrasi Bersih dan Melayani di "
            "Instansi Pemerintah.",
        ),
    ),
    SectionKey.PENGERTIAN_UMUM: (
        (
            1,
            "Zona Integritas (ZI) adalah predikat yang diberikan kepada instansi pemerintah "
            "yang pimpinan dan jajarannya berkomitmen mewujudkan WBK/WBBM melalui reformasi "
            "birokrasi, khususnya pencegahan korupsi dan peningkatan kualitas pelayanan "
            "publik.",
        ),
        (
            1,
            "Wilayah Bebas dari Korupsi (WBK) adalah predikat bagi unit kerja yang memenuhi "
            "sebagian besar manajemen perubahan, penataan tatalaksana, penataan sistem "
            "manajemen SDM, penguatan pengawasan, dan penguatan akuntabilitas kinerja.",
        ),
        (
            1,
            "Wilayah Birokrasi Bersih dan Melayani (WBBM) adalah predikat bagi unit kerja "
            "yang memenuhi kriteria WBK serta penguatan kualitas pelayanan publik.",
        ),
    ),
    SectionKey.PERKEMBANGAN: (
        (
            1,
            "{satker} telah mencanangkan pembangunan Zona Integritas dan membentuk tim "
            "kerja untuk melaksanakannya.",
        ),
    ),
    SectionKey.ANALISA: (
        (
            1,
            "Komitmen pimpinan dan seluruh pegawai menjadi modal utama pembangunan Zona "
            "Integritas di {satker}.",
        ),
    ),
    SectionKey.PERKIRAAN: (
        (
            1,
            "Tanpa rencana kerja yang terukur, pelaksanaan pembangunan Zona Integritas "
            "berisiko tidak merata antarkomponen.",
        ),
    ),
    SectionKey.REKOMENDASI: (
        (
            1,
            "Setiap kelompok kerja melaksanakan rencana aksi sesuai jadwal dan melaporkan "
            "kemajuannya secara berkala kepada pimpinan.",
        ),
    ),
    SectionKey.PENGANTAR_BAB2: (
        (
            0,
            "Pembangunan Zona Integritas di {satker} dilaksanakan melalui komponen "
            "pengungkit dan diukur dengan komponen hasil. Rencana kerja setiap komponen "
            "pengungkit diuraikan sebagai berikut:",
        ),
    ),
    SectionKey.INDIKATOR_HASIL: (
        (0, "Komponen hasil pembangunan Zona Integritas diukur melalui dua sasaran utama:"),
        (1, "Terwujudnya pemerintahan yang bersih dan bebas KKN"),
        (1, "Terwujudnya peningkatan kualitas pelayanan publik kepada masyarakat"),
    ),
    SectionKey.EVALUASI: (
        (
            0,
            "Pelaksanaan rencana kerja ini dievaluasi secara berkala oleh tim kerja "
            "pembangunan Zona Integritas {satker} untuk mengetahui capaian setiap "
            "komponen dan menetapkan langkah perbaikan.",
        ),
    ),
    SectionKey.PELAPORAN: (
        (
            0,
            "Hasil pelaksanaan dan evaluasi dilaporkan secara berjenjang kepada pimpinan "
            "dan unit pembina sesuai ketentuan yang berlaku di lingkungan {kementerian}.",
        ),
    ),
    SectionKey.PENUTUP: (
        (
            0,
            "Demikian Rencana Kerja Pembangunan Zona Integritas {satker} Tahun {tahun} "
            "ini disusun untuk menjadi acuan dalam pelaksanaannya.",
        ),
    ),
}


def standard_section(key: SectionKey, identity: Identity) -> list[Paragraph]:
    fields = {
        "satker": identity.nama_satker,
        "kementerian": identity.kementerian,
        "tahun": identity.tahun,
    }
    return [Paragraph(text=text.format(**fields), level=level) for level, text in _STANDARD[key]]
