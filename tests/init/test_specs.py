"""The columns of each sheet, their rules and their help, as Excel reads them back."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import contract as cols
from generator.init import init_workbooks
from generator.init.specs import IDENTITY_LABELS
from generator.init.write import DATE_FORMAT
from generator.plan.models import SectionKey
from generator.plan.validate import load_plan
from generator.problems import InputInvalid
from tests.init.conftest import HINTS, validation_at, workbook

# -- headers and Identitas -----------------------------------------------------------------


def test_headers_are_the_contracts_in_row_three(fresh: Path) -> None:
    optional = ["Penanggung Jawab", "Data Dukung", "Kode LKE"]
    expected = {
        "Uraian": ["Bagian", "Teks"],
        "Indikator": [c.title for c in cols.INDIKATOR if c.key != "waktu_bulan"],
        "Prioritas": ["No", "Target Prioritas", "Rencana Aksi", "Waktu", "Output", *optional],
    }
    assert expected["Indikator"][-4:] == ["KET", *optional]
    book = workbook(fresh, 3)
    for sheet, names in expected.items():
        assert [c.value for c in book[sheet][3]] == names
    umum = workbook(fresh, 0)
    assert [c.value for c in umum["Identitas"][3]] == ["Kolom", "Isi"]
    assert [c.value for c in umum["Narasi"][3]] == ["Bagian", "Tingkat", "Teks"]


def test_identitas_lists_every_field_with_the_hints_filled(fresh: Path) -> None:
    ws = workbook(fresh, 0)["Identitas"]
    rows = {row[0].value: row[1].value for row in ws.iter_rows(min_row=4)}
    assert list(rows) == list(IDENTITY_LABELS.values())
    assert rows["Nama Satuan Kerja"] == HINTS["nama_satker"]
    assert rows["Nama Singkat"] == "Rutan Pekanbaru"
    assert rows["Jenis Satuan Kerja"] == "Rutan"
    assert rows["Tahun"] == 2025
    assert rows["Ukuran Kertas"] == "A4"
    for blank in ("Tanggal Penetapan", "Nama Penandatangan", "NIP Penandatangan", "Kementerian"):
        assert rows[blank] is None
    nip = next(row[1] for row in ws.iter_rows(min_row=4) if row[0].value == "NIP Penandatangan")
    assert nip.number_format == "@", "a typed NIP must stay 18 digits, not 1.98E+17"


def test_without_hints_the_unit_is_blank_and_reported(tmp_path: Path) -> None:
    init_workbooks(tmp_path / "kosong")
    with pytest.raises(InputInvalid) as raised:
        load_plan(tmp_path / "kosong")
    fields = {str(p.params["field"]) for p in raised.value.problems if p.code == "identitas-kosong"}
    assert {"Nama Satuan Kerja", "Nama Singkat", "Jenis Satuan Kerja", "Tahun"} <= fields
    title = workbook(tmp_path / "kosong", 1)["Uraian"]["A1"].value
    assert title == "Komponen 1. Manajemen Perubahan — Uraian: tujuan dan target"


def test_unknown_hint_is_a_developer_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="satker"):
        init_workbooks(tmp_path, {"satker": "Rutan"})


# -- data validation, read back ------------------------------------------------------------


def test_month_cells_offer_a_tick_and_nothing_else(fresh: Path) -> None:
    ws = workbook(fresh, 2)["Indikator"]
    for column in "FGHIJKLMNOPQ":
        assert ws[f"{column}3"].value in cols.MONTH_LABELS
        for cell in (f"{column}4", f"{column}500"):
            dv = validation_at(ws, cell)
            assert (dv.type, dv.formula1, dv.allow_blank) == ("list", '"√"', True)
            assert dv.showErrorMessage and dv.error
    assert [dv for dv in ws.data_validations.dataValidation if "E4" in dv.sqref] == []


def test_bagian_tingkat_tahun_and_tanggal_are_validated(fresh: Path) -> None:
    narasi = workbook(fresh, 0)["Narasi"]
    bagian = validation_at(narasi, "A4")
    assert bagian.type == "list"
    assert bagian.formula1 == '"' + ",".join(k.value for k in SectionKey) + '"'
    assert len(bagian.formula1) <= 255, "Excel's limit for a typed list"
    tingkat = validation_at(narasi, "B200")
    assert (tingkat.type, tingkat.formula1, tingkat.formula2) == ("whole", "0", "3")
    uraian = validation_at(workbook(fresh, 1)["Uraian"], "A10")
    assert uraian.formula1 == '"Tujuan,Target,Pengantar Tabel"'
    identitas = workbook(fresh, 0)["Identitas"]
    row = {label: r for r, label in enumerate(IDENTITY_LABELS.values(), start=4)}
    tahun = validation_at(identitas, f"B{row['Tahun']}")
    assert (tahun.type, tahun.formula1, tahun.formula2) == ("whole", "2000", "2100")
    tanggal = validation_at(identitas, f"B{row['Tanggal Penetapan']}")
    assert (tanggal.type, tanggal.operator) == ("date", "between")
    assert identitas[f"B{row['Tanggal Penetapan']}"].number_format == DATE_FORMAT
    jenis = validation_at(identitas, f"B{row['Jenis Satuan Kerja']}")
    assert jenis.type == "list" and not jenis.showErrorMessage, "other kinds may be typed"


def test_every_header_explains_its_column_within_excels_limits(fresh: Path) -> None:
    for number in range(7):
        for ws in workbook(fresh, number).worksheets[1:]:
            for cell in ws[3]:
                dv = validation_at(ws, cell.coordinate)
                assert dv.showInputMessage and dv.prompt, (ws.title, cell.value)
            for dv in ws.data_validations.dataValidation:
                assert len(dv.promptTitle or "") <= 32 and len(dv.errorTitle or "") <= 32
                assert len(dv.prompt or "") <= 255 and len(dv.error or "") <= 225
    identitas = workbook(fresh, 0)["Identitas"]
    for r, label in enumerate(IDENTITY_LABELS.values(), start=4):
        assert validation_at(identitas, f"B{r}").prompt, f"no help for {label}"
