"""New workbooks a Pokja can fill without help: a blank folder, or next year's from this year's.

Both write the seven workbooks of the contract with the same layout: a ``Petunjuk`` sheet
first, then the contract's sheets with a title in row 1, a short note in row 2 and the
header in row 3, styled, frozen, printable and with data validation. The reader finds
sheets and columns by name, so everything added here is for people, never for the reader.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from generator import contract as cols
from generator.contract import IDENTITY_FIELDS, OPTIONAL_IDENTITY_FIELDS, TICK, Column
from generator.files import write_atomically
from generator.indonesian import MONTHS, YEAR
from generator.messages import os_reason
from generator.plan.models import ComponentKey, Marker, Plan, SectionKey, numbered
from generator.plan.validate import load_plan
from generator.problems import OutputError, Report, ZiError
from generator.sheet_style import fit_rows, font, print_setup, text_width
from generator.tables import discover

SHEET_PETUNJUK = "Petunjuk"
HEADER_ROW = 3  # title in row 1, a note in row 2; the reader looks in the first 10 rows
FIRST_ROW = HEADER_ROW + 1
LAST_ROW = 500  # validations and column styles reach this far, for rows the Pokja adds
PROMPT_TITLE_MAX = 32  # Excel's limit for the title of an input or error message
MAX_WIDTH = 40  # a column widens for a long word (an e-mail address) up to this
DATE_FORMAT = "[$-421]d mmmm yyyy"  # 12 Februari 2025, whatever the computer's language
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)
JENIS_SATKER = ("Rutan", "Lapas", "LPKA", "Bapas", "Rupbasan", "Kantor Imigrasi", "Kanwil")
URAIAN_BAGIAN = ("Tujuan", "Target", "Pengantar Tabel")
UNIT = "satuan kerja"  # stands in for the unit's name when it is not known yet

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
_REQUIRED_FILL = PatternFill("solid", fgColor="FFF2CC")
_WRAP = Alignment(horizontal="left", vertical="top", wrap_text=True)
_CENTER = Alignment(horizontal="center", vertical="top", wrap_text=True)
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)


# -- errors -------------------------------------------------------------------------------


class InitError(ZiError):
    """The workbooks could not be written; the message says why and what to do."""


class NotAFolder(InitError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"{folder} adalah file, bukan folder. "
            "Perbaiki: sebutkan nama folder baru atau folder yang sudah ada."
        )


class WorkbooksExist(InitError):
    def __init__(self, folder: Path, names: Sequence[str]) -> None:
        super().__init__(
            f"Folder {folder} sudah berisi {', '.join(names)}. Tidak ada file yang diubah. "
            "Perbaiki: pilih folder lain, atau jalankan lagi dengan --force untuk menimpanya."
        )


class NumberTaken(InitError):
    def __init__(self, folder: Path, clashes: Sequence[tuple[str, str]]) -> None:
        listed = "; ".join(f"{old} (akan ada {new})" for old, new in clashes)
        super().__init__(
            f"Folder {folder} sudah berisi workbook bernomor sama dengan nama lain: {listed}. "
            "Dua workbook bernomor sama tidak dapat disusun, dan --force tidak menghapus file. "
            "Tidak ada file yang diubah. "
            "Perbaiki: pindahkan file tersebut ke folder lain, atau pilih folder lain."
        )


class CannotWrite(InitError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"{path} tidak dapat ditulis ({detail}). "
            "Perbaiki: tutup file itu di Excel, atau periksa hak akses folder, "
            "lalu jalankan lagi."
        )


# -- what a workbook holds -------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """The validation of the cells of one column (or one Identitas row)."""

    kind: str  # "list", "whole" or "date"
    values: tuple[str, ...] = ()  # the list items, or (minimum, maximum)
    prompt: str = ""
    error: str = ""
    strict: bool = True  # False: the list only suggests, any text is accepted


@dataclass(frozen=True)
class Spec:
    """How one column is written: header, width, the header's input message, its rule."""

    title: str
    width: float  # in digit widths, Excel's unit
    prompt: str
    rule: Rule | None = None
    centered: bool = False


@dataclass
class Sheet:
    name: str
    title: str
    note: str
    columns: Sequence[Spec]
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


def _title(text: str, context: Context) -> str:
    return f"{text} ({context.caption})" if context.caption else text


def _prompt_title(text: str) -> str:
    return text if len(text) <= PROMPT_TITLE_MAX else text[: PROMPT_TITLE_MAX - 1] + "…"


# -- the contract's sheets, as specs ----------------------------------------------------------

_TICK_ERROR = f"Pilih {TICK} dari daftar, atau kosongkan sel (tombol Delete)."
_NARASI_BAGIAN = Rule(
    "list",
    tuple(key.value for key in SectionKey),
    error="Pilih Bagian dari daftar; nama lain tidak dikenali.",
)
_URAIAN_BAGIAN = Rule(
    "list", URAIAN_BAGIAN, error="Pilih Tujuan, Target atau Pengantar Tabel dari daftar."
)
_TINGKAT = Rule(
    "whole",
    ("0", "3"),
    error="Tingkat: 0, 1, 2 atau 3, atau kosongkan.",
)
_TEXT_WIDTH = 27

_OPTIONAL_SPECS = {
    "penanggung_jawab": Spec(
        "Penanggung Jawab",
        13,
        "Boleh kosong. Orang atau tim yang bertanggung jawab atas baris ini. "
        "Kolom ini tampil di dokumen bila ada yang terisi.",
    ),
    "data_dukung": Spec(
        "Data Dukung",
        15,
        "Boleh kosong. Dokumen bukti yang akan diminta penilai (SK, notulen, laporan, foto). "
        "Kolom ini tampil di dokumen bila ada yang terisi.",
    ),
    "kode_lke": Spec(
        "Kode LKE",
        8,
        "Boleh kosong. Kode butir Lembar Kerja Evaluasi (PermenPAN-RB Nomor 90 Tahun 2021) "
        "yang didukung baris ini.",
        centered=True,
    ),
}

_INDIKATOR_SPECS = {
    "no": Spec("NO", 4, "Boleh kosong: nomor dibuat otomatis.", centered=True),
    "kegiatan": Spec(
        "KEGIATAN",
        22,
        "Nama kegiatan, ditulis pada baris pertamanya saja. Baris di bawahnya yang KEGIATAN-nya "
        "kosong termasuk kegiatan yang sama.",
    ),
    "hasil": Spec(
        "HASIL YANG INGIN DICAPAI",
        _TEXT_WIDTH,
        "Hasil yang ingin dicapai oleh baris ini. Beberapa butir dalam satu sel: tekan "
        "Alt+Enter dan awali dengan 1., 2., ... (nomor di dokumen dibuat otomatis).",
    ),
    "uraian": Spec(
        "URAIAN KEGIATAN",
        _TEXT_WIDTH,
        "Langkah pelaksanaan kegiatan. Beberapa langkah dalam satu sel: tekan Alt+Enter "
        "dan awali dengan 1., 2., ...",
    ),
    "target": Spec(
        "TARGET",
        22,
        "Ukuran keberhasilan yang dapat diperiksa (dokumen, jumlah, frekuensi).",
    ),
    "ket": Spec("KET", 9, "Keterangan tambahan; boleh kosong."),
}


