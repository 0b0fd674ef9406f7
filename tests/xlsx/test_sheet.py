"""A worksheet's cells as programs write them into its XML."""

from __future__ import annotations

from tests.workbook_xml import sheet_of, written


def test_whole_numbers_read_as_integers_as_typed(make_workbook) -> None:
    rows = '<row r="1"><c r="A1"><v>2024</v></c><c r="B1"><v>2024.5</v></c><c r="C1"><v>1</v></c>'
    rows += "</row>"

    values = sheet_of(written(make_workbook, rows), "Data").values

    assert [(type(v), v) for v in values.values()] == [(int, 2024), (float, 2024.5), (int, 1)]


def test_cells_without_an_address_follow_the_cell_before_them(make_workbook) -> None:
    rows = (
        '<row r="2"><c r="B2" t="inlineStr"><is><t>b</t></is></c>'
        '<c t="inlineStr"><is><t>c</t></is></c></row>'
        '<row><c t="inlineStr"><is><t>a</t></is></c></row>'
    )

    values = sheet_of(written(make_workbook, rows), "Data").values

    assert values == {(1, 1): "b", (1, 2): "c", (2, 0): "a"}
