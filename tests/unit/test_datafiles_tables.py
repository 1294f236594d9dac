"""CSV tables of vacancies/: empty files, header-only files, missing columns, delimiters."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main
from jobmatch.datafiles.employers import load_employers
from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.postings import check_vacancies
from jobmatch.datafiles.tables import EMPTY, NO_ROWS, csv_table
from jobmatch.domain.errors import DataFileError

FIELDS = ("id", "name", "pc4")


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "table.csv"
    path.write_text(text, encoding=encoding)
    return path


def messages(path: Path) -> list[str]:
    return [p.message for p in csv_table(path, FIELDS)[1]]


@pytest.mark.parametrize("header", ["id,name,pc4\n", "id;name;pc4\r\n", "\ufeffid,name,pc4"])
def test_header_without_rows_is_a_problem(tmp_path: Path, header: str) -> None:
    path = write(tmp_path, header)
    rows, problems = csv_table(path, FIELDS)
    assert rows == []
    assert [(p.source, p.message) for p in problems] == [(str(path), NO_ROWS)]
    assert "bevat geen regels" in NO_ROWS and "has no rows" in NO_ROWS


def test_header_without_rows_also_names_missing_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "id;naam\n")
    problems = csv_table(path, FIELDS)[1]
    assert sorted(p.field for p in problems if p.where == "line 1") == ["name", "pc4"]
    assert problems[-1].message == NO_ROWS


def test_rows_empty_file_and_missing_file(tmp_path: Path) -> None:
    path = write(tmp_path, "id;name;pc4\n1;Ans;2511\n", encoding="cp1252")
    assert csv_table(path, FIELDS) == ([{"id": "1", "name": "Ans", "pc4": "2511"}], [])
    assert messages(write(tmp_path, "  \n")) == [EMPTY]
    assert messages(tmp_path / "nope.csv") == ["bestand ontbreekt / file is missing"]


def test_header_only_employers_refused_by_loader_and_check_data(tmp_path: Path) -> None:
    copy = tmp_path / "vacancies"
    shutil.copytree(data_dir("vacancies"), copy)
    employers = copy / "employers.csv"
    employers.write_text(employers.read_text(encoding="utf-8").splitlines()[0] + "\n")
    with pytest.raises(DataFileError, match="bevat geen regels"):
        load_employers(employers)
    assert any(p.source == str(employers) and p.message == NO_ROWS for p in check_vacancies(copy))
    result = CliRunner().invoke(main, ["check-data", "--root", str(tmp_path)])
    assert result.exit_code != 0 and "employers.csv: " + NO_ROWS in result.output
