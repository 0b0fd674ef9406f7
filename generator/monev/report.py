"""Plan + realisation -> the quarterly Laporan Monitoring dan Evaluasi (.docx).

Cover, Daftar Isi, BAB I Pendahuluan, BAB II Hasil Monitoring per component (rencana vs
realisasi, the quarter's matrix, priority steps, late activities), BAB III Evaluasi
(kendala and solusi, meetings, recommendations), BAB IV Penutup, the signature block as in
the plan, and the Lampiran of evidence. Every figure comes from generator/monev/figures.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TypeVar

from generator.contract import TICK
from generator.indonesian import MONTHS, MONTHS_SHORT, format_date, roman
from generator.monev import figures as fig
from generator.monev import word
from generator.monev.charts import Chart, Series
from generator.monev.read import LineDone, Realisation
from generator.plan.models import ComponentKey, Plan, SectionKey
from generator.render import layout
from generator.render.engine import save_atomically

T = TypeVar("T")
NO_EVIDENCE = "belum ada bukti dukung"
SUMMARY_HEADERS = (
    "No",
    "Komponen",
    "Bulan kegiatan terlaksana",
    "Realisasi",
    "Di luar rencana",
    "Langkah selesai",
    "Capaian langkah",
)
TITLE = "Laporan Monitoring dan Evaluasi Pembangunan Zona Integritas"
_QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def default_filename(plan: Plan, quarter: int) -> str:
    """``Laporan_Monev_Rutan_Pekanbaru_2024_TW2.docx`` (letters, digits, - and _ only)."""
    name = re.sub(r"[^\w-]+", "_", plan.identity.nama_singkat).strip("_") or "Satker"
    return f"Laporan_Monev_{name}_{plan.identity.tahun}_TW{quarter}.docx"


def quarter_end(tahun: int, quarter: int) -> date:
    month, day = _QUARTER_END[quarter]
    return date(tahun, month, day)


def months_text(months: tuple[int, ...] | list[int]) -> str:
    """``Februari, April``: 0-based month indices by name; a dash for none."""
    return ", ".join(MONTHS[m] for m in months) or "–"


def _period(quarter: int) -> str:
    return f"Triwulan {roman(quarter)}"


def build_report(
    plan: Plan, realisation: Realisation, quarter: int, signed: date | None = None
) -> Any:
    """The Laporan Monev as a python-docx Document (saved by ``write_report``)."""
    identity = plan.identity
    signed = signed or quarter_end(identity.tahun, quarter)
    period = _period(quarter)
    doc = word.Builder(f"{TITLE} {identity.nama_singkat} {period} Tahun {identity.tahun}")
    _cover(doc, plan, period)
    doc.page_break()
    doc.toc()
    doc.start_body()
    unit = fig.figures(plan, realisation, quarter)
    per = fig.component_figures(plan, realisation, quarter)
    _bab1(doc, plan, realisation, period)
    _bab2(doc, plan, realisation, quarter, unit, per)
    _bab3(doc, plan, realisation, quarter)
    _bab4(doc, plan, realisation, period, unit)
    doc.signature(
        [
            f"{identity.tempat}, {format_date(signed)}",
            f"{identity.penandatangan.jabatan},",
            "",
            "",
            "",
            identity.penandatangan.nama,
            f"NIP. {identity.penandatangan.nip_display}",
        ],
    )
    _annex(doc, plan, realisation, quarter)
    document = doc.document
    layout.shape(document, paper=identity.ukuran_kertas)
    core = document.core_properties
    core.title = f"{TITLE} {identity.nama_singkat} {period} {identity.tahun}"[:255]
    core.subject = f"Laporan Monev {period} Tahun {identity.tahun}"
    core.author = identity.nama_satker[:255]
    core.created = core.modified = core.last_printed = datetime.combine(signed, time(0))
    return document


def write_report(
    plan: Plan,
    realisation: Realisation,
    quarter: int,
    target: Path,
    *,
    toc: bool = False,
    signed: date | None = None,
) -> Path:
    """Builds and writes atomically (a failure never touches the last good report); with
    ``toc``, the Daftar Isi gets its page numbers from a LibreOffice rendering."""
    document = build_report(plan, realisation, quarter, signed)
    finish = None
    if toc:
        from generator.render.toc import fill_toc

        def finish(temporary: Path) -> None:
            fill_toc(temporary)

    return save_atomically(document, target, finish)


# -- the parts -------------------------------------------------------------------------------


def _cover(doc: word.Builder, plan: Plan, period: str) -> None:
    identity = plan.identity
    doc.para("Laporan Monitoring dan Evaluasi", style="Title")
    for line in (
        "Pembangunan Zona Integritas",
        "Menuju Wilayah Bebas dari Korupsi (WBK)",
        "dan Wilayah Birokrasi Bersih dan Melayani (WBBM)",
        f"{period} Tahun {identity.tahun}",
    ):
        doc.para(line, style="Subtitle")
    if plan.logo:
        from docx.shared import Cm

        paragraph = doc.document.add_paragraph(style="Subtitle")
        paragraph.add_run().add_picture(plan.logo, height=Cm(4))
        doc.end.addprevious(paragraph._p)
    doc.spacer(150)
    doc.para(identity.kantor_wilayah, style="Subtitle")
    doc.para(identity.nama_satker, style="Subtitle")
    if identity.alamat:
        doc.para(identity.alamat, style="ZI Sel Tengah")


def _texts(doc: word.Builder, realisation: Realisation, bagian: str, standard: str) -> None:
    """The paragraphs typed in 00_monev.xlsx › Narasi for this section, or the standard."""
    for text in realisation.texts(bagian) or [standard]:
        doc.para(text)


def _bab1(doc: word.Builder, plan: Plan, realisation: Realisation, period: str) -> None:
    identity = plan.identity
    doc.heading("BAB I\nPendahuluan", 1)
    doc.heading("1.1\tLatar Belakang", 2)
    _texts(
        doc,
        realisation,
        "Latar Belakang",
        f"{identity.nama_satker} telah menetapkan Rencana Kerja Pembangunan Zona Integritas "
        f"Tahun {identity.tahun} pada tanggal {format_date(identity.tanggal)}. Rencana "
        "kerja tersebut memuat kegiatan setiap komponen pengungkit beserta jadwal bulanannya "
        "dan target prioritas dengan langkah rencana aksinya. Agar rencana itu terlaksana "
        "sesuai jadwal, pelaksanaannya dipantau dan dievaluasi secara berkala, dan hasilnya "
        "dituangkan dalam laporan monitoring dan evaluasi setiap triwulan.",
    )
    doc.heading("1.2\tMaksud dan Tujuan", 2)
    _texts(
        doc,
        realisation,
        "Maksud dan Tujuan",
        f"Laporan ini disusun untuk menyajikan realisasi rencana kerja sampai dengan akhir "
        f"{period} Tahun {identity.tahun}, mengidentifikasi kegiatan yang terlambat beserta "
        "kendala dan solusinya, serta mencatat rekomendasi dan tindak lanjutnya sebagai bahan "
        f"pengambilan keputusan pimpinan {identity.nama_singkat}.",
    )
    doc.heading("1.3\tRuang Lingkup", 2)
    _texts(
        doc,
        realisation,
        "Ruang Lingkup",
        "Ruang lingkup laporan meliputi enam komponen pengungkit: Manajemen Perubahan, "
        "Penataan Tatalaksana, Penataan Sistem Manajemen SDM, Penguatan Akuntabilitas "
        "Kinerja, Penguatan Pengawasan, dan Peningkatan Kualitas Pelayanan Publik, untuk "
        f"kegiatan yang dijadwalkan sampai dengan akhir {period}.",
    )
    doc.heading("1.4\tDasar Hukum", 2)
    for n, paragraph in enumerate(plan.section(SectionKey.DASAR_HUKUM).paragraphs, start=1):
        doc.item(f"{n}.", paragraph.text)


def _bab2(
    doc: word.Builder,
    plan: Plan,
    realisation: Realisation,
    quarter: int,
    unit: fig.QuarterFigures,
    per: dict[ComponentKey, fig.QuarterFigures],
) -> None:
    period = _period(quarter)
    end = MONTHS[fig.last_month(quarter) - 1]
    doc.heading("BAB II\nHasil Monitoring", 1, new_page=True)
    doc.heading("2.1\tRingkasan", 2)
    doc.para(
        f"Sampai dengan akhir {period} ({end} {plan.identity.tahun}), "
        f"{unit.done_line_months} dari {unit.due_line_months} bulan kegiatan yang direncanakan "
        f"telah dilaksanakan ({unit.realisation_text}), dan {unit.steps_done} dari "
        f"{unit.steps_due} langkah rencana aksi yang waktunya telah lewat telah selesai "
        f"({unit.steps_text}). Selain itu, {unit.unplanned_done} bulan kegiatan dilaksanakan "
        "di luar bulan rencana; angka ini tidak dihitung dalam persentase realisasi.",
    )
    rows = [
        [
            f"{key.number}.",
            key.value,
            f"{f.done_line_months}/{f.due_line_months}",
            f.realisation_text,
            str(f.unplanned_done),
            f"{f.steps_done}/{f.steps_due}",
            f.steps_text,
        ]
        for key, f in per.items()
    ]
    rows.append(
        [
            "",
            "Jumlah",
            f"{unit.done_line_months}/{unit.due_line_months}",
            unit.realisation_text,
            str(unit.unplanned_done),
            f"{unit.steps_done}/{unit.steps_due}",
            unit.steps_text,
        ]
    )
    doc.table(
        SUMMARY_HEADERS,
        [0.8, 4.6, 2.2, 2.0, 1.8, 2.0, 2.0],
        rows,
        centered=(0, 2, 3, 4, 5, 6),
    )
    _charts(doc, plan, realisation, quarter, per)
    late = fig.late_lines(realisation, quarter)
    for key in ComponentKey:
        number = key.number + 1
        doc.heading(f"2.{number}\t{key.value}", 2)
        _component(doc, plan, realisation, quarter, key, per[key], number, late)


def _charts(
    doc: word.Builder,
    plan: Plan,
    realisation: Realisation,
    quarter: int,
    per: dict[ComponentKey, fig.QuarterFigures],
) -> None:
    period = _period(quarter)
    doc.chart(
        Chart(
            "bar",
            f"Rencana dan realisasi s.d. {period}",
            [f"{key.number}. {key.value}" for key in per],
            [
                Series("Direncanakan", [f.due_line_months for f in per.values()]),
                Series("Terlaksana", [f.done_line_months for f in per.values()]),
            ],
            "Bulan kegiatan",
        ),
        f"Bulan kegiatan yang direncanakan dan yang terlaksana sampai dengan akhir {period}, "
        "per komponen",
    )
    planned, done = fig.monthly(realisation)
    reached = fig.last_month(quarter)
    doc.chart(
        Chart(
            "line",
            f"Kumulatif rencana dan realisasi Tahun {plan.identity.tahun}",
            list(MONTHS_SHORT),
            [
                Series("Direncanakan", list(fig.cumulative(planned))),
                Series(
                    "Terlaksana",
                    [v if m < reached else None for m, v in enumerate(fig.cumulative(done))],
                ),
            ],
            "Bulan kegiatan (kumulatif)",
        ),
        f"Bulan kegiatan yang direncanakan dan yang terlaksana, kumulatif per bulan, Januari "
        f"s.d. Desember {plan.identity.tahun} (realisasi sampai dengan akhir {period})",
    )


def _component(
    doc: word.Builder,
    plan: Plan,
    realisation: Realisation,
    quarter: int,
    key: ComponentKey,
    figures: fig.QuarterFigures,
    number: int,
    late: list[fig.Late],
) -> None:
    period = _period(quarter)
    part = iter("abcd")  # the parts shown, lettered in order
    lines = [x for x in realisation.lines if x.component is key]
    due = [x for x in lines if any(x.line.months[: fig.last_month(quarter)])]
    if not due:
        doc.para(
            f"Komponen ini tidak memiliki kegiatan matriks yang jadwalnya jatuh tempo sampai "
            f"dengan akhir {period}.",
        )
    else:
        doc.para(
            f"{next(part)}. Rencana dan realisasi kegiatan sampai dengan akhir {period}: "
            f"{figures.done_line_months} dari {figures.due_line_months} bulan kegiatan "
            f"terlaksana ({figures.realisation_text}).",
        )
        rows = []
        for x in due:
            planned = [m for m in range(fig.last_month(quarter)) if x.line.months[m]]
            done = [m for m in planned if x.done[m]]
            rows.append(
                [
                    str(_activity_no(lines, x)),
                    x.line.kegiatan,
                    x.line.uraian,
                    months_text(planned),
                    months_text(done),
                    fig.percent(len(done), len(planned)),
                ]
            )
        doc.table(
            ["NO", "KEGIATAN", "URAIAN KEGIATAN", "Bulan rencana", "Bulan terlaksana", "Capaian"],
            [0.8, 3.2, 5.0, 2.4, 2.4, 1.6],
            rows,
            centered=(0, 5),
        )
    if lines:
        months = list(fig.quarter_months(quarter))
        doc.para(
            before=12,
            text=f"{next(part)}. Matriks kegiatan {period} "
            f"(sel abu-abu: bulan rencana; {TICK}: terlaksana).",
        )
        shaded = []
        rows = []
        for r, x in enumerate(lines):
            rows.append(
                [str(_activity_no(lines, x)), x.line.kegiatan, x.line.uraian]
                + [TICK if x.done[m] else "" for m in months]
            )
            shaded += [(r, 3 + i) for i, m in enumerate(months) if x.line.months[m]]
        doc.table(
            ["NO", "KEGIATAN", "URAIAN KEGIATAN", *(MONTHS[m][:3].upper() for m in months)],
            [0.8, 4.0, 7.6, 1.2, 1.2, 1.2],
            rows,
            centered=(0, 3, 4, 5),
            shaded=shaded,
        )
    steps = [x for x in realisation.steps if x.component is key]
    doc.para(
        before=12,
        text=f"{next(part)}. Target prioritas dan status rencana aksi: {figures.steps_done} dari "
        f"{figures.steps_due} langkah yang waktunya telah lewat telah selesai "
        f"({figures.steps_text})"
        + (
            f"; {figures.steps_done_early} langkah selesai lebih awal."
            if figures.steps_done_early
            else "."
        ),
    )
    if steps:
        doc.table(
            ["No", "Target Prioritas", "Rencana Aksi", "Waktu", "Status", "Tanggal Selesai"],
            [0.8, 3.6, 5.2, 2.4, 1.6, 2.4],
            [
                [
                    str(_group_no(steps, x, lambda y: y.step.no)),
                    x.step.target,
                    x.step.rencana_aksi,
                    x.step.waktu,
                    x.status,
                    format_date(x.tanggal) if x.tanggal else "",
                ]
                for x in steps
            ],
            centered=(0, 4),
        )
    own = [x for x in late if x.line.component is key]
    if not own:
        doc.para(
            before=12,
            text=f"{next(part)}. Tidak ada kegiatan yang terlambat sampai dengan akhir {period}.",
        )
        return
    doc.para(
        before=12,
        text=f"{next(part)}. Kegiatan terlambat "
        "(direncanakan pada bulan yang telah lewat, belum terlaksana):",
    )
    doc.table(
        ["NO", "KEGIATAN", "URAIAN KEGIATAN", "Bulan terlambat", "Penanggung Jawab"],
        [0.8, 3.6, 5.6, 3.0, 3.0],
        [
            [
                str(_activity_no(lines, x.line)),
                x.line.line.kegiatan,
                x.line.line.uraian,
                months_text(x.months),
                x.line.line.penanggung_jawab,
            ]
            for x in own
        ],
        centered=(0,),
    )


def _group_no(items: list[T], item: T, number: Callable[[T], int | None]) -> int:
    """The number of the KEGIATAN (or target) an item belongs to: written on its first
    line (or step) only."""
    current = 0
    for other in items:
        current = number(other) or current
        if other is item:
            break
    return current


def _activity_no(lines: list[LineDone], line: LineDone) -> int:
    return _group_no(lines, line, lambda x: x.line.no)


def _bab3(doc: word.Builder, plan: Plan, realisation: Realisation, quarter: int) -> None:
    period = _period(quarter)
    doc.heading("BAB III\nEvaluasi", 1, new_page=True)
    doc.heading("3.1\tKendala dan Solusi", 2)
    found = [
        (x.component, x.line.label, x.kendala, x.solusi)
        for x in realisation.lines
        if x.kendala or x.solusi
    ] + [
        (x.component, f"{x.step.target} — {x.step.rencana_aksi}", x.kendala, x.solusi)
        for x in realisation.steps
        if x.kendala or x.solusi
    ]
    if found:
        doc.table(
            ["No", "Komponen", "Kegiatan atau langkah", "Kendala", "Solusi"],
            [0.8, 3.0, 5.2, 3.5, 3.5],
            [[f"{n}.", c.value, label, k, s] for n, (c, label, k, s) in enumerate(found, 1)],
            centered=(0,),
        )
    else:
        doc.para("Tidak ada kendala yang dicatat Pokja sampai dengan triwulan ini.")
    doc.heading("3.2\tRapat Monitoring dan Evaluasi", 2)
    meetings = [m for m in realisation.meetings if m.triwulan <= quarter]
    if meetings:
        doc.table(
            ["No", "Triwulan", "Tanggal", "Dihadiri Pimpinan", "Bukti Dukung"],
            [0.8, 2.0, 3.4, 2.6, 7.2],
            [
                [
                    f"{n}.",
                    roman(m.triwulan),
                    format_date(m.tanggal),
                    "Ya" if m.pimpinan else "Tidak",
                    m.bukti or NO_EVIDENCE,
                ]
                for n, m in enumerate(meetings, 1)
            ],
            centered=(0, 1, 3),
            italic=[(n, 4) for n, m in enumerate(meetings) if not m.bukti],
        )
    else:
        doc.para(
            f"Belum ada rapat monitoring dan evaluasi yang dicatat sampai dengan {period}.",
        )
    new = [f for f in realisation.follow_ups if f.triwulan == quarter]
    earlier = [f for f in realisation.follow_ups if f.triwulan < quarter]
    doc.heading(f"3.3\tRekomendasi {period}", 2)
    _follow_ups(doc, new, f"Rapat monev {period} belum mencatat rekomendasi.")
    doc.heading("3.4\tTindak Lanjut Rekomendasi Sebelumnya", 2)
    _follow_ups(doc, earlier, "Tidak ada rekomendasi dari triwulan sebelumnya.")


def _follow_ups(doc: word.Builder, items: list[Any], none: str) -> None:
    if not items:
        doc.para(none)
        return
    doc.table(
        ["No", "Triwulan", "Rekomendasi", "Penanggung Jawab", "Batas Waktu", "Status"],
        [0.8, 1.6, 6.0, 3.0, 2.6, 1.6],
        [
            [
                f"{n}.",
                roman(f.triwulan),
                f.rekomendasi,
                f.penanggung_jawab,
                format_date(f.batas_waktu) if f.batas_waktu else "",
                f.status,
            ]
            for n, f in enumerate(items, 1)
        ],
        centered=(0, 1, 5),
    )


def _bab4(
    doc: word.Builder,
    plan: Plan,
    realisation: Realisation,
    period: str,
    unit: fig.QuarterFigures,
) -> None:
    identity = plan.identity
    doc.heading("BAB IV\nPenutup", 1, new_page=True)
    _texts(
        doc,
        realisation,
        "Penutup",
        f"Demikian Laporan Monitoring dan Evaluasi Pembangunan Zona Integritas "
        f"{identity.nama_satker} {period} Tahun {identity.tahun} disusun. Realisasi kegiatan "
        f"sampai dengan triwulan ini {unit.realisation_text} dan capaian langkah rencana aksi "
        f"{unit.steps_text}. Kegiatan yang terlambat dan rekomendasi yang belum selesai "
        "ditindaklanjuti oleh Pokja masing-masing pada triwulan berikutnya, dan hasilnya "
        "dilaporkan pada laporan monitoring dan evaluasi berikutnya.",
    )


def _annex(doc: word.Builder, plan: Plan, realisation: Realisation, quarter: int) -> None:
    doc.page_break()
    doc.heading("Lampiran\nDaftar Bukti Dukung", 1)
    doc.para(
        f"Kegiatan yang direncanakan atau dilaksanakan dan langkah rencana aksi yang jatuh "
        f"tempo atau selesai sampai dengan akhir {_period(quarter)}, beserta bukti dukungnya.",
    )
    rows, slanted = [], []
    tahun = plan.identity.tahun
    entries = [
        (x.component, x.line.label, x.bukti)
        for x in realisation.lines
        if fig.evidence_due(x, quarter)
    ] + [
        (x.component, f"{x.step.target} — {x.step.rencana_aksi}", x.bukti)
        for x in realisation.steps
        if fig.step_in_evidence(x, tahun, quarter)
    ]
    for n, (component, label, bukti) in enumerate(entries, start=1):
        rows.append([f"{n}.", component.value, label, bukti or NO_EVIDENCE])
        if not bukti:
            slanted.append((n - 1, 3))
    if not rows:
        doc.para("Belum ada kegiatan atau langkah yang jatuh tempo.")
        return
    doc.table(
        ["No", "Komponen", "Kegiatan atau langkah", "Bukti Dukung"],
        [0.8, 3.4, 7.0, 4.8],
        rows,
        centered=(0,),
        italic=slanted,
    )
