"""``python -m comity``."""

from comity.cli import run

run()
