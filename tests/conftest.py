"""Shared fixtures: the seed articles (read from ../shared/seeds, never copied)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("COMITY_SEEDS", REPO.parent / "shared" / "seeds"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The seed articles folder; tests that need it skip where it is absent."""
    if not (SEEDS / "gold.json").is_file():
        pytest.skip(f"seed articles not found at {SEEDS} (set COMITY_SEEDS)")
    return SEEDS
