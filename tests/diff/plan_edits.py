"""Shared by the diff tests: the workbooks edited, and the changes as comparable rows."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from generator.diff import Kind, PlanDiff
from generator.diff.compare import component_group
from generator.plan.models import ComponentKey, Plan

UMUM = "00_umum.xlsx"


SDM = "03_penataan_sdm.xlsx"


SDM_GROUP = component_group(ComponentKey.PENATAAN_SDM)


MONTHS = ("JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU", "SEP", "OKT", "NOV", "DES")


Row = tuple[str, str, Kind, str, str, str, str]


def rows(diff: PlanDiff) -> list[Row]:
    """Each change as (group, section, kind, item, field, old, new), for exact assertions."""
    return [(c.group, c.section, c.kind, c.item, c.field, c.old, c.new) for c in diff.changes]


def edit(
    path: Path, sheet: str
) -> tuple[openpyxl.Workbook, openpyxl.worksheet.worksheet.Worksheet]:
    workbook = openpyxl.load_workbook(path)
    return workbook, workbook[sheet]


def replace_component(plan: Plan, number: int, **fields: object) -> Plan:
    components = [
        c.model_copy(update=fields) if c.key.number == number else c for c in plan.components
    ]
    return plan.model_copy(update={"components": components})
