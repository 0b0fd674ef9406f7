"""Values as Excel shows them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from generator.xlsx.values import display_text


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
