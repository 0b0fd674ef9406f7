"""Times ``diff_plans`` on two plans of 150 targets (and 150 priority targets) each.

Two cases: a revision (a tenth of the items edited, a few inserted, removed and moved: what
a Pokja sends back) and two unrelated plans (nothing matches, every leftover pair is
measured for similarity: the worst case). Loading the plans is not timed.

    python benchmarks/bench_diff.py [--runs 20]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.diff import diff_plans  # noqa: E402  (after the path is set)
from generator.plan.models import (  # noqa: E402
    Activity,
    Component,
    ComponentKey,
    Line,
    MatrixLine,
    Plan,
    PriorityTarget,
    Step,
)
from generator.plan.validate import load_plan  # noqa: E402

WORDS = """
pegawai pelayanan integritas laporan evaluasi monitoring sosialisasi pelatihan pengawasan
kinerja dokumen rapat inovasi standar pengaduan masyarakat anggaran kepegawaian disiplin
gratifikasi risiko survei kepuasan informasi media aplikasi jadwal petugas pimpinan seksi
bulanan triwulan tahunan berkala terpadu digital menyusun melaksanakan membuat menetapkan
tindak lanjut hasil penilaian pembinaan keamanan ketertiban layanan kunjungan tahanan
"""
VOCABULARY = WORDS.split()
TARGETS_PER_COMPONENT = 25  # x 6 components = 150


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(10, 24))).capitalize()


def plan_of_150(base: Plan, seed: int) -> Plan:
    rng = random.Random(seed)
    components = []
    for key in ComponentKey:
        components.append(
            Component(
                key=key,
                tujuan=[sentence(rng)],
                targets=[sentence(rng) for _ in range(TARGETS_PER_COMPONENT)],
                pengantar_tabel=[sentence(rng)],
                activities=[
                    Activity(
                        kegiatan=sentence(rng).upper()[:60],
                        lines=[
                            MatrixLine(
                                hasil=[Line(text=sentence(rng))],
                                uraian=[Line(text=sentence(rng))],
                                target=[Line(text=sentence(rng))],
                                months=tuple(rng.random() < 0.3 for _ in range(12)),
                            )
                            for _ in range(3)
                        ],
                    )
                    for _ in range(5)
                ],
                priorities=[
                    PriorityTarget(
                        target=sentence(rng),
                        steps=[
                            Step(rencana_aksi=sentence(rng), waktu="Maret 2024", output="Laporan")
                            for _ in range(3)
                        ],
                    )
                    for _ in range(TARGETS_PER_COMPONENT)
                ],
            )
        )
    return base.model_copy(update={"components": components})


def revised(plan: Plan, seed: int) -> Plan:
    """A tenth of the targets and steps edited; two inserted, one removed, one moved."""
    rng = random.Random(seed)

    def touch(text: str) -> str:
        words = text.split()
        words[rng.randrange(len(words))] = rng.choice(VOCABULARY)
        return " ".join(words)

    components = []
    for component in plan.components:
        targets = [touch(t) if rng.random() < 0.1 else t for t in component.targets]
        targets.insert(0, sentence(rng))
        targets.insert(12, sentence(rng))
        del targets[20]
        targets.append(targets.pop(5))
        priorities = [
            p.model_copy(
                update={
                    "steps": [
                        s.model_copy(update={"rencana_aksi": touch(s.rencana_aksi)})
                        if rng.random() < 0.1
                        else s
                        for s in p.steps
                    ]
                }
            )
            for p in component.priorities
        ]
        priorities.insert(3, priorities.pop(10))
        components.append(
            component.model_copy(update={"targets": targets, "priorities": priorities})
        )
    return plan.model_copy(update={"components": components})


def timed(old: Plan, new: Plan, runs: int) -> tuple[float, int]:
    times = []
    changes = 0
    for _ in range(runs):
        start = time.perf_counter()
        changes = len(diff_plans(old, new).changes)
        times.append(time.perf_counter() - start)
    return statistics.median(times), changes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    base, _ = load_plan(ROOT / "sources")
    old = plan_of_150(base, seed=1)
    targets = sum(len(c.targets) for c in old.components)
    priorities = sum(len(c.priorities) for c in old.components)
    print(f"plans of {targets} targets and {priorities} priority targets each")
    for name, new in (
        ("revision", revised(old, seed=2)),
        ("unrelated", plan_of_150(base, seed=3)),
    ):
        seconds, changes = timed(old, new, args.runs)
        print(
            f"diff, {name:<9}: {seconds * 1000:7.1f} ms (median of {args.runs}), {changes} changes"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
