"""The produced document, read back with python-docx and checked against the sources."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import openpyxl
import pytest
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from generator.plan.validate import load_plan
from generator.render.context import build_context
from generator.render.document import TEMPLATE, write
from generator.render.office import convert_to_pdf
from tests.conftest import SAMPLE_SOURCES, requires_libreoffice, set_cell
from tests.docx_reading import (
    captioned_tables,
    cell_lines,
    data_rows,
    header_names,
    open_docx,
    v_merge,
)
from tests.ooxml_schema import schema_errors

MONTHS = ("JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU", "SEP", "OKT", "NOV", "DES")
MARKER = re.compile(r"^(?:\d+[.)]|[a-zA-Z][.)]|-)\s+")


def build(sources: Path, target: Path) -> Path:
    plan, _ = load_plan(sources)
    return write(plan, target)


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(SAMPLE_SOURCES, tmp_path_factory.mktemp("out") / "plan.docx")


def source_rows(number: int, sheet: str) -> list[dict[str, object]]:
    """A sample sheet read directly with openpyxl (independent of generator/workbook.py)."""
    path = next(SAMPLE_SOURCES.glob(f"{number:02d}_*.xlsx"))
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    header_at = next(
        i
        for i, row in enumerate(rows)
        if "Teks" in row or "KEGIATAN" in row or "Target Prioritas" in row
    )
    names = [str(v).strip() if v is not None else "" for v in rows[header_at]]
    out = []
    for row in rows[header_at + 1 :]:
        if any(v not in (None, "") for v in row):
            out.append(dict(zip(names, row, strict=False)))
    return out


def lines(value: object) -> list[str]:
    text = "" if value is None else str(value)
    return [MARKER.sub("", line.strip()) for line in text.split("\n") if line.strip()]


def effective(rows: list[list[object]], column: int) -> list[list[str]]:
    """Each row's text in a column, a merged-down cell repeating the text it continues."""
    out: list[list[str]] = []
    for cells in rows:
        tc = cells[column]
        out.append(out[-1] if v_merge(tc) == "continue" else cell_lines(tc))
    return out


# -- structure ----------------------------------------------------------------------------


def test_headings_bab_and_sections(sample_docx: Path) -> None:
    document = open_docx(sample_docx)
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    babs = [text for style, text in styled if style == "Heading 1" and text.startswith("BAB")]
    assert babs == [
        "BAB I\nPendahuluan",
        "BAB II\nRencana Kerja Pembangunan Zona Integritas Menuju Wilayah Bebas dari Korupsi (WBK) "
        "dan Wilayah Birokrasi Bersih dan Melayani (WBBM)",
        "BAB III\nEvaluasi dan Pelaporan",
        "BAB IV\nPenutup",
    ]
    subsections = [text for style, text in styled if style == "Heading 2"]
    assert subsections[:9] == [
        "1.1\tLatar Belakang",
        "1.2\tMaksud dan Tujuan",
        "1.3\tRuang Lingkup",
        "1.4\tDasar Hukum",
        "1.5\tPengertian Umum",
        "1.6\tPerkembangan Masalah dan Kondisi",
        "1.7\tAnalisa",
        "1.8\tPerkiraan/ Prediksi",
        "1.9\tRekomendasi",
    ]
    assert subsections[9:] == [
        "2.1\tManajemen Perubahan",
        "2.2\tPenataan Tatalaksana",
        "2.3\tPenataan Sistem Manajemen SDM",
        "2.4\tPenguatan Akuntabilitas Kinerja",
        "2.5\tPenguatan Pengawasan",
        "2.6\tPeningkatan Kualitas Pelayanan Publik",
        "➤\tIndikator Hasil",  # set apart from the components, as in the standard text
        "3.1\tEvaluasi",
        "3.2\tPelaporan",
    ]


def test_toc_field_over_headings(sample_docx: Path) -> None:
    document = open_docx(sample_docx)
    instructions = [t.text for t in document.element.body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith('TOC \\o "1-2"') for i in instructions)
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_tables_captioned_and_numbered_in_order(sample_docx: Path) -> None:
    tables = captioned_tables(open_docx(sample_docx))
    assert [t.number for t in tables] == list(range(1, 9))
    assert [t.title for t in tables] == [
        "Target Prioritas dan Output Manajemen Perubahan",
        "Indikator Penataan Tatalaksana",
        "Target Prioritas dan Output Penataan Tatalaksana",
        "Indikator Penataan Sistem Manajemen SDM",
        "Target Prioritas dan Output Penataan Sistem Manajemen SDM",
        "Target Prioritas dan Output Penguatan Akuntabilitas Kinerja",
        "Target Prioritas dan Output Penguatan Pengawasan",
        "Target Prioritas dan Output Peningkatan Kualitas Pelayanan Publik",
    ]


