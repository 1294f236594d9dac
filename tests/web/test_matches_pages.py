"""Matches in the browser flow: the database pool (never expired or archived places), reasons
and filters, feedback stored; the pool is rebuilt when a vacancy changes."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session, select

from jobmatch.db import models
from jobmatch.services import db_pool
from tests.web.conftest import World, csrf_token, sign_in

TEXTS = {
    "Receptionist hotel": "Je ontvangt gasten aan de balie en bent gastvrij en klantvriendelijk. "
    "Je werkt 24 tot 32 uur per week in Den Haag.",
    "Magazijnmedewerker": "Je pakt bestellingen in en laadt vrachtwagens. Heftruckcertificaat "
    "is een pré. 38 uur per week.",
    "Gastvrouw restaurant (verlopen)": "Je ontvangt gasten en bent gastvrij.",
}


def _pool(session: Session) -> dict[str, int]:
    ids = {}
    for title, text in TEXTS.items():
        row = models.Vacancy(
            source=f"jobs/{title}.txt",
            title=title,
            text=text,
            pc4="2511",
            sector="horeca",
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
            closing_date=date.today() - timedelta(days=1) if "verlopen" in title else None,
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        ids[title] = row.id
    session.commit()
    return ids


def _participant(session: Session, world: World) -> None:
    person = session.get(models.Participant, world.a.participant_id)
    assert person is not None
    person.pc4, person.city = "2525", "Den Haag"
    session.add(person)
    owner = {"organisation_id": world.a.id, "participant_id": world.a.participant_id}
    session.add(models.ParticipantCompetency(competency_id="gastvrijheid", status="confirmed",
                                             evidence="Ik ontving gasten.", **owner))  # fmt: skip
    session.add(models.LanguageSkill(language="nl", level="B1", **owner))
    session.commit()


def _client(app: Flask, world: World, org: str = "a") -> FlaskClient:
    client = app.test_client()
    assert sign_in(client, getattr(world, org).staff["job_hunter"]) == 302
    return client


def test_matches_rank_the_open_pool_and_take_feedback(
    app: Flask, world: World, session: Session
) -> None:
    db_pool.clear()
    ids = _pool(session)
    _participant(session, world)
    client = _client(app, world)
    path = f"/deelnemers/{world.a.participant_id}/matches"
    html = client.get(path + "?soort=vacancy").get_data(as_text=True)
    assert html.index("Receptionist hotel") < html.index("Magazijnmedewerker")
    assert "verlopen" not in html and "Past voor" in html and "haar" in html
    assert "Magazijnmedewerker" not in client.get(path + "?soort=vacancy&uren=30").get_data(True)
    form = {
        "source": f"vacancy-{ids['Receptionist hotel']}",
        "verdict": "goed",
        "reason": "Ze wil graag met gasten werken",
        "csrf_token": csrf_token(client, path),
    }
    assert client.post(path + "/oordeel", data=form).status_code == 302
    stored = session.exec(select(models.MatchFeedback)).one()
    assert (stored.verdict, stored.reason) == ("goed", "Ze wil graag met gasten werken")
    assert "Goede match</span>" in client.get(path).get_data(as_text=True)
    other = _client(app, world, "b")
    assert other.get(path).status_code == 404


def test_a_changed_vacancy_changes_the_pool_version(session: Session) -> None:
    ids = _pool(session)
    before = db_pool.pool_version(session=session)
    row = session.get(models.Vacancy, ids["Magazijnmedewerker"])
    assert row is not None
    row.archived = True
    session.add(row)
    session.commit()
    after = db_pool.pool_version(session=session)
    assert before != after
    titles = [o.posting.title for o in db_pool.database_pool(session=session).openings]
    assert "Magazijnmedewerker" not in titles and "Receptionist hotel" in titles


def test_the_other_direction_never_shows_who_avoids_the_place(
    app: Flask, world: World, session: Session
) -> None:
    db_pool.clear()
    ids = _pool(session)
    _participant(session, world)
    avoid = {"avoid": {"places": ["Den Haag"]}}
    avoider = models.Participant(
        alias="vermijdt-den-haag", organisation_id=world.a.id, profile=avoid, pc4="2525"
    )
    session.add(avoider)
    session.commit()
    client = _client(app, world)
    html = client.get(f"/vacatures/{ids['Receptionist hotel']}/voor-wie").get_data(as_text=True)
    assert "deelnemer-noord" in html and "vermijdt-den-haag" not in html
    assert "deelnemer-zuid" not in html
    assert (
        client.get(f"/vacatures/{ids['Gastvrouw restaurant (verlopen)']}/voor-wie").status_code
        == 404
    )


def test_a_training_place_from_the_database_can_be_added_as_application(
    app: Flask, world: World, session: Session
) -> None:
    db_pool.clear()
    _participant(session, world)
    place = models.TrainingPlace(
        key="gastvrij-start", title="Cursus gastvrij ontvangen", kind="course",
        provider="Leerhuis", description="Je leert gasten ontvangen en gastvrij zijn.",
        competencies_taught=["gastvrijheid"], source="training/gastvrij-start.toml",
        city="Den Haag", pc4="2511",
    )  # fmt: skip
    session.add(place)
    session.commit()
    client = _client(app, world)
    html = client.get(f"/deelnemers/{world.a.participant_id}/matches?soort=training").get_data(True)
    assert "Cursus gastvrij ontvangen" in html and f'value="t:{place.id}"' in html
