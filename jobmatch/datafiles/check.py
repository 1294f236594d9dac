"""`jobmatch check-data`: run every area's checker over the data folders.

Checkers are named as (module, function) strings so that a checker that is missing or broken is
reported as a problem instead of crashing the whole check. Each checker takes a directory and
returns a list of Problem (file, line/entry, field, message).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from jobmatch.domain.errors import DataFileError, Problem

# (module, function, data folder the function is given)
CHECKERS: tuple[tuple[str, str, str], ...] = (
    ("jobmatch.datafiles.lexicon", "check_lexicon", "competencies"),
    ("jobmatch.datafiles.bridge", "check_bridge", "competencies"),
    ("jobmatch.datafiles.guard_places", "check_places", "competencies"),
    ("jobmatch.services.document_inputs", "check_organisation_names", "competencies"),
    ("jobmatch.datafiles.postings", "check_vacancies", "vacancies"),
    ("jobmatch.datafiles.towns", "check_towns", "vacancies"),
    ("jobmatch.datafiles.templates", "check_templates", "cv_templates"),
)

Checker = Callable[[Path], list[Problem]]


def _load(module_name: str, function_name: str) -> Checker:
    module = importlib.import_module(module_name)
    checker: Checker = getattr(module, function_name)
    return checker


def run_checker(module_name: str, function_name: str, directory: Path) -> list[Problem]:
    """The problems one checker finds; a missing or crashing checker is itself a problem."""
    where = f"{module_name}.{function_name}"
    try:
        checker = _load(module_name, function_name)
    except (ImportError, AttributeError) as exc:
        return [Problem(where, "", "", f"controle ontbreekt / checker is missing: {exc}")]
    if not directory.is_dir():
        return [Problem(str(directory), "", "", "map ontbreekt / folder is missing")]
    try:
        return list(checker(directory))
    except DataFileError as exc:
        return list(exc.problems)
    except Exception as exc:  # a checker must never crash the whole check
        message = f"controle mislukt / checker failed: {type(exc).__name__}: {exc}"
        return [Problem(str(directory), "", "", message)]


def check_all(root: Path) -> list[Problem]:
    """Every problem in competencies/, vacancies/ and cv_templates/ under `root`."""
    problems: list[Problem] = []
    for module_name, function_name, folder in CHECKERS:
        problems.extend(run_checker(module_name, function_name, root / folder))
    return problems
