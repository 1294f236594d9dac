"""The hand-labelled experiences and the arithmetic of bench.suggestions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.suggestions import counts, prf
from jobmatch.datafiles.lexicon import CORE_IDS_FILE
from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.reading import read_csv_rows
from jobmatch.domain.profiles import EXPERIENCE_KINDS

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.mark.parametrize("name", ["experiences.json", "experiences_heldout.json"])
def test_labelled_experiences_are_valid(name: str) -> None:
    cases = json.loads((DATA / name).read_text(encoding="utf-8"))
    core = {row["id"] for row in read_csv_rows(data_dir("competencies") / CORE_IDS_FILE)}
    assert len(cases) >= 14
    for case in cases:
        assert set(case) == {"kind", "title", "description", "competencies"}
        assert case["kind"] in EXPERIENCE_KINDS
        assert case["competencies"] and set(case["competencies"]) <= core, case["title"]
        assert len(case["competencies"]) == len(set(case["competencies"]))
    kinds = {case["kind"] for case in cases}
    assert {"personal-services", "work", "care", "volunteer", "own-business"} <= kinds


def test_dev_set_has_at_least_fifteen_with_dutch_and_english() -> None:
    cases = json.loads((DATA / "experiences.json").read_text(encoding="utf-8"))
    assert len(cases) >= 15
    dutch = [c for c in cases if " ik " in f" {c['description'].lower()} "]
    english = [c for c in cases if " i " in f" {c['description'].lower()} "]
    assert len(dutch) >= 5 and len(english) >= 5
    assert sum(c["kind"] == "personal-services" for c in cases) >= 4


def test_counts_and_prf() -> None:
    cases = [{"competencies": ["a", "b"]}, {"competencies": ["c"]}]
    predicted = [{"a": 0.9, "x": 0.6, "b": 0.3}, {"c": 0.5, "y": 0.2}]
    assert counts(cases, predicted, 0.5) == (2, 1, 1)
    assert counts(cases, predicted, 0.25) == (3, 1, 0)
    assert counts(cases, predicted, 0.5, keep=["a", "b"]) == (1, 0, 1)
    precision, recall, f1 = prf(2, 1, 1)
    assert (round(precision, 3), round(recall, 3), round(f1, 3)) == (0.667, 0.667, 0.667)
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
