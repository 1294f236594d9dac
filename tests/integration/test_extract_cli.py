"""`jobmatch extract` through click: JSON shape, several files, and bad input without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main

POSTING = (
    "Schoonmaker kantoren Delft\n\nWat ga je doen?\n- Je maakt kantoren schoon\n"
    "Wat vragen wij?\n- Je werkt zelfstandig en nauwkeurig\n- Beschikbaar 's avonds\n"
    "Wat bieden wij?\n- 12 uur per week, € 14,40 bruto per uur\n"
)


@pytest.fixture
def posting(tmp_path: Path) -> Path:
    path = tmp_path / "schoonmaker.txt"
    path.write_text(POSTING, encoding="utf-8")
    return path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["extract", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


def test_one_file_gives_one_object(posting: Path) -> None:
    code, out, _ = _run(str(posting), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["source"] == "schoonmaker.txt"
    assert data["title"] == "Schoonmaker kantoren Delft"
    ids = {c["id"] for c in data["competencies"]}
    assert {"schoonmaken", "zelfstandigheid", "nauwkeurigheid", "flexibiliteit"} <= ids
    assert data["requirements"]["shifts"] == ["evening"]
    assert data["requirements"]["salary_unit"] == "hour"
    assert data["location"] == "Delft"


def test_several_files_give_a_list(posting: Path, tmp_path: Path) -> None:
    other = tmp_path / "tweede.txt"
    other.write_text("Afwasser gezocht in Leiden, start direct!\n", encoding="utf-8")
    code, out, _ = _run(str(posting), str(other), "--json")
    data = json.loads(out)
    assert code == 0
    assert [d["source"] for d in data] == ["schoonmaker.txt", "tweede.txt"]


def test_plain_output_without_json(posting: Path) -> None:
    code, out, _ = _run(str(posting))
    assert code == 0
    assert "schoonmaken" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Bestand is leeg / file is empty"),
        (b"\x00\x01\x02\x03binary\x00\xff" * 50, "geen tekstbestand / this is not a text file"),
    ],
)
def test_bad_files_get_one_clear_message(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = _run(str(path), "--json")
    assert code == 2
    assert message in err
    assert "Traceback" not in out + err


def test_missing_file(tmp_path: Path) -> None:
    code, _, err = _run(str(tmp_path / "nope.txt"), "--json")
    assert code == 2
    assert "bestaat niet / file does not exist" in err


def test_cp1252_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes("Caf\xe9medewerker\n\nJe bent klantvriendelijk.".encode("latin-1"))
    code, out, _ = _run(str(path), "--json")
    assert code == 0
    assert json.loads(out)["title"] == "Café".replace("é", "\xe9") + "medewerker"


def test_huge_file_is_capped_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(
        "Groot\n\n" + "Je bent klantvriendelijk en flexibel. " * 140_000, encoding="utf-8"
    )
    code, out, err = _run(str(path), "--json")
    assert code == 0
    assert "alleen de eerste" in err and "only the first" in err
    assert json.loads(out)["competencies"]


def test_one_line_file_is_title_and_text(tmp_path: Path) -> None:
    path = tmp_path / "kort.txt"
    path.write_text("Schoonmaker gezocht in Delft, za en zo, 8 uur per week.", encoding="utf-8")
    code, out, _ = _run(str(path), "--json")
    data = json.loads(out)
    assert code == 0
    assert "schoonmaken" in {c["id"] for c in data["competencies"]}
    assert data["requirements"]["hours_min"] == 8
    assert data["requirements"]["shifts"] == ["weekend"]
