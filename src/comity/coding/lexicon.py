"""The event lexicon (data/lexicon.tsv) and the PLOVER/CAMEO scales.

The lexicon maps trigger lemmas to PLOVER type, CAMEO code, mode and argument frame. The
file is tab-separated with a version line ``# comity-lexicon<TAB>1``; the loader validates
every line and reports errors with file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from comity.datafile import tsv_rows
from comity.errors import DataFileError

LEXICON_VERSION = "1"
PLOVER_TYPES: dict[str, tuple[int, float]] = {
    # type: (quad, base intensity) -- ../shared/docs/ontology.md
    "AGREE": (1, 2.5), "CONSULT": (1, 2.5), "SUPPORT": (1, 5.0), "CONCEDE": (1, 4.5),
    "COOPERATE": (2, 9.5), "AID": (2, 10.0), "RETREAT": (2, 6.5), "REQUEST": (3, 0.0),
    "ACCUSE": (3, -3.0), "REJECT": (3, -2.0), "THREATEN": (3, -3.5), "PROTEST": (4, -5.0),
    "SANCTION": (4, -6.0), "MOBILIZE": (4, -5.5), "COERCE": (4, -7.0), "ASSAULT": (4, -9.0),
}
CONSULT_MODE_INTENSITY = {"visit": 4.0, "multilateral": 4.0, "phone": 1.5, "third-party": 1.0}
#: Goldstein values (GDELT table) for the codes the lexicon uses; roots as fallback
GOLDSTEIN: dict[str, float] = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0,
    "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2,
    "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0,
    "020": 3.0, "030": 4.0, "031": 5.2, "032": 4.5, "036": 4.0, "040": 1.0, "041": 1.0,
    "042": 1.9, "043": 2.8, "044": 2.5, "045": 5.0, "046": 7.0, "050": 3.5, "051": 3.4,
    "054": 6.0, "055": 3.5, "056": 3.5, "057": 8.0, "060": 6.0, "061": 6.4, "062": 7.4,
    "063": 7.4, "064": 7.0, "070": 7.0, "071": 7.4, "080": 5.0, "081": 5.0, "0833": 5.0,
    "0841": 7.0, "085": 7.0, "0871": 9.0, "0872": 9.0, "090": -2.0, "100": -5.0,
    "111": -2.0, "112": -2.0, "115": -2.0, "120": -4.0, "130": -4.4, "140": -6.5,
    "141": -6.5, "143": -6.5, "150": -7.2, "152": -7.2, "161": -4.0, "163": -8.0,
    "164": -7.0, "166": -5.0, "171": -9.2, "173": -5.0, "174": -5.0, "175": -5.0,
    "181": -9.0, "186": -10.0, "190": -10.0, "192": -10.0, "194": -10.0, "195": -10.0,
}
FRAMES = frozenset({"subj>obj", "obj>subj", "subj>"})
_CAMEO = re.compile(r"^\d{3,4}$")
COLUMNS = ("lemma", "pos", "type", "cameo", "mode", "frame", "preps", "forms", "objects")


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry."""

    lemma: str
    pos: str
    type: str
    cameo: str
    mode: str | None
    frame: str
    preps: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()

    @property
    def words(self) -> tuple[str, ...]:
        """The trigger's words (multi-word lemmas have several)."""
        return tuple(self.lemma.split())


@dataclass
class Lexicon:
    """Loaded lexicon, indexed by (head lemma, POS)."""

    triggers: list[Trigger] = field(default_factory=list)
    #: content verbs that make a collective agreement a non-event (data/vague.tsv)
    vague: frozenset[str] = frozenset()
    _by_head: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        """Entries whose last word is ``lemma`` with part of speech ``pos``; a British
        spelling finds the entry written the American way ("apologise", "mobilisation")."""
        low = lemma.lower()
        found = self._by_head.get((low, pos), [])
        if not found and (american := _american(low)) != low:
            found = self._by_head.get((american, pos), [])
        return found

    def keywords(self) -> frozenset[str]:
        """Word stems and irregular forms that signal a possible trigger (pre-filter)."""
        out: set[str] = set()
        for t in self.triggers:
            for w in t.words[-1:]:
                for form in {w, _british(w)}:  # "mobiliz", "mobilis"
                    out.add(form[:-1] if form.endswith("e") and len(form) > 4 else form)
            out.update(t.forms)
        return frozenset(out)


