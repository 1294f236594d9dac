"""Weights of the ranking score, the ranked result type, and how partial scores combine.

score = (competency * w_competency + text * w_text + sector * w_sector
         + open_to_gap * w_open_to_gap + language * w_language) / (sum of those weights),
then multiplied by one factor per hard condition that is not met (Dutch level, distance,
hours, driving licence, certificates, unwanted shifts, out of reach now), clipped to 0..1.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from jobmatch.domain.errors import DataFileError, Problem
from jobmatch.domain.explanation import Audience, Labels, evidence_pairs, explain

ItemKind = Literal["vacancy", "training"]


@dataclass(frozen=True)
class Finding:
    """One condition that is not (or not surely) met; factor 1.0 means warning only."""

    code: str
    nl: str
    en: str
    factor: float = 1.0


@dataclass(frozen=True)
class Weights:
    """All knobs of the transparent score; override from TOML ([weights] table) or CLI."""

    competency: float = 0.55
    text: float = 0.30
    sector: float = 0.20
    open_to_gap: float = 0.05
    language: float = 0.1  # the posting requires a language the participant speaks (not Dutch)
    use_share: float = 0.3  # part of the overlap that is "how much of you the job uses"
    overlap_prior: float = 2.0  # postings asking little: + this many average 'must' weights
    must: float = 1.0  # importance of a 'must' competency
    nice: float = 0.5  # importance of a 'nice' competency
    confirmed: float = 1.0  # participant strength of a confirmed competency with evidence
    confirmed_no_evidence: float = 0.85
    suggested: float = 0.6
    text_scale: float = 0.35  # cosine at which text similarity counts as 1.0
    penalty_language: float = 0.3  # requires a language (not Dutch/English) one does not speak
    penalty_dutch: float = 0.6  # Dutch one level below what is asked
    # Two or more levels below. Issue 13 (tune part): 0.25 kept A1/A2 participants' top 5 full
    # of B1/B2 talking jobs and courses; GRADING.md grades two steps short at most 1 (0 when the
    # posting makes it a condition), so the factor is as strong as the out-of-reach one.
    penalty_dutch_far: float = 0.1
    penalty_distance: float = 0.6  # beyond the participant's maximum
    penalty_distance_far: float = 0.25  # beyond far_ratio x the maximum
    far_ratio: float = 1.5
    # Issue 13 (tune part): postings three or more times further than the participant's maximum
    # took top-5 places (100+ km for a 25 km maximum) because 0.25 was the floor; a job hunter
    # grades these 0 (GRADING.md: "more than three times her maximum distance"), so they drop
    # below nearby work but stay visible.
    very_far_ratio: float = 3.0
    penalty_distance_very_far: float = 0.1
    # Estimated net pay below the participant's need. Issue 13 (tune part): 0.6 put jobs EUR 30
    # short of the need (an estimate from gross pay) below ones she cannot reach; a job hunter
    # lowers the grade by one step only when the pay is clearly below (GRADING.md "Income").
    penalty_income: float = 0.8
    penalty_pay_unknown: float = 0.8  # no pay given, and the need is above the minimum wage
    training_first: float = 0.7  # vacancies, when the participant wants training first
    penalty_hours: float = 0.8
    penalty_licence: float = 0.4
    penalty_certificates: float = 0.6
    penalty_shifts: float = 0.7
    penalty_training_dutch: float = 0.85  # courses often offer a language pre-track
    # Training value: share "builds on what you can" vs "fills gaps". Issue 13 (tune part):
    # with 0.0 a course that teaches what the nearest vacancies ask (communication, flexibility)
    # beat the course in the participant's own trade; a job hunter grades training "relevant to
    # what she wants" (GRADING.md), so part of the value is how much it builds on what she can.
    training_fit: float = 0.3
    penalty_reach: float = 0.3  # out of reach now (domain/reach.py): stays visible, lower down

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if not number or not 0 <= value < math.inf:  # also refuses NaN
                raise ValueError(f"weight {f.name} must be a finite number >= 0")

    @property
    def base_total(self) -> float:
        total = self.competency + self.text + self.sector + self.open_to_gap + self.language
        return total if total > 0 else 1.0

    def updated(self, values: Mapping[str, Any], source: str = "weights") -> Weights:
        """A copy with some weights changed; unknown names or bad values -> DataFileError."""
        names = {f.name for f in fields(self)}
        problems = [
            Problem(source, "", key, f"onbekend gewicht / unknown weight; kies uit {sorted(names)}")
            for key in values
            if key not in names
        ]
        for key, value in values.items():
            if key in names and (isinstance(value, bool) or not isinstance(value, int | float)):
                problems.append(Problem(source, "", key, "moet een getal zijn / must be a number"))
            elif key in names and not math.isfinite(value):
                problems.append(
                    Problem(source, "", key, "moet een eindig getal zijn / must be finite")
                )
            elif key in names and value < 0:
                problems.append(Problem(source, "", key, "moet >= 0 zijn / must be >= 0"))
        if problems:
            raise DataFileError(problems)
        return replace(self, **{k: float(v) for k, v in values.items()})


def weights_from_toml(path: Path, base: Weights | None = None) -> Weights:
    """Read a TOML file with a [weights] table (or top-level keys) into Weights."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise DataFileError(
            [Problem(str(path), "", "", f"geen geldige TOML / invalid TOML: {exc}")]
        ) from exc
    table = data.get("weights", data)
    if not isinstance(table, dict):
        raise DataFileError([Problem(str(path), "", "weights", "moet een tabel zijn / a table")])
    return (base or Weights()).updated(table, source=str(path))


