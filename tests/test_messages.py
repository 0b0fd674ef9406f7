"""Every message code of the package, in one loop: each code raised anywhere has its
Indonesian text, and each text belongs to a code something raises."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import generator
from generator.messages import MESSAGES
from tests.test_hostile import _codes_raised

PACKAGE = Path(generator.__file__).parent
CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # a code: lower-case words joined by hyphens
COMPOUND = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")  # what the scan takes for a code
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "messages.py")


def test_every_code_raised_anywhere_has_its_text() -> None:
    found = set().union(*(_codes_raised(path) for path in MODULES))
    raised = {code for code in found if COMPOUND.fullmatch(code)}  # not code = "jinja"

    assert len(raised) > 50
    assert raised - set(MESSAGES) == set()


def test_every_text_belongs_to_a_code_the_package_uses() -> None:
    literals = {
        node.value
        for path in MODULES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }

    assert set(MESSAGES) - literals == set()


def test_every_text_says_what_was_found_and_what_to_do() -> None:
    for code, (found, todo) in MESSAGES.items():
        assert CODE.fullmatch(code), code
        assert found.strip() and todo.strip(), code
        assert todo.rstrip().endswith("."), code
