"""zi-plan monev: the Laporan Monev of a realistic year, read back with python-docx."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from generator.cli import cli
from generator.monev.read import read_realisation
from generator.monev.report import NO_EVIDENCE, write_report
from generator.plan.validate import load_plan
from tests.conftest import SAMPLE_SOURCES, assert_no_traceback, requires_libreoffice
from tests.monev.scenario import (
    MATRIX_COMPONENTS,
    build_year,
    data_rows,
    edit,
    expected_line_months,
    expected_steps,
    header,
    workbook_path,
)
from tests.ooxml_schema import schema_errors

COMPONENTS = [
    "Manajemen Perubahan",
    "Penataan Tatalaksana",
    "Penataan Sistem Manajemen SDM",
    "Penguatan Akuntabilitas Kinerja",
    "Penguatan Pengawasan",
    "Peningkatan Kualitas Pelayanan Publik",
]


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The year's sources and realisation, and the TW II report written by the command."""
    root = tmp_path_factory.mktemp("report")
    sources = root / "sources"
    shutil.copytree(SAMPLE_SOURCES, sources)
    folder = build_year(sources)
    document = root / "laporan.docx"
    result = CliRunner().invoke(
        cli, ["monev", str(sources), "--triwulan", "2", "-o", str(document), "--tanpa-daftar-isi"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == str(document)
    return sources, folder, document


def tables_after(document: Path, heading: str) -> list[list[list[str]]]:
    """The tables between a heading and the next heading of the same or a higher level."""
    doc = Document(str(document))
    body = doc.element.body
    found, tables = False, []
    for child in body:
        if child.tag == qn("w:p"):
            style = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            if style is not None and style.get(qn("w:val")).startswith("Heading"):
                if found:
                    break
                found = heading in text
        elif child.tag == qn("w:tbl") and found:
            rows = []
            for tr in child.iter(qn("w:tr")):
                rows.append(
                    [
                        "\n".join(
                            "".join(t.text or "" for t in p.iter(qn("w:t")))
                            for p in tc.iter(qn("w:p"))
                        )
                        for tc in tr.iter(qn("w:tc"))
                    ]
                )
            tables.append(rows)
    return tables


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}".replace(".", ",") + "%"


def test_the_report_is_schema_valid_and_has_its_chapters(year: tuple[Path, Path, Path]) -> None:
    _, _, document = year
    assert schema_errors(document) == []
    headings = [
        " ".join(p.text.split())
        for p in Document(str(document)).paragraphs
        if p.style.name in ("Heading 1", "Heading 2")
    ]
    assert [h for h in headings if h.startswith(("BAB", "Lampiran"))] == [
        "BAB I Pendahuluan",
        "BAB II Hasil Monitoring",
        "BAB III Evaluasi",
        "BAB IV Penutup",
        "Lampiran Daftar Bukti Dukung",
    ]
    for number, name in enumerate(COMPONENTS, start=2):
        assert f"2.{number} {name}" in headings


def test_summary_figures_match_the_workbooks(year: tuple[Path, Path, Path]) -> None:
    sources, folder, document = year
    (summary,) = tables_after(document, "Ringkasan")
    rows = {row[1]: row for row in summary[1:]}
    for number, name in enumerate(COMPONENTS, start=1):
        due, done = expected_steps(sources, folder, number, 2)
        assert rows[name][5] == f"{done}/{due}"
        if number in MATRIX_COMPONENTS:
            lines = expected_line_months(sources, folder, number, 2)
            assert rows[name][2] == f"{lines[1]}/{lines[0]}"
            assert rows[name][3] == percent(lines[1], lines[0])
            assert rows[name][4] == str(lines[2])
        else:
            assert rows[name][3] == "belum ada yang jatuh tempo"


def test_the_late_list_and_the_matrix_of_the_quarter(year: tuple[Path, Path, Path]) -> None:
    _, _, document = year
    tables = tables_after(document, "Penataan Sistem Manajemen SDM")
    late = tables[-1]
    assert late[0][:4] == ["NO", "KEGIATAN", "URAIAN KEGIATAN", "Bulan terlambat"]
    # the line added by the revision was planned in January, before its row existed
    assert ["1", "PEMBINAAN DISIPLIN", "1. Apel pagi bersama", "Januari"] in late
    matrix = next(t for t in tables if t[0][3:] == ["APR", "MEI", "JUN"])
    assert matrix[1][1:] == ["PEMBINAAN DISIPLIN", "1. Apel pagi bersama", "√", "", ""]


def test_planned_months_are_shaded_in_the_quarters_matrix(
    year: tuple[Path, Path, Path],
) -> None:
    _, _, document = year
    doc = Document(str(document))
    matrix = next(
        t
        for t in doc.tables
        if [c.text for c in t.rows[0].cells][3:] == ["APR", "MEI", "JUN"]
        and "PEMBINAAN DISIPLIN" in t.rows[1].cells[1].text
    )
    first = matrix.rows[1].cells
    fills = [
        c._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))
        if c._tc.tcPr.find(qn("w:shd")) is not None
        else None
        for c in first[3:]
    ]
    assert fills == ["D9D9D9", None, None]  # the new line is planned in APR only this quarter


