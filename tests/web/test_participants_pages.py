"""The job hunter's participant pages over real HTTP (Flask test client), both databases."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session, select

from jobmatch.db import models
from tests.web.conftest import World, csrf_token, sign_in


def _signed_in(app: Flask, world: World, role: str = "job_hunter") -> FlaskClient:
    client = app.test_client()
    assert sign_in(client, world.a.staff[role]) == 302
    return client


def _post(client: FlaskClient, path: str, data: dict[str, object]) -> tuple[int, str, str]:
    form = {
        "csrf_token": csrf_token(
            client,
            path
            if "/nieuw" in path or path.endswith(("gegevens", "wensen", "talen", "toestemming"))
            else "/deelnemers/",
        ),
        **data,
    }
    response = client.post(path, data=form)
    return response.status_code, response.headers.get("Location", ""), response.get_data(True)


def test_create_search_and_open_a_participant(app: Flask, world: World) -> None:
    client = _signed_in(app, world)
    status, location, _ = _post(
        client, "/deelnemers/nieuw",
        {"alias": "Marta", "phase": "oriëntatie", "city": "Den Haag", "pc4": "2525"},
    )  # fmt: skip
    assert status == 302 and re.search(r"/deelnemers/\d+$", location)
    page = client.get(location).get_data(as_text=True)
    assert "Marta" in page and "2525" in page
    listing = client.get("/deelnemers/?zoek=mar").get_data(as_text=True)
    assert "Marta" in listing and "deelnemer-noord" not in listing
    assert "deelnemer-zuid" not in client.get("/deelnemers/").get_data(as_text=True)


def test_bad_input_is_shown_next_to_the_field_and_kept(app: Flask, world: World) -> None:
    client = _signed_in(app, world)
    status, _, html = _post(
        client, "/deelnemers/nieuw",
        {"alias": "<script>x</script>", "pc4": "12", "birth_year": "1800", "phase": "contact"},
    )  # fmt: skip
    assert status == 400
    assert "Vier cijfers" in html and "1920" in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>x" not in html


def test_duplicate_alias_is_refused_and_a_double_submit_creates_one(
    app: Flask, world: World, session: Session
) -> None:
    client = _signed_in(app, world)
    first = _post(client, "/deelnemers/nieuw", {"alias": "Rosa", "phase": "contact"})
    again = _post(client, "/deelnemers/nieuw", {"alias": "rosa", "phase": "contact"})
    assert first[0] == 302 and again[0] == 400 and "bestaat al" in again[2]
    rows = session.exec(select(models.Participant).where(models.Participant.alias == "Rosa"))
    assert len(rows.all()) == 1


def test_other_organisation_and_unknown_ids_answer_404(app: Flask, world: World) -> None:
    client = _signed_in(app, world)
    own = world.a.participant_id
    assert client.get(f"/deelnemers/{own}").status_code == 200
    for other in (world.b.participant_id, 999999):
        assert client.get(f"/deelnemers/{other}").status_code == 404
        assert client.get(f"/deelnemers/{other}/wensen").status_code == 404
        status, _, _ = _post(client, f"/deelnemers/{other}/archief", {})
        assert status == 404


def test_coordinator_has_no_access_to_case_pages(app: Flask, world: World) -> None:
    client = _signed_in(app, world, "coordinator")
    assert client.get("/deelnemers/").status_code == 403
    assert client.get(f"/deelnemers/{world.a.participant_id}").status_code == 403


def test_wishes_and_languages_are_saved_into_the_profile(
    app: Flask, world: World, session: Session
) -> None:
    client = _signed_in(app, world)
    pid = world.a.participant_id
    wishes = {
        "sectors": "zorg, Horeca", "hours_min": "16", "hours_max": "32", "max_km": "15",
        "avoid_shifts": ["night"], "income_need": "1400",
        "avoid_employers": "Hotel Zeezicht\n\n", "avoid_places": "Geleenstraat",
    }  # fmt: skip
    assert _post(client, f"/deelnemers/{pid}/wensen", wishes)[0] == 302
    languages = {"rows-0-language": "nl", "rows-0-level": "A2",
                 "rows-1-language": "pt", "rows-1-level": "native"}  # fmt: skip
    assert _post(client, f"/deelnemers/{pid}/talen", languages)[0] == 302
    missing_level = {"rows-0-language": "hu", "rows-0-level": ""}
    status, _, html = _post(client, f"/deelnemers/{pid}/talen", missing_level)
    assert status == 400 and "niveau" in html
    session.expire_all()
    row = session.get(models.Participant, pid)
    assert row is not None and row.profile["preferences"]["sectors"] == ["zorg", "horeca"]
    assert row.profile["avoid"] == {"employers": ["Hotel Zeezicht"], "places": ["Geleenstraat"]}
    page = client.get(f"/deelnemers/{pid}").get_data(as_text=True)
    assert "Portugees" in page and "€ 1400" in page and "night" in page


def test_archive_hides_from_the_list_and_a_workshop_code_is_shown_once(
    app: Flask, world: World
) -> None:
    client = _signed_in(app, world)
    pid = world.a.participant_id
    code_page = _post(client, f"/deelnemers/{pid}/code", {})[2]
    assert re.search(r"<code>[A-Z2-9]{5}-[A-Z2-9]{5}</code>", code_page)
    assert _post(client, f"/deelnemers/{pid}/archief", {})[0] == 302
    assert "deelnemer-noord" not in client.get("/deelnemers/").get_data(as_text=True)
    assert "deelnemer-noord" in client.get("/deelnemers/?archief=1").get_data(as_text=True)


def test_duplicate_alias_in_another_script_is_a_form_problem(app: Flask, world: World) -> None:
    client = _signed_in(app, world)
    assert _post(client, "/deelnemers/nieuw", {"alias": "Ágnes", "phase": "contact"})[0] == 302
    status, _, html = _post(client, "/deelnemers/nieuw", {"alias": "ágnes", "phase": "contact"})
    assert status == 400 and "bestaat al" in html
    status, _, html = _post(client, "/deelnemers/nieuw", {"alias": "Ágnes", "phase": "contact"})
    assert status == 400 and "bestaat al" in html


def test_closing_a_trajectory_checks_the_dates_and_the_outcome(
    app: Flask, world: World, session: Session
) -> None:
    client = _signed_in(app, world)
    pid = world.a.participant_id
    person = session.get(models.Participant, pid)
    assert person is not None
    from datetime import date

    person.entry_date = date(2026, 3, 1)
    session.add(person)
    session.commit()
    path = f"/deelnemers/{pid}/afsluiten"
    before = {"exit_date": "2026-01-01", "exit_reason": "uitgestroomd", "outcome": ""}
    status, _, html = _post(client, path, before)
    assert status == 400 and "startdatum" in html and "wat ze nu doet" in html.lower()
    done = {"exit_date": "2026-11-20", "exit_reason": "uitgestroomd", "outcome": "opleiding"}
    assert _post(client, path, done)[0] == 302
    session.expire_all()
    person = session.get(models.Participant, pid)
    assert person is not None and (person.exit_reason, person.outcome) == (
        "uitgestroomd",
        "opleiding",
    )


def test_export_zip_and_erasure_with_confirmation(
    app: Flask, world: World, session: Session
) -> None:
    import io
    import json
    import zipfile

    client = _signed_in(app, world)
    pid = world.a.participant_id
    canary = "KANARIE-7731 uniek verhaal"
    story = {"title": "Werk in een bakkerij", "kind": "work", "description": canary}
    client.post(
        f"/deelnemers/{pid}/ervaring",
        data={**story, "csrf_token": csrf_token(client, f"/deelnemers/{pid}/ervaring")},
    )
    token = csrf_token(client, f"/deelnemers/{pid}/privacy")
    exported = client.post(f"/deelnemers/{pid}/export", data={"csrf_token": token})
    archive = zipfile.ZipFile(io.BytesIO(exported.data))
    data = json.loads(archive.read("participant.json"))
    assert canary in json.dumps(data, ensure_ascii=False)
    assert any(name.startswith("documents/cv-") for name in archive.namelist())
    wrong = client.post(
        f"/deelnemers/{pid}/wissen", data={"csrf_token": token, "bevestig": "iemand"}
    )
    assert wrong.status_code == 400 and session.get(models.Participant, pid) is not None
    done = client.post(f"/deelnemers/{pid}/wissen",
                       data={"csrf_token": token, "bevestig": "Deelnemer-Noord"})  # fmt: skip
    assert done.status_code == 302
    session.expire_all()
    assert session.get(models.Participant, pid) is None
    assert client.get(f"/deelnemers/{pid}").status_code == 404
    events = session.exec(select(models.AuditEvent)).all()
    assert all(event.participant_id is None for event in events)
