"""The Petunjuk sheet: what to fill, what a tick is, where to send the workbook."""

from __future__ import annotations

from pathlib import Path

from generator.init.petunjuk import SHEET_PETUNJUK
from tests.init.conftest import workbook


def test_petunjuk_says_what_to_fill_what_a_tick_is_and_where_to_send(fresh: Path) -> None:
    ws = workbook(fresh, 3)[SHEET_PETUNJUK]
    assert ws["A1"].value.startswith("PETUNJUK PENGISIAN — Komponen 3.")
    rows = {str(r[0].value): str(r[1].value) for r in ws.iter_rows(min_row=2) if r[0].value}
    for label in ("Sheet Uraian", "Sheet Indikator", "Sheet Prioritas", "Tanda centang"):
        assert label in rows
    assert "√" in rows["Tanda centang"]
    assert (
        "Sekretariat Tim Kerja Pembangunan Zona Integritas Rutan Pekanbaru"
        in (rows["Dikirim kepada"])
    )
    examples = [label for label in rows if rows[label] == "Contoh satu baris yang sudah diisi"]
    assert examples == ["Sheet Uraian", "Sheet Indikator", "Sheet Prioritas"]
    umum = workbook(fresh, 0)[SHEET_PETUNJUK]
    labels = [r[0].value for r in umum.iter_rows() if r[0].value]
    assert "Sheet Identitas" in labels and "Sheet Narasi" in labels


def test_petunjuk_states_the_rencana_aksi_rule_the_reader_applies(fresh: Path) -> None:
    ws = workbook(fresh, 2)[SHEET_PETUNJUK]
    texts = [str(r[1].value) for r in ws.iter_rows(min_row=2) if r[0].value == "Sheet Prioritas"]
    assert any("satu langkah per baris" in t and "bernomor atau tidak" in t for t in texts)


def test_petunjuk_states_the_reading_rules_of_fill_down_ticks_and_second_outputs(
    fresh: Path,
) -> None:
    ws = workbook(fresh, 2)[SHEET_PETUNJUK]
    rows: dict[str, str] = {}
    for r in ws.iter_rows(min_row=2):
        if r[0].value:
            rows.setdefault(str(r[0].value), str(r[1].value))  # not the example's heading
    assert "KEGIATAN yang sama persis (hasil Fill Down)" in rows["Sheet Indikator"]
    assert "hanya berisi centang" in rows["Sheet Indikator"]
    assert "(hasil Fill Down) tetap satu target" in rows["Sheet Prioritas"]
    assert "output kedua" in rows["Sheet Prioritas"]
    for tick in ("✓", "✔", "☑", "v", "x", "y", "ya"):
        assert tick in rows["Tanda centang"]
    umum = workbook(fresh, 0)[SHEET_PETUNJUK]
    texts: dict[str, str] = {}
    for r in umum.iter_rows(min_row=2):
        if r[0].value:
            texts.setdefault(str(r[0].value), str(r[1].value))
    assert "Jangan ketik NIP sebagai angka" in texts["Sheet Identitas"]
    assert "H. Ahmad tetap H. Ahmad" in texts["Tingkat"]