def test_recommendations_new_and_earlier(year: tuple[Path, Path, Path]) -> None:
    _, _, document = year
    (new,) = tables_after(document, "Rekomendasi Triwulan II")
    assert [row[2:] for row in new[1:]] == [["Perbaiki jadwal apel pagi", "Pokja SDM", "", "Belum"]]
    (earlier,) = tables_after(document, "Tindak Lanjut Rekomendasi Sebelumnya")
    assert [(row[1], row[2], row[5]) for row in earlier[1:]] == [
        ("I", "Lengkapi SOP pelayanan", "Selesai"),
        ("I", "Unggah bukti dukung setiap bulan", "Selesai"),
    ]
    assert earlier[1][4] == "31 Mei 2024"


def test_the_evidence_annex(year: tuple[Path, Path, Path]) -> None:
    """Every line planned or done up to June is listed with its Bukti Dukung, or marked."""
    _, folder, document = year
    (annex,) = tables_after(document, "Daftar Bukti Dukung")
    listed = [(row[2], row[3]) for row in annex[1:]]
    expected = []
    for number in MATRIX_COMPONENTS:
        ws = openpyxl.load_workbook(workbook_path(folder, number))["Realisasi"]
        columns = header(ws)
        for r in data_rows(ws):
            months = list(columns)[3:9]  # JAN..JUN
            planned = any(ws.cell(r, columns[m]).fill.fgColor.rgb != "00000000" for m in months)
            done = any(ws.cell(r, columns[m]).value for m in months)
            if planned or done:
                kegiatan = ws.cell(r, columns["KEGIATAN"]).value
                uraian = ws.cell(r, columns["URAIAN KEGIATAN"]).value
                label = f"{kegiatan} — {uraian}" if uraian else kegiatan
                expected.append((label, ws.cell(r, columns["Bukti Dukung"]).value or NO_EVIDENCE))
    assert [entry for entry in listed if entry in expected] == expected
    assert sum(bukti == NO_EVIDENCE for _, bukti in expected) > 0
    assert any(bukti.startswith("https://drive.example/") for _, bukti in expected)


def test_page_numbers_and_sections(year: tuple[Path, Path, Path]) -> None:
    _, _, document = year
    doc = Document(str(document))
    formats = [s._sectPr.find(qn("w:pgNumType")).get(qn("w:fmt")) for s in doc.sections]
    assert formats == ["lowerRoman", "decimal"]
    footer = doc.sections[0].footer._element
    assert any("PAGE" in (i.text or "") for i in footer.iter(qn("w:instrText")))
    header = "".join(t.text or "" for t in doc.sections[0].header._element.iter(qn("w:t")))
    assert header == (
        "Laporan Monitoring dan Evaluasi Pembangunan Zona Integritas Rutan Pekanbaru "
        "Triwulan II Tahun 2024"
    )
    assert doc.sections[1].header.is_linked_to_previous


