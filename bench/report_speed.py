"""Yearly report and dashboard speed on 10,000 generated participants over 5 years, PostgreSQL.

    python -m bench.report_speed                   # 10,000 participants, 6 organisations
    python -m bench.report_speed --people 2000     # smaller while developing
    JOBMATCH_BENCH_POSTGRES_URL=... python -m bench.report_speed

A fresh schema is created (and dropped afterwards) on 127.0.0.1:5432/test. Timed: the whole
report service (query, counts, suppression) per year; rendering the PDF; the dashboard service
(grouped queries, suppression, SVG charts, CSV). Baseline in the same run: the bare SELECT of
the participant columns the report reads, so the ratio shows what counting and protecting add.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, text
from sqlmodel import Session

from jobmatch.datafiles.geo import load_pc4_index
from jobmatch.db.engine import make_engine
from jobmatch.db.models import (
    APPLICATION_STATUSES,
    PHASES,
    Application,
    Employer,
    Organisation,
    Participant,
    TrainingPlace,
    Vacancy,
)
from jobmatch.documents.charts import _svg
from jobmatch.domain.yearly import OUTCOMES
from jobmatch.services.dashboard import build_dashboard
from jobmatch.services.report import build_yearly_report, load_facts, render_report
from jobmatch.services.setup import init_database

URL = os.environ.get(
    "JOBMATCH_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
FIRST_YEAR, YEARS = 2021, 5
SECTORS = ("horeca", "zorg", "schoonmaak", "logistiek", "retail", "kinderopvang", "klantenservice")


def _postcodes(rng: random.Random) -> list[str]:
    """Mostly Zuid-Holland (2xxx, 3xxx), some from anywhere: realistic long tails."""
    every = sorted(load_pc4_index().postcodes)
    near = [pc for pc in every if pc[0] in "23"]
    return [rng.choice(near) if rng.random() < 0.85 else rng.choice(every) for _ in range(400)]


def _person(rng: random.Random, org: int, n: int, postcodes: list[str]) -> dict[str, Any]:
    entry = date(FIRST_YEAR, 1, 1) + timedelta(days=rng.randrange(YEARS * 365))
    exit_, reason, outcome, work = None, None, None, None
    if rng.random() < 0.55:
        exit_ = entry + timedelta(days=rng.randrange(30, 900))
        exit_ = None if exit_ > date(FIRST_YEAR + YEARS, 12, 31) else exit_
    if exit_ is not None:
        reason = rng.choices(["uitgestroomd", "uitgevallen", None], [60, 37, 3])[0]
        if reason == "uitgestroomd":
            outcome = rng.choices([*OUTCOMES, None], [45, 20, 12, 10, 8, 5])[0]
            work = rng.choice(postcodes) if rng.random() < 0.9 else None
    if rng.random() < 0.01:  # typing errors: exit before entry
        exit_ = entry - timedelta(days=rng.randrange(1, 60))
    return {
        "alias": f"p{n}", "organisation_id": org, "entry_date": entry, "exit_date": exit_,
        "exit_reason": reason, "outcome": outcome, "work_pc4": work,
        "birth_year": None if rng.random() < 0.03 else rng.randint(1960, 2005),
        "pc4": None if rng.random() < 0.04 else rng.choice(postcodes),
        "phase": rng.choice(PHASES), "city": "", "consent_version": "", "profile": {},
    }  # fmt: skip


def populate(session: Session, people: int, rng: random.Random) -> int:
    """Organisations of uneven size, participants, applications, employers, places."""
    orgs = []
    for i in range(6):
        org = Organisation(slug=f"org-{i}", name=f"Stichting Proef {i}")
        session.add(org)
        orgs.append(org)
    session.flush()
    postcodes = _postcodes(rng)
    weights = [40, 25, 15, 10, 7, 3]
    rows = [
        _person(rng, rng.choices([o.id for o in orgs], weights)[0], n, postcodes)
        for n in range(people)
    ]
    session.execute(insert(Participant), rows)
    session.add_all(
        Employer(key=f"e{i}", name=f"Werkgever {i}", sector=rng.choice(SECTORS),
                 follow_up_on=date(2025, 1, 1) + timedelta(days=rng.randrange(700)))
        for i in range(300)
    )  # fmt: skip
    session.add_all(
        Vacancy(source=f"v{i}.txt", title="Vacature", text="Tekst.", content_hash=str(i),
                sector=rng.choice([*SECTORS, None]), active=rng.random() < 0.8)
        for i in range(600)
    )  # fmt: skip
    session.add_all(
        TrainingPlace(key=f"t{i}", title="Cursus", kind="course", provider="ROC",
                      sector=rng.choice([*SECTORS, None]))
        for i in range(120)
    )  # fmt: skip
    session.flush()
    first_vacancy = session.execute(text("SELECT min(id) FROM vacancy")).scalar_one()
    ids = session.execute(text("SELECT id, organisation_id FROM participant")).all()
    applications = [
        {"organisation_id": org, "participant_id": pid, "status_history": [],
         "vacancy_id": first_vacancy + rng.randrange(600),
         "status": rng.choice(APPLICATION_STATUSES)}
        for pid, org in ids for _ in range(rng.choice((0, 1, 1, 2, 3)))
    ]  # fmt: skip
    session.execute(insert(Application), applications)
    session.commit()
    return len(applications)


def timed(func: Callable[[], Any], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(session: Session, runs: int) -> None:
    def report(year: int) -> Callable[[], Any]:
        return lambda: build_yearly_report(session=session, year=year)

    baseline = timed(lambda: load_facts(session=session), runs)
    base = statistics.median(baseline)
    print(f"baseline  SELECT+map of participant facts: p50 {base * 1000:7.1f} ms")
    for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
        times = timed(report(year), runs)
        print(
            f"report {year}: p50 {statistics.median(times) * 1000:7.1f} ms, "
            f"max {max(times) * 1000:7.1f} ms  ({statistics.median(times) / base:.1f}x baseline)"
        )
    one = build_yearly_report(session=session, year=FIRST_YEAR + YEARS - 1)
    pdf = timed(lambda: render_report(one, "pdf"), max(1, runs // 2))
    print(
        f"report PDF render: p50 {statistics.median(pdf) * 1000:7.1f} ms "
        f"({len(render_report(one, 'pdf').data) // 1024} KiB), problems listed: {len(one.problems)}"
    )
    board = timed(lambda: build_dashboard(session=session, today=date(2025, 6, 30)), runs * 4)
    org = timed(
        lambda: build_dashboard(session=session, organisation_id=1, today=date(2025, 6, 30)),
        runs * 4,
    )

    def cold() -> Any:
        _svg.cache_clear()
        return build_dashboard(session=session, today=date(2025, 6, 30))

    uncached = timed(cold, runs * 2)
    named = (("all organisations", board), ("one organisation", org), ("no SVG cache", uncached))
    for name, values in named:
        print(
            f"dashboard ({name}): p50 {statistics.median(values) * 1000:6.1f} ms, "
            f"p95 {p95(values) * 1000:6.1f} ms over {len(values)} runs"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{URL}?options=-csearch_path%3D{schema}"
    try:
        init_database(url=url)
        engine = make_engine(url)
        with Session(engine) as session:
            start = time.perf_counter()
            applications = populate(session, args.people, random.Random(12))
            print(
                f"generated {args.people} participants, {applications} applications "
                f"in {time.perf_counter() - start:.1f} s (PostgreSQL, schema {schema})"
            )
            measure(session, args.runs)
        engine.dispose()
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
