"""The review runs while LibreOffice lays the document out, not after it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from docx import Document

from generator.plan.validate import load_plan
from generator.render import document, toc

SAMPLE = Path(__file__).resolve().parents[2] / "sources"


def test_meanwhile_runs_during_the_daftar_isi_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, _ = load_plan(SAMPLE)
    reviewed = threading.Event()
    seen: list[object] = []

    def fill_toc(path: Path) -> list[toc.Entry]:
        seen.append(Document(str(path)).paragraphs[0].text is not None)  # rendered already
        seen.append(reviewed.wait(timeout=30))  # the review ran while this one waited
        return []

    monkeypatch.setattr(toc, "fill_toc", fill_toc)
    written = document.write(plan, tmp_path / "plan.docx", toc=True, meanwhile=reviewed.set)

    assert seen == [True, True]
    assert written.is_file()


def test_meanwhile_runs_without_the_daftar_isi_pass_too(tmp_path: Path) -> None:
    plan, _ = load_plan(SAMPLE)
    calls: list[bool] = []

    document.write(plan, tmp_path / "plan.docx", meanwhile=lambda: calls.append(True))

    assert calls == [True]


def test_a_failing_meanwhile_leaves_no_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, _ = load_plan(SAMPLE)
    monkeypatch.setattr(toc, "fill_toc", lambda path: [])

    def fail() -> None:
        raise RuntimeError("review failed")

    with pytest.raises(RuntimeError):
        document.write(plan, tmp_path / "plan.docx", toc=True, meanwhile=fail)

    assert list(tmp_path.iterdir()) == []
