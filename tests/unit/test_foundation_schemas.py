"""Input models check what table models would store unchecked."""

from __future__ import annotations

import pytest

from jobmatch.db import models, schemas
from jobmatch.db.seed import validated
from jobmatch.domain.errors import DataFileError

WHERE = ("organisations.toml", "demo")


def test_staff_input_is_checked_field_by_field() -> None:
    bad = {"email": "geen-adres", "name": "", "role": "baas", "password": "kort"}
    with pytest.raises(DataFileError) as caught:
        validated(schemas.StaffUserCreate, WHERE, bad)
    fields = {problem.field for problem in caught.value.problems}
    assert fields == {"email", "name", "role", "password"}
    assert all(problem.source == "organisations.toml" for problem in caught.value.problems)


def test_valid_staff_input_becomes_a_row_without_the_password() -> None:
    data = {
        "email": " Ann@Example.ORG ",
        "name": "Ann",
        "role": "coordinator",
        "password": "lang-genoeg-wachtwoord",
    }
    valid = validated(schemas.StaffUserCreate, WHERE, data)
    row = models.StaffUser.model_validate(
        valid, update={"organisation_id": 1, "password_hash": "h"}
    )
    assert (row.email, row.role, row.password_hash) == ("ann@example.org", "coordinator", "h")
    assert "password" not in row.model_dump()


@pytest.mark.parametrize(
    ("schema", "data", "field"),
    [
        (schemas.ParticipantCreate, {"alias": "a", "phase": "klaar"}, "phase"),
        (schemas.ParticipantCreate, {"alias": "a", "pc4": "0123"}, "pc4"),
        (schemas.LanguageSkillCreate, {"language": "nl", "level": "B3"}, "level"),
        (schemas.ExperienceCreate, {"title": "t", "kind": "hobby"}, "kind"),
        (schemas.OrganisationCreate, {"slug": "Met Spaties", "name": "x"}, "slug"),
        (
            schemas.TrainingPlaceCreate,
            {"key": "k", "title": "t", "kind": "cursus", "provider": "p"},
            "kind",
        ),
    ],
)
def test_bad_values_are_named(schema: type, data: dict[str, object], field: str) -> None:
    with pytest.raises(DataFileError) as caught:
        validated(schema, WHERE, data)
    assert [problem.field for problem in caught.value.problems] == [field]
