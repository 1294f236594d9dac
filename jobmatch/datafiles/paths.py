"""Where the data folders are: env override, the installed wheel, or the source checkout."""

from __future__ import annotations

import os
from pathlib import Path

DATA_FOLDERS = ("competencies", "vacancies", "cv_templates")
_PACKAGE = Path(__file__).resolve().parent.parent


def data_root() -> Path:
    """The folder that holds competencies/, vacancies/ and cv_templates/.

    JOBMATCH_DATA_DIR wins; then the copy inside an installed wheel (jobmatch/_data);
    then the source checkout the package lives in (editable installs, tests).
    """
    override = os.environ.get("JOBMATCH_DATA_DIR")
    if override:
        return Path(override)
    bundled = _PACKAGE / "_data"
    if (bundled / "competencies").is_dir():
        return bundled
    return _PACKAGE.parent


def data_dir(name: str) -> Path:
    """One of the data folders by name, e.g. data_dir("competencies")."""
    if name not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder {name!r}")
    return data_root() / name
