"""What each sheet init writes holds: its columns, their rules and help, and the unit's caption.

Every table sheet has a title in row 1, a short note in row 2 and the header in row 3. The
reader finds sheets and columns by name, so everything added here is for people, never for
the reader.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from generator import contract as cols
from generator.contract import IDENTITY_FIELDS, OPTIONAL_IDENTITY_FIELDS, TICK, Column
from generator.indonesian import MONTHS
from generator.plan.models import ComponentKey, SectionKey

HEADER_ROW = 3  # title in row 1, a note in row 2; the reader looks in the first 10 rows
FIRST_ROW = HEADER_ROW + 1
JENIS_SATKER = ("Rutan", "Lapas", "LPKA", "Bapas", "Rupbasan", "Kantor Imigrasi", "Kanwil")
URAIAN_BAGIAN = ("Tujuan", "Target", "Pengantar Tabel")
UNIT = "satuan kerja"  # stands in for the unit's name when it is not known yet


# -- what a sheet holds ----------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """The validation of the cells of one column (or one Identitas row)."""

    kind: str  # "list", "whole" or "date"
    values: tuple[str, ...] = ()  # the list items, or (minimum, maximum)
    prompt: str = ""
    error: str = ""
    strict: bool = True  # False: the list only suggests, any text is accepted


@dataclass(frozen=True)
class ColumnSpec:
    """How one column is written: header, width, the header's input message, its rule."""

    title: str
    width: float  # in digit widths, Excel's unit
    prompt: str
    rule: Rule | None = None
    centered: bool = False


@dataclass
class SheetSpec:
    """One table sheet: its name, title (row 1), note (row 2), columns and rows."""

    name: str
    title: str
    note: str
    columns: Sequence[ColumnSpec]
    rows: list[list[object]] = field(default_factory=list)
    freeze: str = f"A{FIRST_ROW}"


@dataclass(frozen=True)
class Context:
    """What the titles and the Petunjuk say about the unit, as far as it is known."""

    satker: str = ""
    singkat: str = ""
    tahun: int | None = None

    @property
    def caption(self) -> str:
        unit = self.singkat or self.satker
        year = f"Tahun {self.tahun}" if self.tahun else ""
        return " · ".join(part for part in (unit, year) if part)


def titled(text: str, context: Context) -> str:
    return f"{text} ({context.caption})" if context.caption else text


def checked_hints(hints: Mapping[str, object] | None) -> dict[str, object]:
    """The identity hints that hold a value; an unknown key is a programming error."""
    unknown = set(hints or {}) - IDENTITY_LABELS.keys()
    if unknown:
        raise ValueError(f"unknown identity keys: {sorted(unknown)}")
    return {key: value for key, value in (hints or {}).items() if value not in (None, "")}


def context_of(identity: Mapping[str, object]) -> Context:
    """The caption's words from Identitas values (keys as in IDENTITY_LABELS)."""
    tahun = identity.get("tahun")
    return Context(
        satker=str(identity.get("nama_satker") or ""),
        singkat=str(identity.get("nama_singkat") or ""),
        tahun=tahun if isinstance(tahun, int) else None,
    )


# -- the contract's sheets, as specs ----------------------------------------------------------

TICK_ERROR = f"Pilih {TICK} dari daftar, atau kosongkan sel (tombol Delete)."
_NARASI_BAGIAN_RULE = Rule(
    "list",
    tuple(key.value for key in SectionKey),
    error="Pilih Bagian dari daftar; nama lain tidak dikenali.",
)
_URAIAN_BAGIAN_RULE = Rule(
    "list", URAIAN_BAGIAN, error="Pilih Tujuan, Target atau Pengantar Tabel dari daftar."
)
_TINGKAT_RULE = Rule(
    "whole",
    ("0", "3"),
    error="Tingkat: 0, 1, 2 atau 3, atau kosongkan.",
)
_TEXT_WIDTH = 27

