"""Hostile and broken sources, through the command a Pokja member runs.

Every case is built from the sample sources (a copy, broken in one way) and must give its
exact message, exit 1 without a traceback, and leave the document of an earlier build
byte for byte as it was. Warnings let the build go on; output failures keep the old file.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result
from lxml import etree

import generator
from generator import files
from generator.cli import cli
from generator.plan.validate import load_plan
from generator.render import engine
from generator.render.document import write
from tests.conftest import SAMPLE_SOURCES, assert_no_traceback, set_cell
from tests.docx_reading import open_docx

UMUM = "00_umum.xlsx"
MP = "01_manajemen_perubahan.xlsx"
TATA = "02_penataan_tatalaksana.xlsx"
SDM = "03_penataan_sdm.xlsx"
AKUN = "04_penguatan_akuntabilitas.xlsx"
AWAS = "05_penguatan_pengawasan.xlsx"
YAN = "06_pelayanan_publik.xlsx"
NOT_BUILT = "Dokumen tidak dibuat. Perbaiki kesalahan di atas, lalu jalankan lagi."
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MAX_SECONDS = 10  # a refused bomb answers at once; a parsed one would not answer at all


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def error_lines(stderr: str) -> list[tuple[str, str]]:
    """The report's error lines, each with the workbook heading it stands under."""
    found, file = [], ""
    for line in stderr.splitlines():
        if not line.startswith(" "):
            file = line
        elif line.startswith("  KESALAHAN: "):
            found.append((file, line))
    return found


# -- building broken workbooks from the sample ------------------------------------------------


def sheet_part(workbook: Path, sheet: str) -> str:
    """The package part that holds a sheet (``xl/worksheets/sheet2.xml``)."""
    with zipfile.ZipFile(workbook) as archive:
        book = etree.fromstring(archive.read("xl/workbook.xml"))
        rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    rid = next(
        s.get(f"{{{REL_NS}}}id") for s in book.iter(f"{{{MAIN_NS}}}sheet") if s.get("name") == sheet
    )
    target = next(
        r.get("Target") for r in rels.iter(f"{{{PKG_REL_NS}}}Relationship") if r.get("Id") == rid
    )
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def rewrite(
    workbook: Path, change: Callable[[dict[str, bytes]], None], stored: bool = False
) -> None:
    """Rewrites the package with its members changed, as a careless program would."""
    with zipfile.ZipFile(workbook) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    change(members)
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(workbook, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def patch_part(workbook: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    def apply(members: dict[str, bytes]) -> None:
        members[part] = change(members[part])

    rewrite(workbook, apply)


def set_cell_xml(workbook: Path, sheet: str, coordinate: str, attributes: str, inner: str) -> None:
    """A cell as written in the sheet's XML: what openpyxl cannot write (a cached formula
    result, a text beyond Excel's limit)."""
    set_cell(workbook, sheet, coordinate, "sementara")  # the <c> element now exists

    def change(data: bytes) -> bytes:
        root = etree.fromstring(data)
        cell = next(c for c in root.iter(f"{{{MAIN_NS}}}c") if c.get("r") == coordinate)
        new = etree.fromstring(f'<c xmlns="{MAIN_NS}" r="{coordinate}" {attributes}>{inner}</c>')
        cell.getparent().replace(cell, new)
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))

    patch_part(workbook, sheet_part(workbook, sheet), change)


def delete_row(workbook: Path, sheet: str, row: int) -> None:
    book = openpyxl.load_workbook(workbook)
    book[sheet].delete_rows(row)
    book.save(workbook)


def rename_sheet(workbook: Path, old: str, new: str) -> None:
    book = openpyxl.load_workbook(workbook)
    book[old].title = new
    book.save(workbook)


def add_rows(workbook: Path, sheet: str, rows: list[list[object]]) -> None:
    book = openpyxl.load_workbook(workbook)
    for row in rows:
        book[sheet].append(row)
    book.save(workbook)


