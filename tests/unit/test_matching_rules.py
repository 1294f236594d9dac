"""Pure matching rules: strengths, overlap, hard conditions, avoid list, weights."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jobmatch.domain.errors import DataFileError
from jobmatch.domain.matching import (
    competency_overlap,
    condition_factor,
    education_rank,
    is_avoided,
    participant_strengths,
    pool_idf,
    vacancy_findings,
)
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.profiles import Profile
from jobmatch.domain.ranking import Weights, combine, weights_from_toml
from jobmatch.domain.vacancies import AskedCompetency, Requirements

W = Weights()


def profile(**extra: Any) -> Profile:
    return profile_from_dict({"name": "Test Persoon", **extra})


def asked(*pairs: tuple[str, str]) -> tuple[AskedCompetency, ...]:
    return tuple(AskedCompetency(cid, cid, imp) for cid, imp in pairs)  # type: ignore[arg-type]


def test_confirmed_with_evidence_weighs_more_than_suggested() -> None:
    p = profile(
        competencies=[
            {"id": "gastvrijheid", "evidence": "Ik ontving gasten."},
            {"id": "luisteren"},
            {"id": "tact", "status": "suggested"},
        ]
    )
    s = participant_strengths(p, W)
    assert s["gastvrijheid"] > s["luisteren"] > s["tact"] > 0


def test_overlap_weights_must_over_nice_and_rare_over_common() -> None:
    strengths = {"a": 1.0}
    must_a = competency_overlap(strengths, asked(("a", "must"), ("b", "nice")), {}, W)
    nice_a = competency_overlap(strengths, asked(("a", "nice"), ("b", "must")), {}, W)
    assert must_a[0] > nice_a[0]
    assert must_a[1:] == (("a",), ("b",))
    idf = pool_idf([["a", "b"], ["b"], ["b"], ["b"]])
    assert idf["a"] > idf["b"]
    rare = competency_overlap(strengths, asked(("a", "must"), ("b", "must")), idf, W)[0]
    assert rare > 0.5  # having the rare one counts for more than half


def test_nothing_asked_gives_zero_overlap_not_an_error() -> None:
    assert competency_overlap({"a": 1.0}, (), {}, W) == (0.0, (), ())


def test_each_hard_condition_gives_a_bilingual_warning_and_a_penalty() -> None:
    p = profile(
        languages=[{"language": "nl", "level": "A2"}],
        preferences={"hours_min": 16, "hours_max": 24, "max_km": 10, "avoid_shifts": ["night"]},
        income_need_net_month=2000,
    )
    req = Requirements(
        hours_min=32,
        hours_max=38,
        salary_min=12.5,
        salary_unit="hour",
        dutch_level="B2",
        driving_licence=True,
        certificates=("VCA",),
        shifts=("night",),
        education_level="MBO 3",
    )
    findings = vacancy_findings(p, req, 25.0, W)
    codes = [f.code for f in findings]
    assert codes == [
        "dutch",
        "distance",
        "hours",
        "licence",
        "certificates",
        "diploma",
        "shifts",
        "salary",
    ]
    assert all(f.nl and f.en and f.nl != f.en for f in findings)
    salary = findings[-1]
    assert "netto" in salary.nl and "schatting" in salary.nl
    # A2 vs B2 is two levels short, 25 km is more than 1.5 x 10 km: the far penalties
    assert condition_factor(findings) == pytest.approx(
        W.penalty_dutch_far
        * W.penalty_distance_far
        * W.penalty_hours
        * W.penalty_licence
        * W.penalty_certificates**2
        * W.penalty_shifts
        * W.penalty_income
    )


def test_conditions_met_give_no_findings() -> None:
    p = profile(
        languages=[{"language": "nl", "level": "B2"}],
        preferences={"hours_min": 16, "hours_max": 32, "max_km": 30},
        driving_licence=True,
        certificates=["VCA basis"],
        education=[{"title": "Zorg", "level": "MBO-3"}],
    )
    req = Requirements(
        hours_min=24,
        hours_max=32,
        dutch_level="B1",
        driving_licence=True,
        certificates=("VCA",),
        education_level="mbo niveau 3",
    )
    assert vacancy_findings(p, req, 12.0, W) == []


def test_unknown_distance_is_said_not_penalised() -> None:
    findings = vacancy_findings(profile(preferences={"max_km": 5}), Requirements(), None, W)
    assert [(f.code, f.nl, f.en, f.factor) for f in findings] == [
        ("distance_unknown", "Afstand onbekend.", "Distance unknown.", 1.0)
    ]


def test_avoid_list_is_case_and_accent_insensitive() -> None:
    p = profile(avoid={"employers": ["Café de Réiger"], "places": ["Den Haag"]})
    assert is_avoided(p, employer="CAFE DE REIGER B.V.", places=[])
    assert is_avoided(p, employer=None, places=["'s-Gravenhage"])
    assert not is_avoided(p, employer="Reigerstaete", places=["Delft"])


def test_education_levels_are_read_from_free_text() -> None:
    assert [education_rank(x) for x in ("MBO 2", "mbo-2", "MBO niveau 3", "hbo", "", "?")] == [
        2,
        2,
        3,
        5,
        0,
        0,
    ]


def test_weights_from_toml_and_bad_weights(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text("[weights]\ntext = 0.5\nmust = 2\n", encoding="utf-8")
    w = weights_from_toml(path)
    assert (w.text, w.must, w.competency) == (0.5, 2.0, W.competency)
    path.write_text("[weights]\ntekst = 0.5\ntext = -1\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        weights_from_toml(path)
    assert "tekst" in str(caught.value) and "onbekend gewicht / unknown weight" in str(caught.value)
    assert ">= 0" in str(caught.value)
    path.write_text("[weights\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="geen geldige TOML / invalid TOML"):
        weights_from_toml(path)


def test_combine_stays_between_0_and_1() -> None:
    full = {"competency": 1, "sector": 1, "open_to_gap": 1, "language": 1}
    assert combine(text=5, factor=1, weights=W, **full) == 1.0
    assert combine(text=1, factor=0.5, weights=W, **full) == 0.5
    assert combine(competency=0, text=0, sector=0, open_to_gap=0, factor=1, weights=W) == 0.0


def test_unknown_pay_warns_only_when_the_need_is_above_the_minimum_wage() -> None:
    high = profile(income_need_net_month=2600)
    findings = vacancy_findings(high, Requirements(hours_min=36), 1.0, W)
    assert [f.code for f in findings] == ["salary_unknown"]
    assert findings[0].factor == W.penalty_pay_unknown and "minimumloon" in findings[0].nl
    low = profile(income_need_net_month=1400)
    assert vacancy_findings(low, Requirements(hours_min=36), 1.0, W) == []
    paid = Requirements(hours_min=36, salary_min=3200, salary_unit="month")
    assert vacancy_findings(high, paid, 1.0, W) == []


def test_required_languages_are_a_hard_condition() -> None:
    from jobmatch.domain.matching import languages_required

    text = "Jouw profiel\n- Native Hungarian or Romanian (C1/C2)\n- Duits is een pluspunt"
    assert languages_required("Klantenservice", text) == ("hu", "ro")
    assert languages_required("Agent – Polish speaking", "Good English (B2)") == ("pl",)
    assert languages_required("Kok", "Je spreekt goed Engels en vloeiend Nederlands") == ()
    speaker = profile(languages=[{"language": "ro", "level": "native"}])
    assert vacancy_findings(speaker, Requirements(), 1.0, W, ("hu", "ro")) == []
    other = vacancy_findings(profile(), Requirements(), 1.0, W, ("hu", "ro"))
    assert [(f.code, f.nl, f.factor) for f in other] == [
        ("language", "Gevraagde taal: Hongaars of Roemeens.", W.penalty_language)
    ]
