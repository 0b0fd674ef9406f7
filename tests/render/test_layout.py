"""generator.render.layout.shape on tiny documents built from XML strings."""

from __future__ import annotations

from typing import Any

import docx
import pytest
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from generator.plan.validate import load_plan
from generator.render import layout
from generator.render.document import render
from generator.render.layout import TCPR_ORDER, shape
from tests.conftest import ROOT, SAMPLE_SOURCES

Element = Any

A4 = (11906, 16838)  # twips
F4 = (12189, 18709)  # 215 x 330 mm in twips
LEFT, RIGHT = 1440, 1080
PORTRAIT = f'<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:left="{LEFT}" w:right="{RIGHT}"/>'
LANDSCAPE = (
    '<w:pgSz w:w="15840" w:h="12240" w:orient="landscape"/>'
    f'<w:pgMar w:left="{LEFT}" w:right="{RIGHT}"/>'
)
SECTION = f"<w:sectPr>{PORTRAIT}</w:sectPr>"


# -- building -----------------------------------------------------------------------------


def tc(text: str = "", width: int = 1000, span: int = 1, tc_pr: str = "") -> str:
    grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    run = f"<w:r><w:t>{text}</w:t></w:r>" if text else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid_span}{tc_pr}</w:tcPr>'
        f"<w:p>{run}</w:p></w:tc>"
    )


def tr(*cells: str, header: bool = False) -> str:
    tr_pr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    return f"<w:tr>{tr_pr}{''.join(cells)}</w:tr>"


def header_row(*names: str) -> str:
    return tr(*(tc(name) for name in names), header=True)


def data_row(*texts: str) -> str:
    return tr(*(tc(text) for text in texts))


def tbl(widths: list[int], *rows: str) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def make_document(body: str) -> Document:
    """A python-docx Document whose body is replaced by ``body`` (w: elements)."""
    document = docx.Document()
    old = document.element.body
    new = parse_xml(f"<w:body {nsdecls('w')}>{body}</w:body>")
    old.getparent().replace(old, new)
    return document


def shaped(body: str, paper: str = "A4") -> Document:
    """The body shaped with its XML at hand, as a render shapes it (cells of the same XML
    read once); shaping it without the XML, every cell read, must come out the same."""
    document, alone = make_document(body), make_document(body)
    shape(document, paper, etree.tostring(document.element.body))
    shape(alone, paper)
    assert etree.tostring(document.element.body) == etree.tostring(alone.element.body)
    return document


# -- reading ------------------------------------------------------------------------------


def tables(document: Document) -> list[Element]:
    return list(document.element.body.iter(qn("w:tbl")))


def grid(table: Element) -> list[int]:
    return [int(col.get(qn("w:w"))) for col in table.iter(qn("w:gridCol"))]


def rows(table: Element) -> list[list[Element]]:
    return [row.findall(qn("w:tc")) for row in table.findall(qn("w:tr"))]


def text(cell: Element) -> str:
    return "".join(t.text or "" for t in cell.iter(qn("w:t")))


def tc_pr_child(cell: Element, name: str) -> Element | None:
    return cell.find(f"{qn('w:tcPr')}/{qn(name)}")


def cell_width(cell: Element) -> int:
    tc_w = tc_pr_child(cell, "w:tcW")
    assert tc_w is not None
    return int(tc_w.get(qn("w:w")))


def v_merges(table: Element, column: int) -> list[str | None]:
    """Per data row (no tblHeader): "restart", "continue" or None for the column's cell."""
    values: list[str | None] = []
    for row in table.findall(qn("w:tr")):
        if row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
            continue
        merge = tc_pr_child(row.findall(qn("w:tc"))[column], "w:vMerge")
        values.append(None if merge is None else merge.get(qn("w:val"), "continue"))
    return values


def page_size(sect_pr: Element) -> tuple[int, int]:
    size = sect_pr.find(qn("w:pgSz"))
    return int(size.get(qn("w:w"))), int(size.get(qn("w:h")))


# -- paper --------------------------------------------------------------------------------


def test_a4_sets_every_section_to_a4_twips() -> None:
    document = shaped(f"<w:p><w:pPr>{SECTION}</w:pPr></w:p><w:p/>{SECTION}")
    sections = list(document.element.body.iter(qn("w:sectPr")))
    assert len(sections) == 2
    assert [page_size(s) for s in sections] == [A4, A4]


