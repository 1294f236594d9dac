"""The generated profiles are valid, varied and deterministic."""

from __future__ import annotations

import csv
from pathlib import Path

from jobmatch.domain.profile_json import profile_from_dict
from tests.factories import EVIDENCE, make_profiles

CORE = Path(__file__).resolve().parents[2] / "competencies" / "core-competencies.csv"


def test_profiles_validate_and_are_deterministic() -> None:
    profiles = make_profiles(50, seed=7)
    assert profiles == make_profiles(50, seed=7)
    assert profiles != make_profiles(50, seed=8)
    for data in profiles:
        profile = profile_from_dict(data)
        assert profile.name.strip()


def test_profiles_are_varied() -> None:
    profiles = make_profiles(50, seed=1)
    kinds = {e["kind"] for p in profiles for e in p["experiences"]}
    assert "personal-services" in kinds
    assert len(kinds) >= 4
    names = "".join(p["name"] for p in profiles)
    assert any(ch in names for ch in "őșțãçñ")
    counts = {len(p["competencies"]) for p in profiles}
    assert 0 in counts and max(counts) >= 8
    assert any("cv" in p for p in profiles) and any("cv" not in p for p in profiles)


def test_evidence_covers_exactly_the_core_ids() -> None:
    with CORE.open(encoding="utf-8") as handle:
        core = {row["id"] for row in csv.DictReader(handle)}
    assert set(EVIDENCE) == core
