"""The profile parser: valid JSON becomes a Profile; every problem is named by its path."""

from __future__ import annotations

import json

import pytest

from jobmatch.domain.errors import ProfileError
from jobmatch.domain.profile_json import profile_from_dict, profile_from_json

VALID = {
    "name": "Ana Souza",
    "contact": {"email": "ana@example.org", "city": "Den Haag", "postcode": "2521 AB"},
    "languages": [{"language": "nl", "level": "a2"}, {"language": "pt", "level": "moedertaal"}],
    "experiences": [
        {"title": "Gastvrouw", "kind": "work", "description": "Gasten ontvangen"},
        {"title": "Eigen bedrijf", "kind": "personal-services", "description": "…"},
    ],
    "competencies": [
        {"id": "gastvrijheid", "evidence": "Ik ontving gasten."},
        {"id": "discretie", "status": "suggested"},
    ],
    "education": [{"title": "NT2 B1", "completed": False}],
    "preferences": {"hours_min": 16, "hours_max": 32, "max_km": 15, "avoid_shifts": ["night"]},
    "income_need_net_month": 1400,
    "avoid": {"employers": ["Hotel X"]},
    "discovery": {"klanten-ontvangen": True},
    "an_extra_field": "allowed",
}


def test_valid_profile_parses_all_sections() -> None:
    profile = profile_from_dict(VALID)
    assert profile.first_name == "Ana"
    assert profile.contact.pc4 == "2521"
    assert [(s.language, s.level) for s in profile.languages] == [("nl", "A2"), ("pt", "native")]
    assert profile.language_level("pt") is not None
    assert profile.language_level("pt").rank == 7  # type: ignore[union-attr]
    assert profile.experiences[1].kind == "personal-services"
    assert [c.status for c in profile.competencies] == ["confirmed", "suggested"]
    assert profile.preferences.avoid_shifts == ("night",)
    assert profile.avoid.employers == ("Hotel X",)
    assert profile.discovery == {"klanten-ontvangen": True}
    assert profile.education[0].completed is False


def test_every_problem_is_reported_with_its_path() -> None:
    broken = dict(VALID)
    broken.pop("name")
    broken["experiences"] = [{"title": "x", "kind": "secret"}]
    broken["preferences"] = {"hours_min": 500, "avoid_shifts": ["morning"]}
    broken["income_need_net_month"] = -3
    broken["languages"] = [{"language": "nl", "level": "B7"}]
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(broken)
    paths = {problem.where for problem in caught.value.problems}
    assert paths == {
        "name",
        "experiences[0].kind",
        "preferences.hours_min",
        "preferences.avoid_shifts",
        "income_need_net_month",
        "languages[0].level",
    }
    assert "ontbreekt" in str(caught.value)


def test_hours_min_above_max_is_refused() -> None:
    with pytest.raises(ProfileError, match=r"hours_min"):
        profile_from_dict({"name": "X", "preferences": {"hours_min": 32, "hours_max": 16}})


@pytest.mark.parametrize("data", [[], "text", 3, None])
def test_not_an_object_is_refused(data: object) -> None:
    with pytest.raises(ProfileError, match="JSON-object"):
        profile_from_dict(data)


def test_json_text_with_bom_and_broken_json() -> None:
    assert profile_from_json("\ufeff" + json.dumps(VALID)).name == "Ana Souza"
    with pytest.raises(ProfileError, match="line 1"):
        profile_from_json('{"name": ')


def test_wrong_types_do_not_crash() -> None:
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(
            {"name": 5, "contact": [], "competencies": ["gastvrijheid"], "driving_licence": "ja"}
        )
    paths = {problem.where for problem in caught.value.problems}
    assert {"name", "contact", "competencies[0]", "driving_licence"} <= paths
