"""Dev set part 2 (issue 13): profiles, text training places and the relevance grades stay sound.

The postings themselves (tests/data/devset/tune/, heldout/) are written on another branch; until
both are merged, the checks that need them are skipped with a reason, and the grades file is
checked for form only. After the merge every grade must name an existing file.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from jobmatch.datafiles.posting_file import read_posting_file
from jobmatch.domain.profile_json import profile_from_json

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "tests" / "data" / "devset"
PROFILES = DEVSET / "profiles"
TRAINING = DEVSET / "training"
GRADES = DEVSET / "grades.csv"
POSTING_DIRS = (DEVSET / "tune", DEVSET / "heldout")
FIRST_LANGUAGES = {"hu", "es", "ro", "pt", "th", "en", "pl", "bg"}


def _profile_files() -> list[Path]:
    return sorted(PROFILES.glob("*.json"))


def _training_names() -> set[str]:
    return {path.stem for path in TRAINING.glob("*.txt")}


def _posting_names() -> set[str]:
    return {p.stem for folder in POSTING_DIRS if folder.is_dir() for p in folder.glob("*.txt")}


def _grades() -> list[dict[str, str]]:
    with GRADES.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["posting", "profile", "grade"]
        return list(reader)


def _pc4s() -> set[str]:
    with (ROOT / "vacancies" / "nl-pc4.csv").open(encoding="utf-8") as handle:
        return {row["pc4"] for row in csv.DictReader(handle)}


def test_enough_profiles_and_training_places() -> None:
    assert len(_profile_files()) >= 16
    assert len(_training_names()) >= 12


@pytest.mark.parametrize("path", _profile_files(), ids=lambda p: p.stem)
def test_profile_parses_and_fits_the_schema(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    schema = json.loads((ROOT / "docs" / "profile.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(text), schema)
    profile = profile_from_json(text, path.name)
    assert profile.name
    assert profile.contact.postcode[:4] in _pc4s()
    assert any(skill.language == "nl" for skill in profile.languages)


def test_profiles_cover_the_starting_points() -> None:
    profiles = [profile_from_json(p.read_text(encoding="utf-8"), p.name) for p in _profile_files()]
    first = {s.language for p in profiles for s in p.languages if s.level == "native"}
    dutch = {s.level for p in profiles for s in p.languages if s.language == "nl"}
    assert first >= FIRST_LANGUAGES
    assert {"A1", "A2", "B1", "B2"} <= dutch
    as_they_arrive = [p for p in profiles if not p.competencies]
    assert len(as_they_arrive) > len(profiles) / 2
    assert all(c.status == "confirmed" for p in profiles for c in p.competencies)
    assert sum(any(e.kind == "personal-services" for e in p.experiences) for p in profiles) >= 16
    assert any(all(e.kind == "personal-services" for e in p.experiences) for p in profiles)


@pytest.mark.parametrize("name", sorted(_training_names()))
def test_training_place_is_a_title_blank_line_and_text(name: str) -> None:
    path = TRAINING / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0].strip() and not lines[1].strip(), "title line, then a blank line"
    posting = read_posting_file(path, one_line_ok=False)
    assert posting.title == lines[0].strip()
    assert len(posting.text.split()) >= 60
    text = posting.text.lower()
    assert any(word in text for word in ("week", "maand", "dag", "jaar")), "no duration"
    assert any(word in text for word in ("€", "gratis", "kosten", "salaris")), "no cost"


def test_profiles_readme_names_every_profile() -> None:
    readme = (PROFILES / "README.md").read_text(encoding="utf-8")
    listed = {
        line.split("|")[1].strip().removesuffix(" ✓")
        for line in readme.splitlines()
        if line.startswith("| ") and not line.startswith("| file")
    }
    assert listed == {p.stem for p in _profile_files()}


def test_grades_are_well_formed() -> None:
    rows = _grades()
    assert rows
    profiles = {p.stem for p in _profile_files()}
    pairs = Counter((row["posting"], row["profile"]) for row in rows)
    assert [pair for pair, n in pairs.items() if n > 1] == []
    assert {row["grade"] for row in rows} <= {"0", "1", "2", "3"}
    assert {row["profile"] for row in rows} == profiles
    graded = Counter(row["posting"] for row in rows)
    assert {name for name, n in graded.items() if n != len(profiles)} == set(), "a full grid"


def test_every_training_place_is_graded() -> None:
    graded = {row["posting"] for row in _grades()}
    assert _training_names() <= graded


def test_every_profile_has_a_good_next_step() -> None:
    good = {row["profile"] for row in _grades() if row["grade"] in ("2", "3")}
    assert good == {p.stem for p in _profile_files()}


def test_every_grade_names_an_existing_posting() -> None:
    postings = _posting_names()
    if not postings:
        pytest.skip("the dev-set postings (tune/, heldout/) live on the devset branch until merged")
    known = postings | _training_names()
    assert {row["posting"] for row in _grades()} - known == set()