def _month_spec(index: int) -> Spec:
    name = MONTHS[index]
    return Spec(
        cols.MONTH_LABELS[index],
        5,
        f"Pilih {TICK} bila kegiatan baris ini dilaksanakan pada bulan {name}; "
        "kosongkan bila tidak.",
        Rule(
            "list",
            (TICK,),
            prompt=f"Klik panah di kanan sel, lalu pilih {TICK} untuk bulan {name}.",
            error=_TICK_ERROR,
        ),
        centered=True,
    )


def _specs(columns: Iterable[Column], named: Mapping[str, Spec]) -> list[Spec]:
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


INDIKATOR_SPECS = _specs(cols.INDIKATOR, {**_INDIKATOR_SPECS, **_OPTIONAL_SPECS})
PRIORITAS_SPECS = _specs(
    cols.PRIORITAS,
    {
        "no": Spec("No", 4, "Boleh kosong: nomor dibuat otomatis.", centered=True),
        "target": Spec(
            "Target Prioritas",
            30,
            "Target prioritas, ditulis pada baris pertamanya saja. Baris di bawahnya yang "
            "kosong termasuk target yang sama.",
        ),
        "rencana_aksi": Spec(
            "Rencana Aksi",
            40,
            "Satu langkah rencana aksi per baris; nomor langkah dibuat otomatis.",
        ),
        "waktu": Spec(
            "Waktu",
            20,
            "Waktu pelaksanaan, misalnya Februari 2025 atau Januari s.d. Desember 2025. "
            "Cukup ditulis pada langkah pertama; langkah berikutnya yang kosong mengikutinya.",
        ),
        "output": Spec(
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
        "bagian": Spec(
            "Bagian",
            18,
            "Pilih dari daftar: Tujuan (paragraf pembuka komponen), Target (satu target per "
            "baris) atau Pengantar Tabel (kalimat sebelum tabel).",
            _URAIAN_BAGIAN,
        ),
        "teks": Spec(
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
        "bagian": Spec(
            "Bagian",
            30,
            "Pilih bagian dokumen dari daftar. Bagian yang tidak diisi sama sekali memakai "
            "teks baku dengan nama satuan kerja dan tahun.",
            _NARASI_BAGIAN,
        ),
        "tingkat": Spec(
            "Tingkat",
            9,
            "0 = paragraf biasa; 1 = butir 1.; 2 = butir a. di bawah butir 1.; 3 = butir 1) "
            "di bawah butir a. Kosong: 0 untuk bagian prosa, 1 untuk bagian lain.",
            _TINGKAT,
            centered=True,
        ),
        "teks": Spec(
            "Teks",
            100,
            "Satu paragraf atau satu butir per baris, urut seperti di dokumen. Nomor dan huruf "
            "butir dibuat otomatis: jangan diketik.",
        ),
    },
)
IDENTITAS_SPECS = (
    Spec(
        "Kolom",
        28,
        "Nama isian. Jangan diubah: program mengenali isian dari nama ini.",
    ),
    Spec(
        "Isi",
        70,
        "Tulis isian di kolom ini. Sel kuning wajib diisi; sel lain boleh kosong. "
        "Klik sel untuk melihat petunjuknya.",
    ),
)

# Identitas rows: the prompt of each Isi cell, and its rule when it has one.
_DATE_PROMPT = "Ketik tanggal sebagai 2025-02-12 (tahun-bulan-tanggal); Excel menampilkannya "
_IDENTITY_HELP: dict[str, tuple[str, Rule | None]] = {
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
}
IDENTITY_LABELS = {**IDENTITY_FIELDS, **OPTIONAL_IDENTITY_FIELDS}
_TEXT_FORMAT_FIELDS = ("nip", "ketua_nip")

# -- suggestions per component, from the LKE of PermenPAN-RB 90/2021 ----------------------------


@dataclass(frozen=True)
class Suggestion:
    """Pre-filled Uraian text and the Petunjuk's example rows of one component."""

    tujuan: str
    targets: tuple[str, ...]
    pengantar: str
    indikator: Mapping[str, str]  # column key -> example; "bulan" names the ticked months
    months: tuple[int, ...]
    prioritas: Mapping[str, str]


SUGGESTIONS: dict[ComponentKey, Suggestion] = {
    ComponentKey.MANAJEMEN_PERUBAHAN: Suggestion(
        tujuan=(
            "Program Manajemen Perubahan bertujuan mengubah mekanisme kerja, pola pikir "
            "(mind set) dan budaya kerja (culture set) pegawai {satker} secara sistematis dan "
            "konsisten, sejalan dengan tujuan pembangunan Zona Integritas menuju WBK/WBBM. "
            "Target yang ingin dicapai adalah:"
        ),
        targets=(
            "Terbentuknya Tim Kerja Pembangunan Zona Integritas yang anggotanya dipilih melalui "
            "mekanisme yang jelas dan mewakili seluruh unsur unit kerja;",
            "Tersusunnya rencana kerja pembangunan Zona Integritas dengan target prioritas yang "
            "relevan, serta tersosialisasikannya pembangunan Zona Integritas kepada pegawai "
            "dan pemangku kepentingan;",
            "Terlaksananya pemantauan dan evaluasi pembangunan Zona Integritas secara berkala "
            "dengan melibatkan pimpinan, serta ditindaklanjutinya hasil evaluasi tersebut;",
            "Terwujudnya perubahan pola pikir dan budaya kerja melalui keteladanan pimpinan, "
            "agen perubahan yang berperan aktif, dan keterlibatan seluruh pegawai.",
        ),
        pengantar=(
            "Dalam menerapkan Manajemen Perubahan tersebut, kegiatan yang dilaksanakan adalah "
            "sebagai berikut:"
        ),
        indikator={
            "kegiatan": "Penyusunan Tim Kerja",
            "hasil": "Terbentuknya Tim Kerja Pembangunan Zona Integritas",
            "uraian": "1. Rapat pembentukan Tim Kerja\n2. Seleksi anggota Tim Kerja\n"
            "3. Penetapan SK Tim Kerja",
            "target": "SK Tim Kerja ditetapkan",
            "penanggung_jawab": "Sekretariat Tim Kerja",
            "data_dukung": "SK Tim Kerja, notulen dan daftar hadir rapat",
        },
        months=(1, 2),
        prioritas={
            "target": "Pembentukan Tim Kerja Pembangunan Zona Integritas",
            "rencana_aksi": "Melaksanakan rapat pembentukan Tim Kerja",
            "waktu": "Januari {tahun}",
            "output": "SK Tim Kerja Pembangunan Zona Integritas",
        },
    ),
    ComponentKey.PENATAAN_TATALAKSANA: Suggestion(
        tujuan=(
            "Program Penataan Tatalaksana bertujuan meningkatkan efisiensi dan efektivitas "
            "sistem, proses dan prosedur kerja {satker} agar jelas, terukur dan didukung "
            "teknologi informasi. Target yang ingin dicapai adalah:"
        ),
        targets=(
            "Tersedianya SOP kegiatan utama yang mengacu pada peta proses bisnis, diterapkan, "
            "dan dievaluasi secara berkala;",
            "Dimanfaatkannya teknologi informasi dalam pengukuran kinerja, pengelolaan SDM dan "
            "pelayanan publik, disertai pemantauan dan evaluasi pemanfaatannya;",
            "Diterapkannya kebijakan keterbukaan informasi publik, disertai pemantauan dan "
            "evaluasi pelaksanaannya.",
        ),
        pengantar=(
            "Dalam menerapkan Penataan Tatalaksana tersebut, kegiatan yang dilaksanakan adalah "
            "sebagai berikut:"
        ),
        indikator={
            "kegiatan": "Prosedur Operasional Tetap (SOP) Kegiatan Utama",
            "hasil": "SOP kegiatan utama sesuai dengan peta proses bisnis",
            "uraian": "1. Inventarisasi SOP yang berlaku\n2. Rapat reviu SOP\n"
            "3. Penetapan SOP hasil reviu",
            "target": "SOP hasil reviu ditetapkan",
            "penanggung_jawab": "Pokja Penataan Tatalaksana",
            "data_dukung": "Daftar SOP, notulen rapat reviu, SK penetapan SOP",
        },
        months=(3, 4),
        prioritas={
            "target": "Reviu SOP kegiatan utama",
            "rencana_aksi": "Menginventarisasi SOP yang berlaku",
            "waktu": "Maret {tahun}",
            "output": "Daftar SOP dan SK penetapan SOP hasil reviu",
        },
    ),
    ComponentKey.PENATAAN_SDM: Suggestion(
        tujuan=(
            "Program Penataan Sistem Manajemen SDM bertujuan meningkatkan profesionalisme "
            "pegawai {satker} melalui perencanaan, penempatan, pengembangan dan penilaian "
            "kinerja pegawai yang tertib dan terukur. Target yang ingin dicapai adalah:"
        ),
        targets=(
            "Tersusunnya kebutuhan pegawai berdasarkan peta jabatan dan analisis beban kerja, "
            "serta penempatan pegawai yang sesuai dengan kebutuhan tersebut;",
            "Terlaksananya mutasi antarjabatan yang memperhatikan kompetensi dan pola mutasi "
            "yang telah ditetapkan;",
            "Terlaksananya pengembangan kompetensi berdasarkan analisis kebutuhan pelatihan "
            "(Training Need Analysis), dengan kesempatan yang sama bagi setiap pegawai;",
            "Ditetapkannya kinerja individu yang selaras dengan kinerja organisasi, diukur "
            "secara berkala, dan menjadi dasar pemberian penghargaan;",
            "Ditegakkannya aturan disiplin, kode etik dan kode perilaku pegawai;",
            "Dimutakhirkannya data informasi kepegawaian secara berkala.",
        ),
        pengantar=(
            "Dalam melaksanakan Penataan Sistem Manajemen SDM tersebut, kegiatan yang "
            "dilaksanakan adalah sebagai berikut:"
        ),
        indikator={
            "kegiatan": "Pengembangan Pegawai Berbasis Kompetensi",
            "hasil": "Berkurangnya kesenjangan kompetensi pegawai",
            "uraian": "1. Menyusun analisis kebutuhan pelatihan\n"
            "2. Mengikutsertakan pegawai dalam pelatihan",
            "target": "Setiap pegawai mengikuti paling sedikit satu pengembangan kompetensi",
            "penanggung_jawab": "Subbagian Kepegawaian",
            "data_dukung": "Dokumen analisis kebutuhan pelatihan, sertifikat pelatihan",
        },
        months=(3, 6, 9, 12),
        prioritas={
            "target": "Penetapan Kinerja Individu",
            "rencana_aksi": "Menyusun SKP tahunan setiap pegawai",
            "waktu": "Januari {tahun}",
            "output": "SKP pegawai yang ditandatangani atasan langsung",
        },
    ),
    ComponentKey.AKUNTABILITAS: Suggestion(
        tujuan=(
            "Program Penguatan Akuntabilitas Kinerja bertujuan meningkatkan kapasitas dan "
            "akuntabilitas kinerja {satker}, sehingga hasil setiap program dan kegiatan dapat "
            "dipertanggungjawabkan. Target yang ingin dicapai adalah:"
        ),
        targets=(
            "Terlibatnya pimpinan secara langsung dalam penyusunan perencanaan dan penetapan "
            "kinerja, serta dalam pemantauan capaian kinerja secara berkala;",
            "Tersusunnya dokumen perencanaan kinerja yang berorientasi hasil, dengan Indikator "
            "Kinerja Utama yang memenuhi kriteria SMART;",
            "Tersusunnya laporan kinerja secara tepat waktu yang memberikan informasi kinerja "
            "yang memadai;",
            "Tersedianya sistem informasi kinerja dan meningkatnya kapasitas pegawai yang "
            "menangani akuntabilitas kinerja.",
        ),
        pengantar=(
            "Dalam menerapkan Penguatan Akuntabilitas Kinerja tersebut, kegiatan yang "
            "dilaksanakan adalah sebagai berikut:"
        ),
        indikator={
            "kegiatan": "Keterlibatan Pimpinan",
            "hasil": "Perencanaan dan penetapan kinerja disusun bersama pimpinan",
            "uraian": "1. Rapat penyusunan perjanjian kinerja yang dipimpin Kepala\n"
            "2. Pemantauan capaian kinerja setiap bulan",
            "target": "Perjanjian kinerja ditandatangani; capaian kinerja dipantau setiap bulan",
            "penanggung_jawab": "Pokja Penguatan Akuntabilitas Kinerja",
            "data_dukung": "Perjanjian kinerja, notulen rapat pemantauan kinerja",
        },
        months=(1,),
        prioritas={
            "target": "Penyusunan Perjanjian Kinerja",
            "rencana_aksi": "Melaksanakan rapat penyusunan perjanjian kinerja bersama pimpinan",
            "waktu": "Januari {tahun}",
            "output": "Dokumen Perjanjian Kinerja Tahun {tahun}",
        },
    ),
    ComponentKey.PENGAWASAN: Suggestion(
        tujuan=(
            "Program Penguatan Pengawasan bertujuan mewujudkan penyelenggaraan tugas {satker} "
            "yang bersih dan bebas dari korupsi, kolusi dan nepotisme. Target yang ingin dicapai "
            "adalah:"
        ),
        targets=(
            "Diterapkannya pengendalian gratifikasi, termasuk kampanye publik tentang "
            "pengendalian gratifikasi;",
            "Diterapkannya Sistem Pengendalian Intern Pemerintah (SPIP), mulai dari lingkungan "
            "pengendalian, penilaian risiko, hingga kegiatan pengendalian yang dikomunikasikan "
            "kepada seluruh pihak terkait;",
            "Dikelolanya pengaduan masyarakat dan Whistle-Blowing System, disertai evaluasi dan "
            "tindak lanjutnya;",
            "Teridentifikasi, tersosialisasikan dan tertanganinya benturan kepentingan dalam "
            "pelaksanaan tugas dan fungsi utama.",
        ),
        pengantar=(
            "Dalam menerapkan Penguatan Pengawasan tersebut, kegiatan yang dilaksanakan adalah "
            "sebagai berikut:"
        ),
        indikator={
            "kegiatan": "Pengendalian Gratifikasi",
            "hasil": "Pegawai dan pengguna layanan memahami larangan gratifikasi",
            "uraian": "1. Memasang media kampanye antigratifikasi\n"
            "2. Merekap laporan penerimaan gratifikasi",
            "target": "Laporan pengendalian gratifikasi setiap bulan",
            "penanggung_jawab": "Unit Pengendalian Gratifikasi",
            "data_dukung": "Foto media kampanye, rekap laporan gratifikasi",
        },
        months=tuple(range(1, 13)),
        prioritas={
            "target": "Penerapan Whistle-Blowing System",
            "rencana_aksi": "Menyosialisasikan tata cara pelaporan pelanggaran kepada pegawai",
            "waktu": "Februari {tahun}",
            "output": "Laporan sosialisasi dan rekap laporan Whistle-Blowing System",
        },
    ),
    ComponentKey.PELAYANAN_PUBLIK: Suggestion(
        tujuan=(
            "Program Peningkatan Kualitas Pelayanan Publik bertujuan meningkatkan kualitas dan "
            "inovasi pelayanan {satker} secara berkala sesuai dengan kebutuhan dan harapan "
            "masyarakat. Target yang ingin dicapai adalah:"
        ),
        targets=(
            "Ditetapkan, dimaklumatkan, dipublikasikan dan direviunya standar pelayanan secara "
            "berkala;",
            "Diterapkannya budaya pelayanan prima melalui peningkatan kompetensi petugas, "
            "informasi layanan yang mudah diakses, penghargaan dan sanksi bagi petugas, "
            "kompensasi bagi penerima layanan, sarana layanan terpadu, serta inovasi pelayanan;",
            "Dikelolanya pengaduan dan konsultasi pelayanan yang terintegrasi dengan "
            "SP4N-LAPOR!, disertai evaluasinya;",
            "Terlaksananya survei kepuasan masyarakat secara berkala, yang hasilnya terbuka "
            "untuk umum dan ditindaklanjuti;",
            "Dimanfaatkannya teknologi informasi dan basis data pelayanan yang terintegrasi, "
            "dengan perbaikan secara terus-menerus.",
        ),
        pengantar=(
            "Dalam menerapkan Peningkatan Kualitas Pelayanan Publik tersebut, kegiatan yang "
            "dilaksanakan adalah sebagai berikut:"
        ),
        indikator={
            "kegiatan": "Penilaian Kepuasan terhadap Pelayanan",
            "hasil": "Diketahuinya tingkat kepuasan masyarakat terhadap pelayanan",
            "uraian": "1. Menyebarkan kuesioner survei kepuasan masyarakat\n"
            "2. Mengolah dan mengumumkan hasil survei\n3. Menindaklanjuti hasil survei",
            "target": "Hasil survei kepuasan masyarakat diumumkan setiap triwulan",
            "penanggung_jawab": "Pokja Pelayanan Publik",
            "data_dukung": "Laporan survei kepuasan masyarakat, bukti publikasi",
        },
        months=(3, 6, 9, 12),
        prioritas={
            "target": "Maklumat Pelayanan",
            "rencana_aksi": "Menyusun dan menandatangani maklumat pelayanan",
            "waktu": "Februari {tahun}",
            "output": "Maklumat pelayanan terpasang di ruang layanan",
        },
    ),
}


# -- the two entry points -------------------------------------------------------------------


def init_workbooks(
    folder: Path, identity_hints: Mapping[str, object] | None = None, force: bool = False
) -> list[Path]:
    """Writes the seven workbooks of a new plan into ``folder``, ready for the Pokja.

    ``identity_hints`` pre-fills Identitas (keys as in validate.IDENTITY_FIELDS:
    ``nama_satker``, ``nama_singkat``, ``jenis_satker``, ``tahun``, ...); the signatory,
    NIP and dates stay blank for the unit to fill. Existing workbooks are only replaced
    with ``force``; nothing is written when any check fails.
    """
    hints = _checked_hints(identity_hints)
    context = _context(hints)
    identity: dict[str, object] = {"ukuran_kertas": "A4", **hints}
    books = {cols.WORKBOOK_HINTS[cols.UMUM_NUMBER]: _umum(context, identity, [])}
    for key in ComponentKey:
        books[cols.WORKBOOK_HINTS[key.number]] = _component(
            key, context, _suggested_uraian(key, context), [], []
        )
    return _write_all(folder, books, force)


def roll_forward(
    source: Path,
    folder: Path,
    tahun: int | None = None,
    keep_ticks: bool = False,
    force: bool = False,
    identity_hints: Mapping[str, object] | None = None,
) -> list[str]:
    """Next year's workbooks from this year's plan; returns what changed, in Indonesian.

    Reads ``source`` like a build does (InputInvalid when it has errors), then writes the
    same content into ``folder`` in the current layout: Tahun moves to ``tahun`` (default:
    the next year), years in Waktu move by as many years, month ticks are cleared unless
    ``keep_ticks``, Tanggal Penetapan and the revision are cleared. Narrative sections that
    used the standard text stay empty so that the text follows the new year.
    """
    plan, warnings = load_plan(source)
    old = plan.identity.tahun
    new = old + 1 if tahun is None else tahun
    shift = new - old
    hints = _checked_hints(identity_hints)
    identity = {**_identity_values(plan), "tahun": new, **hints}
    context = _context(identity)
    umum_name = cols.WORKBOOK_HINTS[cols.UMUM_NUMBER]
    books = {umum_name: _umum(context, identity, _narasi_rows(plan))}
    ticks = lines = 0
    moved: list[str] = []
    dropped: list[str] = []
    for component in plan.components:
        name = cols.WORKBOOK_HINTS[component.key.number]
        indikator, empty = _indikator_rows(plan, component.key, keep_ticks)
        if empty:
            dropped.append(f"{name} ({empty} baris)")
        prioritas, changed = _prioritas_rows(plan, component.key, shift)
        ticks += sum(sum(line.months) for a in component.activities for line in a.lines)
        lines += len(indikator)
        books[name] = _component(
            component.key, context, _uraian_rows(plan, component.key), indikator, prioritas
        )
        if changed:
            cells = ", ".join(f"D{FIRST_ROW + index}" for index in changed)
            moved.append(f"{name} › Prioritas › {cells}")
    stale = _mentions(books, old) if shift else []
    logo = source / "logo.png"
    copies = {"logo.png": logo} if logo.is_file() else {}
    written = _write_all(folder, books, force, copies)

    tahun_row = FIRST_ROW + list(IDENTITY_LABELS).index("tahun")
    tanggal_row = FIRST_ROW + list(IDENTITY_LABELS).index("tanggal")
    changes = [
        f"Workbook rencana Tahun {new} ditulis ke {folder}: "
        f"{', '.join(path.name for path in written)}.",
        f"Tahun diubah dari {old} menjadi {new} ({umum_name} › Identitas › B{tahun_row})."
        if shift
        else f"Tahun tetap {new}.",
        "Tanggal Penetapan, Revisi dan Tanggal Revisi dikosongkan. Isi tanggal penetapan "
        f"rencana kerja Tahun {new} ({umum_name} › Identitas › B{tanggal_row}).",
        f"Penandatangan ({plan.identity.penandatangan.nama}"
        + (f") dan Ketua Tim ({plan.identity.ketua_tim.nama}" if plan.identity.ketua_tim else "")
        + ") disalin; periksa apakah masih menjabat saat rencana ditetapkan.",
    ]
    if moved and shift:
        changes.append(
            f"Tahun pada kolom Waktu dimajukan {shift} tahun di: {'; '.join(moved)}."
            if shift > 0
            else f"Tahun pada kolom Waktu dimundurkan {-shift} tahun di: {'; '.join(moved)}."
        )
    if lines and keep_ticks:
        changes.append(
            f"Centang bulan pada sheet Indikator dipertahankan ({ticks} centang di {lines} "
            f"baris); periksa kembali jadwal Tahun {new}."
        )
    elif lines:
        changes.append(
            f"Centang bulan pada sheet Indikator dikosongkan ({ticks} centang). Centang "
            f"kembali bulan pelaksanaan Tahun {new}."
        )
    if dropped:
        changes.append(
            "Baris Indikator yang hanya berisi centang tidak disalin, karena tanpa centang "
            f"baris itu kosong: {'; '.join(dropped)}."
        )
    standard = [s.key.value for s in plan.sections if s.standard]
    if standard:
        changes.append(
            f"Bagian Narasi yang memakai teks baku dibiarkan kosong agar tahunnya ikut "
            f"berganti: {', '.join(standard)}."
        )
    if stale:
        changes.append(
            f"Teks berikut masih menyebut tahun {old}; periksa apakah perlu diubah: "
            f"{'; '.join(stale)}."
        )
    if copies and source.resolve() != folder.resolve():
        changes.append("logo.png disalin.")
    if warnings:
        changes.append(
            f"Workbook di {source} memiliki {len(warnings)} peringatan; sebagian mungkin ikut "
            f"tersalin. Periksa dengan zi-plan validate {folder}."
        )
    return changes


# -- content ----------------------------------------------------------------------------------


def _checked_hints(hints: Mapping[str, object] | None) -> dict[str, object]:
    unknown = set(hints or {}) - IDENTITY_LABELS.keys()
    if unknown:
        raise ValueError(f"unknown identity keys: {sorted(unknown)}")
    return {key: value for key, value in (hints or {}).items() if value not in (None, "")}


def _context(identity: Mapping[str, object]) -> Context:
    tahun = identity.get("tahun")
    return Context(
        satker=str(identity.get("nama_satker") or ""),
        singkat=str(identity.get("nama_singkat") or ""),
        tahun=tahun if isinstance(tahun, int) else None,
    )


def _fill(text: str, context: Context) -> str:
    return text.format(satker=context.satker or UNIT, tahun=context.tahun or date.today().year)


def _suggested_uraian(key: ComponentKey, context: Context) -> list[list[object]]:
    """The component's suggested purpose, targets and table sentence, for the Pokja to edit."""
    suggestion = SUGGESTIONS[key]
    targets: list[list[object]] = [["Target", target] for target in suggestion.targets]
    return [
        ["Tujuan", _fill(suggestion.tujuan, context)],
        *targets,
        ["Pengantar Tabel", suggestion.pengantar],
    ]


def _identity_values(plan: Plan) -> dict[str, object]:
    """Identitas as the Pokja typed it, minus the dates that belong to last year's plan."""
    identity = plan.identity
    signer, ketua = identity.penandatangan, identity.ketua_tim
    values: dict[str, object] = {
        "kementerian": identity.kementerian,
        "kantor_wilayah": identity.kantor_wilayah,
        "nama_satker": identity.nama_satker,
        "nama_singkat": identity.nama_singkat,
        "jenis_satker": identity.jenis_satker,
        "tempat": identity.tempat,
        "jabatan": signer.jabatan,
        "nama": signer.nama,
        "nip": signer.nip_display,
        "slogan": identity.slogan,
        "alamat": identity.alamat,
        "ukuran_kertas": identity.ukuran_kertas,
    }
    if ketua is not None:
        values |= {
            "ketua_nama": ketua.nama,
            "ketua_nip": ketua.nip_display,
            "ketua_jabatan": ketua.jabatan,
        }
    return values


def _narasi_rows(plan: Plan) -> list[list[object]]:
    return [
        [section.key.value, paragraph.level, paragraph.text]
        for section in plan.sections
        if not section.standard
        for paragraph in section.paragraphs
    ]


def _uraian_rows(plan: Plan, key: ComponentKey) -> list[list[object]]:
    component = plan.components[key.number - 1]
    return [
        [bagian, text]
        for bagian, texts in zip(
            URAIAN_BAGIAN,
            (component.tujuan, component.targets, component.pengantar_tabel),
            strict=True,
        )
        for text in texts
    ]


def _indikator_rows(
    plan: Plan, key: ComponentKey, keep_ticks: bool
) -> tuple[list[list[object]], int]:
    """One row per planned line, list items with the labels the document shows; and how
    many lines were left out because, without their ticks, they held nothing."""
    rows: list[list[object]] = []
    dropped = 0
    for activity in plan.components[key.number - 1].activities:
        counters: dict[str, dict[Marker, int]] = {"hasil": {}, "uraian": {}, "target": {}}
        for index, line in enumerate(activity.lines):
            texts = [
                "\n".join(
                    f"{label} {text}".strip()
                    for label, text in numbered(getattr(line, name), counters[name])
                )
                for name in counters
            ]
            extra = [line.ket, line.penanggung_jawab, line.data_dukung, line.kode_lke]
            if index and not keep_ticks and not any(texts + extra):
                dropped += 1
                continue
            ticks = [TICK if ticked and keep_ticks else None for ticked in line.months]
            kegiatan = activity.kegiatan if index == 0 else None
            rows.append([None, kegiatan, *texts, *ticks, *extra])
    return rows, dropped


def shift_years(text: str, shift: int) -> str:
    """``Januari s.d. Desember 2024`` moved by one year is ``Januari s.d. Desember 2025``."""
    return YEAR.sub(lambda match: str(int(match.group()) + shift), text)


def _prioritas_rows(
    plan: Plan, key: ComponentKey, shift: int
) -> tuple[list[list[object]], list[int]]:
    """One row per step; Waktu and Output only where they change. Also the rows whose
    Waktu had a year moved."""
    rows: list[list[object]] = []
    moved: list[int] = []
    for target in plan.components[key.number - 1].priorities:
        for index, step in enumerate(target.steps):
            before = target.steps[index - 1] if index else None
            waktu = step.waktu if before is None or step.waktu != before.waktu else ""
            output = step.output if before is None or step.output != before.output else ""
            if shift_years(waktu, shift) != waktu:
                moved.append(len(rows))
                waktu = shift_years(waktu, shift)
            rows.append(
                [
                    None,
                    target.target if before is None else None,
                    step.rencana_aksi,
                    waktu,
                    output,
                    step.penanggung_jawab,
                    step.data_dukung,
                    step.kode_lke,
                ]
            )
    return rows, moved


def _mentions(books: Mapping[str, Sequence[Sheet | Guide]], year: int) -> list[str]:
    """The cells, outside Identitas and Waktu, whose text still names ``year``."""
    pattern = re.compile(rf"(?<!\d){year}(?!\d)")
    found = []
    for name, sheets in books.items():
        for sheet in sheets:
            if not isinstance(sheet, Sheet) or sheet.name == cols.SHEET_IDENTITAS:
                continue
            for r, row in enumerate(sheet.rows, start=FIRST_ROW):
                for c, value in enumerate(row, start=1):
                    if isinstance(value, str) and pattern.search(value):
                        found.append(f"{name} › {sheet.name} › {get_column_letter(c)}{r}")
    return found


# -- sheets -----------------------------------------------------------------------------------


def _umum(
    context: Context, identity: Mapping[str, object], narasi: list[list[object]]
) -> list[Sheet | Guide]:
    return [
        _petunjuk_umum(context),
        Sheet(
            cols.SHEET_IDENTITAS,
            _title("Identitas Rencana Kerja Pembangunan Zona Integritas", context),
            "Sel kuning wajib diisi; sel lain boleh kosong. Klik sel Isi untuk melihat "
            "petunjuknya. Jangan mengubah kolom Kolom.",
            IDENTITAS_SPECS,
            [[label, identity.get(key)] for key, label in IDENTITY_LABELS.items()],
            freeze=f"B{FIRST_ROW}",
        ),
        Sheet(
            cols.SHEET_NARASI,
            _title("Narasi: BAB I, pengantar BAB II, Indikator Hasil, BAB III, Penutup", context),
            "Satu paragraf atau butir per baris, urut seperti di dokumen. Bagian yang tidak "
            "diisi memakai teks baku.",
            NARASI_SPECS,
            narasi,
        ),
    ]


def _component(
    key: ComponentKey,
    context: Context,
    uraian: list[list[object]],
    indikator: list[list[object]],
    prioritas: list[list[object]],
) -> list[Sheet | Guide]:
    heading = f"Komponen {key.number}. {key.value}"
    return [
        _petunjuk_component(key, context),
        Sheet(
            cols.SHEET_URAIAN,
            _title(f"{heading} — Uraian: tujuan dan target", context),
            "Saran tujuan dan target sudah diisi; ubah, hapus, atau tambah sesuai rencana "
            "satuan kerja.",
            URAIAN_SPECS,
            uraian,
        ),
        Sheet(
            cols.SHEET_INDIKATOR,
            _title(f"{heading} — Indikator: matriks kegiatan bulanan", context),
            f"Satu baris untuk setiap rencana kegiatan. Pilih {TICK} pada bulan pelaksanaannya; "
            "bulan lain dikosongkan.",
            INDIKATOR_SPECS,
            indikator,
            freeze=f"C{FIRST_ROW}",
        ),
        Sheet(
            cols.SHEET_PRIORITAS,
            _title(f"{heading} — Target Prioritas dan Output", context),
            "Satu langkah Rencana Aksi per baris. Target Prioritas, Waktu dan Output cukup "
            "ditulis pada langkah pertama.",
            PRIORITAS_SPECS,
            prioritas,
            freeze=f"C{FIRST_ROW}",
        ),
    ]


# -- the Petunjuk sheet -------------------------------------------------------------------------

PETUNJUK_WIDTHS = (26, 100)
_RULES = (
    "• Jangan mengubah nama sheet dan judul kolom (baris 3): program mengenali keduanya "
    "dari namanya.\n"
    "• Isi di bawah judul kolom, mulai baris 4; tambahkan baris sebanyak yang diperlukan. "
    "Baris kosong diabaikan.\n"
    "• Satu sel boleh berisi beberapa baris: tekan Alt+Enter. Baris yang diawali 1., a. "
    "atau - menjadi butir daftar; nomornya dibuat otomatis di dokumen.\n"
    "• Klik judul kolom untuk melihat petunjuk kolom itu."
)
_NO_RULE = "\n• Kolom NO (Indikator) dan No (Prioritas) boleh kosong: nomor dibuat otomatis."


@dataclass
class Guide:
    """The Petunjuk sheet: rows of (style, label, text) in two columns."""

    title: str
    rows: list[tuple[str, str, str]] = field(default_factory=list)
    name: str = SHEET_PETUNJUK

    def add(self, label: str, text: str) -> None:
        self.rows.append(("text", label, text))

    def heading(self, text: str) -> None:
        self.rows.append(("heading", text, ""))

    def example(self, sheet: str, pairs: Iterable[tuple[str, str]]) -> None:
        self.rows.append(("example-head", f"Sheet {sheet}", "Contoh satu baris yang sudah diisi"))
        self.rows.extend(("example", label, text) for label, text in pairs)


def _sender(context: Context) -> str:
    return (
        "Simpan dengan nama file yang sama (format .xlsx), lalu kirimkan kepada Sekretariat "
        f"Tim Kerja Pembangunan Zona Integritas {context.singkat or context.satker or UNIT}."
    )


def _petunjuk_umum(context: Context) -> Guide:
    guide = Guide(_title("PETUNJUK PENGISIAN — 00 Umum: Identitas dan Narasi", context))
    guide.add("Diisi oleh", "Sekretariat Tim Kerja Pembangunan Zona Integritas.")
    guide.add(
        "Sheet Identitas",
        "Data satuan kerja dan penandatangan. Sel kuning wajib diisi; yang lain boleh kosong. "
        "Tanggal diketik sebagai 2025-02-12 (tahun-bulan-tanggal). NIP boleh memakai spasi.",
    )
    guide.add(
        "Sheet Narasi",
        "Teks BAB I, pengantar BAB II, Indikator Hasil, BAB III dan Penutup: satu paragraf atau "
        "satu butir per baris, urut seperti di dokumen. Pilih Bagian dari daftar. Bagian yang "
        "tidak diisi sama sekali memakai teks baku yang memuat nama satuan kerja dan tahun.",
    )
    guide.add(
        "Tingkat",
        "0 = paragraf biasa; 1 = butir bernomor 1., 2., ...; 2 = butir huruf a., b., ... di "
        "bawah butir di atasnya; 3 = butir 1), 2), ... di bawah butir huruf. Boleh kosong: "
        "0 untuk Kata Pengantar, Latar Belakang, Maksud dan Tujuan, Ruang Lingkup, Pengantar "
        "BAB II, Evaluasi, Pelaporan dan Penutup; 1 untuk bagian lain.",
    )
    guide.add("Aturan pengisian", _RULES)
    guide.add(
        "Setelah diisi",
        "Simpan dengan nama file yang sama di folder sumber, bersama workbook 01 s.d. 06 dari "
        "setiap Pokja. Dokumen disusun dengan perintah zi-plan build; bila ada yang belum "
        "lengkap, perintah itu menyebutkan file, sheet dan selnya.",
    )
    guide.heading("CONTOH PENGISIAN")
    guide.example(
        cols.SHEET_IDENTITAS,
        [
            ("Kolom", "Tanggal Penetapan"),
            ("Isi", "2025-02-12 (tampil sebagai 12 Februari 2025)"),
        ],
    )
    guide.example(
        cols.SHEET_NARASI,
        [
            ("Bagian", SectionKey.PERKEMBANGAN.value),
            ("Tingkat", "1"),
            (
                "Teks",
                f"Jumlah pegawai {context.singkat or UNIT} saat ini 85 orang, terdiri atas "
                "pejabat struktural, pejabat fungsional dan pelaksana.",
            ),
        ],
    )
    return guide


def _petunjuk_component(key: ComponentKey, context: Context) -> Guide:
    suggestion = SUGGESTIONS[key]
    guide = Guide(_title(f"PETUNJUK PENGISIAN — Komponen {key.number}. {key.value}", context))
    guide.add("Diisi oleh", f"Pokja {key.value}.")
    guide.add(
        "Sheet Uraian",
        "Tujuan komponen (Bagian = Tujuan), target yang ingin dicapai (Bagian = Target, satu "
        "target per baris) dan kalimat sebelum tabel (Bagian = Pengantar Tabel). Saran tujuan "
        "dan target sudah diisi berdasarkan Lembar Kerja Evaluasi PermenPAN-RB Nomor 90 Tahun "
        "2021: ubah, hapus, atau tambah sesuai rencana satuan kerja.",
    )
    guide.add(
        "Sheet Indikator",
        "Matriks kegiatan bulanan: satu baris untuk setiap rencana kegiatan. KEGIATAN cukup "
        "ditulis pada baris pertamanya; baris di bawahnya yang kolom KEGIATAN-nya kosong "
        "termasuk kegiatan yang sama. Centang bulan pelaksanaannya.",
    )
    guide.add(
        "Sheet Prioritas",
        "Target prioritas beserta langkah rencana aksinya: satu langkah per baris. Target "
        "Prioritas, Waktu dan Output cukup ditulis pada langkah pertama; langkah di bawahnya "
        "yang kosong mengikuti isi di atasnya.",
    )
    guide.add(
        "Tanda centang",
        f"{TICK} berarti kegiatan dilaksanakan pada bulan itu. Klik sel bulan, klik tanda "
        f"panah di sisi kanan sel, lalu pilih {TICK}. Bulan tanpa kegiatan dibiarkan kosong "
        "(hapus isinya dengan tombol Delete).",
    )
    guide.add(
        "Kolom tambahan",
        "Penanggung Jawab, Data Dukung dan Kode LKE boleh kosong; kolom yang terisi ikut "
        "tampil di tabel dokumen.",
    )
    guide.add("Aturan pengisian", _RULES + _NO_RULE)
    guide.add("Dikirim kepada", _sender(context))
    guide.heading("CONTOH PENGISIAN")
    guide.example(cols.SHEET_URAIAN, [("Bagian", "Target"), ("Teks", suggestion.targets[0])])
    ticked = [cols.MONTH_LABELS[m - 1] for m in suggestion.months]
    months = (
        f"{TICK} pada setiap bulan"
        if len(ticked) == 12
        else f"{TICK} pada {', '.join(ticked)}; bulan lain kosong"
    )
    guide.example(
        cols.SHEET_INDIKATOR,
        [
            ("NO", "(kosong)"),
            *(
                (_INDIKATOR_SPECS[key].title, suggestion.indikator[key])
                for key in ("kegiatan", "hasil", "uraian", "target")
            ),
            ("JAN s.d. DES", months),
            ("KET", "(kosong)"),
            ("Penanggung Jawab", suggestion.indikator["penanggung_jawab"]),
            ("Data Dukung", suggestion.indikator["data_dukung"]),
        ],
    )
    guide.example(
        cols.SHEET_PRIORITAS,
        [
            ("Target Prioritas", suggestion.prioritas["target"]),
            ("Rencana Aksi", suggestion.prioritas["rencana_aksi"]),
            ("Waktu", _fill(suggestion.prioritas["waktu"], context)),
            ("Output", _fill(suggestion.prioritas["output"], context)),
        ],
    )
    return guide


# -- writing ------------------------------------------------------------------------------------


def _write_all(
    folder: Path,
    books: Mapping[str, Sequence[Sheet | Guide]],
    force: bool,
    copies: Mapping[str, Path] | None = None,
) -> list[Path]:
    """Checks the whole folder first, then writes each workbook atomically.

    ``copies`` are other files to copy in (name -> source), such as the logo.
    """
    copies = {
        name: path
        for name, path in (copies or {}).items()
        if not ((folder / name).exists() and (folder / name).samefile(path))
    }
    if folder.exists() and not folder.is_dir():
        raise NotAFolder(folder)
    if folder.is_dir():
        _check_free(folder, list(books), list(copies), force)
    written = []
    for name, sheets in books.items():
        target = folder / name
        try:
            written.append(write_atomically(target, _workbook(sheets).save))
        except OutputError as exc:
            raise CannotWrite(target, str(exc.problem.params["detail"])) from None
    for name, path in copies.items():
        try:
            shutil.copyfile(path, folder / name)
        except OSError as exc:
            raise CannotWrite(folder / name, os_reason(exc)) from None
    return written


def _check_free(folder: Path, books: Sequence[str], others: Sequence[str], force: bool) -> None:
    """Refuses a folder whose workbooks would be overwritten (without ``force``) or would
    share a number with the new ones (always: two workbooks 03 cannot be built)."""
    report = Report()
    present = [path.name for path in discover(folder, report).values()]
    present += [p.where.file for p in report.problems if p.code == "workbook-ganda"]
    planned = {name[:2]: name for name in books}
    clashes = [
        (name, planned[name[:2]])
        for name in sorted(present)
        if name[:2] in planned and name != planned[name[:2]]
    ]
    if clashes:
        raise NumberTaken(folder, clashes)
    existing = [name for name in (*books, *others) if (folder / name).exists()]
    if existing and not force:
        raise WorkbooksExist(folder, existing)


def _workbook(sheets: Sequence[Sheet | Guide]) -> openpyxl.Workbook:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        ws = workbook.create_sheet(sheet.name)
        if isinstance(sheet, Guide):
            _write_guide(ws, sheet)
            ws.sheet_properties.tabColor = "70AD47"
        else:
            _write_table(ws, sheet)
        print_setup(ws, HEADER_ROW if isinstance(sheet, Sheet) else None)
    workbook.active = 0
    workbook.properties.creator = "zi-plan"
    workbook.properties.title = sheets[0].title
    return workbook


def _write_heading(ws: Worksheet, title: str, note: str) -> None:
    ws["A1"] = title
    ws["A1"].font = font(bold=True, size=13)
    if note:
        ws["A2"] = note
        ws["A2"].font = font(italic=True, color="595959")


def _write_table(ws: Worksheet, sheet: Sheet) -> None:
    _write_heading(ws, sheet.title, sheet.note)
    for c, spec in enumerate(sheet.columns, start=1):
        letter = get_column_letter(c)
        cell = ws.cell(HEADER_ROW, c, spec.title)
        cell.font = font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = _HEADER_ALIGN
        _prompt(ws, f"{letter}{HEADER_ROW}", spec.title, spec.prompt)
        dimension = ws.column_dimensions[letter]
        dimension.width = _fit(spec, [row[c - 1] for row in sheet.rows])
        dimension.alignment = _CENTER if spec.centered else _WRAP
        if spec.rule is not None:
            _validate(ws, f"{letter}{FIRST_ROW}:{letter}{LAST_ROW}", spec.title, spec.rule)
    for r, row in enumerate(sheet.rows, start=FIRST_ROW):
        for c, (spec, value) in enumerate(zip(sheet.columns, row, strict=True), start=1):
            cell = ws.cell(r, c, None if value == "" else value)
            cell.alignment = _CENTER if spec.centered else _WRAP
            cell.border = _BORDER
    if sheet.name == cols.SHEET_IDENTITAS:
        _identitas_cells(ws)
    fit_rows(ws, HEADER_ROW)
    ws.freeze_panes = sheet.freeze


def _identitas_cells(ws: Worksheet) -> None:
    """Per row of Identitas: the Isi cell's prompt, rule, format and required mark."""
    for r, (key, label) in enumerate(IDENTITY_LABELS.items(), start=FIRST_ROW):
        prompt, rule = _IDENTITY_HELP.get(key, ("", None))
        where = f"B{r}"
        if rule is not None:
            _validate(ws, where, label, replace(rule, prompt=prompt))
        elif prompt:
            _prompt(ws, where, label, prompt)
        if key in IDENTITY_FIELDS:
            ws[where].fill = _REQUIRED_FILL
            ws[f"A{r}"].font = font(bold=True)
        if key in _TEXT_FORMAT_FIELDS:
            ws[where].number_format = "@"
        elif rule is not None and rule.kind == "date":
            ws[where].number_format = DATE_FORMAT


def _write_guide(ws: Worksheet, guide: Guide) -> None:
    _write_heading(ws, guide.title, "")
    for c, width in enumerate(PETUNJUK_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    r = HEADER_ROW
    for style, label, text in guide.rows:
        if style in ("heading", "example-head"):
            r += 1  # a blank row before each heading and each example
        label_cell, text_cell = ws.cell(r, 1, label), ws.cell(r, 2, text or None)
        label_cell.alignment = text_cell.alignment = _WRAP
        label_cell.font = font(bold=True, size=12 if style == "heading" else 11)
        if style.startswith("example"):
            label_cell.border = text_cell.border = _BORDER
        if style == "example-head":
            label_cell.fill = text_cell.fill = _HEADER_FILL
            text_cell.font = font(bold=True)
        r += 1
    fit_rows(ws, HEADER_ROW)


def _fit(spec: Spec, values: Sequence[object]) -> float:
    """The column width: the spec's, widened only so that no word written has to break."""
    longest = max(
        (text_width(word) for value in values if value for word in str(value).split()),
        default=0.0,
    )
    return max(spec.width, min(longest + 2, MAX_WIDTH))


def _prompt(ws: Worksheet, where: str, title: str, prompt: str) -> None:
    """An input message: shown when the cell is selected, accepts anything."""
    validation = DataValidation(allow_blank=True, showInputMessage=True)
    validation.promptTitle = _prompt_title(title)
    validation.prompt = prompt
    ws.add_data_validation(validation)
    validation.add(where)


def _validate(ws: Worksheet, where: str, title: str, rule: Rule) -> None:
    formula2 = None
    if rule.kind == "list":
        formula1 = '"' + ",".join(rule.values) + '"'
    elif rule.kind == "date":
        formula1, formula2 = str(int(to_excel(FIRST_DAY))), str(int(to_excel(LAST_DAY)))
    else:
        formula1, formula2 = rule.values
    validation = DataValidation(
        type=rule.kind,
        operator=None if rule.kind == "list" else "between",
        formula1=formula1,
        formula2=formula2,
        allow_blank=True,
        showErrorMessage=rule.strict,
        showInputMessage=bool(rule.prompt),
    )
    if rule.error:
        validation.errorTitle = _prompt_title(title)
        validation.error = rule.error
    if rule.prompt:
        validation.promptTitle = _prompt_title(title)
        validation.prompt = rule.prompt
    ws.add_data_validation(validation)
    validation.add(where)
