"""Demo data in vacancies/ and its loaders: real files read back, broken copies give problems."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main
from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.postings import (
    check_vacancies,
    load_demo_participants,
    load_employers,
    load_organisations,
    load_postings,
    load_training_places,
    load_vacancy_meta,
    read_posting,
)
from jobmatch.domain.errors import DataFileError, Problem
from jobmatch.domain.profiles import EXPERIENCE_KINDS

VACANCIES = data_dir("vacancies")
JOBS = VACANCIES / "jobs"


def _pc4_municipalities() -> dict[str, str]:
    with (VACANCIES / "nl-pc4.csv").open(encoding="utf-8") as handle:
        return {row["pc4"]: row["municipality"] for row in csv.DictReader(handle)}


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A writable copy of the real vacancies/ folder."""
    target = tmp_path / "vacancies"
    shutil.copytree(VACANCIES, target)
    return target


def _find(problems: list[Problem], source_part: str, field: str) -> list[Problem]:
    return [p for p in problems if source_part in p.source and p.field == field]


# --- the real demo data -------------------------------------------------------------------


def test_real_demo_data_has_no_problems() -> None:
    assert check_vacancies(VACANCIES) == []


def test_real_demo_data_counts() -> None:
    postings = load_postings(JOBS)
    assert len(postings) >= 30
    assert len(load_training_places(VACANCIES / "training")) >= 15
    assert len(load_employers(VACANCIES / "employers.csv")) >= 20
    organisations = load_organisations(VACANCIES / "organisations.toml")
    assert len(organisations) >= 2
    assert 6 <= len(load_demo_participants(VACANCIES / "participants")) <= 8
    assert [p.source for p in postings] == sorted(p.source for p in postings)


def test_every_pc4_resolves_to_its_city() -> None:
    pc4 = _pc4_municipalities()
    employers = load_employers(VACANCIES / "employers.csv")
    meta = load_vacancy_meta(JOBS)
    training = load_training_places(VACANCIES / "training")
    for code in [e.pc4 for e in employers] + [m.pc4 for m in meta.values()]:
        assert code in pc4, code
    for place in training:
        assert place.pc4 in pc4, place.id
    cities = {"Den Haag": "'s-Gravenhage", "Voorburg": "Leidschendam-Voorburg"}
    for employer in employers:
        expected = cities.get(employer.city, employer.city)
        assert employer.pc4 is not None
        assert pc4[employer.pc4] in (expected, "Westland", "Leidschendam-Voorburg"), employer.id


def test_open_to_gap_for_about_a_third_and_contacts_are_fictional() -> None:
    employers = load_employers(VACANCIES / "employers.csv")
    share = sum(e.open_to_gap for e in employers) / len(employers)
    assert 0.25 <= share <= 0.45
    for employer in employers:
        (contact,) = employer.contacts
        assert re.search(r"@[\w.-]*example\.(org|nl)$", contact.email), contact.email
        assert re.fullmatch(r"0\d{2,3}-123\d{3,4}", contact.phone), contact.phone


def test_vacancies_look_like_postings() -> None:
    postings = load_postings(JOBS)
    meta = load_vacancy_meta(JOBS)
    employers = {e.id: e for e in load_employers(VACANCIES / "employers.csv")}
    words = {p.source: len(p.text.split()) for p in postings}
    short = [source for source, count in words.items() if count < 120]
    assert len(short) == 1 and words[short[0]] < 40  # the one-line posting
    assert all(count <= 400 for count in words.values())
    english = [p for p in postings if "What we offer" in p.text or "Our offer" in p.text]
    assert len(english) >= 2
    for posting in postings:
        name = employers[meta[posting.source].employer_id].name
        assert name in posting.text, posting.source
    everything = "\n".join(p.text for p in postings)
    for needle in ("Salarisindicatie2784", "€14,40 bruto per uur", "heftruckcertificaat", "VOG"):
        assert needle in everything
    assert re.search(r"[A-Za-z]• ?Je hebt", everything)  # a heading run into the next bullet


