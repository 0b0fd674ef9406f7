"""The Kanwil's figures, measured in one run on this machine, each against its goal:
build-all of N synthetic units (default 681, the units of the Directorate General of
Corrections) against a loop of N core builds spread over the cores; build-all --pdf of a
few units against one LibreOffice batch conversion of the same documents (and its
two-run fallback against the same); the warm cost
per plan and a worker's peak memory.

    python benchmarks/bench_batch.py [--units 681] [--pdf-units 6] [--jobs 2] [--runs 2]

The loop of N core builds is timed on a sample (--sample builds, in as many parallel
streams as --jobs) and scaled to N: 681 separate processes would take minutes. Ratios are
medians over the rounds, the spread their lowest and highest. The synthetic units are the
sample sources with another Nama Singkat each, made in a temporary folder (not committed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ZI_PLAN = str(Path(sys.executable).with_name("zi-plan"))
FLOOR = "import docx, docxtpl, openpyxl, pydantic, click"
# zi-plan build-all in a fresh process, which then reports its largest child (a worker);
# with TWO_RUNS in the environment, the PDFs take the fallback's two LibreOffice runs
TWO_RUNS = "ZI_PLAN_BENCH_TWO_RUNS"
ALL = """
import os, resource, sys
from generator.cli import main
if os.environ.get("ZI_PLAN_BENCH_TWO_RUNS"):
    from generator.render.office_batch import Session
    Session.start = staticmethod(lambda: None)
sys.argv = ["zi-plan", "build-all", *sys.argv[1:]]
try:
    main()
finally:
    me = resource.getrusage(resource.RUSAGE_SELF)
    print(me.ru_utime + me.ru_stime, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""
GOALS = {"all": 0.25, "all_s": 20.0, "pdf": 1.3, "warm_ms": 35.0, "worker_mib": 150.0}


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


def timed(command: list[str | Path]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def core_loop(units: list[Path], scratch: Path, streams: int) -> float:
    """Wall time of one core build per unit, run in ``streams`` parallel loops."""

    def build(unit: Path) -> float:
        out = scratch / f"{unit.name}.docx"
        return timed([ZI_PLAN, "build", unit, "-o", out, "--tanpa-daftar-isi", "--tanpa-periksa"])

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=streams) as pool:
        list(pool.map(build, units))
    return time.perf_counter() - start


def build_all(
    region: Path, out: Path, jobs: int, *more: str, two_runs: bool = False
) -> tuple[float, float, float]:
    """Seconds of a zi-plan build-all in a fresh process, its largest worker's MiB, and
    the CPU seconds of its main process (discovery, the pool, publishing, the recap)."""
    shutil.rmtree(out, ignore_errors=True)
    environment = {**os.environ, TWO_RUNS: "1"} if two_runs else None
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", ALL, region, "-o", out, "--jobs", str(jobs), *more],
        check=True,
        capture_output=True,
        cwd=ROOT,
        text=True,
        env=environment,
    )
    main_cpu, mib = map(float, done.stdout.strip().splitlines()[-1].split())
    return time.perf_counter() - start, mib, main_cpu


def office_batch(documents: list[Path], outdir: Path, profile: Path) -> float:
    """One LibreOffice run converting every document to PDF (a private profile)."""
    from generator.render.office import soffice

    program = soffice()
    if program is None:
        raise SystemExit("LibreOffice (soffice) is needed for the build-all --pdf figure")
    command: list[str | Path] = [program, "--headless", f"-env:UserInstallation={profile.as_uri()}"]
    return timed([*command, "--convert-to", "pdf", "--outdir", outdir, *documents])


def warm(units: list[Path], out: Path) -> float:
    """Per-plan cost inside one process once the template is compiled (read, validate,
    render, save), as build-all's workers pay it: the median of five rounds of 50 plans."""
    sys.path.insert(0, str(ROOT))
    from generator.batch.build import build_unit

    out.mkdir(parents=True, exist_ok=True)
    build_unit(units[0], out)
    sample = units[: min(len(units), 50)]
    rounds = []
    for _ in range(5):  # the median round, so that one disturbed round does not decide
        start = time.perf_counter()
        for unit in sample:
            assert build_unit(unit, out).ok
        rounds.append((time.perf_counter() - start) / len(sample))
    return statistics.median(rounds)


def spread(values: list[float]) -> str:
    return f"spread {min(values):.2f}-{max(values):.2f}"


