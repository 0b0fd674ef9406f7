"""How items read in a change: month names and paragraph levels."""

from __future__ import annotations

from generator.diff import diff_plans, format_diff
from generator.diff.items import months_text
from generator.plan.models import Activity, MatrixLine, Paragraph, Plan, Section, SectionKey
from tests.diff.plan_edits import replace_component


def test_months_feb_apr_to_mar_apr(sample: Plan) -> None:
    def matrix(months: set[int]) -> Plan:
        line = MatrixLine(months=tuple(m in months for m in range(1, 13)))
        activity = Activity(kegiatan="PEMANTAUAN", lines=[line])
        return replace_component(sample, 1, activities=[activity])

    (change,) = diff_plans(matrix({2, 4}), matrix({3, 4})).changes
    assert (change.field, change.old, change.new) == ("Bulan", "Feb, Apr", "Mar, Apr")
    assert "Bulan: Feb, Apr → Mar, Apr" in format_diff(diff_plans(matrix({2, 4}), matrix({3, 4})))
    assert months_text([True] * 12) == "Jan, Feb, Mar, Apr, Mei, Jun, Jul, Agu, Sep, Okt, Nov, Des"


def test_paragraph_level_change(sample: Plan) -> None:
    section = sample.section(SectionKey.DASAR_HUKUM)
    first, *rest = section.paragraphs
    lettered = Section(key=section.key, paragraphs=[Paragraph(text=first.text, level=2), *rest])
    sections = [lettered if s.key is section.key else s for s in sample.sections]
    diff = diff_plans(sample, sample.model_copy(update={"sections": sections}))
    assert [(c.section, c.item, c.field, c.old, c.new) for c in diff.changes] == [
        ("Dasar Hukum", "Paragraf ke-1", "Tingkat", "butir bernomor (1.)", "butir berhuruf (a.)")
    ]
