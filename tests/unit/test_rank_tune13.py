"""Rule changes of the issue-13 ranking round (tune part only), each with an example written
for this test; the pure rules (domain) and the vectorised ranker (ml) must agree."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from jobmatch.domain.conditions import condition_factor, vacancy_findings
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.profiles import Profile
from jobmatch.domain.ranking import Weights
from jobmatch.domain.vacancies import Requirements
from jobmatch.ml.features import ItemFeatures
from jobmatch.ml.ranker import Ranker

W = Weights()


def person(**extra: Any) -> Profile:
    data = {"name": "Test", "languages": [{"language": "nl", "level": "A2"}], **extra}
    return profile_from_dict(data)


@pytest.mark.parametrize(
    ("km", "factor"),
    [
        (8.0, 1.0),
        (12.0, W.penalty_distance),
        (20.0, W.penalty_distance_far),
        (31.0, W.penalty_distance_very_far),
        (120.0, W.penalty_distance_very_far),
    ],
)
def test_distance_has_a_third_tier_beyond_three_times_the_maximum(km: float, factor: float) -> None:
    profile = person(preferences={"max_km": 10})
    findings = vacancy_findings(profile, Requirements(), km, W)
    assert condition_factor(findings) == pytest.approx(factor)
    item = ItemFeatures(source="v", title="Schoonmaker", kind="vacancy", text="schoonmaken")
    ranker = Ranker().fit([item])
    query = ranker.query(profile, "schoonmaken")
    assert ranker.factors(query, np.array([km]))[0] == pytest.approx(factor)


def test_a_posting_a_hundred_km_away_drops_below_one_just_over_the_limit() -> None:
    profile = person(preferences={"max_km": 20})
    near = condition_factor(vacancy_findings(profile, Requirements(), 24.0, W))
    far = condition_factor(vacancy_findings(profile, Requirements(), 100.0, W))
    assert far < near / 4
