"""What changed between two versions of a plan, matched by content and said in Indonesian.

Items are paired by what they say, never by their row (match.py); the plans are compared as
the document is grouped (compare.py) into the change model (changes.py), reported as text
and JSON (report.py), as a printable Word list (word.py) and as the Riwayat Perubahan page's
context (history.py). Either version is a sources folder or a build --json file (load.py).
"""

from generator.diff.changes import Change, Kind, PlanDiff, PlanInfo
from generator.diff.compare import diff_plans
from generator.diff.history import history_context
from generator.diff.load import PlanFileError, load_any
from generator.diff.match import align, similarity
from generator.diff.report import diff_to_json, format_diff
from generator.diff.word import write_diff_docx

__all__ = [
    "Change",
    "Kind",
    "PlanDiff",
    "PlanFileError",
    "PlanInfo",
    "align",
    "diff_plans",
    "diff_to_json",
    "format_diff",
    "history_context",
    "load_any",
    "similarity",
    "write_diff_docx",
]
