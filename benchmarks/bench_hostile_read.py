"""Times reading crafted workbooks that stay inside every size limit (goal: 2 s each).

Each case is a package written part by part, padded with random bytes where its XML packs
so well that the archive would look like a zip bomb: so every case passes the package's
checks and is really read (or refused by a limit of the reader, which is timed the same).
Reading means what `validate` does with a sheet: open the workbook, read the table.
The goal is checked on the CPU time of the run, which a machine shared with other jobs
does not inflate (the wall time is printed beside it).

    python benchmarks/bench_hostile_read.py [--runs 3] [--case NAME]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.contract import Column  # noqa: E402  (after the path is set)
from generator.problems import Report  # noqa: E402
from generator.tables import read_table  # noqa: E402
from generator.xlsx import find_sheet, open_workbook  # noqa: E402
from tests.workbook_xml import raw_workbook  # noqa: E402

GOAL_SECONDS = 2.0
COLUMNS = (Column("bagian", ("Bagian",)), Column("teks", ("Teks",)))
HEADER = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Bagian</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Teks</t></is></c></row>'
)


def sheet(rows: str, after: str = "", before: str = "") -> str:
    return f"{before}<sheetData>{HEADER}{rows}</sheetData>{after}"


def shared_string_everywhere() -> dict[str, object]:
    """A 1 MB shared string with escapes, referenced by 20,000 cells."""
    text = "Rapat_x000D_\n" * 80_000
    rows = "".join(f'<row r="{r}"><c r="B{r}" t="s"><v>0</v></c></row>' for r in range(2, 20_002))
    return {"sheets": {"Data": sheet(rows)}, "strings": f"<si><t>{text}</t></si>"}


def far_corner() -> dict[str, object]:
    """A dimension of the whole sheet and a value in its last cell."""
    rows = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return {"sheets": {"Data": sheet(rows, before='<dimension ref="A1:XFD1048576"/>')}}


def many_merges() -> dict[str, object]:
    """5,000 merged ranges of 20 cells each, every one with a value."""
    rows, merges = [], []
    for n in range(5_000):
        top = 2 + n * 2
        rows.append(f'<row r="{top}"><c r="A{top}" t="inlineStr"><is><t>k{n}</t></is></c></row>')
        merges.append(f'<mergeCell ref="A{top}:J{top + 1}"/>')
    after = f'<mergeCells count="{len(merges)}">{"".join(merges)}</mergeCells>'
    return {"sheets": {"Data": sheet("".join(rows), after)}}


def rows_far_apart() -> dict[str, object]:
    """100,000 rows, ten rows apart, down to row 1,000,000."""
    rows = "".join(
        f'<row r="{r}"><c r="B{r}"><v>{r}</v></c></row>' for r in range(10, 1_000_001, 10)
    )
    return {"sheets": {"Data": sheet(rows)}}


def long_rich_text() -> dict[str, object]:
    """One shared string of 150,000 runs (7.5 MB), referenced by 1,000 cells."""
    runs = "".join(
        f'<r><rPr><b/><rFont val="Calibri"/></rPr><t>{n % 10}</t></r>' for n in range(150_000)
    )
    rows = "".join(f'<row r="{r}"><c r="B{r}" t="s"><v>0</v></c></row>' for r in range(2, 1_002))
    return {"sheets": {"Data": sheet(rows)}, "strings": f"<si>{runs}</si>"}


def repeated_styles() -> dict[str, object]:
    """60,000 cell styles whose format is 250 brackets, and cells that use them."""
    code = "[" * 250
    xfs = '<xf numFmtId="164" fontId="0"/>' * 60_000
    styles = (
        f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{code}"/></numFmts>'
        f'<fonts count="1"><font><name val="Calibri"/></font></fonts>'
        f'<cellXfs count="60000">{xfs}</cellXfs>'
    )
    rows = "".join(
        f'<row r="{r}"><c r="B{r}" s="{r}"><v>{r}</v></c></row>' for r in range(2, 50_002)
    )
    return {"sheets": {"Data": sheet(rows)}, "styles": styles}


def many_sheets_of_merges() -> dict[str, object]:
    """300 sheets, each with merged ranges of 100,000 cells in all."""
    merges = "".join(f'<mergeCell ref="A{n * 100 + 2}:J{n * 100 + 101}"/>' for n in range(100))
    after = f"<mergeCells>{merges}</mergeCells>"
    rows = '<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>'
    return {"sheets": {f"S{n}" if n else "Data": sheet(rows, after) for n in range(300)}}


def merge_tags_in_a_comment() -> dict[str, object]:
    """A comment of 700,000 unfinished mergeCell tags (7.7 MB) before the sheet's data."""
    comment = "<!-- " + "<mergeCell " * 700_000 + " -->"
    return {"sheets": {"Data": comment + sheet('<row r="2"><c r="B2"><v>1</v></c></row>')}}