def combine(
    *,
    competency: float,
    text: float,
    sector: float,
    open_to_gap: float,
    factor: float,
    weights: Weights,
    language: float = 0.0,
) -> float:
    """The final 0..1 score from partial scores (each 0..1) and the condition factor."""
    base = (
        competency * weights.competency
        + min(1.0, text) * weights.text
        + sector * weights.sector
        + open_to_gap * weights.open_to_gap
        + language * weights.language
    ) / weights.base_total
    return round(max(0.0, min(1.0, base * factor)), 4)


def _explained(ranked: RankedItem | RankedParticipant) -> dict[str, Any]:
    """matched, missing, reasons, warnings and the same in both languages (JSON output)."""
    return {
        "matched": list(ranked.matched),
        "missing": list(ranked.missing),
        "reasons": list(ranked.reasons),
        "warnings": list(ranked.warnings),
        "explanation": {
            "nl": {"reasons": list(ranked.reasons), "warnings": list(ranked.warnings)},
            "en": {"reasons": list(ranked.reasons_en), "warnings": list(ranked.warnings_en)},
        },
    }


@dataclass(frozen=True)
class RankedItem:
    """One ranked vacancy or training place (the `rank --json` contract, DESIGN.md §3)."""

    source: str
    title: str
    kind: ItemKind
    score: float
    matched: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    reasons_en: tuple[str, ...] = ()
    warnings_en: tuple[str, ...] = ()
    employer: str | None = None
    place: str | None = None
    distance_km: float | None = None
    open_to_gap: bool = False
    evidence: tuple[Mapping[str, str], ...] = ()
    route: tuple[Mapping[str, Any], ...] = ()
    reachable_after: tuple[str, ...] = ()
    parts: Mapping[str, float] = field(default_factory=dict)
    reachable: bool = True  # False: out of reach now (a "reach" warning says why)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "title": self.title,
            "kind": self.kind,
            "score": self.score,
            **_explained(self),
            "employer": self.employer,
            "place": self.place,
            "distance_km": self.distance_km,
            "open_to_gap": self.open_to_gap,
            "evidence": [dict(e) for e in self.evidence],
            "route": [dict(r) for r in self.route],
            "reachable_after": list(self.reachable_after),
            "reachable": self.reachable,
            "parts": dict(self.parts),
        }


@dataclass(frozen=True)
class RankedParticipant:
    """One participant ranked for one vacancy (the job hunter's view)."""

    source: str
    name: str
    score: float
    matched: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    reasons_en: tuple[str, ...] = ()
    warnings_en: tuple[str, ...] = ()
    distance_km: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "name": self.name,
            "score": self.score,
            **_explained(self),
            "distance_km": self.distance_km,
        }


__all__ = [
    "Audience",
    "Finding",
    "ItemKind",
    "Labels",
    "RankedItem",
    "RankedParticipant",
    "Weights",
    "combine",
    "evidence_pairs",
    "explain",
    "weights_from_toml",
]
