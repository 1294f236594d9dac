"""The matches page explains only the places it shows (issue 8 load bench: explaining the whole
pool per request made the page take seconds with 10,000 vacancies). The list is the same as
ranking and explaining everything, then filtering and cutting. No timings here: see
bench/web_load.py."""

from __future__ import annotations

import hashlib

import pytest
from sqlmodel import Session

from jobmatch.db import models
from jobmatch.domain.access import Actor
from jobmatch.ml.explain import Explainer
from jobmatch.services import db_pool
from jobmatch.services import participant_matches as service
from jobmatch.services.matching import Pool, rank_pool
from jobmatch.services.participants import profile_of
from tests.web.conftest import World

SECTORS = ("horeca", "zorg", "schoonmaak")
TASKS = (
    "Je ontvangt gasten aan de balie en bent gastvrij.",
    "Je helpt bewoners met eten en luistert naar ze.",
    "Je maakt kantoren schoon en werkt nauwkeurig.",
)


def _fill(session: Session, world: World) -> Actor:
    for n in range(24):
        text = f"{TASKS[n % 3]} Je werkt {12 + n} uur per week in Den Haag, team {n}."
        session.add(models.Vacancy(
            source=f"jobs/v{n}.txt", title=f"Vacature {n}", text=text, sector=SECTORS[n % 3],
            pc4=str(2511 + n % 7), content_hash=hashlib.sha256(text.encode()).hexdigest(),
        ))  # fmt: skip
    person = session.get(models.Participant, world.a.participant_id)
    assert person is not None
    person.pc4, person.city = "2525", "Den Haag"
    owner = {"organisation_id": world.a.id, "participant_id": world.a.participant_id}
    session.add(models.ParticipantCompetency(competency_id="gastvrijheid", status="confirmed",
                                             evidence="Ik ontving gasten.", **owner))  # fmt: skip
    session.add(person)
    session.commit()
    return Actor(role="job_hunter", organisation_id=world.a.id,
                 user_id=world.a.staff_ids["job_hunter"])  # fmt: skip


def _all_then_filtered(
    session: Session, actor: Actor, world: World, filters: service.MatchFilters
) -> tuple[list[str], int]:
    """The old way: explain every place, then filter and cut; and how far down the last one is."""
    pool = db_pool.database_pool(session=session)
    profile = profile_of(session=session, actor=actor, participant_id=world.a.participant_id)
    every = rank_pool(profile=profile, pool=Pool(pool.openings, pool.training,
                      version=f"db:{pool.version}"), audience="job_hunter")  # fmt: skip
    sectors = {o.posting.source: o.sector for o in pool.openings}
    order = [item.source for item in every.items]
    kept = [s for s in order if not filters.sector or sectors[s] == filters.sector]
    kept = kept[: filters.top]
    return kept, order.index(kept[-1]) + 1


@pytest.mark.parametrize("sector", ["", "zorg"])
def test_only_the_shown_places_are_explained_and_the_list_is_unchanged(
    session: Session, world: World, monkeypatch: pytest.MonkeyPatch, sector: str
) -> None:
    db_pool.clear()
    actor = _fill(session, world)
    filters = service.MatchFilters(sector=sector, top=4)
    expected, depth = _all_then_filtered(session, actor, world, filters)
    explained: list[int] = []
    original = Explainer.item
    monkeypatch.setattr(Explainer, "item", lambda self, i: explained.append(i) or original(self, i))
    found = service.matches_for(
        session=session, actor=actor, participant_id=world.a.participant_id, filters=filters
    )
    assert [m.item.source for m in found.matches] == expected and len(expected) == 4
    assert all(m.sector == (sector or m.sector) and m.vacancy_id for m in found.matches)
    # only the places down to the 4th shown one: 4 without a filter, more with one
    assert len(explained) == depth and (depth == 4) == (not sector)


def test_the_lookups_a_page_needs_are_made_once_per_pool(session: Session, world: World) -> None:
    db_pool.clear()
    actor = _fill(session, world)
    found = service.matches_for(session=session, actor=actor, participant_id=world.a.participant_id)
    assert found.sectors == sorted(SECTORS)
    pool = db_pool.database_pool(session=session)
    assert pool.by_source is db_pool.database_pool(session=session).by_source
    assert set(pool.by_source) == {o.posting.source for o in pool.openings}
    assert {found.matches[0].item.source} <= set(pool.by_source)