_OPTIONAL_SPECS = {
    "penanggung_jawab": ColumnSpec(
        "Penanggung Jawab",
        13,
        "Boleh kosong. Orang atau tim yang bertanggung jawab atas baris ini. "
        "Kolom ini tampil di dokumen bila ada yang terisi.",
    ),
    "data_dukung": ColumnSpec(
        "Data Dukung",
        15,
        "Boleh kosong. Dokumen bukti yang akan diminta penilai (SK, notulen, laporan, foto). "
        "Kolom ini tampil di dokumen bila ada yang terisi.",
    ),
    "kode_lke": ColumnSpec(
        "Kode LKE",
        8,
        "Boleh kosong. Kode butir Lembar Kerja Evaluasi (PermenPAN-RB Nomor 90 Tahun 2021) "
        "yang didukung baris ini.",
        centered=True,
    ),
}

INDIKATOR_SPECS_BY_KEY = {
    "no": ColumnSpec("NO", 4, "Boleh kosong: nomor dibuat otomatis.", centered=True),
    "kegiatan": ColumnSpec(
        "KEGIATAN",
        22,
        "Nama kegiatan, ditulis pada baris pertamanya saja. Baris di bawahnya yang KEGIATAN-nya "
        "kosong termasuk kegiatan yang sama.",
    ),
    "hasil": ColumnSpec(
        "HASIL YANG INGIN DICAPAI",
        _TEXT_WIDTH,
        "Hasil yang ingin dicapai oleh baris ini. Beberapa butir dalam satu sel: tekan "
        "Alt+Enter dan awali dengan 1., 2., ... (nomor di dokumen dibuat otomatis).",
    ),
    "uraian": ColumnSpec(
        "URAIAN KEGIATAN",
        _TEXT_WIDTH,
        "Langkah pelaksanaan kegiatan. Beberapa langkah dalam satu sel: tekan Alt+Enter "
        "dan awali dengan 1., 2., ...",
    ),
    "target": ColumnSpec(
        "TARGET",
        22,
        "Ukuran keberhasilan yang dapat diperiksa (dokumen, jumlah, frekuensi).",
    ),
    "ket": ColumnSpec("KET", 9, "Keterangan tambahan; boleh kosong."),
}


def month_column(index: int, comment: str, prompt: str) -> ColumnSpec:
    """A month column of ticks: a list of one tick, centred; ``comment`` and ``prompt`` say
    what a tick means in that workbook."""
    return ColumnSpec(
        cols.MONTH_LABELS[index],
        5,
        comment,
        Rule("list", (TICK,), prompt=prompt, error=TICK_ERROR),
        centered=True,
    )


def _month_spec(index: int) -> ColumnSpec:
    name = MONTHS[index]
    return month_column(
        index,
        f"Pilih {TICK} bila kegiatan baris ini dilaksanakan pada bulan {name}; "
        "kosongkan bila tidak.",
        f"Klik panah di kanan sel, lalu pilih {TICK} untuk bulan {name}.",
    )


def _specs(columns: Iterable[Column], named: Mapping[str, ColumnSpec]) -> list[ColumnSpec]:
    """The contract's columns in the contract's order, each with its written form."""
    out = []
    for column in columns:
        if column.key in cols.MONTH_KEYS:
            out.append(_month_spec(cols.MONTH_KEYS.index(column.key)))
        elif column.key in named:
            spec = named[column.key]
            assert spec.title == column.title, f"header {spec.title} is not {column.title}"
            out.append(spec)
    return out