def test_matrices_on_landscape_pages_only(sample_docx: Path) -> None:
    for table in captioned_tables(open_docx(sample_docx)):
        assert table.landscape == table.title.startswith("Indikator"), table.title


def test_header_rows_repeat_and_rows_do_not_split(sample_docx: Path) -> None:
    for captioned in captioned_tables(open_docx(sample_docx)):
        rows = captioned.table._tbl.findall(qn("w:tr"))
        expected_headers = 2 if captioned.title.startswith("Indikator") else 1
        flags = [tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in rows]
        assert flags[:expected_headers] == [True] * expected_headers
        assert not any(flags[expected_headers:])
        assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in rows)


# -- every cell against the sources --------------------------------------------------------


@pytest.mark.parametrize("number", [2, 3])
def test_matrix_cells_and_ticks_match_sources(sample_docx: Path, number: int) -> None:
    source = source_rows(number, "Indikator")
    tables = [
        t for t in captioned_tables(open_docx(sample_docx)) if t.title.startswith("Indikator")
    ]
    table = tables[number - 2].table
    names = header_names(table)
    assert names[5:17] == list(MONTHS)
    rows = data_rows(table)
    assert len(rows) == len(source)
    kegiatan = effective(rows, 1)
    for index, (cells, expected) in enumerate(zip(rows, source, strict=True)):
        if expected["KEGIATAN"]:
            assert kegiatan[index] == [expected["KEGIATAN"]]
            assert v_merge(cells[1]) in ("restart", None)
        else:
            assert v_merge(cells[1]) == "continue"
        for column, name in (
            (2, "HASIL YANG INGIN DICAPAI"),
            (3, "URAIAN KEGIATAN"),
            (4, "TARGET"),
        ):
            assert cell_lines(cells[column]) == lines(expected[name]), (index, name)
        ticks = [cell_lines(cells[5 + m]) == ["√"] for m in range(12)]
        assert ticks == [bool(expected[m]) for m in MONTHS], index
        assert all(cell_lines(cells[5 + m]) in ([], ["√"]) for m in range(12))


def test_matrix_numbers_and_kegiatan_merged_over_their_lines(sample_docx: Path) -> None:
    tables = [
        t for t in captioned_tables(open_docx(sample_docx)) if t.title.startswith("Indikator")
    ]
    sdm = data_rows(tables[1].table)  # 3 kegiatan of 4, 4 and 1 lines
    assert [v_merge(cells[0]) for cells in sdm] == (
        ["restart"] + ["continue"] * 3 + ["restart"] + ["continue"] * 3 + [None]
    )
    assert [v_merge(cells[1]) for cells in sdm] == [v_merge(cells[0]) for cells in sdm]
    assert [cell_lines(cells[0]) for cells in sdm if v_merge(cells[0]) != "continue"] == [
        ["1."],
        ["2."],
        ["3."],
    ]


def test_list_items_numbered_across_the_lines_of_a_kegiatan(sample_docx: Path) -> None:
    tables = [
        t for t in captioned_tables(open_docx(sample_docx)) if t.title.startswith("Indikator")
    ]
    sdm = data_rows(tables[1].table)
    labels = []
    for cells in sdm[:4]:
        first = cells[2].find(qn("w:p"))
        labels.append(first.find(qn("w:r")).find(qn("w:t")).text)
    assert labels[:4] == ["1.", "2.", "3.", "4."]