def test_f4_landscape_section_swaps_width_and_height() -> None:
    document = shaped(f"<w:p/><w:sectPr>{LANDSCAPE}</w:sectPr>", paper="F4")
    sect_pr = document.element.body.find(qn("w:sectPr"))
    assert page_size(sect_pr) == (F4[1], F4[0])
    assert sect_pr.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"


def test_body_without_final_sect_pr_raises_template_bug() -> None:
    document = make_document(tbl([1000, 1000], header_row("NO", "KEGIATAN")) + "<w:p/>")
    with pytest.raises(ValueError, match="template bug"):
        shape(document)


# -- columns ------------------------------------------------------------------------------


def test_table_without_header_rows_is_left_alone() -> None:
    table = tbl([500, 3000, 1000], data_row("1", "A", ""), data_row("1", "A", ""))
    document = make_document(table + SECTION)
    before = etree.tostring(tables(document)[0])
    shape(document)
    assert etree.tostring(tables(document)[0]) == before


def test_empty_optional_column_is_dropped_and_filled_one_kept() -> None:
    table = tbl(
        [500, 3000, 1000, 1000],
        header_row("NO", "KEGIATAN", "Penanggung Jawab", "DATA DUKUNG"),
        data_row("1", "A", "", "Laporan"),
        data_row("2", "B", "", ""),
    )
    (result,) = tables(shaped(table + SECTION))
    assert len(grid(result)) == 3
    assert [[text(cell) for cell in cells] for cells in rows(result)] == [
        ["NO", "KEGIATAN", "DATA DUKUNG"],
        ["1", "A", "Laporan"],
        ["2", "B", ""],
    ]


def test_cell_spanning_a_dropped_column_spans_one_less() -> None:
    table = tbl(
        [500, 3000, 1000, 1000],
        header_row("NO", "KEGIATAN", "URAIAN", "KODE LKE"),
        tr(tc("Banner", span=4)),  # spans all four: three remain
        tr(tc("1"), tc("A"), tc("x", span=2)),  # spans URAIAN and KODE LKE: one remains
        data_row("1", "A", "x", ""),
    )
    (result,) = tables(shaped(table + SECTION))
    banner, partial = rows(result)[1][0], rows(result)[2][2]
    span = tc_pr_child(banner, "w:gridSpan")
    assert span is not None and span.get(qn("w:val")) == "3"
    assert tc_pr_child(partial, "w:gridSpan") is None
    assert len(rows(result)[2]) == 3
    assert len(grid(result)) == 3


def test_a_cell_narrowed_by_a_dropped_column_is_as_wide_as_the_columns_left() -> None:
    table = tbl(
        [500, 3000, 1000, 2000, 1500],
        header_row("NO", "KEGIATAN", "KODE LKE", "URAIAN", "TARGET"),
        tr(tc("1"), tc("A", span=3), tc("t")),  # spans the empty KODE LKE and two more
        tr(tc("2"), tc("A", span=3), tc("t")),  # the same XML, but for the number
        data_row("1", "A", "", "x", "t"),
    )
    (result,) = tables(shaped(table + SECTION))
    widths = grid(result)
    assert len(widths) == 4
    for cells in rows(result)[1:3]:
        assert [cell_width(cell) for cell in cells] == [widths[0], widths[1] + widths[2], widths[3]]


# -- widths -------------------------------------------------------------------------------


def test_fixed_columns_keep_width_and_text_columns_share_the_rest() -> None:
    widths = [700, 3000, 1000, 800, 600]  # NO, KEGIATAN, URAIAN, KET, JAN
    table = tbl(
        widths,
        header_row("NO", "KEGIATAN", "URAIAN", "KET", "JAN"),
        data_row("1", "A", "x", "-", "v"),
    )
    (result,) = tables(shaped(table + SECTION))
    text_width = A4[0] - LEFT - RIGHT
    kept = 700 + 800 + 600
    kegiatan = 3000 * (text_width - kept) // 4000
    uraian = text_width - kept - kegiatan  # the last text column takes the remainder
    expected = [700, kegiatan, uraian, 800, 600]
    assert grid(result) == expected
    assert sum(grid(result)) == text_width
    table_width = result.find(f"{qn('w:tblPr')}/{qn('w:tblW')}")
    assert table_width.get(qn("w:type")) == "dxa"
    assert int(table_width.get(qn("w:w"))) == text_width
    for cells in rows(result):
        assert [cell_width(cell) for cell in cells] == expected


