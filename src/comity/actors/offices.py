"""Who held an office on a day: knowledge-base roles indexed by country and by the
office names of the title grammar ("Minister of Foreign Affairs" and "Foreign Minister"
are one office)."""

from __future__ import annotations

import datetime as dt

from comity.actors.kb import KnowledgeBase, Person
from comity.actors.titles import TitleGrammar
from comity.model import Role

# Sectors that tell offices apart: a party President is not the state President. GOV,
# MIL and COP are one executive for this purpose ("Defence Minister" is MIL in the title
# grammar, GOV in some knowledge-base roles).
_EXECUTIVE = frozenset({"GOV", "MIL", "COP"})


def sectors_agree(a: str | None, b: str | None) -> bool:
    """True when two sectors can describe the same office."""
    return a is None or b is None or a == b or {a, b} <= _EXECUTIVE


class OfficeIndex:
    """Office holders by country, office and day."""

    def __init__(self, kb: KnowledgeBase, titles: TitleGrammar) -> None:
        self.kb = kb
        self.titles = titles
        self._offices: dict[str, tuple[str, ...]] = {}
        self._by_country: dict[str, list[Person]] | None = None

    def offices(self, text: str | None) -> tuple[str, ...]:
        """Normalised offices named in ``text`` (cached)."""
        if not text:
            return ()
        found = self._offices.get(text)
        if found is None:
            found = self.titles.offices(text) or (text,)
            self._offices[text] = found
        return found

    def persons_of(self, country: str) -> list[Person]:
        """Knowledge-base persons with a role in ``country``."""
        if self._by_country is None:
            index: dict[str, list[Person]] = {}
            for p in self.kb.persons.values():
                for c in dict.fromkeys(r.country for r in p.roles if r.country):
                    index.setdefault(c, []).append(p)
            self._by_country = index
        return self._by_country.get(country, [])

    def role_matches(self, role: Role, office: str, sector: str | None) -> bool:
        """True when ``role`` is the office ``office`` (normalised) in ``sector``."""
        return office in self.offices(role.office) and sectors_agree(sector, role.sector)

    def holders(self, office: str, country: str, day: dt.date | None,
                sector: str | None = None) -> list[tuple[Person, Role]]:
        """(person, role) of everyone holding ``office`` in ``country`` on ``day``."""
        out: list[tuple[Person, Role]] = []
        for person in self.persons_of(country):
            for role in person.roles_on(day):
                if role.country == country and self.role_matches(role, office, sector):
                    out.append((person, role))
                    break
        return out

    def holder(self, office: str, country: str, day: dt.date | None,
               sector: str | None = None) -> tuple[Person, Role] | None:
        """The one holder of ``office`` in ``country`` on ``day``; None when nobody or
        several people hold it (or the day is unknown and it changed hands)."""
        found = self.holders(office, country, day, sector)
        return found[0] if len(found) == 1 else None
