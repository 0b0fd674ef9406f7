"""Plan -> .docx: the template rendered and shaped, its properties set, written
atomically, with the Daftar Isi's page numbers when asked."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docxtpl import DocxTemplate

from generator.plan.models import Identity, Plan
from generator.render import layout
from generator.render.context import build_context
from generator.render.engine import PatchingOnce, jinja_env, save_atomically, template_bytes
from generator.resources import template_path

if TYPE_CHECKING:
    from generator.render.office import OfficeFailed
    from generator.render.office_batch import Session

TEMPLATE = template_path()


def default_filename(plan: Plan) -> str:
    """``Rencana_Kerja_ZI_Rutan_Pekanbaru_2024.docx``: letters, digits, ``-`` and ``_`` only,
    so that no Nama Singkat can point outside the output folder."""
    return filename_for(plan.identity)


def filename_for(identity: Identity) -> str:
    """The document's name from the unit's Identitas (see default_filename)."""
    return f"Rencana_Kerja_ZI_{safe_name(identity.nama_singkat, 'Satker')}_{identity.tahun}.docx"


def safe_name(text: str, fallback: str) -> str:
    """Letters, digits, ``-`` and ``_`` only: a file name every system (Windows too) holds."""
    return re.sub(r"[^\w-]+", "_", text).strip("_") or fallback


def render(
    plan: Plan,
    template_path: Path = TEMPLATE,
    history: dict[str, Any] | str = "",
    lke_appendix: dict[str, Any] | str = "",
) -> DocxTemplate:
    template = PatchingOnce(io.BytesIO(template_bytes(template_path)))
    context = build_context(plan, template, history, lke_appendix)
    template.render(context, jinja_env(), autoescape=True)
    document = template.docx
    layout.shape(document, paper=plan.identity.ukuran_kertas, source=template.rendered_body)
    _set_properties(document.core_properties, plan)
    return template


MAX_PROPERTY_CHARS = 255  # python-docx (and Word's File › Properties) refuse longer values


def _set_properties(core: Any, plan: Plan) -> None:
    """File › Properties from the plan, as typed (not through the escaping template), and
    dates from the plan so that rebuilding gives the same bytes."""
    identity = plan.identity
    title = f"Rencana Kerja Pembangunan Zona Integritas {identity.nama_singkat} {identity.tahun}"
    core.title = title[:MAX_PROPERTY_CHARS]
    core.subject = f"Rencana Kerja Pembangunan Zona Integritas Tahun {identity.tahun}"
    core.author = identity.nama_satker[:MAX_PROPERTY_CHARS]
    moment = datetime.combine(identity.tanggal, time(0))
    core.created = core.modified = core.last_printed = moment


def write(
    plan: Plan,
    target: Path,
    template_path: Path = TEMPLATE,
    *,
    toc: bool = False,
    pdf: bool = False,
    session: Session | None = None,
    history: dict[str, Any] | str = "",
    lke_appendix: dict[str, Any] | str = "",
    meanwhile: Callable[[], object] | None = None,
) -> Path:
    """Renders and writes atomically: a failed build never touches an existing document.

    With ``toc``, the Daftar Isi gets its page numbers from a LibreOffice rendering
    (generator/toc.py) before the file is moved into place; ``meanwhile`` (work that does
    not need the document, such as the review) runs while LibreOffice lays it out, else
    once it is rendered. With ``pdf`` too, that rendering is also the PDF beside the
    document (``session``'s, started by the caller as early as it could be; else two
    LibreOffice runs), moved into place once the document is. With ``history`` (the
    context of the changes since an earlier version), a Riwayat Perubahan page closes the
    document; with ``lke_appendix`` (generator.lke.appendix.appendix_context), the LKE
    appendix precedes it.
    """
    template = render(plan, template_path, history, lke_appendix)
    if toc and pdf:
        return _write_with_pdf(template, target, session, meanwhile)
    finish = None
    if toc:
        from concurrent.futures import ThreadPoolExecutor

        from generator.render.office import OfficeFailed
        from generator.render.toc import fill_toc  # LibreOffice and pypdf: only when asked

        def finish(temporary: Path) -> None:
            with ThreadPoolExecutor(max_workers=1) as pool:
                filled = pool.submit(fill_toc, temporary)  # LibreOffice runs in its process
                if meanwhile is not None:
                    meanwhile()
                try:
                    filled.result()
                except OfficeFailed as exc:  # name the document, not its temporary file
                    raise _naming(target, exc) from None

    elif meanwhile is not None:
        meanwhile()

    return save_atomically(template.docx, target, finish)


def _write_with_pdf(
    template: DocxTemplate,
    target: Path,
    session: Session | None,
    meanwhile: Callable[[], object] | None,
) -> Path:
    """The document with its lists filled, and its PDF, from one LibreOffice rendering
    (toc.ListedPdfs). The PDF waits in a staging folder until the document has its name:
    a document that cannot replace its old one (open in Word) leaves the old PDF too."""
    from generator.files import move_into_place, staging_folder
    from generator.render.office import OfficeFailed
    from generator.render.toc import ListedPdfs  # LibreOffice and pypdf: only when asked

    with staging_folder(target.parent) as scratch:
        pdf = scratch / target.with_suffix(".pdf").name

        def finish(temporary: Path) -> None:
            try:
                with ListedPdfs(scratch, session) as listed:
                    listed.add(temporary, temporary, pdf)  # LibreOffice starts on it
                    if meanwhile is not None:
                        meanwhile()
                    listed.finish(fill_documents=True)
            except OfficeFailed as exc:  # name the document, not its temporary file
                raise _naming(target, exc) from None

        written = save_atomically(template.docx, target, finish)
        move_into_place(pdf, target.with_suffix(".pdf"))
    return written


def _naming(target: Path, failed: OfficeFailed) -> OfficeFailed:
    from generator.render.office import OfficeFailed

    return OfficeFailed(target, str(failed.problem.params["detail"]))
