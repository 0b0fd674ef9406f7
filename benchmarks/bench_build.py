"""Times a cold ``zi-plan build`` of sources/ against the floor, in one run.

The floor is a process that only imports the same libraries and renders the template with
the same context (already computed, passed as a pickle): what any tool built on this stack
pays. The ratio says how much our reading, validation and shaping add to it.

    python benchmarks/bench_build.py [--runs 5]
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ZI_PLAN = Path(sys.executable).with_name("zi-plan")

FLOOR = """
import pickle, sys
import click, docx, openpyxl, pydantic
from docxtpl import DocxTemplate
from generator.render.document import TEMPLATE
from generator.render.engine import jinja_env
context = pickle.loads(open(sys.argv[1], "rb").read())
template = DocxTemplate(str(TEMPLATE))
template.render(context, jinja_env(), autoescape=True)
template.save(sys.argv[2])
"""


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from generator.plan.validate import load_plan
    from generator.render.context import build_context

    plan, _ = load_plan(ROOT / "sources")
    with tempfile.TemporaryDirectory() as scratch:
        context_file = Path(scratch) / "context.pickle"
        context_file.write_bytes(pickle.dumps(build_context(plan)))
        # the Daftar Isi pass (LibreOffice) and the review are measured in bench_batch.py
        build = [
            str(ZI_PLAN),
            "build",
            "sources",
            "-o",
            f"{scratch}/plan.docx",
            "--tanpa-daftar-isi",
            "--tanpa-periksa",
        ]
        floor = [sys.executable, "-c", FLOOR, str(context_file), f"{scratch}/floor.docx"]
        timed(build), timed(floor)  # warm the file cache
        builds, floors = [], []
        for _ in range(args.runs):  # interleaved, so that load drifts hit both alike
            builds.append(timed(build))
            floors.append(timed(floor))
    b, f = statistics.median(builds), statistics.median(floors)
    print(
        f"cold zi-plan build : {b * 1000:7.0f} ms (median of {args.runs}; "
        "--tanpa-daftar-isi --tanpa-periksa)"
    )
    print(f"floor (import+render): {f * 1000:7.0f} ms (median of {args.runs})")
    print(f"ratio build/floor  : {b / f:7.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
