"""The package's parts: shared strings and the workbook's date system, as Excel writes them."""

from __future__ import annotations

from datetime import datetime

from tests.workbook_xml import sheet_of, written


def test_shared_strings_read_as_their_text_without_formatting(make_workbook) -> None:
    strings = (
        "<si><t>Bagian</t></si>"
        '<si><r><t xml:space="preserve">Rapat </t></r><r><rPr><b/></rPr><t>koordinasi</t></r>'
        '<rPh sb="0" eb="1"><t>ラ</t></rPh></si>'
    )
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'

    sheet = sheet_of(written(make_workbook, rows, strings=strings), "Data")

    assert sheet.values == {(0, 0): "Bagian", (0, 1): "Rapat koordinasi"}


def test_shared_strings_keep_typed_escapes_as_text(make_workbook) -> None:
    """Excel guards a typed _xHHHH_ as _x005F_xHHHH_: typed _x000B_ is text, not a
    control character; x005F_ typed on its own stays, and a stored _x000B_ is one."""
    strings = (
        "<si><t>Kode _x005F_x000B_ dan x005F_ tetap</t></si>"
        "<si><t>Baris satu_x000B_baris dua</t></si>"
    )
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'

    sheet = sheet_of(written(make_workbook, rows, strings=strings), "Data")

    assert sheet.values == {
        (0, 0): "Kode _x000B_ dan x005F_ tetap",
        (0, 1): "Baris satu\x0bbaris dua",
    }


def test_dates_count_from_1904_when_the_workbook_says_so(make_workbook) -> None:
    """Excel for Mac used to count days from 1904; the same serial is then four years later."""
    rows = '<row r="1"><c r="A1" s="1"><v>45334</v></c></row>'

    def date1904(book: bytes) -> bytes:
        return book.replace(b"<workbookPr/>", b'<workbookPr date1904="1"/>')

    windows = sheet_of(written(make_workbook, rows), "Data")
    mac = sheet_of(written(make_workbook, rows, book=date1904), "Data")

    assert windows.values[(0, 0)] == datetime(2024, 2, 12)
    assert mac.values[(0, 0)] == datetime(2028, 2, 13)
