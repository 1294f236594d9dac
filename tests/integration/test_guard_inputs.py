"""Issue 10: every path into a document is guarded, through the real CLI, files read back.

check_document_inputs names the field; the CLI exits 2 and writes nothing; the file name is
built from the normalised text; the date opt-in is per document and per field and never
switches off the age check.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from jobmatch.cli import main
from jobmatch.datafiles.paths import data_dir
from jobmatch.domain.document import Block, Document
from jobmatch.domain.guard import DocumentBlockedError
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.vacancies import Extraction
from jobmatch.services.document_inputs import DocumentOptions, check_document_inputs
from jobmatch.services.documents import build_document, neutral_filename

PARTICIPANT = data_dir("vacancies") / "participants" / "reka-hu.json"
VACANCY = data_dir("vacancies") / "jobs" / "administratief-medewerker-gouda.txt"


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


def profile_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(PARTICIPANT.read_text("utf-8"))
    return data


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_check_names_every_field_path() -> None:
    data = profile_data()
    data["contact"]["city"] = "Doubletstraat"
    data["education"] = [{"title": "Cursus bij een escortbureau", "level": "", "completed": True}]
    data["interests"] = ["wandelen\u202e"]
    data["cv"] = {"motivation": "Ik ben 45 jaar oud."}
    problems = check_document_inputs(
        profile_from_dict(data),
        Extraction(source="x", title="Gastvrouw herenclub"),
        DocumentOptions(
            kind="letter", employer="Privéhuis Roos", contact_name="Mevrouw Es\u200bcort"
        ),
    )
    wheres = {p.where for p in problems}
    assert {
        "contact.city",
        "education[0].title",
        "interests[0]",
        "cv.motivation",
        "vacancy.title",
        "options.employer",
        "options.contact",
    } <= wheres
    assert any("U+202E" in p.message for p in problems if p.where == "interests[0]")


def test_ordinary_contact_details_pass() -> None:
    data = profile_data()
    data["contact"] = {"email": "ana1985@example.org", "phone": "06-20192020", "postcode": "2011"}
    assert check_document_inputs(profile_from_dict(data), None, DocumentOptions()) == []


def test_personal_services_text_is_not_checked_but_its_neutral_line_is() -> None:
    data = profile_data()
    data["experiences"] = [
        {"title": "Escort", "kind": "personal-services", "description": "Werk in een privéhuis."}
    ]
    assert check_document_inputs(profile_from_dict(data), None, DocumentOptions()) == []
    data["experiences"][0]["neutral_line"] = "Zelfstandig in een club"
    (problem,) = check_document_inputs(profile_from_dict(data), None, DocumentOptions())
    assert problem.where == "experiences[0].neutral_line"


@pytest.mark.parametrize(
    "option",
    [("--employer", "Herenclub De Roos"), ("--contact", "mevrouw e.s.c.o.r.t")],
)
def test_letter_options_are_guarded(tmp_path: Path, option: tuple[str, str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    code, output = run(
        "letter", "--profile", PARTICIPANT, "--vacancy", VACANCY, "--format", "pdf",
        *option, "-o", out,
    )  # fmt: skip
    assert code == 2 and "Document tegengehouden" in output
    assert ("options.employer" if option[0] == "--employer" else "options.contact") in output
    assert list(out.iterdir()) == [] and "Traceback" not in output


def test_vacancy_title_is_guarded(tmp_path: Path) -> None:
    vacancy = tmp_path / "v.txt"
    vacancy.write_text("Gastvrouw herenclub\n\nWij zoeken een gastvrouw.\n", "utf-8")
    code, output = run(
        "letter", "--profile", PARTICIPANT, "--vacancy", vacancy, "--format", "txt", "-o", tmp_path
    )
    assert code == 2 and "vacancy.title" in output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.json"] or list(
        tmp_path.glob("*.txt")
    ) == [vacancy]


def test_file_name_is_built_from_the_normalised_name_and_guarded() -> None:
    assert neutral_filename("cv-Ｒé\u200bka", "pdf") == "cv-reka.pdf"
    assert neutral_filename("cv-Еѕсоrt", "pdf") == "cv-escort.pdf"  # what the guard reads
    assert neutral_filename("cv-Ирина", "pdf") == "cv.pdf"  # not half a name ("pa")
    assert neutral_filename("cv-Yıldız", "pdf") == "cv-yildiz.pdf"
    document = Document(
        kind="cv",
        lang="nl",
        title="CV Ana",
        author="Ana",
        blocks=(Block("title", "Ana"),),
        filename_stem="cv-Еѕсоrt",
    )
    with pytest.raises(DocumentBlockedError) as caught:
        build_document(document=document, fmt="txt")
    assert [f.where for f in caught.value.findings] == ["file name"]


def test_invisible_character_in_the_name_is_refused(tmp_path: Path) -> None:
    data = profile_data()
    data["name"] = "Es\u2060cort Tóth"
    code, output = run("cv", "--profile", write(tmp_path, data), "--format", "pdf", "-o", tmp_path)
    assert code == 2 and "name" in output
    assert not list(tmp_path.glob("*.pdf"))


def test_letter_date_opt_in_does_not_open_the_cv_or_ages(tmp_path: Path) -> None:
    data = profile_data()
    data["cv"] = {"letter_date": True}
    path = write(tmp_path, data)
    code, output = run(
        "letter", "--profile", path, "--vacancy", VACANCY, "--format", "pdf", "-o", tmp_path
    )
    assert code == 0, output
    data["competencies"][0]["evidence"] = "Ik ben 45 jaar oud, geboren op 12-03-1979."
    path = write(tmp_path, data)
    for command in ("letter", "cv"):
        extra = ["--vacancy", VACANCY] if command == "letter" else []
        code, output = run(command, "--profile", path, *extra, "--format", "pdf", "-o", tmp_path)
        assert code == 2 and "competencies[0].evidence" in output


def test_exact_periods_are_shown_only_in_their_own_field(tmp_path: Path) -> None:
    data = profile_data()
    data["cv"] = {"date_policy": "exact"}
    data["experiences"][0]["period"] = "2016 - 2019"
    out = tmp_path / "cv.pdf"
    code, output = run("cv", "--profile", write(tmp_path, data), "--format", "pdf", "-o", out)
    assert code == 0, output
    assert "2016 - 2019" in " ".join(page.extract_text() for page in PdfReader(out).pages)
    data["experiences"][0]["description"] = "In 2021, begon ik als kok."
    code, output = run("cv", "--profile", write(tmp_path, data), "--format", "pdf", "-o", out)
    assert code == 2 and "experiences[0].description" in output