def test_spanning_cell_width_is_the_sum_of_its_grid_columns() -> None:
    table = tbl(
        [700, 3000, 1000],
        header_row("NO", "KEGIATAN", "URAIAN"),
        tr(tc("1"), tc("A x", span=2)),
        data_row("1", "A", "x"),
    )
    (result,) = tables(shaped(table + SECTION))
    columns = grid(result)
    assert cell_width(rows(result)[1][1]) == columns[1] + columns[2]
    assert cell_width(rows(result)[1][0]) == 700


def test_only_fixed_columns_scale_all_in_proportion() -> None:
    table = tbl([1000, 3000], header_row("NO", "WAKTU"), data_row("1", "Jan"))
    (result,) = tables(shaped(table + SECTION))
    text_width = A4[0] - LEFT - RIGHT
    first = 1000 * text_width // 4000
    assert grid(result) == [first, text_width - first]


def test_table_takes_text_width_of_the_section_that_follows_it() -> None:
    first = tbl([700, 3000], header_row("NO", "KEGIATAN"), data_row("1", "A"))
    second = tbl([700, 3000], header_row("NO", "KEGIATAN"), data_row("1", "A"))
    body = f"{first}<w:p><w:pPr><w:sectPr>{LANDSCAPE}</w:sectPr></w:pPr></w:p>{second}{SECTION}"
    landscape_table, portrait_table = tables(shaped(body))
    assert sum(grid(landscape_table)) == A4[1] - LEFT - RIGHT
    assert sum(grid(portrait_table)) == A4[0] - LEFT - RIGHT
    assert grid(portrait_table)[0] == 700


# -- merges -------------------------------------------------------------------------------


def test_kegiatan_table_merges_no_and_kegiatan_over_a_group() -> None:
    table = tbl(
        [500, 3000, 1000],
        header_row("NO", "KEGIATAN", "URAIAN"),
        data_row("1", "Rapat", "a"),
        data_row("1", "Rapat", "b"),
        data_row("2", "Sosialisasi", "c"),
    )
    (result,) = tables(shaped(table + SECTION))
    assert v_merges(result, 0) == ["restart", "continue", None]
    assert v_merges(result, 1) == ["restart", "continue", None]
    assert v_merges(result, 2) == [None, None, None]
    assert [[text(cell) for cell in cells] for cells in rows(result)[1:]] == [
        ["1", "Rapat", "a"],
        ["", "", "b"],
        ["2", "Sosialisasi", "c"],
    ]


def test_groups_separated_by_an_empty_first_column_are_not_merged() -> None:
    table = tbl(
        [500, 3000],
        header_row("NO", "KEGIATAN"),
        data_row("1", "Rapat"),
        data_row("", "Rapat"),
        data_row("1", "Rapat"),
        data_row("", "Rapat"),
    )
    (result,) = tables(shaped(table + SECTION))
    assert v_merges(result, 0) == [None] * 4
    assert v_merges(result, 1) == [None] * 4
    assert [text(cells[1]) for cells in rows(result)[1:]] == ["Rapat"] * 4


def test_target_prioritas_table_merges_only_identical_neighbours() -> None:
    table = tbl(
        [500, 2000, 800, 1500, 1500, 1000],
        header_row("NO", "TARGET PRIORITAS", "WAKTU", "OUTPUT", "RENCANA AKSI", "DATA DUKUNG"),
        data_row("1", "Target", "Jan", "O1", "a", "SK"),
        data_row("1", "Target", "Jan", "O2", "a", "SK"),
        data_row("1", "Target", "Feb", "O2", "a", "Foto"),
    )
    (result,) = tables(shaped(table + SECTION))
    assert v_merges(result, 0) == ["restart", "continue", "continue"]
    assert v_merges(result, 1) == ["restart", "continue", "continue"]
    assert v_merges(result, 2) == ["restart", "continue", None]  # WAKTU
    assert v_merges(result, 3) == [None, "restart", "continue"]  # OUTPUT
    assert v_merges(result, 4) == [None, None, None]  # not a merged column
    assert v_merges(result, 5) == ["restart", "continue", None]  # optional, kept
    assert [text(cells[3]) for cells in rows(result)[1:]] == ["O1", "O2", ""]


