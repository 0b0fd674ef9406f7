"""The Kanwil's figures, measured in one run on this machine: cold build, warm cost per
plan, and build-all over N synthetic units (default 681, the units of the Directorate
General of Corrections), each against its goal.

    python benchmarks/bench_batch.py [--units 681] [--jobs 2]

The synthetic units are the sample sources with another Nama Singkat each, made in a
temporary folder (not committed).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ZI_PLAN = str(Path(sys.executable).with_name("zi-plan"))
FLOOR = "import docx, docxtpl, openpyxl, pydantic, click"
# zi-plan build-all in a fresh process, which then reports its largest child (a worker)
ALL = """
import resource, sys
from generator.cli import main
sys.argv = ["zi-plan", "build-all", *sys.argv[1:]]
try:
    main()
finally:
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""
# the same build through cli() rather than main(), without main()'s collector settings:
# the collector runs at Python's default threshold and the shutdown collects every object,
# as the floor's does
WITHOUT_QUICK_EXIT = "import sys; from generator.cli import cli; sys.argv[0] = 'zi-plan'; cli()"
GOALS = {"ratio": 1.3, "warm_ms": 35.0, "all_s": 20.0, "worker_mib": 150.0}


def make_units(folder: Path, count: int) -> None:
    """``count`` copies of sources/, each with its own Nama Singkat (the Identitas cell)."""
    umum = ROOT / "sources" / "00_umum.xlsx"
    with zipfile.ZipFile(umum) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    for index in range(count):
        unit = folder / f"unit_{index:03d}"
        shutil.copytree(ROOT / "sources", unit)
        name_cell = f">Rutan Unit {index:03d}<".encode()
        with zipfile.ZipFile(unit / "00_umum.xlsx", "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in parts.items():
                if name.startswith("xl/") and name.endswith(".xml"):
                    data = data.replace(b">Rutan Pekanbaru<", name_cell)
                out.writestr(name, data)


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def cold(runs: int, scratch: Path) -> tuple[float, float, float, float]:
    """Medians of a cold build, the floor and the build without the quick exit; one
    default build (Daftar Isi through LibreOffice, review)."""
    arguments = ["build", "sources", "-o", str(scratch / "cold.docx")]
    arguments += ["--tanpa-daftar-isi", "--tanpa-periksa"]
    build = [ZI_PLAN, *arguments]
    slow_exit = [sys.executable, "-c", WITHOUT_QUICK_EXIT, *arguments]
    full = [ZI_PLAN, "build", "sources", "-o", str(scratch / "full.docx")]
    floor = [sys.executable, "-c", FLOOR]
    timed(build), timed(floor)
    builds, floors, slow_exits = [], [], []
    for _ in range(runs):  # interleaved, so that load drifts hit all three alike
        builds.append(timed(build))
        floors.append(timed(floor))
        slow_exits.append(timed(slow_exit))
    medians = (statistics.median(t) for t in (builds, floors, slow_exits))
    return *medians, timed(full)


def warm(units: list[Path], out: Path) -> float:
    """Per-plan cost inside one process once the template is compiled (read, validate,
    render, save), as build-all's workers pay it: the median of five rounds of 50 plans."""
    sys.path.insert(0, str(ROOT))
    from generator.batch.build import build_unit

    build_unit(units[0], out)
    sample = units[: min(len(units), 50)]
    rounds = []
    for _ in range(5):  # the median round, so that one disturbed round does not decide
        start = time.perf_counter()
        for unit in sample:
            assert build_unit(unit, out).ok
        rounds.append((time.perf_counter() - start) / len(sample))
    return statistics.median(rounds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=681)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        region = scratch / "region"
        region.mkdir()
        make_units(region, args.units)
        build, floor, slow_exit, full = cold(args.runs, scratch)
        per_plan = warm(sorted(region.iterdir()), scratch / "warm")
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", ALL, region, "-o", scratch / "all", "--jobs", str(args.jobs)],
            check=True,
            capture_output=True,
            cwd=ROOT,
            text=True,
        )
        all_seconds = time.perf_counter() - start
        worker_mib = float(done.stdout.strip().splitlines()[-1])
        built = len(list((scratch / "all").glob("*.docx")))
    ratio = build / floor
    print(f"cold build (--tanpa-daftar-isi --tanpa-periksa): {build * 1000:6.0f} ms")
    print(f"floor (import docx, docxtpl, openpyxl, pydantic, click): {floor * 1000:6.0f} ms")
    print(f"  ratio {ratio:.2f}x   goal <= {GOALS['ratio']}x")
    print(
        f"  (the same build without main()'s collector settings: "
        f"{slow_exit * 1000:.0f} ms = {slow_exit / floor:.2f}x)"
    )
    print(f"cold build, default (Daftar Isi via LibreOffice, review): {full * 1000:6.0f} ms")
    print(
        f"warm cost per plan in build-all: {per_plan * 1000:6.1f} ms   "
        f"goal <= {GOALS['warm_ms']:.0f} ms"
    )
    print(
        f"build-all of {args.units} units, {args.jobs} workers: {all_seconds:6.1f} s "
        f"({built} documents)   goal <= {GOALS['all_s']:.0f} s"
    )
    print(
        f"peak memory of the largest worker: {worker_mib:6.0f} MiB"
        f"   goal <= {GOALS['worker_mib']:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
