"""The yearly report's counts, from plain facts about participants (no database here).

Definitions for calendar year Y (1 January to 31 December):
- *entered*: the entry date lies in Y.
- *dropped out* / *left the trade*: the exit date lies in Y and the exit reason is
  "uitgevallen" / "uitgestroomd". An exit in Y without a (known) reason is counted apart as
  "vertrokken, reden onbekend", so the columns always add up to everyone who left.
- *active at year end*: entered on or before 31 December and not left on or before that day.
- *in the programme in Y*: entered on or before 31 December, not left before 1 January. Age
  and municipality of residence are counted over these participants; age is the age reached in
  Y (Y minus the birth year).
- *phase*: the phase recorded now, of those active at year end (the database keeps no history
  of phases, so for an earlier year this is today's phase).
- *outcome* and *municipality of work*: of those who left the trade in Y; work municipality only
  for paid work and own business.

A participant without an entry date, or with an exit before the entry, cannot be placed in any
year: they are left out of every table, counted as "niet meegeteld", and listed as a data
problem (by participant id) for the coordinator to fix. Missing or unknown values elsewhere
count as "onbekend" and are listed too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from jobmatch.domain.suppression import CountTable

DROPPED_OUT, LEFT_TRADE = "uitgevallen", "uitgestroomd"
OUTCOMES = ("betaald-werk", "opleiding", "vrijwilligerswerk", "dagbesteding", "eigen-bedrijf")
WORKING = frozenset({"betaald-werk", "eigen-bedrijf"})
PHASES = ("contact", "oriëntatie", "uitvoering", "nazorg")
AGE_BANDS = (
    (0, 24, "< 25"),
    (25, 34, "25–34"),
    (35, 44, "35–44"),
    (45, 54, "45–54"),
    (55, 200, "55+"),
)
MIN_AGE, MAX_AGE = 14, 100  # outside this a birth year is a typing error
UNKNOWN = "onbekend"
HEADLINE = (
    "ingestroomd",
    "uitgevallen",
    "uitgestroomd",
    "vertrokken, reden onbekend",
    "actief op 31-12",
)

# Data problems: a code and the Dutch / English sentence the coordinator sees.
PROBLEMS = {
    "no-entry": "geen startdatum: niet meegeteld / no entry date: not counted",
    "exit-before-entry": (
        "einddatum ligt vóór de startdatum: niet meegeteld / exit before entry: not counted"
    ),
    "exit-no-reason": "einddatum zonder reden van vertrek / exit date without an exit reason",
    "reason-no-exit": "reden van vertrek zonder einddatum / exit reason without an exit date",
    "no-birth-year": "geen geboortejaar (leeftijd onbekend) / no birth year (age unknown)",
    "bad-birth-year": (
        "geboortejaar niet mogelijk (leeftijd onbekend) / impossible birth year (age unknown)"
    ),
    "no-postcode": "geen of onbekende postcode (woongemeente onbekend) / no or unknown postcode",
    "no-outcome": "uitgestroomd zonder (bekende) uitkomst / left the trade without a known outcome",
    "no-work-postcode": (
        "werkt, maar geen of onbekende werkpostcode / working, no known work postcode"
    ),
}


@dataclass(frozen=True)
class Facts:
    """What the report needs to know about one participant (no name, no free text)."""

    participant_id: int
    organisation: str
    entry_date: date | None
    exit_date: date | None
    exit_reason: str | None
    outcome: str | None
    birth_year: int | None
    municipality: str | None  # of residence, from the pc4; None when unknown
    work_municipality: str | None
    phase: str


@dataclass(frozen=True)
class DataProblem:
    participant_id: int
    code: str

    @property
    def message(self) -> str:
        return PROBLEMS[self.code]

    def __str__(self) -> str:
        return f"deelnemer / participant {self.participant_id}: {self.message}"


def placement_problem(f: Facts) -> str | None:
    """Why a participant cannot be counted in any year, or None."""
    if f.entry_date is None:
        return "no-entry"
    if f.exit_date is not None and f.exit_date < f.entry_date:
        return "exit-before-entry"
    return None


def in_year(day: date | None, year: int) -> bool:
    return day is not None and day.year == year


def active_at_end(f: Facts, year: int) -> bool:
    end = date(year, 12, 31)
    return (
        f.entry_date is not None
        and f.entry_date <= end
        and (f.exit_date is None or f.exit_date > end)
    )


def in_programme(f: Facts, year: int) -> bool:
    start, end = date(year, 1, 1), date(year, 12, 31)
    return (
        f.entry_date is not None
        and f.entry_date <= end
        and (f.exit_date is None or f.exit_date >= start)
    )


def headline_row(f: Facts, year: int) -> tuple[int, ...]:
    left = in_year(f.exit_date, year)
    reason_known = f.exit_reason in (DROPPED_OUT, LEFT_TRADE)
    return (
        int(in_year(f.entry_date, year)),
        int(left and f.exit_reason == DROPPED_OUT),
        int(left and f.exit_reason == LEFT_TRADE),
        int(left and not reason_known),
        int(active_at_end(f, year)),
    )


def age_band(f: Facts, year: int) -> str:
    if f.birth_year is None or not MIN_AGE <= year - f.birth_year <= MAX_AGE:
        return UNKNOWN
    age = year - f.birth_year
    return next(label for low, high, label in AGE_BANDS if low <= age <= high)


def facts_problems(f: Facts, year: int) -> list[str]:
    """Every problem of one countable participant that touches year Y."""
    codes: list[str] = []
    if f.exit_date is not None and f.exit_reason not in (DROPPED_OUT, LEFT_TRADE):
        codes.append("exit-no-reason")
    if f.exit_date is None and f.exit_reason:
        codes.append("reason-no-exit")
    if f.birth_year is None:
        codes.append("no-birth-year")
    elif age_band(f, year) == UNKNOWN:
        codes.append("bad-birth-year")
    if f.municipality is None:
        codes.append("no-postcode")
    if left_trade(f, year) and f.outcome not in OUTCOMES:
        codes.append("no-outcome")
    if left_trade(f, year) and f.outcome in WORKING and f.work_municipality is None:
        codes.append("no-work-postcode")
    return codes


def left_trade(f: Facts, year: int) -> bool:
    return in_year(f.exit_date, year) and f.exit_reason == LEFT_TRADE


def _breakdown(
    title: str,
    people: Sequence[Facts],
    organisations: Sequence[str],
    label: Callable[[Facts], str],
    *,
    columns: Iterable[str] | None = None,
    ordered: bool = False,
) -> CountTable:
    """Counts per organisation and category; categories in `columns` order, else by name
    with "onbekend" last."""
    counter = Counter((f.organisation, label(f)) for f in people)
    if columns is None:
        found = {category for _, category in counter}
        columns = sorted(found - {UNKNOWN}) + ([UNKNOWN] if UNKNOWN in found else [])
    column_list = tuple(columns)
    counts = tuple(tuple(counter[(org, c)] for c in column_list) for org in organisations)
    return CountTable(
        title, tuple(organisations), column_list, counts, True, ordered, frozenset({UNKNOWN})
    )


def headline_table(present: Sequence[Facts], year: int, organisations: Sequence[str]) -> CountTable:
    """Entered, dropped out, left the trade, left for an unknown reason, active at year end."""
    headline = Counter[tuple[str, int]]()
    for f in present:
        for i, value in enumerate(headline_row(f, year)):
            headline[(f.organisation, i)] += value
    counts = tuple(tuple(headline[(o, i)] for i in range(len(HEADLINE))) for o in organisations)
    return CountTable("Kerncijfers", tuple(organisations), HEADLINE, counts, row_totals=False)


def _outcome(f: Facts) -> str:
    return f.outcome if f.outcome in OUTCOMES else UNKNOWN


def breakdown_tables(
    present: Sequence[Facts], year: int, organisations: Sequence[str]
) -> list[tuple[str, CountTable]]:
    leavers = [f for f in present if left_trade(f, year)]
    working = [f for f in leavers if f.outcome in WORKING]
    active = [f for f in present if active_at_end(f, year)]
    ages = (*(band[2] for band in AGE_BANDS), UNKNOWN)
    orgs = organisations
    return [
        ("uitkomst", _breakdown("Uitgestroomd naar", leavers, orgs, _outcome,
                                columns=(*OUTCOMES, UNKNOWN))),
        ("leeftijd", _breakdown("Leeftijd", present, orgs, lambda f: age_band(f, year),
                                columns=ages, ordered=True)),
        ("woongemeente", _breakdown("Woongemeente", present, orgs,
                                    lambda f: f.municipality or UNKNOWN)),
        ("werkgemeente", _breakdown("Werkgemeente (betaald werk, eigen bedrijf)", working, orgs,
                                    lambda f: f.work_municipality or UNKNOWN)),
        ("fase", _breakdown("Fase (actief op 31-12)", active, orgs, lambda f: f.phase,
                            columns=PHASES)),
    ]  # fmt: skip


def yearly_tables(
    facts: Sequence[Facts], year: int, organisations: Sequence[str]
) -> tuple[list[tuple[str, CountTable]], list[DataProblem], int]:
    """The report's tables (key, table), the data problems and how many were not counted."""
    problems: list[DataProblem] = []
    counted: list[Facts] = []
    for f in facts:
        code = placement_problem(f)
        if code is not None:
            problems.append(DataProblem(f.participant_id, code))
        else:
            counted.append(f)
    present = [f for f in counted if in_programme(f, year)]
    problems += [DataProblem(f.participant_id, c) for f in present for c in facts_problems(f, year)]
    tables = [("kerncijfers", headline_table(present, year, organisations))]
    tables += breakdown_tables(present, year, organisations)
    return tables, problems, len(facts) - len(counted)