def test_continued_cell_keeps_only_its_first_paragraph_emptied() -> None:
    two_paragraphs = (
        '<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>'
        '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>Rapat</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>lanjutan</w:t></w:r></w:p></w:tc>"
    )
    table = tbl(
        [500, 3000],
        header_row("NO", "KEGIATAN"),
        data_row("1", "Rapat"),
        tr(tc("1"), two_paragraphs),
    )
    (result,) = tables(shaped(table + SECTION))
    continued = rows(result)[2][1]
    paragraphs = continued.findall(qn("w:p"))
    assert len(paragraphs) == 1
    assert paragraphs[0].findall(qn("w:r")) == []
    jc = paragraphs[0].find(f"{qn('w:pPr')}/{qn('w:jc')}")
    assert jc is not None and jc.get(qn("w:val")) == "center"


def test_v_merge_goes_into_tc_pr_in_schema_order() -> None:
    styled = '<w:shd w:val="clear" w:fill="EEEEEE"/><w:vAlign w:val="center"/>'
    table = tbl(
        [500, 3000],
        header_row("NO", "KEGIATAN"),
        tr(tc("1", tc_pr=styled), tc("Rapat")),
        tr(tc("1", tc_pr=styled), "<w:tc><w:p><w:r><w:t>Rapat</w:t></w:r></w:p></w:tc>"),
    )
    (result,) = tables(shaped(table + SECTION))
    for cells in rows(result)[1:]:
        names = [child.tag.split("}")[1] for child in cells[0].find(qn("w:tcPr"))]
        assert names == ["tcW", "vMerge", "shd", "vAlign"]
        assert names == sorted(names, key=TCPR_ORDER.index)
    bare = rows(result)[2][1]  # had no tcPr: gets one, as the cell's first child
    assert bare[0].tag == qn("w:tcPr")
    assert [child.tag for child in bare[0]] == [qn("w:vMerge")]


# -- columns at least as wide as their longest word ------------------------------------------

MONTHS = ("JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU", "SEP", "OKT", "NOV", "DES")


def test_measure_breaks_at_spaces_and_hyphens_not_at_slashes() -> None:
    from generator.render.measure import longest_word, text_width

    assert text_width("ab", 10) == text_width("a", 10) + text_width("b", 10)
    assert text_width("W", 9, bold=True) > text_width("i", 9, bold=True)
    joined = "dilaksanakan/diimplementasikan"  # LibreOffice breaks no slash between letters
    assert longest_word(joined, 9) == text_width(joined, 9)
    assert longest_word("in-house training", 9) == text_width("training", 9)
    assert longest_word("2024/2025", 9) == text_width("2024/2025", 9)
    # any whitespace breaks, a no-break space too (str.split's and the regex's alike)
    for space in (" ", "  ", "\t", "\n", "\u00a0", "\u2003"):
        assert longest_word(f"{space}Rutan{space}Pekanbaru{space}", 9) == text_width("Pekanbaru", 9)
    assert longest_word("", 9) == longest_word(" ", 9) == 0


def test_no_column_is_narrower_than_its_longest_word() -> None:
    from generator.render.measure import text_width

    long = "pertanggungjawaban"
    table = tbl(
        [500, 1000, 3000, 3000],  # KEGIATAN far too narrow in the template
        header_row("NO", "KEGIATAN", "URAIAN", "TARGET"),
        data_row("1", f"Kegiatan {long}", "a b", "c"),
    )
    (result,) = tables(shaped(table + SECTION))
    # the default cell margins (108 each side) and the default style's 10 pt
    assert grid(result)[1] >= text_width(long, 10) + 2 * 108
    assert sum(grid(result)) == A4[0] - LEFT - RIGHT


def test_month_columns_give_up_width_before_a_word_breaks() -> None:
    from generator.render.measure import text_width

    words = ["kompetensi", "kesempatan", "pelatihan"]
    table = tbl(
        [500, 300, 300, 300] + [900] * 12,
        header_row("NO", "KEGIATAN", "URAIAN", "TARGET", *MONTHS),
        data_row("1", *words, *([""] * 12)),
    )
    body = f"{table}<w:sectPr>{LANDSCAPE}</w:sectPr>"
    (result,) = tables(shaped(body))
    columns = grid(result)
    for index, word in enumerate(words, start=1):
        assert columns[index] >= text_width(word, 10) + 2 * 108
    assert len(set(columns[4:])) == 1 and text_width("JAN", 10) + 2 * 108 < columns[4] < 900
    assert sum(columns) == A4[1] - LEFT - RIGHT