INDIKATOR_SPECS = _specs(cols.INDIKATOR, {**INDIKATOR_SPECS_BY_KEY, **_OPTIONAL_SPECS})
PRIORITAS_SPECS = _specs(
    cols.PRIORITAS,
    {
        "no": ColumnSpec("No", 4, "Boleh kosong: nomor dibuat otomatis.", centered=True),
        "target": ColumnSpec(
            "Target Prioritas",
            30,
            "Target prioritas, ditulis pada baris pertamanya saja. Baris di bawahnya yang "
            "kosong termasuk target yang sama.",
        ),
        "rencana_aksi": ColumnSpec(
            "Rencana Aksi",
            40,
            "Satu langkah rencana aksi per baris; nomor langkah dibuat otomatis.",
        ),
        "waktu": ColumnSpec(
            "Waktu",
            20,
            "Waktu pelaksanaan, misalnya Februari 2025 atau Januari s.d. Desember 2025. "
            "Cukup ditulis pada langkah pertama; langkah berikutnya yang kosong mengikutinya.",
        ),
        "output": ColumnSpec(
            "Output",
            32,
            "Hasil nyata atau dokumen keluaran target ini. Cukup ditulis pada langkah pertama.",
        ),
        **_OPTIONAL_SPECS,
    },
)
URAIAN_SPECS = _specs(
    cols.URAIAN,
    {
        "bagian": ColumnSpec(
            "Bagian",
            18,
            "Pilih dari daftar: Tujuan (paragraf pembuka komponen), Target (satu target per "
            "baris) atau Pengantar Tabel (kalimat sebelum tabel).",
            _URAIAN_BAGIAN_RULE,
        ),
        "teks": ColumnSpec(
            "Teks",
            100,
            "Satu paragraf atau satu target per baris. Huruf a., b., ... di depan target "
            "dibuat otomatis: jangan diketik.",
        ),
    },
)
NARASI_SPECS = _specs(
    cols.NARASI,
    {
        "bagian": ColumnSpec(
            "Bagian",
            30,
            "Pilih bagian dokumen dari daftar. Bagian yang tidak diisi sama sekali memakai "
            "teks baku dengan nama satuan kerja dan tahun.",
            _NARASI_BAGIAN_RULE,
        ),
        "tingkat": ColumnSpec(
            "Tingkat",
            9,
            "0 = paragraf biasa; 1 = butir 1.; 2 = butir a. di bawah butir 1.; 3 = butir 1) "
            "di bawah butir a. Kosong: 0 untuk bagian prosa, 1 untuk bagian lain.",
            _TINGKAT_RULE,
            centered=True,
        ),
        "teks": ColumnSpec(
            "Teks",
            100,
            "Satu paragraf atau satu butir per baris, urut seperti di dokumen. Nomor dan huruf "
            "butir dibuat otomatis: jangan diketik.",
        ),
    },
)
IDENTITAS_SPECS = (
    ColumnSpec(
        "Kolom",
        28,
        "Nama isian. Jangan diubah: program mengenali isian dari nama ini.",
    ),
    ColumnSpec(
        "Isi",
        70,
        "Tulis isian di kolom ini. Sel kuning wajib diisi; sel lain boleh kosong. "
        "Klik sel untuk melihat petunjuknya.",
    ),
)

# Identitas rows: the prompt of each Isi cell, and its rule when it has one.
_DATE_PROMPT = "Ketik tanggal sebagai 2025-02-12 (tahun-bulan-tanggal); Excel menampilkannya "
IDENTITY_HELP: dict[str, tuple[str, Rule | None]] = {
    "kementerian": ("Nama kementerian atau lembaga induk, ditulis lengkap tanpa singkatan.", None),
    "kantor_wilayah": (
        "Kantor wilayah atau instansi induk yang membawahkan satuan kerja ini, ditulis "
        "lengkap. Tampil di sampul.",
        None,
    ),
    "nama_satker": (
        "Nama resmi satuan kerja, ditulis lengkap. Contoh: Rumah Tahanan Negara Kelas I Pekanbaru.",
        None,
    ),
    "nama_singkat": (
        "Nama singkat, dipakai dalam kalimat pendek dan nama file dokumen. Contoh: Rutan "
        "Pekanbaru.",
        None,
    ),
    "jenis_satker": (
        "Pilih dari daftar, atau ketik jenis lain (misalnya BPS Kabupaten).",
        Rule("list", JENIS_SATKER, strict=False),
    ),
    "tahun": (
        "Tahun rencana kerja, empat angka. Contoh: 2025.",
        Rule("whole", ("2000", "2100"), error="Tahun diisi empat angka, misalnya 2025."),
    ),
    "tempat": ("Kota tempat rencana kerja ditetapkan. Contoh: Pekanbaru.", None),
    "tanggal": (
        _DATE_PROMPT + "sebagai 12 Februari 2025.",
        Rule(
            "date",
            error="Isi tanggal, misalnya 2025-02-12 (tahun-bulan-tanggal).",
        ),
    ),
    "jabatan": (
        "Jabatan penandatangan seperti tertulis di dokumen, misalnya Kepala. Pejabat "
        "pengganti: Plh. Kepala atau Plt. Kepala.",
        None,
    ),
    "nama": ("Nama lengkap penandatangan, dengan gelar bila biasa dicantumkan.", None),
    "nip": (
        "18 angka NIP; spasi boleh, misalnya 19760413 200012 1 002. Sel ini berformat teks "
        "agar angkanya tidak berubah.",
        None,
    ),
    "slogan": ("Boleh kosong. Slogan satuan kerja, tampil di sampul.", None),
    "alamat": ("Boleh kosong. Alamat kantor, tampil di sampul.", None),
    "ukuran_kertas": (
        "Pilih A4 atau F4. Kosong berarti A4.",
        Rule("list", ("A4", "F4"), error="Pilih A4 atau F4."),
    ),
    "ketua_nama": (
        "Boleh kosong. Bila diisi bersama NIP Ketua Tim, dokumen memuat halaman persetujuan "
        "yang ditandatangani Ketua Tim Zona Integritas.",
        None,
    ),
    "ketua_nip": (
        "Boleh kosong; diisi bersama Nama Ketua Tim. 18 angka NIP, spasi boleh.",
        None,
    ),
    "ketua_jabatan": ("Boleh kosong. Bila kosong: Ketua Tim Zona Integritas.", None),
    "revisi": ("Boleh kosong. Nomor revisi dokumen, tampil di sampul.", None),
    "tanggal_revisi": (
        "Boleh kosong. " + _DATE_PROMPT + "sebagai tanggal lengkap.",
        Rule("date", error="Isi tanggal, misalnya 2025-06-30 (tahun-bulan-tanggal)."),
    ),
    "judul_dokumen": (
        "Boleh kosong. Baris pertama sampul, misalnya Rencana Aksi. Bila kosong: Rencana Kerja.",
        None,
    ),
}
IDENTITY_LABELS = {**IDENTITY_FIELDS, **OPTIONAL_IDENTITY_FIELDS}
TEXT_FORMAT_FIELDS = ("nip", "ketua_nip")