def test_training_places_have_fields_and_descriptions() -> None:
    for place in load_training_places(VACANCIES / "training"):
        assert place.provider and place.city and place.start_moments and place.funding
        assert 100 <= len(place.description.split()) <= 250, place.id
        assert not any(re.search(r"\b(19|20)\d\d\b", m) for m in place.start_moments)
    kinds = {p.kind for p in load_training_places(VACANCIES / "training")}
    assert kinds == {"course", "work-experience", "volunteering"}


def test_organisations_have_every_role_and_marked_demo_passwords() -> None:
    text = (VACANCIES / "organisations.toml").read_text(encoding="utf-8")
    assert "DEMO CREDENTIALS" in text
    for organisation in load_organisations(VACANCIES / "organisations.toml"):
        roles = {s.role for s in organisation.staff}
        assert roles == {"job_hunter", "coordinator", "admin"}
        assert all(s.password.startswith("demo-") for s in organisation.staff)


def test_participants_are_varied_and_valid_against_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = VACANCIES.parent / "docs" / "profile.schema.json"
    participants = load_demo_participants(VACANCIES / "participants")
    assert {p.phase for p in participants} == {"contact", "oriëntatie", "uitvoering", "nazorg"}
    assert all(
        any(e.kind == "personal-services" for e in p.profile.experiences) for p in participants
    )
    kinds = {e.kind for p in participants for e in p.profile.experiences}
    assert kinds <= set(EXPERIENCE_KINDS) and len(kinds) >= 5
    languages = {s.language for p in participants for s in p.profile.languages}
    assert {"hu", "ro", "es", "pt", "th", "nl", "en"} <= languages
    assert any(p.profile.avoid.employers for p in participants)
    if schema_path.is_file():
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        for path in (VACANCIES / "participants").glob("*.json"):
            jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)


# --- read_posting ---------------------------------------------------------------------------


def test_read_posting_title_blank_line_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Kok\n\nWat ga je doen?\nKoken.\n", encoding="utf-8")
    posting = read_posting(path)
    assert (posting.source, posting.title, posting.text) == (
        "a.txt",
        "Kok",
        "Wat ga je doen?\nKoken.",
    )


def test_read_posting_without_blank_line_bom_and_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_bytes("\ufeffHost\r\nGastvrij en €15 per uur".encode())
    assert (read_posting(path).title, read_posting(path).text) == (
        "Host",
        "Gastvrij en €15 per uur",
    )
    path.write_bytes("Caissière\n\nCafé, € 14 per uur".encode("cp1252"))
    assert read_posting(path).title == "Caissière"
    assert read_posting(path).text == "Café, € 14 per uur"


@pytest.mark.parametrize("content", ["", "\n \n", "Alleen een titel\n"])
def test_read_posting_empty_or_title_only_is_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "leeg.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_posting(path)
    message = str(caught.value)
    assert "leeg.txt" in message
    assert "Bestand is leeg / file is empty" in message or "geen tekst / only a title" in message


# --- broken copies --------------------------------------------------------------------------


def test_empty_posting_file_is_reported(copy: Path) -> None:
    (copy / "jobs" / "zorgassistent-delft.txt").write_text("", encoding="utf-8")
    problems = check_vacancies(copy)
    assert [str(p) for p in problems if "zorgassistent-delft.txt" in p.source] == [
        f"{copy / 'jobs' / 'zorgassistent-delft.txt'}: Bestand is leeg / file is empty"
    ]
    with pytest.raises(DataFileError):
        load_postings(copy / "jobs")


