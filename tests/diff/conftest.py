"""The shipped sample plan, loaded once per test module."""

from __future__ import annotations

import pytest

from generator.diff import load_any
from generator.plan.models import Plan
from tests.conftest import SAMPLE_SOURCES


@pytest.fixture(scope="module")
def sample() -> Plan:
    return load_any(SAMPLE_SOURCES)
