"""The sheets and columns of the workbook contract (../shared/workbook-contract.md)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.indonesian import MONTH_HEADINGS, MONTHS, roman


@dataclass(frozen=True)
class Column:
    """A column the reader looks for: a stable key and the header names that mean it."""

    key: str
    names: tuple[str, ...]
    required: bool = True

    @property
    def title(self) -> str:
        return self.names[0]


UMUM_NUMBER = 0
WORKBOOK_HINTS = {
    0: "00_umum.xlsx",
    1: "01_manajemen_perubahan.xlsx",
    2: "02_penataan_tatalaksana.xlsx",
    3: "03_penataan_sdm.xlsx",
    4: "04_penguatan_akuntabilitas.xlsx",
    5: "05_penguatan_pengawasan.xlsx",
    6: "06_pelayanan_publik.xlsx",
}

WORD_LIST = "kamus.txt"  # beside the workbooks: the unit's own words for zi-plan check

SHEET_IDENTITAS = "Identitas"
SHEET_NARASI = "Narasi"
SHEET_URAIAN = "Uraian"
SHEET_INDIKATOR = "Indikator"
SHEET_PRIORITAS = "Prioritas"

IDENTITAS = (Column("kolom", ("Kolom",)), Column("isi", ("Isi",)))
NARASI = (
    Column("bagian", ("Bagian",)),
    Column("tingkat", ("Tingkat",), required=False),
    Column("teks", ("Teks",)),
)
URAIAN = (Column("bagian", ("Bagian",)), Column("teks", ("Teks",)))

_SHORT_EN = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_LONG_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Indonesian short forms as offices write them (PEB, NOP: the Javanese/old spellings)
_MORE = {
    2: ("PEB", "PEBRUARI"),
    8: ("AGS", "AGT", "AGST"),
    9: ("SEPT",),
    10: ("OKTO",),
    11: ("NOP", "NOPEMBER"),
    12: ("DESE",),
}

MONTH_LABELS = MONTH_HEADINGS
MONTH_KEYS = tuple(f"m{i}" for i in range(1, 13))
MONTH_COLUMNS = tuple(
    Column(
        MONTH_KEYS[i],
        tuple(
            dict.fromkeys(
                (
                    MONTH_HEADINGS[i],
                    _SHORT_EN[i],
                    MONTHS[i],
                    _LONG_EN[i],
                    roman(i + 1),
                    str(i + 1),
                    *_MORE.get(i + 1, ()),
                )
            )
        ),
    )
    for i in range(12)
)

OPTIONAL = (
    Column("penanggung_jawab", ("Penanggung Jawab", "PJ"), required=False),
    Column("data_dukung", ("Data Dukung", "Bukti Dukung"), required=False),
    Column("kode_lke", ("Kode LKE",), required=False),
)

INDIKATOR = (
    Column("no", ("NO",), required=False),
    Column("kegiatan", ("KEGIATAN",)),
    Column("hasil", ("HASIL YANG INGIN DICAPAI",)),
    Column("uraian", ("URAIAN KEGIATAN",)),
    Column("target", ("TARGET",)),
    *MONTH_COLUMNS,
    Column("ket", ("KET", "KETERANGAN")),
    *OPTIONAL,
    # the merged cell above the months in a two-row header: known, not data
    Column("waktu_bulan", ("WAKTU/BULAN", "WAKTU/ BULAN", "WAKTU / BULAN", "WAKTU"), False),
)

PRIORITAS = (
    Column("no", ("No",), required=False),
    Column("target", ("Target Prioritas",)),
    Column("rencana_aksi", ("Rencana Aksi",)),
    Column("waktu", ("Waktu",)),
    Column("output", ("Output",)),
    *OPTIONAL,
)

# The one definition of a month tick, for build, check, init --dari and monev (by way of
# the plan) alike. X stays a tick: the contract has always accepted it, and in a schedule
# matrix (jadwal kegiatan) an X marks a planned month, as a shaded cell does.
TICKS = {"✓", "✔", "√", "☑", "✅", "v", "x", "y", "1", "ya", "yes", "true"}
NO_TICKS = {"", "-", "0", "false", "–", "—"}


def tick_value(value: object) -> bool | None:
    """True for a tick, False for a cell that says none, None for anything else."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value) if value in (0, 1) else None
    text = " ".join(str(value or "").split()).casefold()
    if text in TICKS:
        return True
    if text in NO_TICKS:
        return False
    return None


TICK = "√"  # the tick the document prints and the workbooks' dropdowns offer

IDENTITY_FIELDS = {
    "kementerian": "Kementerian",
    "kantor_wilayah": "Kantor Wilayah",
    "nama_satker": "Nama Satuan Kerja",
    "nama_singkat": "Nama Singkat",
    "jenis_satker": "Jenis Satuan Kerja",
    "tahun": "Tahun",
    "tempat": "Tempat Penetapan",
    "tanggal": "Tanggal Penetapan",
    "jabatan": "Jabatan Penandatangan",
    "nama": "Nama Penandatangan",
    "nip": "NIP Penandatangan",
}
OPTIONAL_IDENTITY_FIELDS = {
    "slogan": "Slogan",
    "alamat": "Alamat",
    "ukuran_kertas": "Ukuran Kertas",
    "ketua_nama": "Nama Ketua Tim",
    "ketua_nip": "NIP Ketua Tim",
    "ketua_jabatan": "Jabatan Ketua Tim",
    "revisi": "Revisi",
    "tanggal_revisi": "Tanggal Revisi",
    "judul_dokumen": "Judul Dokumen",
}
DEFAULT_DOCUMENT_TITLE = "Rencana Kerja"  # the cover's first line when Judul Dokumen is empty
URAIAN_PARTS = {"tujuan": "Tujuan", "target": "Target", "pengantar tabel": "Pengantar Tabel"}

# Words that name a kind of unit; a plan of one kind that uses another kind's words was
# probably copied from another unit's plan.
UNIT_KIND_WORDS = {
    "rutan": ("Rutan", "Karutan", "Rumah Tahanan"),
    "lapas": ("Lapas", "Kalapas", "Lembaga Pemasyarakatan"),
    "lpka": ("LPKA", "Lembaga Pembinaan Khusus Anak"),
    "bapas": ("Bapas", "Kabapas", "Balai Pemasyarakatan"),
    "rupbasan": ("Rupbasan", "Karupbasan"),
    "kantor imigrasi": ("Kantor Imigrasi", "Kanim", "Kakanim"),
}