def test_meta_unknown_employer_missing_file_bad_pc4(copy: Path) -> None:
    meta = copy / "jobs" / "meta.csv"
    with meta.open("a", encoding="utf-8") as handle:
        handle.write("bestaat-niet.txt,onbekend-bedrijf,horeca,2500\n")  # a PO-box range
        handle.write("zorgassistent-delft.txt,lindehof,zorg,26X5\n")
    problems = check_vacancies(copy)
    line = len(meta.read_text(encoding="utf-8").splitlines()) - 1
    unknown = _find(problems, "meta.csv", "employer_id")
    assert len(unknown) == 1 and unknown[0].where.startswith(f"line {line} ")
    assert "onbekend-bedrijf" in unknown[0].message
    assert any("bestaat niet" in p.message for p in _find(problems, "meta.csv", "file"))
    assert any("duplicate" in p.message for p in _find(problems, "meta.csv", "file"))
    pc4 = {p.message for p in _find(problems, "meta.csv", "pc4")}
    assert any("2500" in m and "nl-pc4.csv" in m for m in pc4)
    assert any("26X5" in m for m in pc4)


def test_posting_without_meta_row(copy: Path) -> None:
    (copy / "jobs" / "nieuw.txt").write_text("Nieuw\n\nEen tekst.", encoding="utf-8")
    (problem,) = _find(check_vacancies(copy), "nieuw.txt", "file")
    assert "meta.csv" in problem.message


def test_employer_missing_field_and_pc4_in_wrong_city(copy: Path) -> None:
    path = copy / "employers.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("Schoonhuis Facilitair B.V.", "")  # name emptied on line 2
    lines[2] = lines[2].replace(",2516,", ",2611,")  # a Delft pc4 for a Den Haag employer
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = check_vacancies(copy)
    (name,) = _find(problems, "employers.csv", "name")
    assert name.where == "line 2" and "ontbreekt" in name.message
    (city,) = _find(problems, "employers.csv", "city")
    assert city.where == "line 3" and "2611" in city.message
    with pytest.raises(DataFileError, match=r"employers\.csv:line 2 \[name\]"):
        load_employers(path)


def test_employers_csv_in_cp1252_with_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "employers.csv"
    header = (
        "id;name;sector;city;pc4;open_to_gap;contact_name;contact_role;contact_email;"
        "contact_phone;notes"
    )
    row = (
        "cafe;Café Zeezicht;horeca;Den Haag;2586;ja;Zoë Maréchal;Eigenaar;"
        "zoe@cafe.example.nl;070-1234999;Één kans"
    )
    path.write_bytes(f"{header}\r\n{row}\r\n".encode("cp1252"))
    (employer,) = load_employers(path)
    assert (employer.name, employer.open_to_gap, employer.pc4) == ("Café Zeezicht", True, "2586")
    assert employer.contacts[0].name == "Zoë Maréchal" and employer.notes == "Één kans"


def test_employers_csv_with_bom_and_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "employers.csv"
    path.write_bytes("\ufeffid,name,sector,city,pc4\nx,X,horeca,Delft,2611\n".encode())
    with pytest.raises(DataFileError) as caught:
        load_employers(path)
    assert [(p.where, p.field) for p in caught.value.problems] == [("line 1", "open_to_gap")]


def test_empty_csv_is_reported(copy: Path) -> None:
    (copy / "employers.csv").write_text("", encoding="utf-8")
    problems = check_vacancies(copy)
    assert any(
        p.source.endswith("employers.csv") and p.message == "Bestand is leeg / file is empty"
        for p in problems
    )
    # every meta row now names an unknown employer
    assert len(_find(problems, "meta.csv", "employer_id")) == len(load_vacancy_meta(copy / "jobs"))