@pytest.mark.parametrize("number", range(1, 7))
def test_priority_cells_match_sources(sample_docx: Path, number: int) -> None:
    source = source_rows(number, "Prioritas")
    tables = [
        t
        for t in captioned_tables(open_docx(sample_docx))
        if t.title.startswith("Target Prioritas")
    ]
    table = tables[number - 1].table
    assert header_names(table) == ["No", "Target Prioritas", "Rencana Aksi", "Waktu", "Output"]
    rows = data_rows(table)
    assert len(rows) == len(source)
    targets, waktu, output = effective(rows, 1), effective(rows, 3), effective(rows, 4)
    expected_target: list[str] = []
    expected_waktu: list[str] = []
    expected_output: list[str] = []
    step = 0
    for index, (cells, row) in enumerate(zip(rows, source, strict=True)):
        if row["Target Prioritas"]:
            expected_target = [str(row["Target Prioritas"])]
            expected_waktu, expected_output, step = [], [], 0
            assert v_merge(cells[0]) in ("restart", None)
        else:
            assert v_merge(cells[1]) == "continue"
        expected_waktu = lines(row["Waktu"]) or expected_waktu
        expected_output = lines(row["Output"]) or expected_output
        step += 1
        assert targets[index] == expected_target
        aksi = cells[2].find(qn("w:p"))
        assert "".join(t.text or "" for t in aksi.iter(qn("w:t"))) == (
            f"{step}.{row['Rencana Aksi']}"
        ), "steps are numbered 1, 2, 3... afresh for each target"
        assert waktu[index] == expected_waktu, index
        assert output[index] == expected_output, index


# -- signature, identity --------------------------------------------------------------------


def test_signature_blocks_and_one_nip_style(sample_docx: Path) -> None:
    texts = [p.text for p in open_docx(sample_docx).paragraphs]
    assert [t for t in texts if t][-5:] == [
        "Ditetapkan di Pekanbaru",
        "Pada tanggal 12 Februari 2024",
        "Kepala Rumah Tahanan Negara Kelas I Pekanbaru,",
        "Erwin Saleh Siregar",
        "NIP. 19760413 200012 1 002",
    ]
    assert "Pekanbaru, 12 Februari 2024" in texts
    nips = {t for t in texts if t.startswith("NIP.")}
    assert nips == {"NIP. 19760413 200012 1 002"}


def test_cover_names_unit_office_and_year(sample_docx: Path) -> None:
    texts = [p.text for p in open_docx(sample_docx).paragraphs[:12]]
    for expected in (
        "Tahun 2024",
        "Kantor Wilayah Kementerian Hukum dan HAM Riau",
        "Rumah Tahanan Negara Kelas I Pekanbaru",
    ):
        assert expected in texts


def test_no_approval_page_without_team_leader(sample_docx: Path) -> None:
    assert not any(p.text.startswith("Mengetahui,") for p in open_docx(sample_docx).paragraphs)


def test_team_leader_adds_approval_page(sources: Path, tmp_path: Path) -> None:
    umum = next(sources.glob("00_*.xlsx"))
    workbook = openpyxl.load_workbook(umum)
    sheet = workbook["Identitas"]
    sheet.append(["Nama Ketua Tim", "Rina Marlina"])
    sheet.append(["NIP Ketua Tim", "198503122010122001"])
    workbook.save(umum)
    texts = [p.text for p in open_docx(build(sources, tmp_path / "p.docx")).paragraphs]
    assert "Mengetahui,\tPekanbaru, 12 Februari 2024" in texts
    assert "Erwin Saleh Siregar\tRina Marlina" in texts
    assert "NIP. 19760413 200012 1 002\tNIP. 19850312 201012 2 001" in texts


# -- format ---------------------------------------------------------------------------------


def _sections(document_path: Path) -> list[tuple[int, int, str | None]]:
    body = open_docx(document_path).element.body
    return [
        (
            int(s.find(qn("w:pgSz")).get(qn("w:w"))),
            int(s.find(qn("w:pgSz")).get(qn("w:h"))),
            s.find(qn("w:pgSz")).get(qn("w:orient")),
        )
        for s in body.iter(qn("w:sectPr"))
    ]


def test_a4_margins_and_arial_12(sample_docx: Path) -> None:
    document = open_docx(sample_docx)
    for width, height, orient in _sections(sample_docx):
        assert {width, height} == {11906, 16838}
        assert (width > height) == (orient == "landscape")
    section = document.sections[0]
    assert round(section.left_margin.cm, 1) == 3.0
    assert round(section.right_margin.cm, 1) == 2.0
    assert round(section.top_margin.cm, 1) == 2.0
    assert round(section.bottom_margin.cm, 1) == 2.5
    normal = document.styles["Normal"].font
    assert normal.name == "Arial" and normal.size.pt == 12