def ole_container(*streams: str) -> bytes:
    """The start of an OLE compound file (legacy .xls, or an encrypted .xlsx) naming its
    streams: enough for a reader that looks at the signature and the directory names."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    directory = b"".join(name.encode("utf-16-le").ljust(128, b"\0") for name in streams)
    return header + directory + bytes(4096)


def html_page(workbook: Path) -> bytes:
    """A sheet as Excel's "Save as Web Page" writes it, under the workbook's name."""
    sheet = openpyxl.load_workbook(workbook).worksheets[0]
    rows = "".join(
        "<tr>" + "".join(f"<td>{'' if v is None else v}</td>" for v in row) + "</tr>"
        for row in sheet.iter_rows(values_only=True)
    )
    return f"\ufeff<html><body><table>{rows}</table></body></html>".encode()


def csv_text(workbook: Path) -> bytes:
    sheet = openpyxl.load_workbook(workbook).worksheets[-1]
    rows = sheet.iter_rows(values_only=True)
    return "\n".join(";".join("" if v is None else str(v) for v in row) for row in rows).encode()


def corrupt_stored_member(workbook: Path, part: str) -> None:
    """One byte of a member changed on disk (a bad sector, a broken USB stick)."""
    rewrite(workbook, lambda members: None, stored=True)
    with zipfile.ZipFile(workbook) as archive:
        content = archive.read(part)
    data = workbook.read_bytes()
    middle = len(content) // 2
    damaged = content[:middle] + bytes([content[middle] ^ 0x20]) + content[middle + 1 :]
    workbook.write_bytes(data.replace(content, damaged, 1))


LAUGHS = ['<!ENTITY lol0 "lol">'] + [
    f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
]
BILLION_LAUGHS = ("<!DOCTYPE worksheet [\n" + "\n".join(LAUGHS) + "\n]>\n").encode()


def entity_bomb(data: bytes) -> bytes:
    """The billion laughs: nine levels of entities, each ten of the one below (10^9 lols)."""
    body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
    body = body.replace(b"<t>Tujuan</t>", b"<t>&lol9;</t>", 1)
    return BILLION_LAUGHS + body


def external_entity(data: bytes) -> bytes:
    """XXE: an entity that would read a file of the machine into a cell."""
    body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
    doctype = b'<!DOCTYPE worksheet [<!ENTITY rahasia SYSTEM "file:///etc/passwd">]>'
    return doctype + body.replace(b"<t>Tujuan</t>", b"<t>&rahasia;</t>", 1)


def late_entity_bomb(data: bytes) -> bytes:
    """The bomb after a long comment, beyond the quick look for a DOCTYPE: defusedxml,
    under openpyxl, must still refuse it."""
    body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
    noise = random.Random(0).randbytes(768 * 1024).hex().encode()  # does not pack well
    comment = b"<!--" + noise + b"-->\n"
    return comment + BILLION_LAUGHS + body.replace(b"<t>Tujuan</t>", b"<t>&lol9;</t>", 1)


def zip_bomb(workbook: Path) -> None:
    """30 MB of zeros in a picture that packs into a few kilobytes."""

    def add(members: dict[str, bytes]) -> None:
        members["xl/media/image1.png"] = bytes(30 * 1024 * 1024)

    rewrite(workbook, add)


def zip_bomb_message(workbook: Path) -> str:
    with zipfile.ZipFile(workbook) as archive:
        infos = archive.infolist()
    total = sum(i.file_size for i in infos)
    ratio = round(total / sum(i.compress_size for i in infos))
    return (
        f"  KESALAHAN: Isi file mengembang menjadi {total // 2**20} MB setelah diekstrak "
        f"({ratio:,} kali ukuran file); workbook Excel yang wajar tidak demikian. Perbaiki: "
        "Jangan gunakan file ini; minta Pokja mengirim ulang workbook aslinya. "
        "[file-tidak-wajar]"
    ).replace(",", ".")


def merge_bomb(data: bytes) -> bytes:
    """A whole sheet merged into one cell: openpyxl would make 17 billion cell objects."""
    return data.replace(
        b"</sheetData>",
        b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
        1,
    )


def nip(value: object) -> Callable[[Path], None]:
    return lambda s: set_cell(s / UMUM, "Identitas", "B14", value)


def identitas(cell: str, value: object) -> Callable[[Path], None]:
    return lambda s: set_cell(s / UMUM, "Identitas", cell, value)


_EARLIER: dict[str, Path] = {}  # set by the ``earlier`` fixture, before any case breaks


@dataclass(frozen=True)
class Case:
    id: str
    breaks: Callable[[Path], object]
    expected: list[tuple[str, str]]


def line(file: str, text: str) -> tuple[str, str]:
    return (file, f"  KESALAHAN: {text}")


PERBAIKI_NIP = "Perbaiki: Periksa kembali NIP pada SK kepegawaian."
KNOWN_BAGIAN = (
    "Kata Pengantar, Latar Belakang, Maksud dan Tujuan, Ruang Lingkup, Dasar Hukum, "
    "Pengertian Umum, Perkembangan Masalah dan Kondisi, Analisa, Perkiraan, Rekomendasi, "
    "Pengantar BAB II, Indikator Hasil, Evaluasi, Pelaporan, Penutup"
)
EXCEL_ERROR = (
    "(rumus yang gagal, atau tanggal di luar jangkauan Excel), bukan isi yang dapat dicetak. "
    "Perbaiki: Perbaiki rumus atau isi sel itu di Excel (ganti dengan teks biasa bila perlu), "
    "lalu simpan. [galat-excel]"
)
CONTROL = (
    "yang tidak dapat dimuat di dokumen Word. Perbaiki: Ketik ulang isi sel tanpa menyalin "
    "dari program lain. [karakter-kontrol]"
)

CASES = [
    # -- the file itself ----------------------------------------------------------------------
    Case(
        "empty-file",
        lambda s: (s / TATA).write_bytes(b""),
        [
            line(
                TATA,
                "File kosong (0 byte). Perbaiki: Simpan ulang workbook dari Excel; file "
                "mungkin rusak saat disalin. [file-kosong]",
            )
        ],
    ),
    Case(
        "old-xls-renamed",
        lambda s: (s / SDM).write_bytes(ole_container("Root Entry", "Workbook")),
        [
            line(
                SDM,
                "File ini berformat Excel lama (.xls) yang diberi nama .xlsx. Perbaiki: Buka "
                "di Excel, pilih Simpan Sebagai › Buku Kerja Excel (*.xlsx). [file-xls-lama]",
            )
        ],
    ),
    Case(
        "password-protected",
        lambda s: (s / AKUN).write_bytes(
            ole_container("Root Entry", "EncryptionInfo", "EncryptedPackage")
            + (s / AKUN).read_bytes()
        ),
        [
            line(
                AKUN,
                "Workbook ini dilindungi kata sandi sehingga tidak dapat dibaca. Perbaiki: Buka "
                "di Excel, hapus kata sandi (File › Info › Lindungi Buku Kerja), lalu simpan. "
                "[file-berkata-sandi]",
            )
        ],
    ),
    Case(
        "html-page-renamed",
        lambda s: (s / UMUM).write_bytes(html_page(s / UMUM)),
        [
            line(
                UMUM,
                "File ini halaman web (HTML) yang diberi nama .xlsx, bukan workbook Excel. "
                "Perbaiki: Buka di Excel, lalu Simpan Sebagai › Buku Kerja Excel (*.xlsx). "
                "[file-html]",
            )
        ],
    ),
    Case(
        "csv-renamed",
        lambda s: (s / YAN).write_bytes(csv_text(s / YAN)),
        [
            line(
                YAN,
                "File ini bukan workbook Excel (.xlsx). Perbaiki: Simpan ulang dari Excel "
                "sebagai Buku Kerja Excel (*.xlsx). [file-bukan-xlsx]",
            )
        ],
    ),
    Case(
        "word-document-renamed",
        lambda s: shutil.copyfile(_EARLIER["docx"], s / AWAS),
        [
            line(
                AWAS,
                "File ini bukan workbook Excel (.xlsx). Perbaiki: Simpan ulang dari Excel "
                "sebagai Buku Kerja Excel (*.xlsx). [file-bukan-xlsx]",
            )
        ],
    ),
    Case(
        "truncated-copy",
        lambda s: (s / MP).write_bytes((s / MP).read_bytes()[:3000]),
        [
            line(
                MP,
                "File workbook terpotong (tidak lengkap), mungkin karena unduhan atau penyalinan "
                "yang terputus. Perbaiki: Salin atau unduh ulang workbook dari pengirimnya, lalu "
                "jalankan lagi. [file-terpotong]",
            )
        ],
    ),
    Case(
        "damaged-zip-member",
        lambda s: corrupt_stored_member(s / TATA, "xl/worksheets/sheet2.xml"),
        [
            line(
                TATA,
                "Workbook rusak dan tidak dapat dibuka (isi arsip zip rusak). Perbaiki: Buka di "
                "Excel (Excel biasanya menawarkan perbaikan), lalu simpan ulang. [file-rusak]",
            )
        ],
    ),
    Case(
        "sheet-xml-cut-short",
        lambda s: patch_part(s / SDM, "xl/worksheets/sheet3.xml", lambda d: d[: len(d) // 2]),
        [
            line(
                SDM,
                "Workbook rusak dan tidak dapat dibuka (isi XML tidak sah). Perbaiki: Buka di "
                "Excel (Excel biasanya menawarkan perbaikan), lalu simpan ulang. [file-rusak]",
            )
        ],
    ),
    Case(
        "workbook-xml-not-xml",
        lambda s: patch_part(s / AKUN, "xl/workbook.xml", lambda d: b"<workbook><sheets"),
        [
            line(
                AKUN,
                "Workbook rusak dan tidak dapat dibuka (isi XML tidak sah). Perbaiki: Buka di "
                "Excel (Excel biasanya menawarkan perbaikan), lalu simpan ulang. [file-rusak]",
            )
        ],
    ),
    Case(
        "sheet-part-missing",
        lambda s: rewrite(s / AWAS, lambda m: m.pop("xl/worksheets/sheet1.xml")),
        [
            line(
                AWAS,
                "Workbook rusak dan tidak dapat dibuka (isi sheet Uraian hilang). Perbaiki: "
                "Buka di Excel (Excel biasanya menawarkan perbaikan), lalu simpan ulang. "
                "[file-rusak]",
            )
        ],
    ),
    Case(
        "xml-entity-bomb",
        lambda s: patch_part(s / MP, sheet_part(s / MP, "Uraian"), entity_bomb),
        [
            line(
                MP,
                "Workbook memuat deklarasi DOCTYPE/entitas XML, yang tidak pernah ditulis "
                "Excel; demi keamanan file ini tidak dibuka. Perbaiki: Jangan gunakan file ini; "
                "minta Pokja menyimpan ulang workbook langsung dari Excel. [file-entitas-xml]",
            )
        ],
    ),
    Case(
        "xml-entity-bomb-after-long-comment",
        lambda s: patch_part(s / MP, sheet_part(s / MP, "Uraian"), late_entity_bomb),
        [
            line(
                MP,
                "Workbook memuat deklarasi DOCTYPE/entitas XML, yang tidak pernah ditulis "
                "Excel; demi keamanan file ini tidak dibuka. Perbaiki: Jangan gunakan file ini; "
                "minta Pokja menyimpan ulang workbook langsung dari Excel. [file-entitas-xml]",
            )
        ],
    ),
    Case(
        "xml-external-entity",
        lambda s: patch_part(s / MP, sheet_part(s / MP, "Uraian"), external_entity),
        [
            line(
                MP,
                "Workbook memuat deklarasi DOCTYPE/entitas XML, yang tidak pernah ditulis "
                "Excel; demi keamanan file ini tidak dibuka. Perbaiki: Jangan gunakan file ini; "
                "minta Pokja menyimpan ulang workbook langsung dari Excel. [file-entitas-xml]",
            )
        ],
    ),
    Case(
        "whole-sheet-merged",
        lambda s: patch_part(s / SDM, sheet_part(s / SDM, "Indikator"), merge_bomb),
        [
            line(
                SDM,
                "Indikator › A1:XFD1048576: Sel gabungan (Merge) ini mencakup 17.179.869.184 "
                "sel, jauh lebih luas daripada tabel rencana kerja mana pun. Perbaiki: Pilih "
                "rentang itu, batalkan penggabungan (Merge & Center), lalu gabungkan hanya sel "
                "yang diperlukan. [sel-gabungan-terlalu-luas]",
            )
        ],
    ),
    Case(
        "dash-filled-down-the-whole-column",
        lambda s: add_rows(s / YAN, "Prioritas", [[None, None, "-"]] * 5_000),
        [
            line(
                YAN,
                "Prioritas: Tabel berisi 5.006 baris data, melebihi batas 5.000 baris. "
                "Perbaiki: Hapus isian yang tersalin sampai jauh ke bawah (misalnya tanda - "
                "yang diisi ke seluruh kolom), lalu simpan. [tabel-terlalu-panjang]",
            )
        ],
    ),
    # -- the folder ---------------------------------------------------------------------------
    Case(
        "workbook-missing",
        lambda s: (s / SDM).unlink(),
        [
            line(
                SDM,
                "Workbook 03_penataan_sdm.xlsx tidak ada di folder sumber. Perbaiki: Simpan "
                "workbook yang namanya diawali 03 di folder ini. [workbook-tidak-ada]",
            )
        ],
    ),
    Case(
        "folder-named-like-the-workbook",
        lambda s: ((s / AKUN).unlink(), (s / AKUN).mkdir()),
        [
            line(
                AKUN,
                "Workbook 04 tidak dibaca: yang bernama ini adalah folder, bukan file workbook. "
                "Perbaiki: Ganti nama folder itu (atau pindahkan), lalu simpan workbook 04 di "
                "folder sumber. [workbook-berupa-folder]",
            )
        ],
    ),
    Case(
        "workbook-saved-as-ods",
        lambda s: ((s / SDM).rename(s / "03_penataan_sdm.ods"),),
        [
            line(
                "03_penataan_sdm.ods",
                "Workbook 03 tidak dibaca: file ini berformat OpenDocument (LibreOffice Calc, "
                ".ods), sedangkan zi-plan hanya membaca .xlsx. Perbaiki: Buka file ini dan "
                "simpan sebagai .xlsx di folder yang sama: di Excel, File › Save As › Excel "
                "Workbook (*.xlsx); di LibreOffice Calc, File › Save As › Excel 2007-365 "
                "(.xlsx), lalu Use Excel 2007-365!; di WPS, File › Save As › Excel Files "
                "(*.xlsx). Setelah itu pindahkan file lamanya dari folder ini. "
                "[workbook-format-lain]",
            )
        ],
    ),
    Case(
        "broken-link-named-like-the-workbook",
        lambda s: ((s / AKUN).unlink(), (s / AKUN).symlink_to(s / "hilang.xlsx")),
        [
            line(
                AKUN,
                "Workbook 04 tidak dibaca: yang bernama ini adalah tautan (shortcut) ke file "
                "yang sudah tidak ada. Perbaiki: Hapus tautan itu, lalu salin workbook aslinya "
                "ke folder sumber. [workbook-tautan-rusak]",
            )
        ],
    ),
    Case(
        "nip-with-a-word-after-it",
        nip("19760413 200012 1 002 (Karutan)"),
        [
            line(
                UMUM,
                'Identitas › B14: NIP "19760413 200012 1 002 (Karutan)" memuat "(" "K" "a" '
                '"r" "u" "t" "n" ")": bukan angka, spasi, titik, tanda hubung, atau label NIP '
                'di depannya. Perbaiki: Hapus "(" "K" "a" "r" "u" "t" "n" ")" dari sel itu '
                "(huruf O dan l kerap terketik untuk angka 0 dan 1); yang tersisa harus 18 "
                "angka NIP. [nip-karakter-lain]",
            )
        ],
    ),
    Case(
        "two-workbooks-with-one-number",
        lambda s: shutil.copyfile(s / SDM, s / "03_SDM_revisi_final (2).xlsx"),
        [
            line(
                SDM,
                "Ada dua workbook bernomor 03: file ini dan 03_SDM_revisi_final (2).xlsx. "
                "Perbaiki: Sisakan satu saja; pindahkan atau hapus yang lama. [workbook-ganda]",
            )
        ],
    ),
    # -- sheets and columns -------------------------------------------------------------------
    Case(
        "sheet-renamed",
        lambda s: rename_sheet(s / AWAS, "Prioritas", "Prioritas lama"),
        [
            line(
                AWAS,
                "Prioritas: Sheet Prioritas tidak ada (sheet yang ada: Uraian, Indikator, "
                "Prioritas lama). Perbaiki: Tambahkan sheet bernama Prioritas, atau perbaiki "
                "namanya. [sheet-tidak-ada]",
            )
        ],
    ),
    Case(
        "identitas-sheet-renamed",
        lambda s: rename_sheet(s / UMUM, "Identitas", "Data Umum"),
        [
            line(
                UMUM,
                "Identitas: Sheet Identitas tidak ada (sheet yang ada: Data Umum, Narasi). "
                "Perbaiki: Tambahkan sheet bernama Identitas, atau perbaiki namanya. "
                "[sheet-tidak-ada]",
            )
        ],
    ),
    Case(
        "required-column-renamed",
        lambda s: set_cell(s / MP, "Prioritas", "D3", "Jadwal"),
        [
            line(
                MP,
                "Prioritas › baris 3: Kolom wajib tidak ditemukan: Waktu. Judul kolom yang ada: "
                "No, Target Prioritas, Rencana Aksi, Jadwal, Output. Perbaiki: Tambahkan kolom "
                "tersebut, atau perbaiki ejaan judulnya. [kolom-wajib-tidak-ada]",
            )
        ],
    ),
    Case(
        "header-row-deleted",
        lambda s: delete_row(s / AKUN, "Uraian", 3),
        [
            line(
                AKUN,
                "Uraian: Baris judul kolom tidak ditemukan di 10 baris pertama. Kolom wajib: "
                "Bagian, Teks. Isi yang ditemukan: Tujuan, Akuntabilitas kinerja adalah "
                "perwujudan…. Perbaiki: Tulis judul kolom persis seperti contoh pada satu baris "
                "di atas tabel. [judul-kolom-tidak-ada]",
            )
        ],
    ),
    # -- groups -------------------------------------------------------------------------------
    Case(
        "target-prioritas-starts-blank",
        lambda s: set_cell(s / TATA, "Prioritas", "B4", None),
        [
            line(
                TATA,
                "Prioritas › B4: Kolom Target Prioritas kosong pada baris pertama, sehingga "
                "baris ini tidak punya induk. Perbaiki: Isi Target Prioritas; baris di bawahnya "
                "yang kosong mengikuti isi di atasnya. [kelompok-tanpa-induk]",
            )
        ],
    ),
    Case(
        "kegiatan-starts-blank",
        lambda s: set_cell(s / TATA, "Indikator", "B4", None),
        [
            line(
                TATA,
                "Indikator › B4: Kolom KEGIATAN kosong pada baris pertama, sehingga baris ini "
                "tidak punya induk. Perbaiki: Isi KEGIATAN; baris di bawahnya yang kosong "
                "mengikuti isi di atasnya. [kelompok-tanpa-induk]",
            )
        ],
    ),
    Case(
        "narasi-bagian-starts-blank",
        lambda s: set_cell(s / UMUM, "Narasi", "A4", None),
        [
            line(
                UMUM,
                "Narasi › A4: Kolom Bagian kosong pada baris pertama tabel. Perbaiki: Isi nama "
                "Bagian; baris di bawahnya yang kosong mengikuti Bagian di atasnya. "
                "[bagian-kosong]",
            )
        ],
    ),
    Case(
        "uraian-bagian-starts-blank",
        lambda s: set_cell(s / MP, "Uraian", "A4", "  "),
        [
            line(
                MP,
                "Uraian › A4: Kolom Bagian kosong pada baris pertama tabel. Perbaiki: Isi nama "
                "Bagian; baris di bawahnya yang kosong mengikuti Bagian di atasnya. "
                "[bagian-kosong]",
            )
        ],
    ),
    # -- ticks --------------------------------------------------------------------------------
    Case(
        "tick-ok",
        lambda s: set_cell(s / TATA, "Indikator", "G5", "ok"),
        [
            line(
                TATA,
                'Indikator › G5: "ok" bukan tanda centang. Perbaiki: Isi √ (atau v, x, 1, ya) '
                "untuk bulan yang direncanakan, atau kosongkan. [tanda-tidak-dikenal]",
            )
        ],
    ),
    Case(
        "tick-two",
        lambda s: set_cell(s / SDM, "Indikator", "H4", 2),
        [
            line(
                SDM,
                'Indikator › H4: "2" bukan tanda centang. Perbaiki: Isi √ (atau v, x, 1, ya) '
                "untuk bulan yang direncanakan, atau kosongkan. [tanda-tidak-dikenal]",
            )
        ],
    ),
    Case(
        "tick-ballot-x",
        lambda s: set_cell(s / SDM, "Indikator", "F7", "✗"),
        [
            line(
                SDM,
                'Indikator › F7: "✗" bukan tanda centang. Perbaiki: Isi √ (atau v, x, 1, ya) '
                "untuk bulan yang direncanakan, atau kosongkan. [tanda-tidak-dikenal]",
            )
        ],
    ),
    # -- Identitas ----------------------------------------------------------------------------
    Case(
        "kementerian-blank",
        identitas("B4", None),
        [
            line(
                UMUM,
                "Identitas › B4: Isian Kementerian wajib diisi tetapi tidak ditemukan atau "
                "kosong. Perbaiki: Isi kolom Isi pada baris Kementerian di sheet Identitas "
                "(tambahkan barisnya bila belum ada). [identitas-kosong]",
            )
        ],
    ),
    Case(
        "nip-row-deleted",
        lambda s: delete_row(s / UMUM, "Identitas", 14),
        [
            line(
                UMUM,
                "Identitas: Isian NIP Penandatangan wajib diisi tetapi tidak ditemukan atau "
                "kosong. Perbaiki: Isi kolom Isi pada baris NIP Penandatangan di sheet "
                "Identitas (tambahkan barisnya bila belum ada). [identitas-kosong]",
            )
        ],
    ),
    Case(
        "tahun-in-words",
        identitas("B9", "dua ribu dua puluh empat"),
        [
            line(
                UMUM,
                'Identitas › B9: "dua ribu dua puluh empat" bukan tahun rencana yang sah. '
                "Perbaiki: Isi dengan tahun empat angka antara 2000 dan 2100, misalnya 2025. "
                "[tahun-tidak-sah]",
            )
        ],
    ),
    Case(
        "tahun-last-century",
        identitas("B9", 1999),
        [
            line(
                UMUM,
                'Identitas › B9: "1999" bukan tahun rencana yang sah. Perbaiki: Isi dengan '
                "tahun empat angka antara 2000 dan 2100, misalnya 2025. [tahun-tidak-sah]",
            )
        ],
    ),
    Case(
        "tanggal-31-februari",
        identitas("B11", "31 Februari 2024"),
        [
            line(
                UMUM,
                'Identitas › B11: "31 Februari 2024" bukan tanggal. Perbaiki: Isi dengan '
                "tanggal Excel atau teks seperti 12 Februari 2024. [tanggal-tidak-sah]",
            )
        ],
    ),
    Case(
        "tanggal-without-a-day",
        identitas("B11", "Februari 2024"),
        [
            line(
                UMUM,
                'Identitas › B11: "Februari 2024" bukan tanggal. Perbaiki: Isi dengan tanggal '
                "Excel atau teks seperti 12 Februari 2024. [tanggal-tidak-sah]",
            )
        ],
    ),
    Case(
        "nip-17-digits",
        nip("19760413 200012 1 00"),
        [
            line(
                UMUM,
                'Identitas › B14: "19760413 200012 1 00" bukan NIP: NIP terdiri atas 18 angka. '
                "Perbaiki: Isi 18 angka NIP; spasi boleh (19760413 200012 1 002). "
                "[nip-bukan-18-angka]",
            )
        ],
    ),
    Case(
        "nip-letter-o-for-zero",
        nip("19760413 2OOO12 1 002"),
        [
            line(
                UMUM,
                'Identitas › B14: NIP "19760413 2OOO12 1 002" memuat "O": bukan angka, spasi, '
                'titik, tanda hubung, atau label NIP di depannya. Perbaiki: Hapus "O" dari '
                "sel itu (huruf O dan l kerap terketik untuk angka 0 dan 1); yang tersisa harus "
                "18 angka NIP. [nip-karakter-lain]",
            )
        ],
    ),
    Case(
        "nip-birth-month-13",
        nip("19761313 200012 1 002"),
        [
            line(
                UMUM,
                'Identitas › B14: NIP "19761313 200012 1 002": delapan angka pertama bukan '
                f"tanggal lahir yang mungkin. {PERBAIKI_NIP} [nip-tanggal-lahir]",
            )
        ],
    ),
    Case(
        "nip-born-1900",
        nip("19000413 200012 1 002"),
        [
            line(
                UMUM,
                'Identitas › B14: NIP "19000413 200012 1 002": delapan angka pertama bukan '
                f"tanggal lahir yang mungkin. {PERBAIKI_NIP} [nip-tanggal-lahir]",
            )
        ],
    ),
    Case(
        "nip-appointed-as-a-child",
        nip("19960413 200612 1 002"),
        [
            line(
                UMUM,
                'Identitas › B14: NIP "19960413 200612 1 002": menurut NIP, pegawai ini '
                "diangkat pada umur 10 tahun, yang tidak mungkin. Perbaiki: Periksa kembali "
                "tanggal lahir dan TMT pengangkatan pada SK kepegawaian. [nip-umur]",
            )
        ],
    ),
    Case(
        "nip-appointment-month-13",
        nip("19760413 200013 1 002"),
        [
            line(
                UMUM,
                'Identitas › B14: NIP "19760413 200013 1 002": angka ke-9 s.d. 14 bukan tahun '
                f"dan bulan pengangkatan yang mungkin. {PERBAIKI_NIP} [nip-tmt]",
            )
        ],
    ),
    Case(
        "nip-gender-digit-3",
        nip("19760413 200012 3 002"),
        [
            line(
                UMUM,
                'Identitas › B14: NIP "19760413 200012 3 002": angka ke-15 harus 1 (laki-laki) '
                f"atau 2 (perempuan). {PERBAIKI_NIP} [nip-jenis-kelamin]",
            )
        ],
    ),
    Case(
        "nip-typed-as-a-number",
        lambda s: set_cell_xml(s / UMUM, "Identitas", "B14", "", "<v>1.97604132000121E+17</v>"),
        [
            line(
                UMUM,
                "Identitas › B14: NIP diketik sebagai angka dan Excel telah memotongnya: sel "
                "menampilkan 1.97604132000121E+17, yang tersimpan hanya 197604132000121000; "
                "angka terakhir NIP sudah hilang. Perbaiki: Ubah format sel menjadi Teks (klik "
                "kanan › Format Cells › Text), lalu ketik ulang ke-18 angka NIP dari SK "
                "kepegawaian, atau awali NIP dengan tanda petik ('), misalnya "
                "'197604132000121002. [nip-terpotong-excel]",
            )
        ],
    ),
    Case(
        "paper-letter",
        identitas("B17", "Letter"),
        [
            line(
                UMUM,
                'Identitas › B17: "LETTER" bukan ukuran kertas yang dikenal. Perbaiki: Isi A4 '
                "atau F4. [kertas-tidak-sah]",
            )
        ],
    ),
    Case(
        "team-leader-without-nip",
        lambda s: add_rows(s / UMUM, "Identitas", [["Nama Ketua Tim", "Rina Marlina"]]),
        [
            line(
                UMUM,
                "Identitas › B19: Nama Ketua Tim dan NIP Ketua Tim harus diisi keduanya. "
                "Perbaiki: Lengkapi isian yang kosong, atau kosongkan keduanya. "
                "[ketua-tim-tidak-lengkap]",
            )
        ],
    ),
    Case(
        "short-name-with-a-slash",
        identitas("B7", "Rutan/Pekanbaru"),
        [
            line(
                UMUM,
                'Identitas › B7: Nama Singkat "Rutan/Pekanbaru" dipakai untuk nama file '
                "dokumen, tetapi memuat / yang tidak boleh ada dalam nama file. Perbaiki: Tulis "
                'nama singkat yang pendek tanpa karakter / \\ : * ? " < > |, misalnya Rutan '
                "Pekanbaru. [nama-singkat-tidak-sah]",
            )
        ],
    ),
    # -- Narasi and Uraian --------------------------------------------------------------------
    Case(
        "narasi-bagian-unknown",
        lambda s: set_cell(s / UMUM, "Narasi", "A7", "Pendahuluan"),
        [
            line(
                UMUM,
                f'Narasi › A7: Bagian "Pendahuluan" tidak dikenal. Perbaiki: Gunakan salah '
                f"satu: {KNOWN_BAGIAN}. [bagian-tidak-dikenal]",
            )
        ],
    ),
    Case(
        "uraian-bagian-unknown",
        lambda s: set_cell(s / YAN, "Uraian", "A5", "Sasaran"),
        [
            line(
                YAN,
                'Uraian › A5: Bagian "Sasaran" tidak dikenal. Perbaiki: Gunakan salah satu: '
                "Tujuan, Target, Pengantar Tabel. [bagian-tidak-dikenal]",
            )
        ],
    ),
    Case(
        "tingkat-four",
        lambda s: set_cell(s / UMUM, "Narasi", "B5", 4),
        [
            line(
                UMUM,
                'Narasi › B5: "4" bukan tingkat yang dikenal. Perbaiki: Isi 0 (paragraf), 1 '
                "(butir 1.), 2 (butir a.) atau 3 (butir 1)), atau kosongkan. [tingkat-tidak-sah]",
            )
        ],
    ),
    # -- cells --------------------------------------------------------------------------------
    Case(
        "vertical-tab-as-excel-stores-it",
        lambda s: set_cell(s / UMUM, "Narasi", "C5", "Baris satu_x000B_baris dua"),
        [line(UMUM, f"Narasi › C5: Sel berisi karakter kontrol (U+000B) {CONTROL}")],
    ),
    Case(
        "nul-character",
        lambda s: set_cell(s / TATA, "Prioritas", "C5", "Rapat_x0000_"),
        [line(TATA, f"Prioritas › C5: Sel berisi karakter kontrol (U+0000) {CONTROL}")],
    ),
    Case(
        "non-character-uffff",
        lambda s: set_cell(s / SDM, "Uraian", "B5", "Target_xFFFF_"),
        [line(SDM, f"Uraian › B5: Sel berisi karakter kontrol (U+FFFF) {CONTROL}")],
    ),
    Case(
        "cell-beyond-excel-limit",
        lambda s: set_cell_xml(
            s / AWAS, "Prioritas", "C5", 't="inlineStr"', f"<is><t>{'a' * 40_000}</t></is>"
        ),
        [
            line(
                AWAS,
                "Prioritas › C5: Isi sel 40.000 karakter, melebihi batas Excel 32.767 karakter; "
                "sel sepanjang itu tidak mungkin diketik di Excel, jadi isinya kemungkinan rusak "
                "saat disalin atau dibuat oleh program lain. Perbaiki: Periksa isi sel itu; "
                "pecah menjadi beberapa baris atau sel bila memang sepanjang itu. "
                "[teks-terlalu-panjang]",
            )
        ],
    ),
    Case(
        "formula-never-calculated",
        lambda s: set_cell(s / TATA, "Prioritas", "E5", "=E4"),
        [
            line(
                TATA,
                "Prioritas › E5: Sel berisi rumus yang belum pernah dihitung (workbook disimpan "
                "oleh program yang tidak menghitung rumus), sehingga hasilnya tidak diketahui. "
                "Perbaiki: Buka workbook di Excel atau LibreOffice Calc, lalu simpan lagi: "
                "rumusnya dihitung saat disimpan. Atau ganti rumus itu dengan isinya. "
                "[rumus-tanpa-nilai]",
            )
        ],
    ),
    Case(
        "excel-error-value",
        lambda s: set_cell(s / MP, "Prioritas", "E4", "#REF!"),
        [
            line(
                MP,
                f"Prioritas › E4: Sel berisi nilai galat Excel #REF! {EXCEL_ERROR}",
            )
        ],
    ),
    Case(
        "excel-error-value-in-a-tick-cell",
        lambda s: set_cell(s / TATA, "Indikator", "H6", "#N/A"),
        [
            line(
                TATA,
                f"Indikator › H6: Sel berisi nilai galat Excel #N/A {EXCEL_ERROR}",
            )
        ],
    ),
    Case(
        "date-beyond-excel",
        identitas("B11", 99_999_999),  # the cell keeps its date format: Excel shows ####
        [line(UMUM, f"Identitas › B11: Sel berisi nilai galat Excel #VALUE! {EXCEL_ERROR}")],
    ),
]


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A document built from the sample, as a Pokja has it from last week's build."""
    plan, _ = load_plan(SAMPLE_SOURCES)
    _EARLIER["docx"] = write(plan, tmp_path_factory.mktemp("lama") / "rencana-lama.docx")
    return _EARLIER["docx"]


