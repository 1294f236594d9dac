"""Load vacancies/nl-pc4.csv (GeoNames, geonames.org, CC BY 4.0) into a Pc4Index."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.reading import read_csv_rows
from jobmatch.datafiles.towns import TOWNS_FILE, load_towns
from jobmatch.domain.errors import DataFileError, Problem
from jobmatch.domain.geo import Pc4Index

PC4_FILE = "nl-pc4.csv"


def read_pc4(path: Path) -> Pc4Index:
    """The postcodes, plus the towns of towns.csv next to them (if there is one)."""
    rows = []
    problems = []
    for line, row in enumerate(read_csv_rows(path), start=2):
        try:
            rows.append((row["pc4"], float(row["lat"]), float(row["lon"]), row["municipality"]))
        except (KeyError, ValueError):
            problems.append(Problem(str(path), f"line {line}", "", "ongeldige regel / bad row"))
    if problems:
        raise DataFileError(problems)
    towns_path = path.parent / TOWNS_FILE
    return Pc4Index.from_rows(rows, load_towns(towns_path) if towns_path.is_file() else ())


@lru_cache(maxsize=2)
def load_pc4_index(path: Path | None = None) -> Pc4Index:
    """The postcode index (cached per process)."""
    return read_pc4(path or data_dir("vacancies") / PC4_FILE)
