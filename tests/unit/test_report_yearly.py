"""The yearly definitions at their edges (pure domain, no database)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from jobmatch.domain.yearly import (
    HEADLINE,
    Facts,
    active_at_end,
    age_band,
    facts_problems,
    headline_row,
    in_programme,
    yearly_tables,
)

BASE = Facts(1, "A", date(2023, 5, 1), None, None, None, 1990, "Delft", None, "contact")


def test_exit_on_the_last_day_is_not_active_at_year_end() -> None:
    left = replace(BASE, exit_date=date(2024, 12, 31), exit_reason="uitgevallen")
    assert not active_at_end(left, 2024)
    assert active_at_end(replace(left, exit_date=date(2025, 1, 1)), 2024)
    row = dict(zip(HEADLINE, headline_row(left, 2024), strict=True))
    assert row == {"ingestroomd": 0, "uitgevallen": 1, "uitgestroomd": 0,
                   "vertrokken, reden onbekend": 0, "actief op 31-12": 0}  # fmt: skip


def test_who_is_in_the_programme_during_a_year() -> None:
    assert in_programme(replace(BASE, exit_date=date(2024, 1, 1)), 2024)
    assert not in_programme(replace(BASE, exit_date=date(2023, 12, 31)), 2024)
    assert not in_programme(replace(BASE, entry_date=date(2025, 1, 1)), 2024)


def test_age_bands_at_their_edges_and_impossible_years() -> None:
    ages = {age: age_band(replace(BASE, birth_year=2024 - age), 2024) for age in (24, 25, 54, 55)}
    assert ages == {24: "< 25", 25: "25–34", 54: "45–54", 55: "55+"}
    assert age_band(replace(BASE, birth_year=2020), 2024) == "onbekend"
    assert age_band(replace(BASE, birth_year=None), 2024) == "onbekend"


def test_an_exit_without_reason_is_counted_apart_and_listed() -> None:
    odd = replace(BASE, exit_date=date(2024, 3, 1), exit_reason=None)
    assert dict(zip(HEADLINE, headline_row(odd, 2024), strict=True))["vertrokken, reden onbekend"]
    assert "exit-no-reason" in facts_problems(odd, 2024)


def test_everyone_is_counted_or_listed_as_not_counted() -> None:
    people = [replace(BASE, participant_id=i, entry_date=date(2024, 1, 1 + i)) for i in range(20)]
    people.append(replace(BASE, participant_id=99, entry_date=None))
    people.append(replace(BASE, participant_id=98, exit_date=date(2020, 1, 1)))
    tables, problems, not_counted = yearly_tables(people, 2024, ["A"])
    assert not_counted == 2
    assert {p.participant_id for p in problems} == {98, 99}
    head = dict(tables)["kerncijfers"]
    assert head.counts[0][HEADLINE.index("ingestroomd")] == 20
