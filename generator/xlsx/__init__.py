"""The .xlsx package reader: safety checks, sheets, cells and their values; knows no plan."""

from generator.xlsx.reader import Sheet, Workbook, find_sheet, open_workbook

__all__ = ["Sheet", "Workbook", "find_sheet", "open_workbook"]
