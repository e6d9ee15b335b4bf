"""The README shows a screenshot of each page of the web interface, and the files exist
(they are written by tests/web/test_browser.py with COMITY_UPDATE_SCREENSHOTS=1)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PAGES = ["timeline", "network", "map", "event", "dyad", "actor"]


@pytest.mark.parametrize("page", PAGES)
def test_readme_shows_a_screenshot_of_each_page(page: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    web = readme[readme.index("\n## Web interface\n"):]
    shown = set(re.findall(r"!\[[^\]]*\]\((docs/screenshots/[\w-]+\.png)\)", web))
    path = f"docs/screenshots/{page}.png"
    assert path in shown
    data = (REPO / path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
