"""Use cases: suggest and link an ESCO occupation for a vacancy or training place; counts of
the pool and the employer network by occupation group (ISCO major group) and by sector."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any, Literal

from sqlmodel import Session

from jobmatch.datafiles.esco import Suggestion, default_index, load_isco_groups
from jobmatch.db.models import Employer, TrainingPlace, Vacancy
from jobmatch.domain.errors import JobmatchError
from jobmatch.services.pool import ranking_pool, training_pool

Kind = Literal["vacancy", "training"]
UNKNOWN = "?"


def suggest_occupations(*, title: str, text: str = "", top: int = 3) -> list[dict[str, Any]]:
    """The best ESCO occupations for a title (and text), JSON-ready, best first."""
    return [_json(s) for s in default_index().suggest(title, text, top=top)]


def _json(suggestion: Suggestion) -> dict[str, Any]:
    occupation = suggestion.occupation
    return {
        "uri": occupation.uri, "label": occupation.label, "isco_group": occupation.isco_group,
        "score": suggestion.score, "matched": suggestion.matched,
    }  # fmt: skip


def best_occupation(title: str, text: str = "") -> tuple[str | None, str | None]:
    """(uri, isco group) of the top suggestion, or (None, None)."""
    found = default_index().suggest(title, text, top=1)
    return (found[0].occupation.uri, found[0].occupation.isco_group) if found else (None, None)


def link_occupation(*, session: Session, kind: Kind, item_id: int, uri: str | None) -> None:
    """Set (or clear, with None) the occupation the coordinator chose."""
    table: type[Vacancy] | type[TrainingPlace] = Vacancy if kind == "vacancy" else TrainingPlace
    item = session.get(table, item_id)
    if item is None:
        raise JobmatchError(f"Niet gevonden / not found: {kind} {item_id}")
    occupation = default_index().by_uri.get(uri) if uri else None
    if uri and occupation is None:
        raise JobmatchError(f"Onbekend beroep / unknown occupation: {uri}")
    item.occupation_uri = uri
    item.isco_group = occupation.isco_group if occupation else None
    session.add(item)
    session.commit()


def _major(group: str | None) -> str:
    return group[:1] if group else UNKNOWN


def counts_by_group(*, session: Session, today: date) -> dict[str, Any]:
    """Open vacancies, training places and employers (with open places) per ISCO major group
    and per sector. Employers are counted once per group they have places in."""
    labels = {code: group.label for code, group in load_isco_groups().items() if len(code) == 1}
    pool = ranking_pool(session=session, today=today)
    places = training_pool(session=session)
    employers: dict[str, set[int]] = defaultdict(set)
    owners = [(v.isco_group, v.employer_id) for v in pool]
    owners += [(t.isco_group, t.employer_id) for t in places]
    for group, employer_id in owners:
        if employer_id is not None:
            employers[_major(group)].add(employer_id)
    vacancies = Counter(_major(v.isco_group) for v in pool)
    training = Counter(_major(t.isco_group) for t in places)
    groups = sorted(set(vacancies) | set(training) | set(employers))
    sectors = Counter((v.sector or "").strip() or UNKNOWN for v in pool)
    network = Counter((e.sector or "").strip() or UNKNOWN for e in _employers(session))
    return {
        "by_group": [
            {"group": g, "label": labels.get(g, "onbekend / unknown"), "vacancies": vacancies[g],
             "training": training[g], "employers": len(employers[g])}
            for g in groups
        ],
        "by_sector": [
            {"sector": s, "vacancies": sectors[s], "employers": network[s]}
            for s in sorted(set(sectors) | set(network))
        ],
    }  # fmt: skip


def _employers(session: Session) -> list[Employer]:
    from sqlmodel import col, select

    return list(session.exec(select(Employer).where(col(Employer.merged_into_id).is_(None))))


def isco_major_groups() -> list[tuple[str, str]]:
    """(code, label) of the ISCO major groups, for filtering by occupation group."""
    groups = load_isco_groups()
    return [(code, group.label) for code, group in sorted(groups.items()) if len(code) == 1]
