"""Gives the sample workbooks (sources/) the italics and bold the seed plan prints.

The seed (../shared/reference/rencana-kerja-zi-rutan-pekanbaru-2024.txt, Markdown) marks
``*italic*`` and ``**bold**`` inside its paragraphs. For every text cell of the sample
whose line stands in a seed line (or holds one), the marked words become Excel rich-text
runs at the same place: the sample then builds a document that looks like the seed. Only
the sheet XML of the cells concerned changes; every other byte of a workbook is kept.

    .venv/bin/python tools/mark_sample_formatting.py [--check]

Running it again changes nothing (a cell with runs already is skipped). ``--check`` exits
1 when a seed mark found no cell.
"""

from __future__ import annotations

import argparse
import difflib
import html
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_SEED_NAME = "rencana-kerja-zi-rutan-pekanbaru-2024.txt"
# shared/ stands beside the checkout (or a git worktree one folder deeper)
SEED = next(
    (
        folder / "shared" / "reference" / _SEED_NAME
        for folder in ROOT.parents
        if (folder / "shared" / "reference" / _SEED_NAME).is_file()
    ),
    ROOT.parent / "shared" / "reference" / _SEED_NAME,
)
SOURCES = ROOT / "sources"
# The seed italicises a whole phrase where PUEBI italicises only its foreign word.
NARROWED = {"website Rumah Tahanan Negara Kelas I Pekanbaru": "website"}
_MARK = re.compile(r"(\*\*|\*)(?=\S)(.+?)(?<=\S)\1")
_LABEL = re.compile(r"^\s*(?:-\s*)?(?:\d{1,3}[.)]|[a-zA-Z][.)])?\s*")
_INLINE = re.compile(r'(<c [^>]*t="inlineStr"[^>]*><is>)<t(?: [^>]*)?>([^<]*)</t>(</is>)')
_RICH = re.compile(r'<c [^>]*t="inlineStr"[^>]*><is>((?:<r>.*?</r>)+)</is>')
_RUN_TEXT = re.compile(r"<t(?: [^>]*)?>([^<]*)</t>")

Span = tuple[int, int, str]  # start, end, "i" or "b"


def seed_lines(seed: Path) -> list[tuple[str, list[Span]]]:
    """Each seed line that marks words inside running text: its plain text and marks."""
    found = []
    for raw in seed.read_text(encoding="utf-8").splitlines():
        line = _LABEL.sub("", raw, count=1)
        if line.startswith("**") or "*" not in line:
            continue  # a heading or caption in bold, not formatting inside a sentence
        plain, spans, position = "", [], 0
        for match in _MARK.finditer(line):
            plain += line[position : match.start()]
            words = match.group(2)
            kept = NARROWED.get(words, words)
            start = len(plain) + words.index(kept)
            spans.append((start, start + len(kept), "b" if match.group(1) == "**" else "i"))
            plain += words
            position = match.end()
        if spans:
            found.append((plain + line[position:], spans))
    return found


def marks_for(text: str, seeds: list[tuple[str, list[Span]]]) -> tuple[list[Span], set[int]]:
    """The seed's marks that fall in a cell's text, and which seed lines they came from."""
    spans: list[Span] = []
    used: set[int] = set()
    offset = 0
    for line in text.split("\n"):
        body = _LABEL.sub("", line, count=1)
        base = offset + len(line) - len(body)
        for index, (plain, seed_spans) in enumerate(seeds):
            if len(body) < 20 and body != plain:
                continue  # a short cell matches too easily
            for start, end, kind in _aligned(plain, body, seed_spans):
                spans.append((base + start, base + end, kind))
                used.add(index)
        offset += len(line) + 1
    return sorted(set(spans)), used


def _aligned(plain: str, body: str, seed_spans: list[Span]) -> list[Span]:
    """The seed line's marks at their place in the cell's line: the one stands in the
    other, or they differ in a few typos the sample corrected ("pencaanangan")."""
    if body in plain or plain in body:
        shift = body.index(plain) if plain in body else -plain.index(body)
        return [
            (start + shift, end + shift, kind)
            for start, end, kind in seed_spans
            if start + shift >= 0 and end + shift <= len(body)
        ]
    if not any(plain[start:end] in body for start, end, _ in seed_spans):
        return []
    matcher = difflib.SequenceMatcher(None, plain, body, autojunk=False)
    if matcher.ratio() < 0.95:
        return []
    found = []
    for start, end, kind in seed_spans:
        for a, b, size in matcher.get_matching_blocks():
            if a <= start and end <= a + size:
                found.append((start - a + b, end - a + b, kind))
    return found


def runs_xml(text: str, spans: list[Span]) -> str:
    parts, position = [], 0
    for start, end, kind in spans:
        if start < position:
            continue
        parts.append(_run(text[position:start], ""))
        parts.append(_run(text[start:end], f"<rPr><{kind}/></rPr>"))
        position = end
    parts.append(_run(text[position:], ""))
    return "".join(parts)


def _run(text: str, properties: str) -> str:
    if not text:
        return ""
    # as Excel and openpyxl write it (ECMA's sml.xsd omits the attribute; Excel needs it)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<r>{properties}<t{space}>{html.escape(text, quote=False)}</t></r>"


def mark_workbook(path: Path, seeds: list[tuple[str, list[Span]]]) -> set[int]:
    """Rewrites the workbook's sheets with the seed's marks; returns the seed lines used."""
    used: set[int] = set()
    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    changed = False
    rewritten = []
    for info, data in entries:
        if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
            xml = data.decode("utf-8")

            def replace(match: re.Match[str]) -> str:
                text = html.unescape(match.group(2))
                spans, lines = marks_for(text, seeds)
                used.update(lines)
                if not spans:
                    return match.group(0)
                return match.group(1) + runs_xml(text, spans) + match.group(3)

            for match in _RICH.finditer(xml):  # marked in an earlier run
                text = html.unescape("".join(_RUN_TEXT.findall(match.group(1))))
                used.update(marks_for(text, seeds)[1])
            marked = _INLINE.sub(replace, xml)
            if marked != xml:
                changed, data = True, marked.encode("utf-8")
        rewritten.append((info, data))
    if changed:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for info, data in rewritten:
                archive.writestr(info, data)
    return used


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a mark found no cell")
    parser.add_argument("--seed", type=Path, default=SEED)
    args = parser.parse_args()
    seeds = seed_lines(args.seed)
    used: set[int] = set()
    for path in sorted(SOURCES.glob("0*.xlsx")):
        used |= mark_workbook(path, seeds)
    missing = [seeds[i][0][:70] for i in range(len(seeds)) if i not in used]
    for line in missing:
        print(f"no cell for the seed line: {line}…", file=sys.stderr)
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
