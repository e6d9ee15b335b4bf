"""The actor ruler: a spaCy component that marks knowledge-base names as entities before
the statistical recogniser runs.

It does what spaCy's ``EntityRuler`` (phrase patterns, ``overwrite_ents=True``) does, with
two phrase matchers: names and aliases match case-insensitively (``LOWER``), acronyms
(aliases written in capitals: "ASEAN", "PLAN") only as written (``ORTH``), so that the word
"plan" is not the People's Liberation Army Navy. Longer matches win over shorter ones, then
earlier ones, then the pattern added first. spaCy types stay inside :mod:`comity.nlp`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class ActorRuler:
    """Knowledge-base names -> ``doc.ents`` (label and entity id), before ``ner``."""

    def __init__(self, nlp: Language, name: str) -> None:
        from spacy.matcher import PhraseMatcher

        self.name = name
        self._nlp = nlp
        self._names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        #: match key -> (rank, label, entity id); rank = order in which it was added
        self._keys: dict[int, tuple[int, str, str]] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, patterns: Iterable[tuple[str, str, str]]) -> None:
        """Add ``(text, label, entity id)`` patterns; a text in capitals is an acronym."""
        strings = self._nlp.vocab.strings
        by_key: dict[int, list[str]] = {}
        for text, label, ent_id in patterns:
            key = strings.add(f"{label}||{ent_id}||{text.isupper()}")
            if key not in self._keys:
                self._keys[key] = (len(self._keys), label, ent_id)
            by_key.setdefault(key, []).append(text)
        for key, texts in by_key.items():
            docs = [self._nlp.make_doc(text) for text in texts]
            matcher = self._acronyms if texts[0].isupper() else self._names
            matcher.add(strings[key], docs)

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        found = {(key, start, end) for matcher in (self._names, self._acronyms)
                 for key, start, end in matcher(doc) if start != end}
        if not found:
            return doc
        keys = self._keys
        ordered = sorted(found, key=lambda m: (m[1] - m[2], m[1], keys[m[0]][0]))
        entities: list[Any] = list(doc.ents)
        new: list[Any] = []
        taken: set[int] = set()
        for key, start, end in ordered:
            if start in taken or end - 1 in taken:
                continue
            _rank, label, ent_id = keys[key]
            new.append(Span(doc, start, end, label=label, span_id=ent_id))
            entities = [e for e in entities if not (e.start < end and e.end > start)]
            taken.update(range(start, end))
        doc.ents = entities + new
        return doc
