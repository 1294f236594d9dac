"""`jobmatch cv / letter / pitch / interview` through click, with real files read back."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from jobmatch.cli import main
from jobmatch.datafiles.paths import data_dir

PARTICIPANT = data_dir("vacancies") / "participants" / "reka-hu.json"
VACANCY = data_dir("vacancies") / "jobs" / "administratief-medewerker-gouda.txt"


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


@pytest.fixture
def leaky_profile(tmp_path: Path) -> Path:
    data = json.loads(PARTICIPANT.read_text("utf-8"))
    data["competencies"] = [
        {"id": "gastvrijheid", "evidence": "Ik ontving klanten in een privéhuis."}
    ]
    path = tmp_path / "leaky.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_cv_into_a_folder_uses_the_neutral_name(tmp_path: Path) -> None:
    code, output = run("cv", "--profile", PARTICIPANT, "--format", "pdf", "-o", tmp_path)
    assert code == 0, output
    files = [p.name for p in tmp_path.iterdir()]
    assert files == ["cv-reka.pdf"]
    text = PdfReader(tmp_path / "cv-reka.pdf").pages[0].extract_text()
    assert "Réka" in text and "PROFIEL" in text


def test_cv_for_a_vacancy_in_english_docx(tmp_path: Path) -> None:
    out = tmp_path / "mijn-cv.docx"
    code, output = run(
        "cv", "--profile", PARTICIPANT, "--vacancy", VACANCY, "--lang", "en",
        "--template", "warm", "--format", "docx", "-o", out,
    )  # fmt: skip
    assert code == 0, output
    paragraphs = docx.Document(str(out)).paragraphs
    assert paragraphs[0].style.name == "Title"
    assert any(p.style.name == "Heading 1" and p.text.upper() == "PROFILE" for p in paragraphs)


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_letter_in_every_format(tmp_path: Path, fmt: str) -> None:
    code, output = run(
        "letter", "--profile", PARTICIPANT, "--vacancy", VACANCY, "--format", fmt, "-o", tmp_path
    )
    assert code == 0, output
    path = tmp_path / f"brief-reka-administratief-medewerker-klantcontact.{fmt}"  # the job, cleaned
    if fmt == "txt":
        text = path.read_text("utf-8")
    elif fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    else:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)
    assert "sollicitatie administratief medewerker" in text and "Réka Szabó" in text


@pytest.mark.parametrize("command", ["pitch", "interview"])
def test_pitch_and_interview_sheets(tmp_path: Path, command: str) -> None:
    code, output = run(command, "--profile", PARTICIPANT, "--format", "pdf", "-o", tmp_path)
    assert code == 0, output
    (written,) = tmp_path.iterdir()
    assert written.suffix == ".pdf" and written.name.endswith("-reka.pdf")
    assert PdfReader(written).pages[0].extract_text().strip()


def test_guard_block_exits_2_and_writes_nothing(tmp_path: Path, leaky_profile: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for fmt in ("pdf", "docx"):
        code, output = run("cv", "--profile", leaky_profile, "--format", fmt, "-o", out_dir)
        assert code == 2
        assert "privéhuis" in output and "Document tegengehouden" in output
    assert list(out_dir.iterdir()) == []  # no file, no temporary left behind


def test_existing_file_is_kept_when_blocked(tmp_path: Path, leaky_profile: Path) -> None:
    target = tmp_path / "cv.pdf"
    target.write_bytes(b"earlier version")
    code, _ = run("cv", "--profile", leaky_profile, "--format", "pdf", "-o", target)
    assert code == 2 and target.read_bytes() == b"earlier version"


def test_unknown_template_lists_the_available_ones(tmp_path: Path) -> None:
    code, output = run(
        "cv", "--profile", PARTICIPANT, "--template", "fancy", "--format", "pdf", "-o", tmp_path
    )
    assert code == 2
    assert "Onbekende sjabloon / unknown template" in output
    assert "compact, helder, warm" in output
    assert "Traceback" not in output and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "No such file"),
        ("", "geen geldige JSON / invalid JSON"),
        ("{}", "name"),
        ('{"name": "Ana", "competencies": [{"id": "vliegen"}]}', "vliegen"),
    ],
)
def test_bad_profiles_give_one_clear_message(
    tmp_path: Path, content: str | None, expected: str
) -> None:
    path = tmp_path / "p.json"
    if content is not None:
        path.write_text(content, "utf-8")
    code, output = run("cv", "--profile", path, "--format", "pdf", "-o", tmp_path / "o.pdf")
    assert code == 2 and expected in output and "Traceback" not in output
    assert not (tmp_path / "o.pdf").exists()


def test_letter_requires_a_vacancy(tmp_path: Path) -> None:
    code, output = run("letter", "--profile", PARTICIPANT, "--format", "txt", "-o", tmp_path)
    assert code == 2 and "--vacancy" in output


def test_a_vacancy_that_is_not_text_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "vacature.pdf"
    fake.write_bytes(b"%PDF-1.4\n%binary\x00\x01")
    code, output = run(
        "letter", "--profile", PARTICIPANT, "--vacancy", fake, "--format", "txt", "-o", tmp_path
    )
    assert code == 2 and "tekstbestand" in output and "text file" in output
    assert [p.name for p in tmp_path.iterdir()] == ["vacature.pdf"]


def test_letter_with_employer_contact_and_opted_in_date(tmp_path: Path) -> None:
    data = json.loads(PARTICIPANT.read_text("utf-8"))
    data["cv"] = {"letter_date": True}
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, output = run(
        "letter", "--profile", profile, "--vacancy", VACANCY, "--format", "txt",
        "--employer", "Groenhart Administratie", "--contact", "mevrouw De Vries", "-o", tmp_path,
    )  # fmt: skip
    assert code == 0, output
    text = (tmp_path / "brief-reka-administratief-medewerker-klantcontact.txt").read_text("utf-8")
    assert "Geachte mevrouw De Vries," in text and "Groenhart Administratie" in text
    assert str(date.today().year) in text  # the participant chose a date line


def test_file_name_must_match_the_format(tmp_path: Path) -> None:
    code, output = run("cv", "--profile", PARTICIPANT, "--format", "pdf", "-o", tmp_path / "a.docx")
    assert code == 2 and "must end in .pdf" in output
    assert list(tmp_path.iterdir()) == []