def test_the_corpus_is_large() -> None:
    assert len(CASES) >= 40
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_broken_source_is_refused_with_its_exact_message(
    case: Case, sources: Path, tmp_path: Path, earlier: Path
) -> None:
    old = earlier.read_bytes()
    output = tmp_path / "keluaran" / "rencana.docx"
    output.parent.mkdir()
    output.write_bytes(old)
    case.breaks(sources)

    started = time.perf_counter()
    result = run("build", sources, "-o", output)
    elapsed = time.perf_counter() - started

    assert result.exit_code == 1, result.output
    assert_no_traceback(result)
    assert error_lines(result.stderr) == case.expected
    last = result.stderr.splitlines()[-2:]
    assert last[0].startswith(f"{len(case.expected)} kesalahan, ")
    assert last[1] == NOT_BUILT
    assert result.stdout == ""
    assert output.read_bytes() == old
    assert os.listdir(output.parent) == ["rencana.docx"]
    assert elapsed < MAX_SECONDS


# -- warnings: the build goes on --------------------------------------------------------------


def warning(file: str, text: str) -> tuple[str, str]:
    return (file, f"  peringatan: {text}")


def warning_lines(stderr: str) -> list[tuple[str, str]]:
    found, file = [], ""
    for text in stderr.splitlines():
        if not text.startswith(" "):
            file = text
        elif text.startswith("  peringatan: "):
            found.append((file, text))
    return found


