"""Training places (vacancies/training/*.toml) as domain TrainingPlace objects.

`read_training_places` returns what it could read plus every problem (file + entry + field);
`load_training_places` raises DataFileError when there is any problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jobmatch.datafiles.reading import read_text, read_toml
from jobmatch.datafiles.tables import (
    EMPTY,
    MISSING,
    checked,
    duplicates,
    folder_missing,
    pc4_value,
)
from jobmatch.domain.errors import DataFileError, Problem
from jobmatch.domain.vacancies import TrainingPlace

TRAINING_KINDS = ("course", "work-experience", "volunteering")
# A training place as text (title line, blank line, text) is read by services/training.py.
TEXT_SUFFIX = ".txt"
_READ_SUFFIXES = (".toml", TEXT_SUFFIX)
NEITHER = (
    "geen opleidingsplaats: alleen .toml of .txt wordt gelezen"
    " / not a training place: only .toml or .txt files are read"
)


def _texts(
    entry: Mapping[str, Any], key: str, where: tuple[str, str], out: list[Problem]
) -> tuple[str, ...]:
    value = entry.get(key, [])
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    out.append(Problem(*where, key, "moet een lijst met teksten zijn / must be a list of texts"))
    return ()


def _str(
    entry: Mapping[str, Any],
    key: str,
    where: tuple[str, str],
    out: list[Problem],
    *,
    required: bool = False,
) -> str:
    value = entry.get(key, "")
    if isinstance(value, int) and not isinstance(value, bool) and key == "pc4":
        value = f"{value:04d}"
    if not isinstance(value, str):
        out.append(Problem(*where, key, "moet tekst zijn / must be text"))
        return ""
    if required and not value.strip():
        out.append(Problem(*where, key, MISSING))
    return value.strip()


def _training(entry: Mapping[str, Any], path: Path, out: list[Problem]) -> TrainingPlace:
    where = (str(path), str(entry.get("id", path.stem)))
    kind = _str(entry, "kind", where, out, required=True)
    if kind and kind not in TRAINING_KINDS:
        out.append(Problem(*where, "kind", f"kies uit / choose from {', '.join(TRAINING_KINDS)}"))
    return TrainingPlace(
        id=_str(entry, "id", where, out) or path.stem,
        title=_str(entry, "title", where, out, required=True),
        kind=kind if kind in TRAINING_KINDS else "course",  # type: ignore[arg-type]
        provider=_str(entry, "provider", where, out, required=True),
        description=_str(entry, "description", where, out, required=True),
        level=_str(entry, "level", where, out),
        competencies_taught=_texts(entry, "competencies_taught", where, out),
        duration=_str(entry, "duration", where, out),
        dutch_level=_str(entry, "dutch_level", where, out) or None,
        cost=_str(entry, "cost", where, out),
        funding=_str(entry, "funding", where, out),
        start_moments=_texts(entry, "start_moments", where, out),
        city=_str(entry, "city", where, out, required=True),
        pc4=pc4_value(_str(entry, "pc4", where, out), *where, out),
        sector=_str(entry, "sector", where, out) or None,
        certificates_gained=_texts(entry, "certificates_gained", where, out),
        source=path.name,
    )


def read_training_places(directory: Path) -> tuple[list[TrainingPlace], list[Problem]]:
    places: list[TrainingPlace] = []
    problems: list[Problem] = [] if directory.is_dir() else [folder_missing(directory)]
    for path in sorted(directory.glob("*.toml")):
        if not read_text(path).strip():
            problems.append(Problem(str(path), "", "", EMPTY))
            continue
        try:
            places.append(_training(read_toml(path), path, problems))
        except DataFileError as exc:
            problems.extend(exc.problems)
    ids = ((place.id, (str(directory / place.source), place.id)) for place in places)
    duplicates(ids, "id", problems)
    return places, problems + unknown_files(directory)


def unknown_files(directory: Path) -> list[Problem]:
    """Files in the training folder that are neither TOML nor text (README and hidden files
    aside): reported, never skipped silently."""
    if not directory.is_dir():
        return []
    return [
        Problem(str(path), "", "", NEITHER)
        for path in sorted(directory.iterdir())
        if path.is_file()
        and path.suffix.lower() not in _READ_SUFFIXES
        and not path.name.startswith(".")
        and not path.name.lower().startswith("readme")
    ]


def load_training_places(directory: Path) -> list[TrainingPlace]:
    """Every *.toml in the training folder, sorted by file name."""
    return checked(read_training_places(directory))
