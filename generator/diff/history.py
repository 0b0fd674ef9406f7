"""The Riwayat Perubahan page's template context: the changes since an earlier version."""

from __future__ import annotations

from typing import Any

from generator.diff.changes import PlanDiff


def history_context(diff: PlanDiff) -> dict[str, Any]:
    """The Riwayat Perubahan page: the changes since an earlier version, by heading."""
    return {
        "against": diff.old.describe(),
        "summary": diff.summary(),
        "groups": [
            {
                "title": title,
                "changes": [
                    {
                        "label": f"{change.kind.word}: {change.label}",
                        "detail": _detail(change.old, change.new),
                    }
                    for change in group
                ],
            }
            for title, group in diff.groups()
        ],
    }


def _detail(old: str, new: str) -> str:
    if old and new:
        return f" (semula: {old}; menjadi: {new})"
    return f" ({old or new})" if old or new else ""
