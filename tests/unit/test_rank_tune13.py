"""Rule changes of the issue-13 ranking round (tune part only), each with an example written
for this test; the pure rules (domain) and the vectorised ranker (ml) must agree."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from jobmatch.domain.conditions import condition_factor, vacancy_findings
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.profiles import Profile
from jobmatch.domain.ranking import Weights
from jobmatch.domain.vacancies import AskedCompetency, Requirements
from jobmatch.ml.features import ItemFeatures
from jobmatch.ml.ranker import Ranker

W = Weights()


def person(**extra: Any) -> Profile:
    data = {"name": "Test", "languages": [{"language": "nl", "level": "A2"}], **extra}
    return profile_from_dict(data)


@pytest.mark.parametrize(
    ("km", "factor"),
    [
        (8.0, 1.0),
        (12.0, W.penalty_distance),
        (20.0, W.penalty_distance_far),
        (31.0, W.penalty_distance_very_far),
        (120.0, W.penalty_distance_very_far),
    ],
)
def test_distance_has_a_third_tier_beyond_three_times_the_maximum(km: float, factor: float) -> None:
    profile = person(preferences={"max_km": 10})
    findings = vacancy_findings(profile, Requirements(), km, W)
    assert condition_factor(findings) == pytest.approx(factor)
    item = ItemFeatures(source="v", title="Schoonmaker", kind="vacancy", text="schoonmaken")
    ranker = Ranker().fit([item])
    query = ranker.query(profile, "schoonmaken")
    assert ranker.factors(query, np.array([km]))[0] == pytest.approx(factor)


def test_a_posting_a_hundred_km_away_drops_below_one_just_over_the_limit() -> None:
    profile = person(preferences={"max_km": 20})
    near = condition_factor(vacancy_findings(profile, Requirements(), 24.0, W))
    far = condition_factor(vacancy_findings(profile, Requirements(), 100.0, W))
    assert far < near / 4


def _reach(title: str, text: str, profile: Profile, req: Requirements | None = None) -> list[str]:
    from jobmatch.datafiles.occupations import load_occupation_levels
    from jobmatch.domain.reach import posting_demand, reach_findings

    levels = load_occupation_levels()
    demand = posting_demand(title, text, req or Requirements(), levels)
    slow = [f.nl for f in reach_findings(profile, demand, W)]
    item = ItemFeatures(source="v", title=title, kind="vacancy", text="werk", demand=demand)
    fast = Ranker().fit([item]).out_of_reach(profile)
    assert bool(fast[0]) == bool(slow)  # the vectorised check agrees with the pure rule
    return slow


def mbo(level: str) -> Profile:
    return person(education=[{"title": "x", "level": level, "completed": True}])


def test_an_mbo_level_written_in_the_text_counts_when_the_extraction_has_none() -> None:
    text = "Je lost storingen op. Mbo-4 ICT, ITIL is een pre. Je spreekt goed Nederlands."
    found = _reach("Medewerker storingsdienst", text, mbo("MBO 1"))
    assert found and "MBO 4" in found[0]
    assert not _reach("Medewerker storingsdienst", text, mbo("MBO 3"))


def test_an_mbo_level_in_a_posting_that_trains_you_in_is_not_asked() -> None:
    text = "Je volgt bij ons de opleiding mbo-3 en wij betalen de opleiding. Geen ervaring nodig."
    assert not _reach("Leerling monteur", text, mbo("MBO 1"))


def test_a_named_vocational_diploma_is_a_qualification() -> None:
    text = "Je helpt bewoners. Diploma Helpende Zorg en Welzijn, vaste avonden."
    found = _reach("Medewerker avonddienst", text, person())
    assert found and "Diploma Helpende" in found[0]
    holder = person(certificates=["Diploma Helpende Zorg en Welzijn (mbo-2)"])
    assert not _reach("Medewerker avonddienst", text, holder)
    assert not _reach("Medewerker", "Geen diploma nodig, wij leren je alles.", person())


def test_pay_at_hbo_level_is_out_of_reach_below_hbo_whatever_the_title() -> None:
    req = Requirements(salary_min=5200.0, salary_max=6100.0, salary_unit="month")
    text = "Je controleert jaarrekeningen voor klanten."
    assert _reach("Boekhouder", text, mbo("MBO 4"), req)
    assert not _reach("Boekhouder", text, mbo("HBO"), req)
    usual = Requirements(salary_min=2600.0, salary_max=3100.0, salary_unit="month")
    assert not _reach("Boekhouder", text, mbo("MBO 4"), usual)


def _course_values(dutch: str) -> dict[str, float]:
    job = ItemFeatures(
        source="job",
        title="Medewerker receptie",
        kind="vacancy",
        text="receptie gasten",
        requirements=Requirements(dutch_level="B1"),
        asked=(AskedCompetency("gastvrijheid", "gasten ontvangen", "must"),),
    )
    courses = [  # each also teaches what the job asks, so it has a value beyond Dutch
        ItemFeatures(
            source=s,
            title=t,
            kind="training",
            text="nederlands leren",
            level=lv,
            taught=("gastvrijheid",),
        )
        for s, t, lv in (
            ("a1", "Nederlands voor beginners", "NT2 A1"),
            ("a2", "Taalcursus Nederlands", "NT2 A2"),
            ("b1", "NT2 op weg naar werk", "NT2 B1"),
        )
    ]
    items = [job, *courses]
    ranker = Ranker().fit(items)
    parts = ranker.score(ranker.query(person(languages=[{"language": "nl", "level": dutch}]), ""))
    return {i.source: float(v) for i, v in zip(items, parts["competency"], strict=True)}


def test_a_dutch_course_at_or_below_ones_level_has_no_value_except_the_beginners_one() -> None:
    a1 = _course_values("A1")
    assert a1["a1"] > 0 and a1["a2"] > 0 and a1["b1"] > 0
    b1 = _course_values("B1")
    assert b1["a1"] == 0 and b1["a2"] == 0 and b1["b1"] == 0
    a2 = _course_values("A2")
    assert a2["a1"] == 0 and a2["a2"] == 0 and a2["b1"] > 0


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("Je beantwoordt mails van klanten. Werken vanuit huis, laptop van ons.", True),
        ("Customer support, fully remote within the Netherlands.", True),
        ("Kantoor in het centrum, 2 dagen per week thuiswerken.", False),
        ("Thuiswerkvergoeding en een goede koffieautomaat.", False),
    ],
)
def test_work_from_home_ignores_distance_and_says_so(text: str, remote: bool) -> None:
    from jobmatch.domain.conditions import works_from_home

    assert works_from_home(text) is remote
    profile = person(preferences={"max_km": 20})
    findings = vacancy_findings(profile, Requirements(), 90.0, W, remote=remote)
    expected = 1.0 if remote else W.penalty_distance_very_far
    assert condition_factor(findings) == pytest.approx(expected)
    assert any(f.code == "remote" for f in findings) is remote
    item = ItemFeatures(source="v", title="Klantenservice", kind="vacancy", text="x", raw_text=text)
    ranker = Ranker().fit([item])
    got = ranker.factors(ranker.query(profile, "x"), np.array([90.0]))[0]
    assert got == pytest.approx(expected)


def test_pay_a_little_below_the_need_weighs_less_than_a_dutch_level_short() -> None:
    profile = person(income_need_net_month=1800)
    short_pay = Requirements(salary_min=1820.0, salary_unit="month", hours_min=36)
    b1 = Requirements(dutch_level="B1")
    pay = condition_factor(vacancy_findings(profile, short_pay, 5.0, W))
    dutch = condition_factor(vacancy_findings(profile, b1, 5.0, W))
    assert [f.code for f in vacancy_findings(profile, short_pay, 5.0, W)] == ["salary"]
    assert pay > dutch