# -- the sheets of each workbook, after its Petunjuk ------------------------------------------


def umum_sheets(
    context: Context, identity: Mapping[str, object], narasi: list[list[object]]
) -> list[SheetSpec]:
    """Identitas (filled from ``identity``) and Narasi (``narasi`` rows) of 00_umum.xlsx."""
    return [
        SheetSpec(
            cols.SHEET_IDENTITAS,
            titled("Identitas Rencana Kerja Pembangunan Zona Integritas", context),
            "Sel kuning wajib diisi; sel lain boleh kosong. Klik sel Isi untuk melihat "
            "petunjuknya. Jangan mengubah kolom Kolom.",
            IDENTITAS_SPECS,
            [[label, identity.get(key)] for key, label in IDENTITY_LABELS.items()],
            freeze=f"B{FIRST_ROW}",
        ),
        SheetSpec(
            cols.SHEET_NARASI,
            titled("Narasi: BAB I, pengantar BAB II, Indikator Hasil, BAB III, Penutup", context),
            "Satu paragraf atau butir per baris, urut seperti di dokumen. Bagian yang tidak "
            "diisi memakai teks baku.",
            NARASI_SPECS,
            narasi,
        ),
    ]


def component_sheets(
    key: ComponentKey,
    context: Context,
    uraian: list[list[object]],
    indikator: list[list[object]],
    prioritas: list[list[object]],
) -> list[SheetSpec]:
    """Uraian, Indikator and Prioritas of one component's workbook, with these rows."""
    heading = f"Komponen {key.number}. {key.value}"
    return [
        SheetSpec(
            cols.SHEET_URAIAN,
            titled(f"{heading} — Uraian: tujuan dan target", context),
            "Saran tujuan dan target sudah diisi; ubah, hapus, atau tambah sesuai rencana "
            "satuan kerja.",
            URAIAN_SPECS,
            uraian,
        ),
        SheetSpec(
            cols.SHEET_INDIKATOR,
            titled(f"{heading} — Indikator: matriks kegiatan bulanan", context),
            f"Satu baris untuk setiap rencana kegiatan. Pilih {TICK} pada bulan pelaksanaannya; "
            "bulan lain dikosongkan.",
            INDIKATOR_SPECS,
            indikator,
            freeze=f"C{FIRST_ROW}",
        ),
        SheetSpec(
            cols.SHEET_PRIORITAS,
            titled(f"{heading} — Target Prioritas dan Output", context),
            "Satu langkah Rencana Aksi per baris. Target Prioritas, Waktu dan Output cukup "
            "ditulis pada langkah pertama.",
            PRIORITAS_SPECS,
            prioritas,
            freeze=f"C{FIRST_ROW}",
        ),
    ]
