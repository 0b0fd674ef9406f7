"""Values as Excel shows them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from generator.xlsx.symbols import shown
from generator.xlsx.values import display_text, loses_digits


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (0.5, "0%", "50%"),
        (0.125, "0.0%", "12.5%"),
        (1.0, "0%", "100%"),
        (0.07, "0%", "7%"),
        (3.0, "General", "3"),
        (2024.0, "General", "2024"),
        (2.5, "General", "2.5"),
        (0.1 + 0.2, "General", "0.3"),
        (12, "General", "12"),
        (datetime(2024, 2, 12), "General", "12 Februari 2024"),
        (datetime(2024, 12, 1, 0, 0), "dd/mm/yyyy", "1 Desember 2024"),
        (date(2025, 8, 17), "General", "17 Agustus 2025"),
        (True, "General", "TRUE"),
        (False, "General", "FALSE"),
        (None, "General", ""),
        ("  Rutan Pekanbaru \n", "General", "Rutan Pekanbaru"),
    ],
)
def test_display_text_shows_values_as_excel_does(value, number_format, expected) -> None:
    assert display_text(value, number_format) == expected


def test_display_text_keeps_all_digits_of_a_long_number() -> None:
    assert display_text(1234567.5) == "1234567.5"


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (50_000_000, '"Rp"#,##0', "Rp50.000.000"),
        (50_000_000, "[$Rp-421]#,##0.00", "Rp50.000.000,00"),
        (50_000_000, "#,##0", "50.000.000"),
        (1234.5, "#,##0.00", "1.234,50"),
        (1234.567, "#,##0.0#", "1.234,57"),
        (0.5, "#,##0.00", "0,50"),
        (2.5, "#,##0", "3"),  # half away from zero, as Excel rounds
        (-1234, "#,##0", "-1.234"),
        (-1234, "#,##0;[Red]-#,##0", "-1.234"),
        (-1234, "#,##0 ;(#,##0)", "(1.234)"),
        (1_234_567, '#,##0," rb"', "1.235 rb"),
        (12, '#,##0 "orang"', "12 orang"),
        (50_000_000, '_("Rp"* #,##0_);_("Rp"* (#,##0);_("Rp"* "-"_);_(@_)', "Rp 50.000.000"),
        (0, '_("Rp"* #,##0_);_("Rp"* (#,##0);_("Rp"* "-"_);_(@_)', "Rp -"),
        (2.5, "0.00", "2.5"),  # a plain number keeps General's reading
        (1234.5, "0.00E+00", "1234.5"),  # not read here: General
        (1234.5, "# ?/?", "1234.5"),
        (1234.5, "[" * 300, "1234.5"),
    ],
)
def test_currency_and_thousands_formats_show_as_excel_does_in_indonesian(
    value, number_format, expected
) -> None:
    assert display_text(value, number_format) == expected


@pytest.mark.parametrize(
    ("value", "expected", "lost"),
    [
        (197604132000121002, "197604132000121000", True),
        (1.97604132000121e17, "197604132000121000", True),
        (999_999_999_999_999, "999999999999999", False),
        (10**15, "1000000000000000", True),
        (1.5e25, "1.5E+25", True),
        (1e-7, "1E-07", False),
        (-197604132000121002, "-197604132000121000", True),
    ],
)
def test_long_numbers_show_the_15_digits_excel_keeps(value, expected, lost) -> None:
    assert display_text(value) == expected
    assert loses_digits(value) is lost


@pytest.mark.parametrize(
    ("text", "font", "expected"),
    [
        ("ü", "Wingdings", "✓"),
        ("þ", "wingdings", "☑"),
        ("\uf0fc", "Wingdings", "✓"),
        ("P", "Wingdings 2", "✓"),
        ("R", "Wingdings  2", "☑"),
        ("a", "Webdings", "✔"),
        ("ü", "Calibri", "ü"),
        ("ü", None, "ü"),
        ("Xü", "Wingdings", "X✓"),  # a character without a table entry is kept
    ],
)
def test_symbol_fonts_show_their_ticks(text, font, expected) -> None:
    assert shown(text, font) == expected
