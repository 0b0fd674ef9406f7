"""Times ``zi-plan monev`` of one unit against the core plan build (goal: at most 1.5×).

Both run cold, as the secretariat runs them, on a copy of sources/ whose realisation
workbooks hold two quarters (the test scenario, tests/monev_scenario.py), without the
LibreOffice pass for the Daftar Isi (measured in bench_batch.py). Also the warm cost of
each inside one process, where imports no longer count.

    python benchmarks/bench_monev.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ZI_PLAN = Path(sys.executable).with_name("zi-plan")
GOAL = 1.5


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def warm(sources: Path, scratch: Path, rounds: int) -> tuple[float, float]:
    """Median per build inside one process: the plan, and the report (reading the plan,
    reading and checking the realisation, figures, report, save)."""
    from generator.monev.read import read_realisation
    from generator.monev.report import write_report
    from generator.plan.validate import load_plan
    from generator.render.document import write

    def plan_build() -> None:
        plan, _ = load_plan(sources)
        write(plan, scratch / "warm_plan.docx")

    def monev() -> None:
        plan, _ = load_plan(sources)
        realisation, _ = read_realisation(plan, sources / "realisasi")
        write_report(plan, realisation, 2, scratch / "warm_monev.docx")

    plans, reports = [], []
    plan_build(), monev()
    for _ in range(rounds):
        for run, times in ((plan_build, plans), (monev, reports)):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
    return statistics.median(plans), statistics.median(reports)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tests.monev.scenario import build_year

    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        sources = scratch / "sources"
        shutil.copytree(ROOT / "sources", sources)
        build_year(sources)
        build = [str(ZI_PLAN), "build", str(sources), "-o", f"{scratch}/plan.docx"]
        build += ["--tanpa-daftar-isi", "--tanpa-periksa"]
        monev = [str(ZI_PLAN), "monev", str(sources), "--triwulan", "2"]
        monev += ["-o", f"{scratch}/monev.docx", "--tanpa-daftar-isi"]
        timed(build), timed(monev)  # warm the file cache
        builds, reports = [], []
        for _ in range(args.runs):  # interleaved, so that load drifts hit both alike
            builds.append(timed(build))
            reports.append(timed(monev))
        warm_plan, warm_monev = warm(sources, scratch, 10)
    b, m = statistics.median(builds), statistics.median(reports)
    print(f"cold zi-plan build   : {b * 1000:7.0f} ms (median of {args.runs})")
    print(f"cold zi-plan monev   : {m * 1000:7.0f} ms (median of {args.runs}; TW II)")
    print(f"ratio monev/build    : {m / b:7.2f}x (goal <= {GOAL}x)")
    print(
        f"warm, one process    : build {warm_plan * 1000:.1f} ms, monev {warm_monev * 1000:.1f} ms"
        f" = {warm_monev / warm_plan:.2f}x"
    )
    return 0 if m / b <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
