"""Sheets read as tables: the sources folder's workbooks, header search, rows of cells."""

# The reader's table layer is split out of generator/xlsx/reader.py in the next commit;
# until then this module names its public API.
from generator.xlsx.reader import Cell, Table, discover, fold, read_table

__all__ = ["Cell", "Table", "discover", "fold", "read_table"]
