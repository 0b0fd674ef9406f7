"""Identitas values with rules of their own: the NIP as people type it, Nama Singkat."""

from __future__ import annotations

import re
from decimal import Decimal

from generator.plan.models import nip_problem
from generator.plan.parse import excel_general, nip_cut_by_excel, nip_digits
from generator.problems import Report
from generator.tables import Cell

# Nama Singkat names the output file: nothing Windows or Linux refuses in a file name.
_NOT_IN_FILE_NAME = re.compile(r'[/\\:*?"<>|]')
MAX_SHORT_NAME = 60
EARLIEST_BIRTH_YEAR = 1940  # an official born earlier retired long before 2000
YOUNGEST_APPOINTMENT_AGE = 17  # civil servants are appointed at 18 at the earliest


def read_nip(cell: Cell, report: Report) -> str | None:
    """The NIP's 18 digits, or None after reporting why not. ``NIP.``/``NIP:``, spaces,
    dots and dashes typed with the digits are fine; a number Excel has cut is not."""
    if nip_cut_by_excel(cell.value):
        value = cell.value
        shown = excel_general(value) if isinstance(value, int | float) else cell.text
        kept = f"{Decimal(shown.replace(',', '.').replace(' ', '')):f}"  # what Excel holds
        report.error("nip-terpotong-excel", cell.ref, value=shown, kept=kept)
        return None
    if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
        report.error("nip-berupa-angka", cell.ref, value=cell.text)
        return None
    nip, others = nip_digits(cell.text)
    if others:
        shown = " ".join(f'"{ch}"' for ch in others)
        report.error("nip-karakter-lain", cell.ref, value=cell.text, chars=shown)
        return None
    problem = nip_problem(nip)
    if problem:
        report.error(problem, cell.ref, value=cell.text)
        return None
    born, appointed = int(nip[:4]), int(nip[8:12])
    if born < EARLIEST_BIRTH_YEAR:
        report.error("nip-tanggal-lahir", cell.ref, value=cell.text)
        return None
    if appointed - born < YOUNGEST_APPOINTMENT_AGE:
        report.error("nip-umur", cell.ref, value=cell.text, age=appointed - born)
        return None
    return nip


def check_short_name(name: str, cell: Cell, report: Report) -> None:
    """Nama Singkat becomes part of the output file's name."""
    bad = sorted(set(_NOT_IN_FILE_NAME.findall(name)))
    if bad or "\n" in name:
        shown = " ".join(bad) if bad else "baris baru"
        reason = f"memuat {shown} yang tidak boleh ada dalam nama file"
    elif len(name) > MAX_SHORT_NAME:
        reason = f"panjangnya {len(name)} karakter (paling banyak {MAX_SHORT_NAME})"
    else:
        return
    report.error("nama-singkat-tidak-sah", cell.ref, value=name, reason=reason)
