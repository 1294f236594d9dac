"""docs/profile.schema.json and the profile parser agree on valid and invalid profiles."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from jobmatch.domain.errors import ProfileError
from jobmatch.domain.profile_json import profile_from_dict

SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "profile.schema.json").read_text())
FULL: dict[str, Any] = {
    "name": "Ana Lima",
    "contact": {
        "email": "a@example.org",
        "phone": "0612345678",
        "city": "Den Haag",
        "postcode": "2521",
    },
    "languages": [{"language": "nl", "level": "A2"}, {"language": "pt", "level": "native"}],
    "experiences": [{"title": "Gastvrouw", "kind": "personal-services", "description": "…"}],
    "competencies": [
        {"id": "gastvrijheid", "evidence": "Ik ontving gasten."},
        {"id": "luisteren", "status": "suggested"},
    ],
    "education": [{"title": "Basisschool", "level": "", "completed": True}],
    "preferences": {
        "sectors": ["zorg"],
        "hours_min": 16,
        "hours_max": 32,
        "max_km": 15,
        "avoid_shifts": ["night"],
    },
    "income_need_net_month": 1400,
    "avoid": {"employers": ["Hotel X"], "places": ["Scheveningen"]},
    "driving_licence": False,
    "discovery": {"klanten-ontvangen": True},
    "an_extra_field": {"anything": 1},
}


def _with(path: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(FULL)
    *parents, last = path.split(".")
    target: Any = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is _DELETE:
        del target[last]
    elif last.isdigit():
        target[int(last)] = value
    else:
        target[last] = value
    return data


_DELETE = object()
VALID = [
    FULL,
    {"name": "Mia"},
    _with("contact.postcode", "2521 AB"),
    _with("languages.0.level", "b1"),
    _with("competencies", []),
    _with("income_need_net_month", 0),
    _with("preferences.avoid_shifts", ["evening", "weekend"]),
]
INVALID = [
    ("hours 500", _with("preferences.hours_max", 500), "preferences.hours_max"),
    ("income -3", _with("income_need_net_month", -3), "income_need_net_month"),
    ("no name", _with("name", _DELETE), "name"),
    ("bad level", _with("languages.0.level", "Z9"), "languages[0].level"),
    ("bad kind", _with("experiences.0.kind", "job"), "experiences[0].kind"),
    ("bad status", _with("competencies.0.status", "maybe"), "competencies[0].status"),
    ("no id", _with("competencies.1", {"evidence": "x"}), "competencies[1].id"),
    ("bad shift", _with("preferences.avoid_shifts", ["morning"]), "preferences.avoid_shifts"),
    ("km text", _with("preferences.max_km", "15"), "preferences.max_km"),
    ("licence text", _with("driving_licence", "yes"), "driving_licence"),
    ("bad postcode", _with("contact.postcode", "ABCD"), "contact.postcode"),
    ("list not list", _with("avoid.places", "Den Haag"), "avoid.places"),
    ("discovery", _with("discovery", {"x": "ja"}), "discovery.x"),
]
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"].endswith("2020-12/schema")


@pytest.mark.parametrize("data", VALID)
def test_valid_profiles_pass_schema_and_parser(data: dict[str, Any]) -> None:
    assert list(VALIDATOR.iter_errors(data)) == []
    assert profile_from_dict(data).name == data["name"]


@pytest.mark.parametrize(("label", "data", "path"), INVALID, ids=[i[0] for i in INVALID])
def test_invalid_profiles_fail_both_at_the_same_field(label: str, data: Any, path: str) -> None:
    errors = list(VALIDATOR.iter_errors(data))
    assert errors, f"schema accepted {label}"
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(data, source="p.json")
    wheres = [p.where for p in caught.value.problems]
    assert path in wheres
    message = str(caught.value)
    assert " / " in message  # Dutch first, then English
