"""A profile nested thousands of levels deep is one clear error, not a RecursionError (review)."""

from __future__ import annotations

import pytest

from jobmatch.domain.errors import ProfileError
from jobmatch.domain.profile_json import profile_from_json


def test_deeply_nested_json_is_a_profile_error() -> None:
    text = '{"name": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(ProfileError, match="te diep genest / nested too deeply") as caught:
        profile_from_json(text, source="p.json")
    assert caught.value.problems[0].source == "p.json"


def test_ordinary_nesting_still_reads() -> None:
    profile = profile_from_json('{"name": "Ana", "experiences": [], "languages": []}')
    assert profile.name == "Ana"
