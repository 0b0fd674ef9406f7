"""Monev: the plan through the year — realisation workbooks, figures, the Laporan Monev."""