def build_ok(sources: Path, output: Path) -> Result:
    result = run("build", sources, "-o", output, "--tanpa-daftar-isi", "--tanpa-periksa")
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert result.stdout.splitlines()[-1] == str(output)
    return result


WARNING_CASES = [
    Case(
        "line-without-a-month",
        lambda s: set_cell(s / SDM, "Indikator", "G6", None),
        [
            warning(
                SDM,
                "Indikator › F6:Q6: Baris kegiatan ini tidak dicentang pada bulan mana pun. "
                "Perbaiki: Centang (√) bulan pelaksanaannya pada kolom JAN s.d. DES. "
                "[tanpa-bulan]",
            )
        ],
    ),
    Case(
        "waktu-of-another-year",
        lambda s: set_cell(s / MP, "Prioritas", "D4", "Januari 2023"),
        [
            warning(
                MP,
                'Prioritas › D4: Waktu "Januari 2023" menyebut tahun 2023, bukan tahun rencana '
                "2024. Perbaiki: Periksa tahunnya; ini peringatan, dokumen tetap dibuat. "
                "[tahun-waktu-berbeda]",
            )
        ],
    ),
    Case(
        "component-without-a-matrix",
        lambda s: None,  # the sample's 05 has headers only
        [
            warning(
                AWAS,
                "Indikator: Sheet Indikator kosong: komponen ini tampil tanpa matriks kegiatan "
                "bulanan. Perbaiki: Isi matriks kegiatan jika Pokja memilikinya. [tanpa-matriks]",
            )
        ],
    ),
    Case(
        "another-kind-of-unit-named",
        lambda s: set_cell(s / TATA, "Uraian", "B4", "Tatalaksana Lapas yang tertib."),
        [
            warning(
                TATA,
                'Uraian › B4: Teks menyebut "Lapas", padahal satuan kerja ini Rutan. Perbaiki: '
                "Periksa apakah teks ini tersalin dari rencana satuan kerja lain. "
                "[nama-satker-lain]",
            )
        ],
    ),
    Case(
        "extra-column",
        lambda s: set_cell(s / TATA, "Prioritas", "F3", "Catatan Pokja"),
        [
            warning(
                TATA,
                "Prioritas › baris 3: Kolom Catatan Pokja tidak dikenal dan diabaikan. "
                "Perbaiki: Hapus kolom itu jika tidak diperlukan, atau perbaiki ejaan "
                "judulnya. [kolom-diabaikan]",
            )
        ],
    ),
]