def test_training_missing_field_unknown_competency_bad_pc4(copy: Path) -> None:
    path = copy / "training" / "nt2-a2-den-haag.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('provider = "Taalhuis Haaglanden"\n', "")
    text = text.replace('"talenkennis"]', '"toveren"]').replace('pc4 = "2525"', 'pc4 = "0000"')
    path.write_text(text, encoding="utf-8")
    problems = check_vacancies(copy)
    fields = {p.field: p for p in problems if p.source.endswith("nt2-a2-den-haag.toml")}
    assert set(fields) == {"provider", "competencies_taught", "pc4"}
    assert fields["provider"].where == "nt2-a2-den-haag"
    assert "toveren" in fields["competencies_taught"].message
    assert "0000" in fields["pc4"].message


def test_training_with_bad_toml_and_bad_kind(copy: Path) -> None:
    (copy / "training" / "kapot.toml").write_text('title = "x\n', encoding="utf-8")
    other = copy / "training" / "vca-heftruck-naaldwijk.toml"
    other.write_text(other.read_text(encoding="utf-8").replace('"course"', '"cursus"'), "utf-8")
    problems = check_vacancies(copy)
    assert any("TOML" in p.message for p in problems if p.source.endswith("kapot.toml"))
    (kind,) = _find(problems, "vca-heftruck-naaldwijk.toml", "kind")
    assert "course" in kind.message


def test_participant_unknown_organisation_and_bad_phase(copy: Path) -> None:
    path = copy / "participants" / "reka-hu.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(organisation="bestaat-niet", phase="klaar")
    data["languages"][0]["level"] = "Z9"
    path.write_text(json.dumps(data), encoding="utf-8")
    problems = [p for p in check_vacancies(copy) if p.source.endswith("reka-hu.json")]
    assert {p.field for p in problems} >= {"phase"}
    assert any("languages[0].level" in p.where for p in problems)
    data["languages"][0]["level"] = "native"
    path.write_text(json.dumps(data), encoding="utf-8")
    problems = [p for p in check_vacancies(copy) if p.source.endswith("reka-hu.json")]
    assert {p.field for p in problems} == {"organisation", "phase"}


def test_organisation_without_admin_and_duplicate_email(copy: Path) -> None:
    path = copy / "organisations.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        'role = "admin"\npassword = "demo-admin-2"', 'role = "coordinator"\npassword = "x"'
    )
    text = text.replace("jobhunter2@nieuwekoers", "jobhunter@nieuwekoers")
    path.write_text(text, encoding="utf-8")
    problems = [p for p in check_vacancies(copy) if p.source.endswith("organisations.toml")]
    assert any(
        p.field == "staff" and "admin" in p.message and "horizon" in p.where for p in problems
    )
    assert any(p.field == "email" and "duplicate" in p.message for p in problems)


def test_missing_files_are_reported_not_raised(tmp_path: Path) -> None:
    folder = tmp_path / "vacancies"
    folder.mkdir()
    problems = check_vacancies(folder)
    messages = {Path(p.source).name: p.message for p in problems}
    assert messages["employers.csv"] == "bestand ontbreekt / file is missing"
    assert messages["organisations.toml"] == "bestand ontbreekt / file is missing"
    assert "nl-pc4.csv" in messages


def test_check_data_command_reports_a_broken_copy(copy: Path) -> None:
    (copy / "jobs" / "meta.csv").write_text("file;employer_id;sector;pc4\nx.txt;nope;horeca;2611\n")
    shutil.copytree(data_dir("competencies"), copy.parent / "competencies")
    shutil.copytree(data_dir("cv_templates"), copy.parent / "cv_templates")
    result = CliRunner().invoke(main, ["check-data", "--root", str(copy.parent)])
    assert result.exit_code == 1
    assert "[employer_id]: onbekende werkgever / unknown employer id nope" in result.output
    assert "Traceback" not in result.output


def test_missing_folders_are_a_clear_error(tmp_path: Path) -> None:
    for load in (load_postings, load_training_places, load_demo_participants):
        with pytest.raises(DataFileError) as caught:
            load(tmp_path / "nergens")
        assert str(caught.value) == f"{tmp_path / 'nergens'}: map ontbreekt / folder is missing"