def test_words_that_cannot_fit_share_the_page_in_proportion_to_their_need() -> None:
    word = "x" * 60  # wider than MAX_WORD: measured at the cap
    table = tbl([1000] * 6, header_row(*"ABCDEF"), data_row(*([word] * 6)))
    (result,) = tables(shaped(table + SECTION))
    columns = grid(result)
    assert sum(columns) == A4[0] - LEFT - RIGHT
    assert max(columns) - min(columns) <= 6  # equal needs, equal shares (rounding aside)


def sizes(table: Element) -> set[str]:
    return {size.get(qn("w:val")) for size in table.iter(qn("w:sz"))}


def test_a_table_whose_words_do_not_fit_shrinks_its_font_before_a_word_breaks() -> None:
    from generator.render.measure import text_width

    word = "pengembangannya"  # five of them need more than the page at 10 pt
    assert 5 * (text_width(word, 10) + 2 * 108) > A4[0] - LEFT - RIGHT
    table = tbl([1000] * 5, header_row(*"ABCDE"), data_row(*([word] * 5)))
    (result,) = tables(shaped(table + SECTION))
    (half_points,) = sizes(result)  # one size for the whole table, below the style's 10 pt
    points = int(half_points) / 2
    assert 7 <= points < 10
    for column in grid(result):
        assert column >= text_width(word, points) + 2 * 108


def test_a_table_that_fits_keeps_its_size_and_an_empty_waktu_only_its_header() -> None:
    table = tbl(
        [500, 3000, 2000],
        header_row("NO", "TARGET", "WAKTU"),
        data_row("1", "kegiatan", ""),
    )
    (result,) = tables(shaped(table + SECTION))
    assert sizes(result) == set()
    assert grid(result)[2] < 2000  # "WAKTU" alone needs far less than the template's


def test_style_fonts_kept_on_disk_are_the_ones_read_from_the_styles(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import cache
    from generator.render import measure
    from generator.resources import template_path

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(measure, "_FONTS", {})
    cache.cache_dir.cache_clear()
    document = docx.Document(str(template_path()))
    read = {style: measure.Font(*font) for style, font in measure._read_fonts(document).items()}

    first = measure.paragraph_fonts(document)  # read from the styles, kept on disk
    monkeypatch.setattr(measure, "_FONTS", {})
    monkeypatch.setattr(measure, "_read_fonts", lambda document: pytest.fail("not from disk"))
    again = measure.paragraph_fonts(document)
    cache.cache_dir.cache_clear()

    assert first == again == read
    assert [p.suffix for p in (tmp_path / "zi-plan").iterdir()] == [".fonts"]
    assert any(font.bold for font in read.values()) and read[""].points > 0


# -- cells of the same XML ----------------------------------------------------------------


def test_a_table_nested_in_a_cell_has_every_cell_read_from_the_tree() -> None:
    flat = tbl([500, 3000], header_row("NO", "KEGIATAN"), data_row("1", "Rapat"))
    paragraph = "<w:t>Rapat</w:t></w:r></w:p>"
    nested = flat.replace(paragraph, paragraph + tbl([1000], data_row("dalam")))
    for xml, cut in ((flat, 4), (nested, 0)):
        body = make_document(xml + SECTION).element.body
        assert len(layout._cell_sources(body, etree.tostring(body))) == cut
    shaped(nested + SECTION)  # the same with the XML at hand as without


@pytest.mark.parametrize(
    "sources",
    [
        SAMPLE_SOURCES,
        ROOT / "tests/golden/bps_kab_nias_2025/sources",
        ROOT / "tests/lke/aceh_sources",
    ],
    ids=["sample", "nias", "aceh"],
)
def test_a_plan_shaped_with_its_cells_xml_is_shaped_as_with_every_cell_read(
    sources: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, _ = load_plan(sources)
    found: list[dict[Element, bytes]] = []
    cutting = layout._cell_sources
    monkeypatch.setattr(
        layout, "_cell_sources", lambda *args: found.append(cutting(*args)) or found[-1]
    )
    with_xml = etree.tostring(render(plan).docx.element.body)
    monkeypatch.setattr(layout, "_cell_sources", lambda *args: {})
    every_cell_read = etree.tostring(render(plan).docx.element.body)

    assert with_xml == every_cell_read
    (sources_found,) = found
    assert sources_found and len(set(sources_found.values())) < len(sources_found)
