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
