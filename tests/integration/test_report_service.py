"""The yearly report and the dashboard on real SQLite and PostgreSQL databases."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

import pytest
from sqlmodel import Session, select

from jobmatch.db.models import (
    Application,
    Employer,
    Organisation,
    Participant,
    PublishedReport,
    TrainingPlace,
    Vacancy,
)
from jobmatch.domain.errors import JobmatchError
from jobmatch.domain.suppression import HIDDEN_LABEL, SMALL_LABEL
from jobmatch.services.dashboard import build_dashboard
from jobmatch.services.report import (
    build_yearly_report,
    canonical_json,
    organisation_by_slug,
    publish_report,
)

YEAR = 2024
# (how many, fields): a population whose counts follow from the definitions in domain/yearly.
GROUPS: list[tuple[int, dict[str, Any]]] = [
    (15, {"entry_date": date(YEAR, 3, 1), "birth_year": YEAR - 30, "pc4": "2521",
          "phase": "uitvoering"}),
    (12, {"entry_date": date(YEAR - 1, 5, 1), "exit_date": date(YEAR, 6, 1),
          "exit_reason": "uitgestroomd", "outcome": "betaald-werk", "work_pc4": "2611",
          "birth_year": YEAR - 40, "pc4": "2521", "phase": "nazorg"}),
    (11, {"entry_date": date(YEAR - 1, 2, 1), "exit_date": date(YEAR, 9, 1),
          "exit_reason": "uitgevallen", "birth_year": YEAR - 50, "pc4": "3011"}),
    (3, {"entry_date": date(YEAR, 7, 1), "phase": "contact"}),  # no postcode, no birth year
    (1, {"entry_date": date(YEAR, 8, 1), "exit_date": date(YEAR, 1, 1),
         "exit_reason": "uitgevallen"}),  # exit before entry
]  # fmt: skip


def add_organisation(session: Session, slug: str, groups: list[tuple[int, dict[str, Any]]]) -> int:
    org = Organisation(slug=slug, name=f"Stichting {slug.title()}")
    session.add(org)
    session.flush()
    assert org.id is not None
    n = 0
    for count, fields in groups:
        for _ in range(count):
            n += 1
            session.add(Participant(alias=f"{slug}-{n}", organisation_id=org.id, **fields))
    session.commit()
    return org.id


def table(report: dict[str, Any], key: str) -> dict[str, Any]:
    return next(t for t in report["tables"] if t["key"] == key)


def totals(t: dict[str, Any]) -> dict[str, Any]:
    return dict(zip(t["columns"], t["totals"], strict=True))


def published_numbers(report: dict[str, Any]) -> list[int]:
    found = []
    for t in report["tables"]:
        for row in [*t["cells"], t["totals"]]:
            found += [v for v in row if isinstance(v, int)]
    return found


def test_counts_follow_the_definitions(session: Session) -> None:
    org = add_organisation(session, "noord", GROUPS)
    report = build_yearly_report(session=session, year=YEAR, organisation_id=org)
    head = totals(table(report.content, "kerncijfers"))
    assert head["ingestroomd"] == 15 + 3
    assert head["uitgevallen"] == 11
    assert head["uitgestroomd"] == 12
    assert head["vertrokken, reden onbekend"] == 0
    assert head["actief op 31-12"] == 15 + 3
    assert totals(table(report.content, "uitkomst"))["betaald-werk"] == 12
    ages = totals(table(report.content, "leeftijd"))
    assert (ages["25–34"], ages["35–44"], ages["45–54"]) == (15, 12, 11)
    assert ages["onbekend"] == SMALL_LABEL
    places = totals(table(report.content, "woongemeente"))
    assert places["'s-Gravenhage"] == 27
    assert places["onbekend"] == SMALL_LABEL
    assert places["Rotterdam"] in (11, HIDDEN_LABEL)  # the partner that keeps the 3 hidden
    assert totals(table(report.content, "werkgemeente"))["Delft"] == 12
    assert report.content["not_counted"] == SMALL_LABEL
    assert not [v for v in published_numbers(report.content) if 0 < v < 10]


def test_data_problems_name_participant_ids_only(session: Session) -> None:
    org = add_organisation(session, "noord", GROUPS)
    report = build_yearly_report(session=session, year=YEAR, organisation_id=org)
    ids = {p.alias: p.id for p in session.exec(select(Participant))}
    codes: dict[str, set[int]] = {}
    for problem in report.problems:
        codes.setdefault(problem.code, set()).add(problem.participant_id)
        assert "noord-" not in str(problem)
    assert codes["exit-before-entry"] == {ids["noord-42"]}
    assert (
        codes["no-postcode"] == codes["no-birth-year"] == {ids[f"noord-{n}"] for n in (39, 40, 41)}
    )
    assert "problems" not in report.content
    assert "noord-" not in json.dumps(report.content)


def test_a_year_without_data_is_withheld_not_an_error(session: Session) -> None:
    add_organisation(session, "noord", GROUPS)
    report = build_yearly_report(session=session, year=2001)
    assert all(t["withheld"] and t["cells"] == [] for t in report.content["tables"])
    assert "2001" in report.content["note"]


def test_secondary_suppression_holds_across_organisations(session: Session) -> None:
    add_organisation(session, "noord", GROUPS)
    add_organisation(session, "zuid", [(4, GROUPS[0][1]), (14, GROUPS[1][1])])
    report = build_yearly_report(session=session, year=YEAR).content
    assert not [v for v in published_numbers(report) if 0 < v < 10]
    head = table(report, "kerncijfers")
    zuid = head["rows"].index("Stichting Zuid")
    entered = head["columns"].index("ingestroomd")
    assert head["cells"][zuid][entered] == SMALL_LABEL  # 4 entered
    other = head["cells"][1 - zuid][entered]
    assert other in (SMALL_LABEL, HIDDEN_LABEL) or head["totals"][entered] in (
        SMALL_LABEL,
        HIDDEN_LABEL,
    )


def test_a_published_report_is_frozen(session: Session) -> None:
    org = add_organisation(session, "noord", GROUPS)
    first = publish_report(session=session, year=YEAR, organisation_id=org)
    assert first.frozen
    assert first.sha256 == hashlib.sha256(canonical_json(first.content)).hexdigest()
    session.add(Participant(alias="late", organisation_id=org, entry_date=date(YEAR, 5, 5)))
    session.commit()
    again = build_yearly_report(session=session, year=YEAR, organisation_id=org)
    assert again.content == first.content and again.sha256 == first.sha256
    assert publish_report(session=session, year=YEAR, organisation_id=org).sha256 == first.sha256
    assert len(list(session.exec(select(PublishedReport)))) == 1
    # The stored text itself still matches its hash.
    stored = session.exec(select(PublishedReport)).one()
    assert hashlib.sha256(stored.content.encode()).hexdigest() == stored.sha256


def test_an_unfinished_year_cannot_be_published(session: Session) -> None:
    with pytest.raises(JobmatchError, match="nog niet voorbij"):
        publish_report(session=session, year=2026, today=date(2026, 6, 1))
    assert list(session.exec(select(PublishedReport))) == []


def test_unknown_organisation_and_year_are_clear_errors(session: Session) -> None:
    with pytest.raises(JobmatchError, match="Onbekende organisatie"):
        organisation_by_slug(session=session, slug="nergens")
    with pytest.raises(JobmatchError, match="bestaat niet"):
        build_yearly_report(session=session, year=YEAR, organisation_id=999)
    with pytest.raises(JobmatchError, match="Jaar"):
        build_yearly_report(session=session, year=20240)


def test_dashboard_counts_protects_and_exports(session: Session) -> None:
    org = add_organisation(session, "noord", GROUPS)
    today = date(YEAR, 12, 1)
    people = list(session.exec(select(Participant).where(Participant.exit_date == None)))  # noqa: E711
    vacancy = Vacancy(source="a.txt", title="Kok", text="Koken.", sector="horeca", content_hash="0")
    session.add(vacancy)
    session.add(TrainingPlace(key="t", title="NT2", kind="course", provider="ROC", sector="taal"))
    session.add(Employer(key="e1", name="Hotel Duin", follow_up_on=date(YEAR, 11, 1)))
    session.add(Employer(key="e2", name="Later BV", follow_up_on=date(YEAR + 1, 1, 1)))
    session.flush()
    for person in people[:12]:
        session.add(
            Application(organisation_id=org, participant_id=person.id, vacancy_id=vacancy.id)
        )
    session.commit()
    board = build_dashboard(session=session, organisation_id=org, today=today)
    tables = {t["key"]: totals(t) for t in board.tables}
    assert tables["fase"]["contact + uitvoering"] == 18  # 3 in contact: merged, not shown
    assert tables["sollicitaties"]["voorgesteld"] == 12
    assert tables["uitkomst"]["betaald-werk"] == 12
    assert tables["vacatures"]["horeca"] == 1  # places, not people: shown as counted
    assert [e["name"] for e in board.follow_up] == ["Hotel Duin"]
    assert board.csv("fase").splitlines()[0] == "categorie,aantal"
    assert "contact + uitvoering,18" in board.csv("fase")
    assert all(view.svg.startswith("<svg") for view in board.views)