@pytest.mark.parametrize("case", WARNING_CASES, ids=[case.id for case in WARNING_CASES])
def test_a_warning_names_its_cell_and_the_build_goes_on(
    case: Case, sources: Path, tmp_path: Path
) -> None:
    case.breaks(sources)
    output = tmp_path / "rencana.docx"

    result = build_ok(sources, output)

    found = warning_lines(result.stderr)
    for expected in case.expected:
        assert expected in found
    assert open_docx(output).paragraphs


# -- nothing evaluated, nothing lost ------------------------------------------------------------


def test_a_formula_is_read_by_its_stored_value_never_evaluated(
    sources: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(sources / TATA)
    book["Prioritas"]["C5"] = "=1+1 dan =cmd|' /C calc'!A0"
    book["Prioritas"]["C5"].data_type = "s"  # typed with a leading apostrophe
    book.save(sources / TATA)
    set_cell_xml(  # as Excel saves a formula: the formula and the value it calculated
        sources / TATA,
        "Prioritas",
        "C4",
        't="str"',
        '<f>CONCATENATE("1+","1")</f><v>Rapat dengan Karutan (nilai tersimpan)</v>',
    )
    output = tmp_path / "rencana.docx"

    result = build_ok(sources, output)

    assert "[rumus-tanpa-nilai]" not in result.stderr
    cells = [c.text for t in open_docx(output).tables for r in t.rows for c in r.cells]
    assert any(text.endswith("Rapat dengan Karutan (nilai tersimpan)") for text in cells)
    assert any(text.endswith("=1+1 dan =cmd|' /C calc'!A0") for text in cells)


def test_lock_files_and_hidden_copies_are_ignored(sources: Path, tmp_path: Path) -> None:
    (sources / f"~${UMUM}").write_bytes(b"\x0bErwin Saleh".ljust(165, b"\x00"))  # Excel's lock
    (sources / f"._{TATA}").write_bytes(b"\x00\x05\x16\x07" + bytes(4092))  # macOS, on a USB stick
    (sources / f"~${SDM}").write_bytes(b"")

    result = build_ok(sources, tmp_path / "rencana.docx")

    assert "~$" not in result.stderr
    assert "._" not in result.stderr
    assert result.stderr.splitlines()[-2].startswith("0 kesalahan, ")


def test_a_stray_value_at_the_end_of_the_sheet_is_read_without_a_grid(
    sources: Path, tmp_path: Path
) -> None:
    """A value in XFD1048576 (Ctrl+End, a typo) must not make a 17-billion-cell grid."""
    book = openpyxl.load_workbook(sources / SDM)
    book["Indikator"]["XFD1048576"] = "x"
    book["Indikator"]["C1048576"] = "tersesat"
    book.save(sources / SDM)

    started = time.perf_counter()
    result = build_ok(sources, tmp_path / "rencana.docx")

    assert time.perf_counter() - started < MAX_SECONDS
    assert (
        SDM,
        "  peringatan: Indikator › F1048576:Q1048576: Baris kegiatan ini tidak dicentang pada "
        "bulan mana pun. Perbaiki: Centang (√) bulan pelaksanaannya pada kolom JAN s.d. DES. "
        "[tanpa-bulan]",
    ) in warning_lines(result.stderr)


def test_openpyxl_parses_through_defusedxml() -> None:
    """openpyxl refuses entity declarations only when defusedxml is installed."""
    assert openpyxl.DEFUSEDXML is True


# -- the output: written to a temporary file beside it, then renamed into place ---------------


@pytest.fixture
def sample_built(sources: Path, tmp_path: Path) -> tuple[Path, bytes]:
    """An output folder with last week's document in it."""
    output = tmp_path / "keluaran" / "rencana.docx"
    build_ok(sources, output)
    return output, output.read_bytes()


def assert_untouched(output: Path, old: bytes) -> None:
    assert output.read_bytes() == old
    assert os.listdir(output.parent) == [output.name]  # no temporary file left behind


def test_the_document_is_renamed_into_place_from_a_temporary_beside_it(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    moves: list[tuple[Path, Path]] = []
    replace = os.replace

    def recording(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        moves.append((Path(source), Path(target)))
        replace(source, target)

    monkeypatch.setattr(files.os, "replace", recording)
    output = tmp_path / "keluaran" / "rencana.docx"

    build_ok(sources, output)

    [(temporary, target)] = moves
    assert target == output
    assert temporary.parent == output.parent and temporary != output
    assert os.listdir(output.parent) == ["rencana.docx"]


def test_a_temporary_file_that_cannot_be_made_keeps_the_old_document(
    sources: Path, sample_built: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    output, old = sample_built

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)

    result = run("build", sources, "-o", output, "--tanpa-daftar-isi", "--tanpa-periksa")

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert result.stderr.splitlines()[-1] == (
        f"{output}: Tidak ada izin menulis ke lokasi ini. Perbaiki: Pilih "
        "folder lain dengan -o, atau periksa hak akses folder. [dokumen-tanpa-izin]"
    )
    assert_untouched(output, old)


def test_an_output_folder_that_is_a_file_is_reported(sources: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "keluaran"
    blocker.write_bytes(b"bukan folder")

    result = run("build", sources, "-o", blocker / "rencana.docx", "--tanpa-daftar-isi")

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert result.stderr.splitlines()[-1] == (
        f"{blocker / 'rencana.docx'}: Dokumen tidak dapat ditulis (sudah ada file dengan nama "
        "folder itu). Perbaiki: Periksa ruang kosong dan media penyimpanan, lalu jalankan "
        "lagi. Dokumen lama tidak berubah. [dokumen-gagal-ditulis]"
    )
    assert blocker.read_bytes() == b"bukan folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder anyway")
def test_a_read_only_output_folder_keeps_the_old_document(
    sources: Path, sample_built: tuple[Path, bytes]
) -> None:
    output, old = sample_built
    output.parent.chmod(0o555)
    try:
        result = run("build", sources, "-o", output, "--tanpa-daftar-isi", "--tanpa-periksa")
    finally:
        output.parent.chmod(0o755)

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert result.stderr.splitlines()[-1].endswith("[dokumen-tanpa-izin]")
    assert_untouched(output, old)


def test_a_document_open_in_word_is_not_replaced(
    sources: Path, sample_built: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows, Word's lock makes the rename fail with a permission error."""
    output, old = sample_built

    def locked(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "replace", locked)

    result = run("build", sources, "-o", output, "--tanpa-daftar-isi", "--tanpa-periksa")

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert result.stderr.splitlines()[-1] == (
        f"{output}: Dokumen tidak dapat ditulis karena sedang dibuka di program lain. "
        "Perbaiki: Tutup file itu di Word atau Excel, lalu jalankan lagi. Dokumen "
        "lama tidak berubah. [dokumen-terkunci]"
    )
    assert_untouched(output, old)


def test_a_full_disk_keeps_the_old_document_and_says_so(
    sources: Path, sample_built: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    output, old = sample_built

    def full(document: object, target: Path) -> None:
        target.write_bytes(b"PK\x03\x04 setengah")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(engine, "save_deterministic", full)

    result = run("build", sources, "-o", output, "--tanpa-daftar-isi", "--tanpa-periksa")

    assert_untouched(output, old)
    assert result.exit_code == 1
    assert_no_traceback(result)
    assert result.stderr.splitlines()[-1].endswith("]")


def test_a_libreoffice_crash_keeps_the_old_document_and_says_so(
    sources: Path, sample_built: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.render import office

    output, old = sample_built

    def crash(*args: object, **kwargs: object) -> None:
        raise subprocess.CalledProcessError(134, ["soffice", "--headless"])

    monkeypatch.setattr(office, "soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(office.subprocess, "run", crash)

    result = run("build", sources, "-o", output, "--daftar-isi", "--tanpa-periksa")

    assert_untouched(output, old)
    assert result.exit_code == 1
    assert_no_traceback(result)
    assert result.stderr.splitlines()[-1] == (
        f"{output}: LibreOffice gagal menyusun halaman dokumen (berhenti dengan kode 134). "
        "Perbaiki: Jalankan lagi; jika tetap gagal, buat dokumen dengan --tanpa-daftar-isi "
        "(Word mengisi Daftar Isi saat dokumen dibuka). Dokumen lama tidak berubah. "
        "[libreoffice-gagal]"
    )


@pytest.mark.skipif(os.name == "nt", reason="the crashing LibreOffice is a shell script")
def test_a_libreoffice_crash_during_build_pdf_keeps_the_old_document_and_pdf(
    sources: Path, sample_built: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """build --pdf hands the document to the LibreOffice it started with the command; that
    one dies at once, and so does the two-run way taken after it."""
    output, old = sample_built
    old_pdf = output.with_suffix(".pdf")
    old_pdf.write_bytes(b"%PDF-1.7 last week's")
    crashing = output.parent.parent / "soffice"
    crashing.write_text("#!/bin/sh\nkill -ABRT $$\n")
    crashing.chmod(0o755)
    monkeypatch.setenv("ZI_PLAN_SOFFICE", str(crashing))

    result = run("build", sources, "-o", output, "--pdf", "--tanpa-periksa")

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert output.read_bytes() == old
    assert old_pdf.read_bytes() == b"%PDF-1.7 last week's"
    assert sorted(os.listdir(output.parent)) == [output.name, old_pdf.name]  # no leftovers
    assert result.stderr.splitlines()[-1] == (
        f"{output}: LibreOffice gagal menyusun halaman dokumen (berhenti dengan kode -6). "
        "Perbaiki: Jalankan lagi; jika tetap gagal, buat dokumen dengan --tanpa-daftar-isi "
        "(Word mengisi Daftar Isi saat dokumen dibuka). Dokumen lama tidak berubah. "
        "[libreoffice-gagal]"
    )


# -- text that must arrive as typed ------------------------------------------------------------


def test_excel_line_ends_stored_as_escapes_become_line_breaks(
    sources: Path, tmp_path: Path
) -> None:
    """Excel stores a pasted Windows line end as _x000D_ followed by a line feed."""
    set_cell(sources / UMUM, "Narasi", "C5", "Baris satu_x000D_\nbaris dua_x005F_x0041_")
    output = tmp_path / "rencana.docx"

    build_ok(sources, output)

    texts = [p.text for p in open_docx(output).paragraphs]
    assert "Baris satu" in texts
    assert "baris dua_x0041_" in texts  # a literal _x0041_, as typed
    assert not any("_x000D_" in text for text in texts)


def test_a_month_typed_into_waktu_stays_a_month(sources: Path, tmp_path: Path) -> None:
    """Excel turns "Februari 2024" into the date 1 Februari 2024 shown as Feb-24."""
    book = openpyxl.load_workbook(sources / MP)
    book["Prioritas"]["D4"] = datetime(2024, 2, 1)
    book["Prioritas"]["D4"].number_format = "mmm-yy"
    book.save(sources / MP)
    output = tmp_path / "rencana.docx"

    build_ok(sources, output)

    cells = [c.text for t in open_docx(output).tables for r in t.rows for c in r.cells]
    assert "Februari 2024" in cells
    assert "1 Februari 2024" not in cells


def test_a_kegiatan_merged_far_below_the_last_line_adds_no_lines(
    sources: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(sources / SDM)
    book["Indikator"].merge_cells("B12:B300")
    book.save(sources / SDM)

    result = build_ok(sources, tmp_path / "rencana.docx")

    assert "[tanpa-bulan]" not in result.stderr


# -- found here, to be fixed elsewhere -----------------------------------------------------------


def test_document_properties_hold_the_names_as_typed(sources: Path, tmp_path: Path) -> None:
    set_cell(sources / UMUM, "Identitas", "B6", "Rutan R&D_Satu")
    output = tmp_path / "rencana.docx"

    build_ok(sources, output)

    assert open_docx(output).core_properties.author == "Rutan R&D_Satu"


def test_a_very_long_unit_name_does_not_crash_the_build(sources: Path, tmp_path: Path) -> None:
    set_cell(sources / UMUM, "Identitas", "B6", "Rumah Tahanan Negara & " * 12)
    output = tmp_path / "rencana.docx"

    result = run("build", sources, "-o", output, "--tanpa-daftar-isi", "--tanpa-periksa")

    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


# -- every problem has its words -----------------------------------------------------------------


def _codes_raised(module: Path) -> set[str]:
    """Codes passed to Report.error/warn, or assigned to ``code``, in a module's source."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        values: list[ast.expr] = []
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("error", "warn"):
            values = node.args[:1]
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "code" for t in node.targets
        ):
            values = [node.value]
        for value in values:
            for leaf in ast.walk(value):
                if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str):
                    found.add(leaf.value)
    return found


def test_every_code_the_reader_and_validator_raise_has_its_indonesian_text() -> None:
    from generator.messages import MESSAGES

    package = Path(generator.__file__).parent
    readers = [*package.glob("xlsx/*.py"), *package.glob("plan/*.py"), *package.glob("tables.py")]
    raised = set().union(*(_codes_raised(path) for path in readers))
    raised |= {"nip-bukan-18-angka", "nip-tanggal-lahir", "nip-tmt", "nip-jenis-kelamin"}
    assert len(raised) > 40
    assert raised <= set(MESSAGES)
    for code in raised:
        found, todo = MESSAGES[code]
        assert found.endswith(".") and todo.endswith("."), code


def test_the_example_in_the_pokja_guide_is_what_the_tool_prints(sources: Path) -> None:
    """docs/laporan-kesalahan.md shows a real report: the sample with four changes."""
    set_cell(sources / UMUM, "Identitas", "B14", "19760413 200012 1 00")
    set_cell(sources / TATA, "Indikator", "G5", "ok")
    set_cell(sources / MP, "Prioritas", "D4", "Januari 2023")
    set_cell(sources / SDM, "Prioritas", "E5", "=E4")
    guide = (Path(__file__).parents[1] / "docs" / "laporan-kesalahan.md").read_text("utf-8")
    example = guide.split("```\n00_umum.xlsx\n", 1)[1].split("```", 1)[0]

    result = run("validate", sources)

    assert result.exit_code == 1
    assert result.stderr == f"{UMUM}\n{example}"