def test_f4_paper_when_identitas_says_so(sources: Path, tmp_path: Path) -> None:
    umum = next(sources.glob("00_*.xlsx"))
    workbook = openpyxl.load_workbook(umum)
    sheet = workbook["Identitas"]
    row = next(r for r in sheet.iter_rows() if r[0].value == "Ukuran Kertas")
    row[1].value = "F4"
    workbook.save(umum)
    for width, height, _ in _sections(build(sources, tmp_path / "f4.docx")):
        assert {width, height} == {12189, 18709}  # 215 x 330 mm


def test_page_numbers_roman_then_arabic_from_bab_one(sample_docx: Path) -> None:
    body = open_docx(sample_docx).element.body
    numbering = [s.find(qn("w:pgNumType")) for s in body.iter(qn("w:sectPr"))]
    starts = [(n.get(qn("w:fmt")), n.get(qn("w:start"))) for n in numbering if n is not None]
    assert starts[0] == ("lowerRoman", "1")
    assert starts[1] == ("decimal", "1")
    assert all(start is None for _, start in starts[2:])


def test_document_is_schema_valid(sample_docx: Path) -> None:
    assert schema_errors(sample_docx) == []


def test_every_table_cell_ends_with_a_paragraph(sample_docx: Path) -> None:
    """Word reports a damaged file for a cell without a paragraph; the schema allows it."""
    body = open_docx(sample_docx).element.body
    for tc in body.iter(qn("w:tc")):
        assert tc[-1].tag == qn("w:p")


def test_two_builds_are_byte_identical(sample_docx: Path, tmp_path: Path) -> None:
    again = build(SAMPLE_SOURCES, tmp_path / "again.docx")
    assert again.read_bytes() == sample_docx.read_bytes()


def test_template_needs_exactly_the_context() -> None:
    plan, _ = load_plan(SAMPLE_SOURCES)
    template = DocxTemplate(str(TEMPLATE))
    assert template.get_undeclared_template_variables() == set(build_context(plan))


# -- text taken literally -------------------------------------------------------------------


def test_template_syntax_and_markup_in_a_cell_appear_as_typed(
    sources: Path, tmp_path: Path
) -> None:
    typed = "R&D <x> {{ y }} {% z %} {_{ a }_} \"kutip\" 'satu'"
    prioritas = next(sources.glob("02_*.xlsx"))
    set_cell(prioritas, "Prioritas", "C4", typed)
    umum = next(sources.glob("00_*.xlsx"))
    set_cell(umum, "Narasi", "C4", typed)
    docx = build(sources, tmp_path / "literal.docx")
    document = open_docx(docx)
    assert typed in [p.text for p in document.paragraphs]
    tables = captioned_tables(document)
    first_step = data_rows(tables[2].table)[0][2]
    assert cell_lines(first_step) == [typed]
    assert schema_errors(docx) == []


def test_optional_column_shown_only_where_filled(sources: Path, tmp_path: Path) -> None:
    path = next(sources.glob("05_*.xlsx"))
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Prioritas"]
    sheet.cell(row=3, column=6, value="Penanggung Jawab")
    sheet.cell(row=4, column=6, value="Kasubsi Registrasi")
    workbook.save(path)
    docx = build(sources, tmp_path / "pj.docx")
    tables = {t.title: t.table for t in captioned_tables(open_docx(docx))}
    pengawasan = tables["Target Prioritas dan Output Penguatan Pengawasan"]
    assert header_names(pengawasan)[-1] == "Penanggung Jawab"
    assert cell_lines(data_rows(pengawasan)[0][5]) == ["Kasubsi Registrasi"]
    others = [t for title, t in tables.items() if "Pengawasan" not in title]
    assert all("Penanggung Jawab" not in header_names(t) for t in others)
    assert schema_errors(docx) == []


# -- LibreOffice ----------------------------------------------------------------------------


@requires_libreoffice
def test_libreoffice_converts_with_landscape_pages(sample_docx: Path, tmp_path: Path) -> None:
    pdf = convert_to_pdf(sample_docx, tmp_path)
    assert pdf.stat().st_size > 10_000
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    assert len(sizes) >= 15
    landscape = [float(w) > float(h) for w, h in sizes]
    assert landscape[0] is False
    assert sum(landscape) >= 2  # the two matrices


# -- the cover ----------------------------------------------------------------------------


