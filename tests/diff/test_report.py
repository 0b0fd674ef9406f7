"""The text and JSON reports."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from generator.diff import diff_plans, diff_to_json, format_diff, load_any
from generator.plan.models import Plan
from tests.conftest import SAMPLE_SOURCES, set_cell
from tests.diff.plan_edits import UMUM
from tests.ooxml_schema import schema_errors


def test_no_change_is_an_empty_report(sample: Plan, sources: Path) -> None:
    diff = diff_plans(sample, load_any(sources))
    assert diff.equal
    assert diff.changes == ()
    assert format_diff(diff).splitlines()[-1] == (
        "Tidak ada perubahan: isi kedua rencana kerja sama."
    )
    report = diff_to_json(diff)
    assert report["sama"] is True
    assert report["perubahan"] == []
    assert report["jumlah"] == {"ditambah": 0, "dihapus": 0, "diubah": 0, "dipindah": 0}


def test_json_report(sample: Plan, sources: Path) -> None:
    set_cell(sources / UMUM, "Identitas", "B13", "Budi Santoso")
    report = diff_to_json(diff_plans(sample, load_any(sources)))
    assert json.loads(json.dumps(report, ensure_ascii=False)) == {
        "sama": False,
        "lama": {
            "nama_satker": "Rumah Tahanan Negara Kelas I Pekanbaru",
            "tahun": 2024,
            "tempat": "Pekanbaru",
            "tanggal": "2024-02-12",
            "revisi": "",
            "tanggal_revisi": None,
        },
        "baru": {
            "nama_satker": "Rumah Tahanan Negara Kelas I Pekanbaru",
            "tahun": 2024,
            "tempat": "Pekanbaru",
            "tanggal": "2024-02-12",
            "revisi": "",
            "tanggal_revisi": None,
        },
        "jumlah": {"ditambah": 0, "dihapus": 0, "diubah": 1, "dipindah": 0},
        "perubahan": [
            {
                "kelompok": "Identitas dan Penandatangan (00_umum.xlsx › Identitas)",
                "komponen": None,
                "bagian": "",
                "jenis": "diubah",
                "butir": "Nama Penandatangan",
                "isian": "",
                "lama": "Erwin Saleh Siregar",
                "baru": "Budi Santoso",
            }
        ],
    }


def test_cli_diff_exit_codes_and_json(sources: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    same = runner.invoke(cli, ["diff", str(SAMPLE_SOURCES), str(sources)])
    assert same.exit_code == 0
    assert "Tidak ada perubahan" in same.stdout
    set_cell(next(sources.glob("02_*.xlsx")), "Prioritas", "D4", "Maret 2024")
    changed = runner.invoke(
        cli,
        [
            "diff",
            str(SAMPLE_SOURCES),
            str(sources),
            "--format",
            "json",
            "-o",
            str(tmp_path / "perubahan.docx"),
        ],
    )
    assert changed.exit_code == 1
    report = json.loads(changed.stdout)
    assert [(c["isian"], c["lama"], c["baru"]) for c in report["perubahan"]] == [
        ("Waktu", "Februari 2024", "Maret 2024")
    ]
    assert schema_errors(tmp_path / "perubahan.docx") == []
    missing = runner.invoke(cli, ["diff", str(tmp_path / "tidak-ada"), str(sources)])
    assert missing.exit_code == 3 and "Traceback" not in missing.output  # cannot read: 3