def test_same_realisation_same_bytes(year: tuple[Path, Path, Path], tmp_path: Path) -> None:
    sources, folder, _ = year
    plan, _ = load_plan(sources)
    realisation, _ = read_realisation(plan, folder)
    one = write_report(plan, realisation, 2, tmp_path / "a.docx")
    two = write_report(plan, realisation, 2, tmp_path / "b.docx")
    assert one.read_bytes() == two.read_bytes()


def test_bad_realisation_fails_without_writing(sources: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["realisasi", str(sources)]).exit_code == 0
    edit(workbook_path(sources / "realisasi", 3), "Realisasi", {(4, "JAN"): "ok"})
    target = tmp_path / "laporan.docx"
    result = runner.invoke(cli, ["monev", str(sources), "--triwulan", "1", "-o", str(target)])
    assert_no_traceback(result)
    assert result.exit_code == 1
    assert (
        '  KESALAHAN: Realisasi › D4: "ok" bukan tanda centang. Perbaiki: Pilih √ (atau v, x, '
        "1, ya) pada bulan kegiatan dilaksanakan, atau kosongkan. [realisasi-tanda-tidak-dikenal]"
    ) in result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        "Laporan tidak dibuat. Perbaiki kesalahan di atas, lalu jalankan lagi."
    )
    assert not target.exists()


def test_realisasi_command_lists_what_it_wrote(sources: Path) -> None:
    result = CliRunner().invoke(cli, ["realisasi", str(sources)])
    assert result.exit_code == 0
    assert (
        result.stderr.splitlines()[0] == f"Workbook realisasi ditulis ke {sources / 'realisasi'}:"
    )
    assert result.stdout.splitlines() == [  # the paths written, nothing else
        str(sources / "realisasi" / name)
        for name in (
            "01_manajemen_perubahan.xlsx",
            "02_penataan_tatalaksana.xlsx",
            "03_penataan_sdm.xlsx",
            "04_penguatan_akuntabilitas.xlsx",
            "05_penguatan_pengawasan.xlsx",
            "06_pelayanan_publik.xlsx",
            "00_monev.xlsx",
        )
    ]


@requires_libreoffice
def test_libreoffice_renders_the_report(year: tuple[Path, Path, Path], tmp_path: Path) -> None:
    from pypdf import PdfReader

    from generator.render.office import convert_to_pdf

    _, _, document = year
    pdf = convert_to_pdf(document, tmp_path)
    text = " ".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    assert "LAPORAN MONITORING DAN EVALUASI" in text
    assert NO_EVIDENCE in text