def cover(docx: Path) -> list[tuple[str, str]]:
    """(style, text) of the cover's paragraphs: those before the first page break."""
    found = []
    for paragraph in open_docx(docx).paragraphs:
        found.append((paragraph.style.name if paragraph.style else "", paragraph.text))
        if any(br.get(qn("w:type")) == "page" for br in paragraph._p.iter(qn("w:br"))):
            break
    return [(style, text) for style, text in found if text.strip()]


def test_cover_prints_the_slogan_and_the_typed_title(sample_docx: Path) -> None:
    lines = cover(sample_docx)
    assert lines[0] == ("Title", "Rencana Aksi")  # the sample's Judul Dokumen, as the seed
    assert ("ZI Slogan", "RUSA BERTUAH") in lines
    texts = [text for _, text in lines]
    # under the title block, above the office
    assert (
        texts.index("Tahun 2024")
        < texts.index("RUSA BERTUAH")
        < texts.index("Kantor Wilayah Kementerian Hukum dan HAM Riau")
    )


def test_judul_dokumen_sets_the_covers_first_line(sources: Path, tmp_path: Path) -> None:
    set_cell(sources / "00_umum.xlsx", "Identitas", "A18", "Judul Dokumen")
    set_cell(sources / "00_umum.xlsx", "Identitas", "B18", "Rencana Strategi")
    set_cell(sources / "00_umum.xlsx", "Identitas", "B15", None)  # no slogan: none printed
    lines = cover(build(sources, tmp_path / "plan.docx"))
    assert lines[0] == ("Title", "Rencana Strategi")
    assert "ZI Slogan" not in [style for style, _ in lines]


def test_without_judul_dokumen_the_cover_says_rencana_kerja(sources: Path, tmp_path: Path) -> None:
    set_cell(sources / "00_umum.xlsx", "Identitas", "A18", None)
    set_cell(sources / "00_umum.xlsx", "Identitas", "B18", None)
    lines = cover(build(sources, tmp_path / "plan.docx"))
    assert lines[0] == ("Title", "Rencana Kerja")


# -- small matrices -------------------------------------------------------------------------


def orientations(docx: Path) -> dict[str, str]:
    """Per table caption (``Tabel 2``), the orientation of the section holding the table."""
    body = open_docx(docx).element.body
    found: dict[str, str] = {}
    caption, waiting = "", []
    for child in body:
        if child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            if text.startswith("Tabel "):
                caption = text.split(".")[0]
        if child.tag == qn("w:tbl"):
            waiting.append(caption)
        sect_pr = child if child.tag == qn("w:sectPr") else child.find(f".//{qn('w:sectPr')}")
        if sect_pr is not None:
            orient = sect_pr.find(qn("w:pgSz")).get(qn("w:orient")) or "portrait"
            found.update(dict.fromkeys(waiting, orient))
            waiting = []
    return found


def test_a_small_matrix_shares_its_landscape_page_with_its_priority_table(
    sources: Path, tmp_path: Path, sample_docx: Path
) -> None:
    # the sample's matrices fill more than half a landscape page: theirs stay portrait
    assert orientations(sample_docx)["Tabel 3"] == "portrait"
    indikator = sources / "02_penataan_tatalaksana.xlsx"
    set_cell(indikator, "Indikator", "C4", "1. SOP sesuai kondisi saat ini\n2. SOP direvisi")
    set_cell(indikator, "Indikator", "D4", "1. Membuat nota dinas\n2. Rapat koordinasi")
    set_cell(indikator, "Indikator", "E4", "SOP tersedia")
    found = orientations(build(sources, tmp_path / "plan.docx"))
    assert (found["Tabel 2"], found["Tabel 3"]) == ("landscape", "landscape")
    assert (found["Tabel 4"], found["Tabel 5"]) == ("landscape", "portrait")  # a large one


def test_a_large_plan_of_long_words_stays_valid_with_its_shrunk_tables(tmp_path: Path) -> None:
    """BPS Aceh's Target Prioritas tables of eight columns hold words that 9 pt cannot
    fit: those tables get a smaller size on every run, in the schema's order."""
    aceh = Path(__file__).resolve().parents[1] / "lke" / "aceh_sources"
    docx = build(aceh, tmp_path / "plan.docx")
    assert schema_errors(docx) == []
    sizes = {size.get(qn("w:val")) for size in open_docx(docx).element.body.iter(qn("w:sz"))}
    # 9 pt cells and 8 pt headings, shrunk by at most 7/9: 7 pt and 6 pt at the least
    assert sizes and all(12 <= int(half_points) < 18 for half_points in sizes)
