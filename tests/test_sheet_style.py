"""The workbooks we write: rows fitted to their text stay fittable in Excel and Calc
(fails when openpyxl stops reading RowDimension.customHeight as our class answers it)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment

from generator.sheet_style import LINE_HEIGHT, fit_rows


def test_fitted_rows_carry_a_height_but_not_a_custom_one(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.column_dimensions["A"].width = 10
    sheet["A1"] = "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh"
    sheet["A1"].alignment = Alignment(wrap_text=True)
    fit_rows(sheet, 1)
    target = tmp_path / "fitted.xlsx"
    workbook.save(target)

    with zipfile.ZipFile(target) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    row = xml[xml.index("<row ") : xml.index(">", xml.index("<row "))]
    height = float(row.split('ht="')[1].split('"')[0])

    assert height > 2 * LINE_HEIGHT  # several wrapped lines, not one
    assert "customHeight" not in row
