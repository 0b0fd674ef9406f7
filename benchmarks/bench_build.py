"""Issue 15's figures for one plan, each a ratio measured in one run, next to its goal:
the core build, the build with the review, and the default build (review and Daftar Isi
through LibreOffice), against a floor run in alternation with them.

The floor is a process that only imports python-docx, docxtpl, openpyxl, pydantic and
click: what any tool built on this stack pays. The default build is compared with the floor
plus one LibreOffice conversion of the same document to PDF (a private profile each time,
as zi-plan runs it). Every ratio is the median of the per-round ratios; the spread is their
lowest and highest.

    python benchmarks/bench_build.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ZI_PLAN = str(Path(sys.executable).with_name("zi-plan"))
FLOOR = [sys.executable, "-c", "import docx, docxtpl, openpyxl, pydantic, click"]
GOALS = {"core": 1.3, "review": 1.4, "default": 1.3}


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def soffice_to_pdf(document: Path, outdir: Path, profile: Path) -> list[str]:
    from generator.render.office import soffice

    program = soffice()
    if program is None:
        raise SystemExit("LibreOffice (soffice) is needed for the default build's figure")
    return [
        program,
        "--headless",
        f"-env:UserInstallation={profile.as_uri()}",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        str(document),
    ]


def line(label: str, ratios: list[float], goal: float, detail: str) -> str:
    median = statistics.median(ratios)
    verdict = "within" if median <= goal else "OVER"
    return (
        f"{label:<44} {median:5.2f}x  (spread {min(ratios):.2f}-{max(ratios):.2f}x)  "
        f"goal <= {goal}x  {verdict}   [{detail}]"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        out = ["sources", "-o"]
        core = [ZI_PLAN, "build", *out, f"{scratch}/core.docx", "--tanpa-daftar-isi"]
        core.append("--tanpa-periksa")
        review = [ZI_PLAN, "build", *out, f"{scratch}/review.docx", "--tanpa-daftar-isi"]
        default = [ZI_PLAN, "build", *out, f"{scratch}/default.docx"]
        for command in (core, review, default, FLOOR):  # the file cache and ~/.cache/zi-plan
            timed(command)
        times: dict[str, list[float]] = {k: [] for k in ("floor", "core", "review", "default")}
        times["office"] = []
        for run in range(args.runs):  # interleaved, so that load drifts hit all alike
            times["floor"].append(timed(FLOOR))
            times["core"].append(timed(core))
            times["review"].append(timed(review))
            times["default"].append(timed(default))
            profile = scratch / f"profile{run}"
            times["office"].append(
                timed(soffice_to_pdf(scratch / "core.docx", scratch / "pdf", profile))
            )
    rounds = range(args.runs)
    floor, office = times["floor"], times["office"]
    ms = {k: statistics.median(v) * 1000 for k, v in times.items()}
    print(f"one plan (sources/), {args.runs} alternating rounds; medians:")
    print(
        f"  floor {ms['floor']:.0f} ms, core build {ms['core']:.0f} ms, with the review "
        f"{ms['review']:.0f} ms, default build {ms['default']:.0f} ms, one LibreOffice "
        f"conversion {ms['office']:.0f} ms"
    )
    print(
        line(
            "core build (--tanpa-daftar-isi --tanpa-periksa)",
            [times["core"][i] / floor[i] for i in rounds],
            GOALS["core"],
            "vs floor",
        )
    )
    print(
        line(
            "build with the review (--tanpa-daftar-isi)",
            [times["review"][i] / floor[i] for i in rounds],
            GOALS["review"],
            "vs floor",
        )
    )
    print(
        line(
            "default build (review, Daftar Isi)",
            [times["default"][i] / (floor[i] + office[i]) for i in rounds],
            GOALS["default"],
            "vs floor + one LibreOffice conversion",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
