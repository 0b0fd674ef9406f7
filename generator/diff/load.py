"""Reading a version of the plan back: a sources folder or the JSON of build --json."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from generator.messages import os_reason
from generator.plan.models import Plan
from generator.plan.validate import load_plan
from generator.problems import CellRef, Problem, ProblemError, Severity


class PlanFileError(ProblemError):
    """OLD or NEW is neither a sources folder nor a plan JSON that can be read back."""

    def __init__(self, path: Path, code: str, **params: object) -> None:
        super().__init__(Problem(code, CellRef(str(path)), Severity.ERROR, params))
        self.path = path


def load_any(path: Path) -> Plan:
    """A plan from a sources folder (checked as ``build`` does) or from a model JSON.

    A folder with errors raises InputInvalid with every problem; a file that cannot be read
    back as a plan raises PlanFileError, whose text is one Indonesian line.
    """
    if path.is_dir():
        plan, _ = load_plan(path)
        return plan
    if not path.exists():
        raise PlanFileError(path, "rencana-tidak-ada")
    if path.suffix.lower() != ".json":
        raise PlanFileError(path, "rencana-bukan-json")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise PlanFileError(path, "json-bukan-utf8") from None
    except OSError as exc:
        raise PlanFileError(path, "json-tidak-terbaca", detail=os_reason(exc)) from None
    try:
        return Plan.model_validate_json(text)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        where = ".".join(str(part) for part in first["loc"]) or "(awal file)"
        more = f" dan {len(errors) - 1} kesalahan lain" if len(errors) > 1 else ""
        raise PlanFileError(
            path, "json-bukan-rencana", detail=f"{where}: {first['msg']}{more}"
        ) from None
