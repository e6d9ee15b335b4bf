"""The pipeline shared by the actor tests that parse text."""

from __future__ import annotations

import pytest

from comity.pipeline import Pipeline
from comity.settings import Settings


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """A pipeline that parses every sentence (no pre-filter: actors, not events, are
    looked at)."""
    return Pipeline(Settings(prefilter=False))
