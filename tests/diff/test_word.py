"""The printable Daftar Perubahan: its tables, its styles, same bytes twice, a locked file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from generator.diff import diff_plans, load_any, write_diff_docx
from generator.plan.models import Plan
from generator.problems import OutputError
from tests.conftest import set_cell
from tests.diff.plan_edits import SDM, SDM_GROUP, UMUM
from tests.ooxml_schema import schema_errors


def docx_text(path: Path) -> list[str]:
    """Paragraphs and table rows (cells joined by " | ") in body order."""
    document = Document(str(path))
    out = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            out.append("".join(t.text or "" for t in element.iter(qn("w:t"))))
        elif element.tag == qn("w:tbl"):
            for tr in element.findall(qn("w:tr")):
                cells = [
                    "\n".join(
                        "".join(t.text or "" for t in p.iter(qn("w:t")))
                        for p in tc.findall(qn("w:p"))
                    )
                    for tc in tr.findall(qn("w:tc"))
                ]
                out.append(" | ".join(cells))
    return out


def test_word_list_of_changes(sample: Plan, sources: Path, tmp_path: Path) -> None:
    set_cell(sources / UMUM, "Identitas", "B13", "Budi Santoso")
    set_cell(sources / SDM, "Prioritas", "D4", "Februari s.d. Desember 2024")
    diff = diff_plans(sample, load_any(sources))
    path = write_diff_docx(diff, tmp_path / "perubahan.docx")
    assert schema_errors(path) == []
    text = docx_text(path)
    described = "Rumah Tahanan Negara Kelas I Pekanbaru, tahun 2024, ditetapkan di Pekanbaru pada "
    assert text == [
        "DAFTAR PERUBAHAN",
        "Rencana Kerja Pembangunan Zona Integritas Rumah Tahanan Negara Kelas I Pekanbaru "
        "Tahun 2024",
        f"Rencana lama | {described}12 Februari 2024",
        f"Rencana baru | {described}12 Februari 2024",
        "Jumlah perubahan | 2 perubahan: 2 diubah.",
        "Identitas dan Penandatangan (00_umum.xlsx › Identitas)",
        "No | Bagian | Perubahan | Semula | Menjadi",
        "1. | Nama Penandatangan | Diubah | Erwin Saleh Siregar | Budi Santoso",
        SDM_GROUP,
        "No | Bagian | Perubahan | Semula | Menjadi",
        '1. | Target Prioritas dan Rencana Aksi › Target Prioritas ke-1 "Penetapan Kinerja '
        'Individu", langkah ke-1 s.d. ke-3 › Waktu | Diubah | Januari s.d. Desember 2024 '
        "| Februari s.d. Desember 2024",
    ]
    document = Document(str(path))
    assert [p.style.name for p in document.paragraphs if p.text == SDM_GROUP] == ["Heading 1"]
    header = document.tables[1].rows[0]._tr
    assert header.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def test_word_list_is_arial_valid_and_byte_stable(sample: Plan, tmp_path: Path) -> None:
    diff = diff_plans(sample, sample)
    first = write_diff_docx(diff, tmp_path / "a.docx")
    second = write_diff_docx(diff, tmp_path / "b.docx")
    assert first.read_bytes() == second.read_bytes()
    assert schema_errors(first) == []
    assert "Jumlah perubahan | Tidak ada perubahan: isi kedua rencana kerja sama." in docx_text(
        first
    )
    paragraphs = Document(str(first)).paragraphs
    assert [p.style.name for p in paragraphs] == ["Normal", "Normal"]  # not Word's blue Title
    (title,) = paragraphs[0].runs
    assert (title.text, title.bold, title.font.color.rgb) == ("DAFTAR PERUBAHAN", True, None)
    with zipfile.ZipFile(first) as package:
        styles = package.read("word/styles.xml").decode()
        names = package.namelist()
    assert "Theme" not in styles.split("<w:style ")[0]  # docDefaults: no theme fonts
    assert 'w:ascii="Arial"' in styles
    assert "docProps/thumbnail.jpeg" not in names
    document = Document(str(first))
    zoom = document.settings.element.find(qn("w:zoom"))
    assert zoom.get(qn("w:percent")) == "100"
    assert document.core_properties.author == ""


def test_word_list_open_in_word_leaves_the_old_one(
    sample: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "perubahan.docx"
    target.write_bytes(b"old")

    def locked(source: object, destination: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("generator.files.os.replace", locked)
    with pytest.raises(OutputError) as raised:
        write_diff_docx(diff_plans(sample, sample), target)
    assert raised.value.problem.code == "dokumen-terkunci"
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["perubahan.docx"]
