"""Every route, every role: the access policy, CSRF and headers hold across the whole app.

The matrix is built from the app's own URL map, so a new route is tested the moment it exists:
URL parameters named like `participant_id` get organisation A's participant, other ids get 1.
Actors: anonymous, each staff role of A and of B, and A's and B's participant (workshop code).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.routing import Rule

from jobmatch.domain.access import Actor, Permission, allowed
from jobmatch.web.policy import endpoint_permissions, permission_of
from jobmatch.web.security import HEADERS
from tests.web.conftest import ROLES, World, csrf_token, sign_in, sign_in_participant

STATE_CHANGING = ("POST", "PUT", "PATCH", "DELETE")


def _rules(app: Flask) -> Iterator[Rule]:
    for rule in app.url_map.iter_rules():
        if rule.endpoint != "static":
            yield rule


def _url(rule: Rule, world: World) -> str:
    values: dict[str, object] = {}
    for name in rule.arguments:
        converter = rule._converters.get(name)
        if name == "participant_id":
            values[name] = world.a.participant_id
        elif converter is not None and type(converter).__name__ == "IntegerConverter":
            values[name] = 1
        else:
            values[name] = "x"
    return rule.build(values)[1]  # type: ignore[index]


def test_every_route_names_a_permission(app: Flask) -> None:
    missing = [name for name, needed in endpoint_permissions(app).items() if needed is None]
    assert missing == []


def test_every_state_changing_route_refuses_a_request_without_csrf_token(
    app: Flask, world: World
) -> None:
    client = app.test_client()
    sign_in(client, world.a.staff["admin"])
    for rule in _rules(app):
        for method in sorted((rule.methods or set()) & set(STATE_CHANGING)):
            response = client.open(_url(rule, world), method=method, data={"x": "1"})
            assert response.status_code in (400, 403), (rule.rule, method, response.status_code)


def test_security_headers_on_every_get_route(app: Flask, world: World) -> None:
    client = app.test_client()
    sign_in(client, world.a.staff["job_hunter"])
    for rule in _rules(app):
        if "GET" not in (rule.methods or ()):
            continue
        response = client.get(_url(rule, world))
        for name, value in HEADERS.items():
            assert response.headers.get(name) == value, (rule.rule, name)
        assert response.headers.get("Cache-Control") == "no-store", rule.rule
        assert "inline" not in response.headers["Content-Security-Policy"]
    with client.get("/static/style.css") as static:
        assert static.headers["X-Content-Type-Options"] == "nosniff"


def _actors(app: Flask, world: World) -> Iterator[tuple[str, Actor | None, FlaskClient]]:
    yield "anonymous", None, app.test_client()
    for org in world.orgs():
        for role in ROLES:
            client = app.test_client()
            assert sign_in(client, org.staff[role]) == 302
            actor = Actor(role=role, organisation_id=org.id, user_id=org.staff_ids[role])
            yield f"{role}@{org.slug}", actor, client
        client = app.test_client()
        sign_in_participant(app, client, org)
        actor = Actor(role="participant", organisation_id=org.id, participant_id=org.participant_id)
        yield f"participant@{org.slug}", actor, client


def _may(actor: Actor | None, needed: Permission, rule: Rule, world: World) -> bool:
    if not allowed(actor, needed):
        return False
    if "participant_id" in rule.arguments:
        return (
            actor is not None
            and actor.organisation_id == world.a.id
            and (actor.is_staff or actor.participant_id == world.a.participant_id)
        )
    return True


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_role_route_method_matrix_has_no_unauthorised_success(app: Flask, world: World) -> None:
    checked, wrong = 0, []
    for name, actor, client in list(_actors(app, world)):  # all signed in before any change
        for rule in _rules(app):
            needed = permission_of(app, rule.endpoint)
            if needed is Permission.PUBLIC or needed is None:
                continue
            for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
                data = {"csrf_token": csrf_token(client, "/auth/login")} if method != "GET" else {}
                response = client.open(_url(rule, world), method=method, data=data)
                checked += 1
                if 200 <= response.status_code < 300 and not _may(actor, needed, rule, world):
                    wrong.append((name, method, rule.rule, response.status_code))
    assert checked > 0 and wrong == []
