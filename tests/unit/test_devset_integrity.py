"""The labelled dev set in tests/data/ stays consistent: files, labels, ids, types, postcodes."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
ROOT = Path(__file__).resolve().parents[2]
VACANCIES = DATA / "vacancies"

REQUIREMENT_KEYS = {
    "hours_min",
    "hours_max",
    "salary_min",
    "salary_max",
    "salary_unit",
    "dutch_level",
    "education_level",
    "driving_licence",
    "certificates",
    "shifts",
}
CEFR = {"A1", "A2", "B1", "B2", "C1", "C2"}
EDUCATION = {"none", "MBO 1", "MBO 2", "MBO 3", "MBO 4", "HBO", "WO"}
CERTIFICATES = {"VCA", "heftruckcertificaat", "VOG", "SVH", "BHV", "rijbewijs C", "EHBO"}
SHIFTS = {"evening", "night", "weekend", "irregular"}


def _core_ids() -> set[str]:
    with (ROOT / "competencies" / "core-competencies.csv").open(encoding="utf-8") as fh:
        return {row["id"] for row in csv.DictReader(fh)}


def _pc4s() -> set[str]:
    with (ROOT / "vacancies" / "nl-pc4.csv").open(encoding="utf-8") as fh:
        return {row["pc4"] for row in csv.DictReader(fh)}


def _labels() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VACANCIES / "labels.json").read_text(encoding="utf-8"))
    return data


def _vacancy_files() -> set[str]:
    return {p.name for p in VACANCIES.glob("*.txt")}


def test_enough_vacancies_and_every_file_is_labelled() -> None:
    files = _vacancy_files()
    assert len(files) >= 44
    assert set(_labels()) == files


@pytest.mark.parametrize("name", sorted(p.name for p in VACANCIES.glob("*.txt")))
def test_vacancy_text_has_title_blank_line_and_body(name: str) -> None:
    lines = (VACANCIES / name).read_text(encoding="utf-8").splitlines()
    assert lines[0].strip(), "first line is the title"
    assert lines[1] == "", "second line is blank"
    assert any(line.strip() for line in lines[2:]), "text follows"


def test_competency_labels_use_core_ids_only_once() -> None:
    core = _core_ids()
    assert len(core) == 40
    for name, label in _labels().items():
        must = label["competencies"]["must"]
        nice = label["competencies"]["nice"]
        assert set(must) | set(nice) <= core, name
        assert not set(must) & set(nice), name
        assert must == sorted(set(must)) and nice == sorted(set(nice)), name


def _check_range(name: str, req: dict[str, Any], low: str, high: str) -> None:
    for key in (low, high):
        value = req[key]
        assert value is None or (isinstance(value, int | float) and not isinstance(value, bool)), (
            name,
            key,
        )
    if req[low] is not None and req[high] is not None:
        assert req[low] <= req[high], name


def test_requirement_labels_are_complete_and_typed() -> None:
    for name, label in _labels().items():
        req = label["requirements"]
        assert set(req) == REQUIREMENT_KEYS, name
        _check_range(name, req, "hours_min", "hours_max")
        _check_range(name, req, "salary_min", "salary_max")
        has_salary = req["salary_min"] is not None or req["salary_max"] is not None
        assert req["salary_unit"] in ({"hour", "month", "year"} if has_salary else {None}), name
        assert req["dutch_level"] is None or req["dutch_level"] in CEFR, name
        assert req["education_level"] is None or req["education_level"] in EDUCATION, name
        assert isinstance(req["driving_licence"], bool), name
        assert set(req["certificates"]) <= CERTIFICATES, name
        assert req["certificates"] == sorted(set(req["certificates"])), name
        assert set(req["shifts"]) <= SHIFTS, name
        assert req["shifts"] == sorted(set(req["shifts"])), name
        assert label["location"] is None or isinstance(label["location"], str), name


def test_location_label_appears_in_the_text() -> None:
    aliases = {"Den Haag": ("Den Haag", "The Hague")}
    for name, label in _labels().items():
        if label["location"] is None:
            continue
        text = (VACANCIES / name).read_text(encoding="utf-8")
        names = aliases.get(label["location"], (label["location"],))
        assert any(city in text for city in names), name


def test_vacancy_meta_covers_every_posting_with_known_pc4() -> None:
    with (VACANCIES / "meta.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {row["file"] for row in rows} == _vacancy_files()
    pc4s = _pc4s()
    for row in rows:
        assert row["pc4"] in pc4s, row["file"]
        assert row["sector"], row["file"]


# --- training places -------------------------------------------------------------------------


def test_training_places_load_with_the_real_loader_and_use_core_ids() -> None:
    from jobmatch.datafiles.postings import read_training_places

    places, problems = read_training_places(DATA / "training")
    assert problems == []
    assert len(places) >= 12
    core, pc4s = _core_ids(), _pc4s()
    assert {p.kind for p in places} == {"course", "work-experience", "volunteering"}
    for place in places:
        assert place.source == f"{place.id}.toml"
        assert set(place.competencies_taught) <= core, place.id
        assert place.pc4 in pc4s, place.id
        assert 100 <= len(place.description.split()) <= 200, place.id
        assert place.dutch_level is None or place.dutch_level in CEFR, place.id


# --- profiles ----------------------------------------------------------------------------------


def _profiles() -> dict[str, Any]:
    return {
        p.name: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((DATA / "profiles").glob("*.json"))
    }


def test_profiles_validate_and_use_known_ids_and_postcodes() -> None:
    from jobmatch.domain.profile_json import profile_from_dict

    profiles = _profiles()
    assert len(profiles) >= 10
    core, pc4s = _core_ids(), _pc4s()
    for name, data in profiles.items():
        profile = profile_from_dict(data, name)
        assert set(profile.competency_ids) <= core, name
        assert profile.contact.pc4 in pc4s, name


def test_profiles_cover_the_required_situations() -> None:
    from jobmatch.domain.profile_json import profile_from_dict

    profiles = [profile_from_dict(d, n) for n, d in _profiles().items()]
    assert any(p.preferences.wants_training_first for p in profiles)
    assert any(not p.competencies for p in profiles)
    assert any("night" in p.preferences.avoid_shifts for p in profiles)
    assert any(e.kind == "personal-services" for p in profiles for e in p.experiences)
    assert any(e.kind == "own-business" for p in profiles for e in p.experiences)
    assert any((p.income_need_net_month or 0) >= 2200 for p in profiles)
    assert any((p.preferences.max_km or 99) <= 10 for p in profiles)
    dutch = [p.language_level("nl") for p in profiles]
    assert any(s is not None and s.level in ("A1", "A2") for s in dutch)


def test_an_avoided_employer_really_offers_a_dev_vacancy() -> None:
    with (VACANCIES / "meta.csv").open(encoding="utf-8") as fh:
        employers = {row["employer"] for row in csv.DictReader(fh)}
    avoided = {e for d in _profiles().values() for e in d.get("avoid", {}).get("employers", [])}
    assert avoided
    assert avoided & employers


# --- ranking judgments -------------------------------------------------------------------------


def _judgments() -> dict[str, dict[str, int]]:
    data: dict[str, dict[str, int]] = json.loads(
        (DATA / "ranking" / "judgments.json").read_text(encoding="utf-8")
    )
    return data


def _postings() -> set[str]:
    return {f"vacancies/{name}" for name in _vacancy_files()} | {
        f"training/{p.name}" for p in (DATA / "training").glob("*.toml")
    }


def test_every_profile_posting_pair_is_judged_0_to_3() -> None:
    judgments = _judgments()
    assert set(judgments) == set(_profiles())
    postings = _postings()
    for profile, row in judgments.items():
        assert set(row) == postings, profile
        assert all(isinstance(g, int) and 0 <= g <= 3 for g in row.values()), profile
        assert max(row.values()) >= 2, profile


def test_avoided_employers_are_graded_zero() -> None:
    with (VACANCIES / "meta.csv").open(encoding="utf-8") as fh:
        employer_of = {f"vacancies/{r['file']}": r["employer"] for r in csv.DictReader(fh)}
    judgments = _judgments()
    for name, data in _profiles().items():
        for employer in data.get("avoid", {}).get("employers", []):
            for posting, who in employer_of.items():
                if who == employer:
                    assert judgments[name][posting] == 0, (name, posting)


def test_training_first_participants_find_training_at_the_top() -> None:
    judgments = _judgments()
    for name, data in _profiles().items():
        if data.get("preferences", {}).get("wants_training_first"):
            row = judgments[name]
            assert any(g == 3 for p, g in row.items() if p.startswith("training/")), name
            assert all(g <= 2 for p, g in row.items() if p.startswith("vacancies/")), name


def test_every_grade_of_two_or_more_has_a_rationale_line() -> None:
    text = (DATA / "ranking" / "rationale.md").read_text(encoding="utf-8")
    sections = {block.split("\n", 1)[0].strip(): block for block in text.split("\n## ")[1:]}
    for profile, row in _judgments().items():
        block = sections[profile]
        for posting, grade in row.items():
            if grade >= 2:
                assert f"- {posting} = {grade}:" in block, (profile, posting)
        lines = [ln for ln in block.splitlines() if ln.startswith("- ") and " = " in ln]
        assert len(lines) == sum(1 for g in row.values() if g >= 2), profile
