"""build-all --pdf: the units' PDFs, with their lists filled, over every core.

Each document costs two LibreOffice passes (one to measure its pages, one to convert it
once filled) and reading the measured PDF's text with pypdf, which is Python and takes
about as long as LibreOffice itself. One LibreOffice process and one Python process use
one core: the documents are split into one share per worker, each share measured, filled
and converted by its own process (render.toc.pdfs_with_lists, one LibreOffice run per pass
for the share).
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator.problems import Problem, ProblemError
from generator.render.toc import pdfs_with_lists


def _share(job: tuple[list[Path], Path]) -> list[Path] | Problem:
    """One share's PDFs, or the Problem that stopped it (a Problem crosses processes
    intact; the exception's own class need not)."""
    documents, out = job
    try:
        return pdfs_with_lists(documents, out, fill_documents=True)
    except ProblemError as exc:
        return exc.problem


def unit_pdfs(documents: list[Path], out: Path, jobs: int | None = None) -> list[Path]:
    """The PDF of every document in ``out``, the documents replaced by their filled copies;
    ProblemError (LibreOffice missing or failing) for the first share that failed."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(documents)))
    if workers == 1:
        return pdfs_with_lists(documents, out, fill_documents=True)
    size = -(-len(documents) // workers)  # contiguous shares, as even as they come
    shares = [(documents[i : i + size], out) for i in range(0, len(documents), size)]
    with ProcessPoolExecutor(max_workers=len(shares)) as pool:
        done = list(pool.map(_share, shares))
    pdfs: list[Path] = []
    for share in done:
        if isinstance(share, Problem):
            raise ProblemError(share)
        pdfs += share
    return pdfs
