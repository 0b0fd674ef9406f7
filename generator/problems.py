"""Where a problem is, what it is, and the one error type the core raises."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from generator.messages import render_message


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class CellRef:
    """A place in the sources: a file, and optionally a sheet and a cell (``H12``)."""

    file: str
    sheet: str = ""
    cell: str = ""

    def __str__(self) -> str:
        return " › ".join(part for part in (self.file, self.sheet, self.cell) if part)


@dataclass(frozen=True)
class Problem:
    """One finding about the input, with a stable code that keys its Indonesian text."""

    code: str
    where: CellRef
    severity: Severity
    params: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    @property
    def message(self) -> str:
        return render_message(self.code, self.params)

    def __str__(self) -> str:
        return f"{self.where}: {self.message} [{self.code}]"


class ZiError(Exception):
    """Base class of the errors this package raises on purpose."""


class InputInvalid(ZiError):
    """The sources hold errors; ``problems`` lists all of them (and the warnings)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{sum(p.severity is Severity.ERROR for p in problems)} error(s)")
        self.problems = problems


class ProblemError(ZiError):
    """An error that reaches the user as one Problem (where, what, what to do)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class OutputError(ProblemError):
    """The document could not be written where asked (file open in Word, no permission)."""

    def __init__(self, code: str, path: str, detail: str = "") -> None:
        super().__init__(Problem(code, CellRef(path), Severity.ERROR, {"detail": detail}))


class Report:
    """Collects the problems of one run, in the order they were found."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, code: str, where: CellRef, **params: object) -> None:
        self.problems.append(Problem(code, where, Severity.ERROR, params))

    def warn(self, code: str, where: CellRef, **params: object) -> None:
        self.problems.append(Problem(code, where, Severity.WARNING, params))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise InputInvalid(self.problems)


def format_report(problems: list[Problem]) -> str:
    """Problems grouped by workbook, one line each: where, what, what to do."""
    lines: list[str] = []
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.where.file, []).append(problem)
    for file, group in by_file.items():
        lines.append(file)
        for problem in group:
            place = " › ".join(p for p in (problem.where.sheet, problem.where.cell) if p)
            kind = "KESALAHAN" if problem.severity is Severity.ERROR else "peringatan"
            lines.append(
                f"  {kind}: {place + ': ' if place else ''}{problem.message} [{problem.code}]"
            )
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    lines.append(f"{errors} kesalahan, {warnings} peringatan.")
    return "\n".join(lines)


def report_json(problems: list[Problem]) -> list[dict[str, object]]:
    return [
        {
            "kode": p.code,
            "tingkat": "kesalahan" if p.severity is Severity.ERROR else "peringatan",
            "file": p.where.file,
            "sheet": p.where.sheet,
            "sel": p.where.cell,
            "pesan": p.message,
        }
        for p in problems
    ]