#: British endings and their American forms, for lemmas the lexicon lists the American way
_BRITISH = (("isation", "ization"), ("ise", "ize"), ("yse", "yze"), ("ence", "ense"))


def _american(word: str) -> str:
    """``word`` with a British ending spelt the American way ("recognise" -> "recognize")."""
    for british, american in _BRITISH:
        if word.endswith(british) and len(word) > len(british) + 2:
            return word[: -len(british)] + american
    return word


def _british(word: str) -> str:
    """``word`` with an American ending spelt the British way ("recognize" -> "recognise")."""
    for british, american in _BRITISH:
        if word.endswith(american) and len(word) > len(american) + 2:
            return word[: -len(american)] + british
    return word


def scale(type_: str, cameo: str, mode: str | None) -> tuple[int, float, float]:
    """(quad, PLOVER intensity, Goldstein) for an event."""
    quad, intensity = PLOVER_TYPES[type_]
    if type_ == "CONSULT" and mode in CONSULT_MODE_INTENSITY:
        intensity = CONSULT_MODE_INTENSITY[mode]
    goldstein = GOLDSTEIN.get(cameo, GOLDSTEIN.get(cameo[:3], GOLDSTEIN.get(cameo[:2], 0.0)))
    return quad, intensity, goldstein


def bundled_lexicon_path() -> Path:
    """Path of the lexicon shipped with Comity."""
    return Path(str(resources.files("comity") / "data" / "lexicon.tsv"))


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load and validate a lexicon file (default: the bundled one)."""
    path = path or bundled_lexicon_path()
    lex = Lexicon()
    first: dict[tuple[str, str, str], int] = {}
    for lineno, cols in tsv_rows(path, "lexicon", LEXICON_VERSION, COLUMNS):
        key = (cols[0].strip().lower(), cols[1].strip(), cols[8].strip())
        if key in first:
            raise DataFileError(f"trigger {cols[0]!r} ({cols[1]}) is already defined on line "
                                f"{first[key]}; keep one line per lemma, part of speech and "
                                "objects", path, lineno)
        first[key] = lineno
        lex.triggers.append(_parse_trigger(cols, path, lineno))
    for t in lex.triggers:
        lex._by_head.setdefault((t.words[-1], t.pos), []).append(t)
    vague_path = path.with_name("vague.tsv")
    if vague_path.exists():
        lex.vague = frozenset(cols[0].lower() for _line, cols in
                              tsv_rows(vague_path, "vague", "1", ("lemma", "note")))
    return lex


def _parse_trigger(cols: list[str], path: Path, lineno: int) -> Trigger:
    lemma, pos, type_, cameo, mode, frame, preps, forms, objects = (c.strip() for c in cols)
    if not lemma:
        raise DataFileError("empty lemma", path, lineno)
    if pos not in {"VERB", "NOUN", "ADJ"}:
        raise DataFileError(f"pos must be VERB, NOUN or ADJ, got {pos!r}", path, lineno)
    if type_ not in PLOVER_TYPES:
        raise DataFileError(f"unknown PLOVER type {type_!r}", path, lineno)
    if not _CAMEO.match(cameo):
        raise DataFileError(f"CAMEO code must be 3 or 4 digits, got {cameo!r}", path, lineno)
    if frame not in FRAMES:
        raise DataFileError(f"unknown frame {frame!r}; known: {sorted(FRAMES)}", path, lineno)

    def items(value: str) -> tuple[str, ...]:
        return () if value in {"", "-"} else tuple(v.strip() for v in value.split(","))

    return Trigger(lemma=lemma.lower(), pos=pos, type=type_, cameo=cameo,
                   mode=None if mode in {"", "-"} else mode, frame=frame,
                   preps=items(preps), forms=items(forms), objects=frozenset(items(objects)))
