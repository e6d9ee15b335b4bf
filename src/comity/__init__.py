"""Comity: diplomatic and political news to structured, deduplicated event data."""

from __future__ import annotations

__version__ = "0.1.0"

from comity.api import extract, open
from comity.errors import ComityError
from comity.model import Document, Entity, Event, Mention, Place
from comity.settings import Settings

__all__ = ["ComityError", "Document", "Entity", "Event", "Mention", "Place", "Settings",
           "__version__", "extract", "open"]