def dense_cells() -> dict[str, object]:
    """As many small cells as fit: 400 rows of 1,000 numbers without an address."""
    row = "<c><v>1</v></c>" * 1_000
    rows = "".join(f'<row r="{r}">{row}</row>' for r in range(2, 402))
    return {"sheets": {"Data": sheet(rows)}}


def formatted_empty_cells() -> dict[str, object]:
    """A border drawn over A1:T18000: 360,000 empty cells with a style (7.8 MB)."""
    row = "".join(f'<c r="{chr(65 + c)}{{r}}" s="1"/>' for c in range(20))
    rows = "".join(f'<row r="{r}">{row.format(r=r)}</row>' for r in range(2, 18_002))
    return {"sheets": {"Data": sheet(rows)}}


def xml_over_the_limit() -> dict[str, object]:
    """A border drawn over A1:T50000: a million empty cells (21 MB of XML)."""
    row = "".join(f'<c r="{chr(65 + c)}{{r}}" s="1"/>' for c in range(20))
    rows = "".join(f'<row r="{r}">{row.format(r=r)}</row>' for r in range(2, 50_002))
    return {"sheets": {"Data": sheet(rows)}}


CASES: dict[str, Callable[[], dict[str, object]]] = {
    "shared-string-everywhere": shared_string_everywhere,
    "far-corner": far_corner,
    "many-merges": many_merges,
    "rows-far-apart": rows_far_apart,
    "long-rich-text": long_rich_text,
    "repeated-styles": repeated_styles,
    "many-sheets-of-merges": many_sheets_of_merges,
    "merge-tags-in-a-comment": merge_tags_in_a_comment,
    "dense-cells": dense_cells,
    "formatted-empty-cells": formatted_empty_cells,
    "xml-over-the-limit": xml_over_the_limit,
}


def read(path: Path) -> list[str]:
    """What validate does with the sheet: the workbook opened, the table read."""
    report = Report()
    workbook = open_workbook(path, report)
    if workbook is not None:
        data = find_sheet(workbook, "Data")
        if data is not None:
            read_table(data, path.name, COLUMNS, report)
    return sorted({problem.code for problem in report.problems})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--case", choices=sorted(CASES))
    args = parser.parse_args()
    slow = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, make in CASES.items():
            if args.case and name != args.case:
                continue
            path = raw_workbook(Path(scratch) / f"{name}.xlsx", **make())  # type: ignore[arg-type]
            times, cpu, codes = [], [], []
            for _ in range(args.runs):
                start, start_cpu = time.perf_counter(), time.process_time()
                codes = read(path)
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            median, median_cpu = statistics.median(times), statistics.median(cpu)
            size = path.stat().st_size / 1e6
            print(
                f"{name:26} {size:5.1f} MB  {median:6.2f} s  (CPU {median_cpu:5.2f} s)  "
                f"{', '.join(codes) or 'read'}"
            )
            if median_cpu > GOAL_SECONDS:
                slow.append(name)
    if slow:
        print(f"over {GOAL_SECONDS} s: {', '.join(slow)}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