def verdict(value: float, goal: float) -> str:
    return "within" if value <= goal else "OVER"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=681)
    parser.add_argument("--pdf-units", type=int, default=6)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--sample", type=int, default=12)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        region, few = scratch / "region", scratch / "few"
        region.mkdir()
        few.mkdir()
        make_units(region, args.units)
        make_units(few, args.pdf_units)
        units = sorted(region.iterdir())
        sample = units[: args.sample]
        core_loop(sample[:2], scratch / "loop", 1)  # the file cache and ~/.cache/zi-plan
        all_ratios, all_seconds, loops, memory, main_cpu = [], [], [], 0.0, []
        pdf_ratios, pdf_seconds, office_seconds, two_ratios = [], [], [], []
        for run in range(args.runs):  # interleaved, so that load drifts hit all alike
            (scratch / "loop").mkdir(exist_ok=True)
            loop = core_loop(sample, scratch / "loop", args.jobs) * args.units / len(sample)
            seconds, mib, cpu = build_all(region, scratch / "all", args.jobs)
            main_cpu.append(cpu)
            loops.append(loop)
            all_seconds.append(seconds)
            all_ratios.append(seconds / loop)
            memory = max(memory, mib)
            build_all(few, scratch / "few_docx", args.jobs)  # the documents to convert
            documents = sorted((scratch / "few_docx").glob("*.docx"))
            office = office_batch(documents, scratch / "few_pdf", scratch / f"profile{run}")
            with_pdf, _, _ = build_all(few, scratch / "few_pdf_all", args.jobs, "--pdf")
            two, _, _ = build_all(few, scratch / "few_two_runs", args.jobs, "--pdf", two_runs=True)
            office_seconds.append(office)
            pdf_seconds.append(with_pdf)
            pdf_ratios.append(with_pdf / office)
            two_ratios.append(two / office)
        built = len(list((scratch / "all").glob("*.docx")))
        pdfs = len(list((scratch / "few_pdf_all").glob("*.pdf")))
        per_plan = warm(units, scratch / "warm")
    n, runs = args.units, args.runs
    ratio, seconds = statistics.median(all_ratios), statistics.median(all_seconds)
    print(f"Kanwil figures, {runs} alternating rounds, {args.jobs} workers; medians:")
    print(
        f"build-all of {n} units ({built} documents): {seconds:.1f} s ({spread(all_seconds)} s)"
        f"   goal <= {GOALS['all_s']:.0f} s  {verdict(seconds, GOALS['all_s'])}"
    )
    print(
        f"  vs a loop of {n} core builds over {args.jobs} cores "
        f"(~{statistics.median(loops):.0f} s, scaled from {len(sample)}): {ratio:.3f}x "
        f"({spread(all_ratios)}x)   goal <= {GOALS['all']}x  {verdict(ratio, GOALS['all'])}"
    )
    overhead = statistics.median(main_cpu)
    print(
        f"  its main process (discovery, the pool, publishing, the recap): {overhead:.2f} s "
        f"CPU, {overhead * 1000 / n:.1f} ms a unit ({spread(main_cpu)} s)"
    )
    pdf_ratio = statistics.median(pdf_ratios)
    print(
        f"build-all --pdf of {args.pdf_units} units ({pdfs} PDFs, Daftar Isi filled): "
        f"{statistics.median(pdf_seconds):.1f} s vs one LibreOffice batch conversion of the "
        f"same documents {statistics.median(office_seconds):.1f} s: {pdf_ratio:.2f}x "
        f"({spread(pdf_ratios)}x)   goal <= {GOALS['pdf']}x  {verdict(pdf_ratio, GOALS['pdf'])}"
    )
    print(
        f"  the fallback (LibreOffice without Basic: a run to measure, a run to convert): "
        f"{statistics.median(two_ratios):.2f}x ({spread(two_ratios)}x)"
    )
    print(
        f"warm cost per plan in build-all: {per_plan * 1000:.1f} ms   "
        f"goal <= {GOALS['warm_ms']:.0f} ms  {verdict(per_plan * 1000, GOALS['warm_ms'])}"
    )
    print(
        f"peak memory of the largest worker: {memory:.0f} MiB   "
        f"goal <= {GOALS['worker_mib']:.0f} MiB  {verdict(memory, GOALS['worker_mib'])}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
