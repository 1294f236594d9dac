"""services.staff and services.reporting on real SQLite and PostgreSQL: the admin's use cases,
and what a coordinator may see, never across organisations."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session

from jobmatch.db import models
from jobmatch.db.passwords import verify_password
from jobmatch.domain.access import AccessDenied, Actor
from jobmatch.services import accounts, reporting, staff
from jobmatch.services.participants import InputProblems

GOOD = "drie lange woorden achter elkaar"


def _org(session: Session, slug: str) -> tuple[int, Actor]:
    org = models.Organisation(slug=slug, name=f"Stichting {slug.title()}")
    session.add(org)
    session.flush()
    assert org.id is not None
    admin = models.StaffUser(email=f"admin@{slug}.example", name="Beheer", role="admin",
                             organisation_id=org.id, password_hash="x")  # fmt: skip
    session.add(admin)
    session.commit()
    assert admin.id is not None
    return org.id, Actor(role="admin", organisation_id=org.id, user_id=admin.id)


def test_create_list_deactivate_and_reset_in_own_organisation(session: Session) -> None:
    _, admin = _org(session, "noord")
    made = staff.create_staff(
        session=session, actor=admin, email=" Nieuw@Noord.Example ", name="Nina",
        role="coordinator", password=GOOD, case_access=True,
    )  # fmt: skip
    assert made.email == "nieuw@noord.example" and made.case_access and made.active
    stored = session.get(models.StaffUser, made.id)
    assert stored is not None and verify_password(stored.password_hash, GOOD)
    assert accounts.authenticate(session=session, email=made.email, password=GOOD) is not None
    assert [p.name for p in staff.list_staff(session=session, actor=admin)] == ["Beheer", "Nina"]
    version = stored.session_version
    staff.set_active(session=session, actor=admin, user_id=made.id, active=False)
    assert accounts.active_staff(session=session, user_id=made.id, version=version) is None
    assert accounts.authenticate(session=session, email=made.email, password=GOOD) is None
    again = staff.set_active(session=session, actor=admin, user_id=made.id, active=True)
    assert again.active
    stored.totp_secret, stored.recovery_codes = "JBSWY3DPEHPK3PXP", ["a", "b"]
    session.add(stored)
    session.commit()
    assert staff.get_staff(session=session, actor=admin, user_id=made.id).second_factor
    assert not staff.reset_second_factor(
        session=session, actor=admin, user_id=made.id
    ).second_factor
    session.refresh(stored)
    assert stored.recovery_codes == [] and stored.totp_secret is None


def test_refused_input_names_each_field_and_creates_nothing(session: Session) -> None:
    _, admin = _org(session, "noord")
    before = len(staff.list_staff(session=session, actor=admin))
    with pytest.raises(InputProblems) as refused:
        staff.create_staff(session=session, actor=admin, email="geen-adres", name=" ",
                           role="participant", password="welkom123")  # fmt: skip
    assert set(refused.value.fields) == {"email", "name", "role", "password"}
    with pytest.raises(InputProblems) as taken:
        staff.create_staff(session=session, actor=admin, email="ADMIN@noord.example",
                           name="Twee", role="admin", password=GOOD)  # fmt: skip
    assert set(taken.value.fields) == {"email"}
    assert len(staff.list_staff(session=session, actor=admin)) == before


def test_never_across_organisations_and_never_yourself(session: Session) -> None:
    _, admin_a = _org(session, "noord")
    _, admin_b = _org(session, "zuid")
    assert admin_b.user_id is not None and admin_a.user_id is not None
    for call in (
        lambda: staff.get_staff(session=session, actor=admin_a, user_id=admin_b.user_id),
        lambda: staff.set_active(session=session, actor=admin_a, user_id=admin_b.user_id,
                                 active=False),
        lambda: staff.reset_second_factor(session=session, actor=admin_a,
                                          user_id=admin_b.user_id),
    ):  # fmt: skip
        with pytest.raises(staff.StaffNotFound):
            call()
    assert [p.email for p in staff.list_staff(session=session, actor=admin_a)] == [
        "admin@noord.example"
    ]
    with pytest.raises(InputProblems):
        staff.set_active(session=session, actor=admin_a, user_id=admin_a.user_id, active=False)
    coordinator = Actor(role="coordinator", organisation_id=admin_a.organisation_id, user_id=99)
    with pytest.raises(AccessDenied):
        staff.list_staff(session=session, actor=coordinator)


def test_reporting_is_own_organisation_and_reports_permission_only(session: Session) -> None:
    org_a, _ = _org(session, "noord")
    _org(session, "zuid")
    coordinator = Actor(role="coordinator", organisation_id=org_a, user_id=1)
    report = reporting.report_for(session=session, actor=coordinator, year=2024)
    assert report.content["scope"] == "noord"
    assert reporting.dashboard_for(session=session, actor=coordinator).tables
    hunter = Actor(role="job_hunter", organisation_id=org_a, user_id=2)
    with pytest.raises(AccessDenied):
        reporting.report_for(session=session, actor=hunter, year=2024)
    with pytest.raises(AccessDenied):
        reporting.publish_for(session=session, actor=hunter, year=2024)
    today = date(2026, 6, 1)
    assert reporting.year_choices(today)[:2] == [2026, 2025]
    assert reporting.may_publish(2025, today) and not reporting.may_publish(2026, today)
