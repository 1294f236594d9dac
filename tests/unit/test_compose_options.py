"""The profile's `cv` choices are read, validated and default to the safest setting."""

from __future__ import annotations

import pytest

from jobmatch.domain.errors import ProfileError
from jobmatch.domain.profile_json import profile_from_dict


def test_defaults_are_date_free() -> None:
    options = profile_from_dict({"name": "Ana Souza"}).cv
    assert options.date_policy == "none"
    assert options.show_contact == ("email", "phone", "city")
    assert options.gap_framing == ""
    assert options.letter_date is False


def test_choices_are_read() -> None:
    profile = profile_from_dict(
        {
            "name": "Réka Tóth",
            "experiences": [{"title": "Schoonmaker", "kind": "work", "duration": "2 jaar"}],
            "cv": {
                "date_policy": "durations",
                "show_contact": ["email"],
                "include_interests": False,
                "gap_framing": "family-care",
                "motivation": "Ik werk graag met mensen.",
            },
        }
    )
    assert profile.cv.date_policy == "durations"
    assert profile.cv.show_contact == ("email",)
    assert profile.cv.include_interests is False
    assert profile.cv.gap_framing == "family-care"
    assert profile.experiences[0].duration == "2 jaar"


def test_bad_choices_are_reported_by_path() -> None:
    with pytest.raises(ProfileError) as info:
        profile_from_dict(
            {
                "name": "X",
                "cv": {"date_policy": "always", "gap_framing": "lie", "show_contact": ["address"]},
            }
        )
    message = str(info.value)
    assert "cv.date_policy" in message
    assert "cv.gap_framing" in message
    assert "cv.show_contact" in message