def test_native_charts_carry_the_figures(year: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """Two chart parts, schema-valid (the whole-package check includes dml-chart.xsd), each
    with its numbers cached and in an embedded workbook that is itself valid."""
    import zipfile

    from lxml import etree

    sources, folder, document = year
    c = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    with zipfile.ZipFile(document) as package:
        names = package.namelist()
        charts = sorted(n for n in names if n.startswith("word/charts/chart"))
        assert charts == ["word/charts/chart1.xml", "word/charts/chart2.xml"]
        bars = etree.fromstring(package.read(charts[0]))
        embedded = tmp_path / "data.xlsx"
        embedded.write_bytes(package.read("word/embeddings/Data_Grafik_1.xlsx"))
    assert schema_errors(embedded) == []
    series = {
        ser.find(f"{c}tx//{c}v").text: [v.text for v in ser.iter(f"{c}v")][1:]
        for ser in bars.iter(f"{c}ser")
    }
    assert list(series) == ["Direncanakan", "Terlaksana"]
    categories = 6
    planned = [int(v) for v in series["Direncanakan"][categories:]]
    done = [int(v) for v in series["Terlaksana"][categories:]]
    sdm = expected_line_months(sources, folder, 3, 2)
    assert (planned[2], done[2]) == (sdm[0], sdm[1])
    sheet = openpyxl.load_workbook(embedded).active
    assert [sheet.cell(r, 2).value for r in range(2, 8)] == planned
    assert [sheet.cell(r, 3).value for r in range(2, 8)] == done
    captions = [p.text for p in Document(str(document)).paragraphs if p.style.name == "Caption"]
    assert captions[0].startswith("Grafik 1. Bulan kegiatan yang direncanakan")
    assert captions[1].startswith("Grafik 2. Bulan kegiatan yang direncanakan dan yang terlaksana")


def test_the_narasi_sheet_replaces_standard_texts(sources: Path, tmp_path: Path) -> None:
    from tests.monev.scenario import append_rows

    runner = CliRunner()
    assert runner.invoke(cli, ["realisasi", str(sources)]).exit_code == 0
    monev = sources / "realisasi" / "00_monev.xlsx"
    append_rows(
        monev,
        "Narasi",
        [
            {"Bagian": "Latar Belakang", "Teks": "Paragraf pertama.\nParagraf kedua."},
            {"Bagian": "Penutup", "Teks": "Penutup & terima kasih."},
        ],
    )
    target = tmp_path / "laporan.docx"
    args = ["monev", str(sources), "--triwulan", "1", "-o", str(target), "--tanpa-daftar-isi"]
    assert runner.invoke(cli, args).exit_code == 0
    texts = [p.text for p in Document(str(target)).paragraphs]
    start = texts.index("1.1\tLatar Belakang")
    assert texts[start + 1 : start + 4] == [
        "Paragraf pertama.",
        "Paragraf kedua.",
        "1.2\tMaksud dan Tujuan",
    ]
    assert texts[texts.index("BAB IV\nPenutup") + 1] == "Penutup & terima kasih."
    assert any(t.startswith("Laporan ini disusun untuk menyajikan") for t in texts)  # standard

    append_rows(monev, "Narasi", [{"Bagian": "Kesimpulan", "Teks": "x"}])
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert (
        '  KESALAHAN: Narasi › A6: Bagian "Kesimpulan" tidak dikenal. Perbaiki: Gunakan salah '
        "satu: Latar Belakang, Maksud dan Tujuan, Ruang Lingkup, Penutup. [bagian-tidak-dikenal]"
    ) in result.stderr


def test_every_monev_code_has_its_indonesian_text() -> None:
    from generator.messages import MESSAGES
    from tests.test_hostile import _codes_raised

    package = Path(__file__).parents[2] / "generator" / "monev"
    raised = set().union(*(_codes_raised(path) for path in package.glob("*.py")))
    assert {
        "realisasi-tanda-tidak-dikenal",
        "status-tidak-dikenal",
        "realisasi-satker-lain",
    } <= raised
    assert raised <= set(MESSAGES)
    for code in raised:
        found, todo = MESSAGES[code]
        assert found.endswith(".") and todo.endswith("."), code


def test_json_holds_the_figures(year: tuple[Path, Path, Path], tmp_path: Path) -> None:
    import json

    sources, folder, _ = year
    target = tmp_path / "laporan.docx"
    args = ["monev", str(sources), "--triwulan", "2", "-o", str(target), "--tanpa-daftar-isi"]
    result = CliRunner().invoke(cli, [*args, "--json"])
    assert result.exit_code == 0
    data = json.loads(target.with_suffix(".json").read_text("utf-8"))
    sdm = expected_line_months(sources, folder, 3, 2)
    component = data["komponen"]["Penataan Sistem Manajemen SDM"]
    assert (component["due_line_months"], component["done_line_months"]) == sdm[:2]
    unit = data["satuan_kerja"]
    assert unit["meetings"] == [
        {"triwulan": 1, "held": 1, "head_present": 1},
        {"triwulan": 2, "held": 1, "head_present": 0},
    ]
    assert (unit["recommendations_total"], unit["recommendations_done"]) == (3, 2)


def test_kendala_and_solusi(year: tuple[Path, Path, Path]) -> None:
    _, folder, document = year
    (table,) = tables_after(document, "Kendala dan Solusi")
    typed = []
    for number in range(1, 7):
        for sheet in ("Realisasi", "Prioritas"):
            ws = openpyxl.load_workbook(workbook_path(folder, number))[sheet]
            columns = header(ws)
            for r in data_rows(ws):
                kendala = ws.cell(r, columns["Kendala"]).value
                solusi = ws.cell(r, columns["Solusi"]).value
                if kendala or solusi:
                    typed.append((kendala or "", solusi or ""))
    assert sorted((row[3], row[4]) for row in table[1:]) == sorted(typed)
    assert typed
