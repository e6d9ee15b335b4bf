"""Datelines: the place an article was filed from, at the head of its text
("PHNOM PENH —", "BEIJING, Feb 6 (Reuters) -", "New Delhi, Jun 18 (PTI)").
"""

from __future__ import annotations

import re

from comity.placedata import place_key

__all__ = ["parse_dateline"]

_DASH = r"(?:--?|[–—‒―]+|:)"
_UPPER_WORD = r"[^\W\da-z_](?:[^\W\da-z_]|[.'’-](?=[^\W\da-z_]))*\.?"
_TITLE_WORD = r"[^\W\d_][^\W\d_'’.-]*(?:[.'’-][^\W\d_]+)*"
_AGENCY = r"\((?:[^()\n]{1,30})\)"
_DATE_BIT = r",\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?"
_DATELINE_UPPER = re.compile(
    rf"[ \t\r\n]*(?P<place>{_UPPER_WORD}(?:[ \t]+{_UPPER_WORD}){{0,4}})"
    rf"(?:,[ \t]*[^\W\d_][\w.]*(?:[ \t]+[^\W\d_][\w.]*)?)?"  # ", Calif.", ", CAMBODIA"
    rf"(?:{_DATE_BIT})?(?:[ \t]*{_AGENCY})?[ \t]*{_DASH}(?=\s)")
_DATELINE_TITLE = re.compile(
    rf"[ \t\r\n]*(?P<place>{_TITLE_WORD}(?:[ \t]+{_TITLE_WORD}){{0,3}})"
    rf"(?:(?:(?:{_DATE_BIT})(?:[ \t]*{_AGENCY})?|[ \t]*{_AGENCY})[ \t]*{_DASH}"
    rf"|{_DATE_BIT}[ \t]*{_AGENCY})(?=\s)")  # "New Delhi, Jun 18 (PTI) External ..."


def parse_dateline(text: str, start: int = 0) -> tuple[str, int, int] | None:
    """The dateline at ``text[start:]`` (after leading spaces and newlines).

    Recognises upper-case place names followed by a dash or colon, optionally with a date
    and an agency in brackets ("PHNOM PENH —", "HÀ NỘI —", "BEIJING, Feb 6 (Reuters) -",
    "WASHINGTON (AP) —", "NEW DELHI: "), and title-case names followed by an agency or a
    date ("Hanoi (VNA) -", "Phnom Penh, Feb 6 (Xinhua) --", "New Delhi, Jun 18 (PTI)",
    where date and agency need no dash). Returns (place text, start,
    end) with offsets of the place text in ``text``, or None.
    """
    if not isinstance(text, str) or start < 0 or start >= len(text):
        return None
    for pattern in (_DATELINE_UPPER, _DATELINE_TITLE):
        m = pattern.match(text, start)
        if m and any(ch.isalpha() for ch in m["place"]):
            place = m["place"].rstrip(".") if not re.search(r"\.\w", m["place"]) else m["place"]
            if len(place_key(place)) < 2:
                continue
            return place, m.start("place"), m.start("place") + len(place)
    return None
