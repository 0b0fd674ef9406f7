"""The .xlsx package reader: safety checks, sheets, cells and their values; knows no plan."""

from generator.xlsx.package import open_workbook
from generator.xlsx.parts import Workbook, find_sheet
from generator.xlsx.sheet import Sheet

__all__ = ["Sheet", "Workbook", "find_sheet", "open_workbook"]
