"""Load competencies/guard.toml into a GuardConfig, plus names from JOBMATCH_GUARD_ORGANISATIONS.

A small built-in floor of words is always merged in, so a missing or shortened guard.toml can
never switch the guard off. The street and district names of red-light areas come from
competencies/guard_places.toml (datafiles/guard_places.py); the TR39 look-alike table from the
confusable-homoglyphs package (datafiles/guard_confusables.py).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from jobmatch.datafiles.guard_confusables import confusables_table
from jobmatch.datafiles.guard_places import read_places
from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.reading import EntryChecker, read_toml
from jobmatch.domain.errors import DataFileError, Problem
from jobmatch.domain.guard import GuardConfig

GUARD_FILE = "guard.toml"
ENV_ORGANISATIONS = "JOBMATCH_GUARD_ORGANISATIONS"
FLOOR_PAST_WORDS = (
    "prostitutie",
    "prostituee",
    "raamprostitutie",
    "sekswerk",
    "sekswerker",
    "seksindustrie",
    "seksbranche",
    "escort",
    "privéhuis",
    "bordeel",
    "prostitution",
    "prostitute",
    "sex work",
    "sex worker",
    "sex industry",
    "brothel",
)
FLOOR_ALLOWED = ("sportclub", "raamwerk")


def split_names(raw: str) -> tuple[str, ...]:
    """Names separated by ';', ',' or a new line: 'Exit Noord, Nieuwe Weg' is two names."""
    return tuple(name.strip() for name in re.split(r"[;,\n]", raw) if name.strip())


def _env_organisations() -> tuple[str, ...]:
    return split_names(os.environ.get(ENV_ORGANISATIONS, ""))


def read_guard_file(path: Path) -> tuple[GuardConfig, list[Problem]]:
    """The word lists of one guard.toml (without floor or env) and its problems."""
    problems: list[Problem] = []
    try:
        data = read_toml(path)
    except DataFileError as exc:
        return GuardConfig(), list(exc.problems)
    check = EntryChecker(str(path), "", problems)
    config = GuardConfig(
        organisations=check.texts(data, "organisations"),
        past_words=check.texts(data, "past_words_nl") + check.texts(data, "past_words_en"),
        allowed_words=check.texts(data, "allowed_words"),
        case_sensitive_organisations=check.texts(data, "case_sensitive_organisations"),
        innocent_parts=check.texts(data, "innocent_parts"),
        open_compound_words=check.texts(data, "open_compound_words"),
        suspicious_parts=check.texts(data, "suspicious_parts"),
    )
    return config, problems


def load_guard_config(directory: Path | None = None) -> GuardConfig:
    """guard.toml + floor + env organisations; a broken file raises DataFileError."""
    folder = directory or data_dir("competencies")
    path = folder / GUARD_FILE
    config = GuardConfig()
    if path.exists():
        config, problems = read_guard_file(path)
        if problems:
            raise DataFileError(problems)
    places, problems = read_places(folder)
    if problems:
        raise DataFileError(problems)
    past = config.past_words + FLOOR_PAST_WORDS + tuple(place.name for place in places)
    return GuardConfig(
        organisations=tuple(dict.fromkeys(config.organisations + _env_organisations())),
        past_words=tuple(dict.fromkeys(past)),
        allowed_words=tuple(dict.fromkeys(config.allowed_words + FLOOR_ALLOWED)),
        case_sensitive_organisations=config.case_sensitive_organisations,
        innocent_parts=config.innocent_parts,
        open_compound_words=config.open_compound_words,
        suspicious_parts=config.suspicious_parts,
        confusables=confusables_table(),
    )
