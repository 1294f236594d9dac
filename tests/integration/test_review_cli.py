"""Odd inputs found in the final review: each gives one Dutch + English line, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main
from jobmatch.datafiles.paths import data_dir

PARTICIPANT = data_dir("vacancies") / "participants" / "reka-hu.json"


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("make", "dutch", "english"),
    [
        (lambda p: p.mkdir(), "dit is een map, geen bestand", "Is a directory"),
        (lambda p: None, "bestand of map niet gevonden", "No such file"),
    ],
)
def test_letter_with_a_bad_vacancy_path_says_so_in_dutch_and_english(
    tmp_path: Path, make: object, dutch: str, english: str
) -> None:
    vacancy = tmp_path / "vacature"
    make(vacancy)  # type: ignore[operator]
    code, output = run(
        "letter",
        "--profile",
        PARTICIPANT,
        "--vacancy",
        vacancy,
        "--format",
        "txt",
        "-o",
        tmp_path / "brief.txt",
    )
    assert code == 2, output
    assert dutch in output and english in output and str(vacancy) in output
    assert "Traceback" not in output and not (tmp_path / "brief.txt").exists()


def test_cv_with_a_folder_as_profile_says_so_in_dutch(tmp_path: Path) -> None:
    code, output = run("cv", "--profile", tmp_path, "--format", "pdf", "-o", tmp_path / "cv.pdf")
    assert code == 2, output
    assert "dit is een map, geen bestand / Is a directory" in output
    assert "Traceback" not in output


def test_extract_summary_shows_a_salary_with_only_an_upper_bound(tmp_path: Path) -> None:
    path = tmp_path / "kok.txt"
    path.write_text(
        "Kok\n\nWij zoeken een kok. Salaris tot 2500 euro per maand. 24 uur per week.\n", "utf-8"
    )
    code, output = run("extract", path)
    assert code == 0, output
    assert "salaris / salary: ?-2500.0 per month" in output and "None" not in output


def test_extract_reads_a_file_with_old_mac_line_ends_like_any_other(tmp_path: Path) -> None:
    source = data_dir("vacancies") / "jobs" / "administratief-medewerker-gouda.txt"
    text = source.read_text("utf-8")
    (tmp_path / "lf.txt").write_text(text, "utf-8", newline="")
    (tmp_path / "cr.txt").write_text(text.replace("\n", "\r"), "utf-8", newline="")
    outputs = []
    for name in ("lf.txt", "cr.txt"):
        code, output = run("extract", tmp_path / name, "--json")
        assert code == 0, output
        outputs.append(json.loads(output) | {"source": ""})
    assert outputs[0] == outputs[1]
    assert outputs[1]["title"] == text.splitlines()[0].strip()


def test_output_below_a_file_says_so_in_dutch(tmp_path: Path) -> None:
    (tmp_path / "brief").write_text("not a folder", "utf-8")
    target = tmp_path / "brief" / "cv.pdf"
    code, output = run("cv", "--profile", PARTICIPANT, "--format", "pdf", "-o", target)
    assert code == 2, output
    assert "er staat al een bestand met die naam" in output or "geen map" in output
    assert "Traceback" not in output


def test_utf16_files_from_windows_are_read(tmp_path: Path) -> None:
    """PowerShell's `>` and Notepad's "Unicode" write UTF-16 with a byte order mark."""
    profile = tmp_path / "p.json"
    profile.write_bytes(PARTICIPANT.read_text("utf-8").encode("utf-16"))
    source = data_dir("vacancies") / "jobs" / "administratief-medewerker-gouda.txt"
    vacancy = tmp_path / "v.txt"
    vacancy.write_bytes(source.read_text("utf-8").encode("utf-16"))
    code, output = run("extract", vacancy, "--json")
    assert code == 0, output
    plain = run("extract", source, "--json")[1]
    assert json.loads(output) | {"source": ""} == json.loads(plain) | {"source": ""}
    code, output = run(
        "letter",
        "--profile",
        profile,
        "--vacancy",
        vacancy,
        "--format",
        "txt",
        "-o",
        tmp_path / "brief.txt",
    )
    assert code == 0, output
    letter = (tmp_path / "brief.txt").read_text("utf-8")
    assert "Réka" in letter and "administratief medewerker" in letter.lower()


def test_rank_skips_a_folder_named_like_a_vacancy_file(tmp_path: Path) -> None:
    jobs = tmp_path / "jobs"
    jobs.mkdir()
    (jobs / "map.txt").mkdir()
    source = data_dir("vacancies") / "jobs" / "administratief-medewerker-gouda.txt"
    (jobs / "echt.txt").write_text(source.read_text("utf-8"), "utf-8")
    code, output = run("rank", "--profile", PARTICIPANT, "--vacancies", jobs, "--json")
    assert code == 0, output
    assert "overgeslagen" in output and "dit is een map, geen bestand" in output
    assert '"source": "echt.txt"' in output
