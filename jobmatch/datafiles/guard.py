"""Load competencies/guard.toml into a GuardConfig, plus names from JOBMATCH_GUARD_ORGANISATIONS.

A small built-in floor of words is always merged in, so a missing or shortened guard.toml can
never switch the guard off.
"""

from __future__ import annotations

import os
from pathlib import Path

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


def _env_organisations() -> tuple[str, ...]:
    raw = os.environ.get(ENV_ORGANISATIONS, "")
    return tuple(name.strip() for name in raw.split(";") if name.strip())


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
    )
    return config, problems


def load_guard_config(directory: Path | None = None) -> GuardConfig:
    """guard.toml + floor + env organisations; a broken file raises DataFileError."""
    path = (directory or data_dir("competencies")) / GUARD_FILE
    config = GuardConfig()
    if path.exists():
        config, problems = read_guard_file(path)
        if problems:
            raise DataFileError(problems)
    return GuardConfig(
        organisations=tuple(dict.fromkeys(config.organisations + _env_organisations())),
        past_words=tuple(dict.fromkeys(config.past_words + FLOOR_PAST_WORDS)),
        allowed_words=tuple(dict.fromkeys(config.allowed_words + FLOOR_ALLOWED)),
        case_sensitive_organisations=config.case_sensitive_organisations,
    )
