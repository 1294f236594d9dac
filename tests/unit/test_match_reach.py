"""Reachability (issue 13 class 1): the level of work a posting takes against where the
participant starts. Texts written for this test."""

from __future__ import annotations

import random

import numpy as np
import pytest

from jobmatch.datafiles.occupations import load_occupation_levels
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.ranking import Weights
from jobmatch.domain.reach import posting_demand, reach_findings, title_occupation
from jobmatch.domain.vacancies import Requirements
from jobmatch.ml.features import ItemFeatures
from jobmatch.ml.ranker import Ranker

LEVELS = load_occupation_levels()


def person(education: str = "", experiences: int = 0, certificates: tuple[str, ...] = ()):
    data = {
        "name": "Test",
        "languages": [{"language": "nl", "level": "A2"}],
        "experiences": [{"title": "Hulp in de keuken", "kind": "work", "description": "afwassen"}]
        * experiences
        + [{"title": "Eigen werk", "kind": "personal-services", "description": "gasten"}],
        "education": [{"title": "x", "level": education, "completed": True}] if education else [],
        "certificates": list(certificates),
    }
    return profile_from_dict(data)


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Projectmanager infrastructuur", 4),
        ("Beleidsadviseur wonen bij de gemeente", 4),
        ("Chauffeur C/E voor nachtdistributie", 2),
        ("Schoonmaker kantoren (20 uur)", 1),
        ("Kassamedewerker bij de supermarkt", 2),
        ("Docent Engels voortgezet onderwijs", 4),
    ],
)
def test_title_occupation_level(title: str, level: int) -> None:
    assert title_occupation(title, LEVELS)[1] == level


def test_an_unknown_title_gives_no_level() -> None:
    assert title_occupation("Alleen voor inwoners van Nederland", LEVELS) == ("", 0)


def out(title: str, text: str, profile, req: Requirements | None = None) -> list[str]:
    demand = posting_demand(title, text, req or Requirements(), LEVELS)
    return [f.nl for f in reach_findings(profile, demand, Weights())]


def test_professional_work_is_out_of_reach_without_a_diploma_and_says_why_in_one_line() -> None:
    found = out("Projectmanager", "Je stuurt een team van twaalf aan.", person())
    assert len(found) == 1
    assert found[0].startswith("Nu nog buiten bereik") and "hbo" in found[0]


def test_the_same_work_is_reachable_with_a_higher_diploma() -> None:
    assert out("Projectmanager", "Je stuurt een team aan.", person("HBO")) == []


def test_a_registration_is_out_of_reach_unless_the_participant_has_it() -> None:
    text = "Je hebt een geldige lesbevoegdheid voor het vak."
    assert "lesbevoegdheid" in out("Leerkracht groep 5", text, person("MBO 2"))[0]
    assert out("Leerkracht groep 5", text, person("HBO", certificates=("Lesbevoegdheid",))) == []


def test_years_of_experience_are_out_of_reach_without_any_other_work() -> None:
    text = "Je hebt minimaal 4 jaar ervaring in een vergelijkbare rol."
    assert "4 jaar ervaring" in out("Planner", text, person("MBO 4"))[0]
    assert out("Planner", text, person("MBO 4", experiences=1)) == []


def test_a_posting_that_trains_people_in_is_not_out_of_reach_for_its_level() -> None:
    text = "Geen ervaring nodig: wij leiden je op via een BBL-traject."
    assert out("Verpleegkundige in opleiding", text, person()) == []


def test_high_pay_counts_only_when_the_title_names_no_known_occupation() -> None:
    pay = Requirements(salary_min=3800, salary_unit="month")
    assert "salaris" in out("Functie HR", "Wij bieden een goed salaris.", person(), pay)[0]
    assert out("Chauffeur", "Goed loon.", person(), pay) == []


def test_a_seniority_word_in_the_title_is_out_of_reach_without_mbo4() -> None:
    assert "leidinggevende" in out("Senior kassamedewerker", "Je werkt in de winkel.", person())[0]


def _item(rng: random.Random, n: int) -> ItemFeatures:
    title = rng.choice(["Projectmanager", "Chauffeur", "Schoonmaker", "Teamleider", "Docent"])
    text = rng.choice(
        [
            "",
            "Minimaal 3 jaar ervaring.",
            "Je hebt 6 jaar ervaring.",
            "BIG-registratie vereist.",
            "Wij leiden je op.",
        ]
    )
    req = Requirements(
        education_level=rng.choice([None, "MBO 2", "MBO 4", "HBO"]),
        salary_min=rng.choice([None, 2400.0, 4000.0]),
        salary_unit="month",
    )
    return ItemFeatures(
        source=f"v{n}",
        title=title,
        kind="vacancy",
        text="werk",
        requirements=req,
        raw_text=text,
        demand=posting_demand(title, text, req, LEVELS),
    )


def test_the_vectorised_check_equals_the_pure_rules() -> None:
    rng = random.Random(13)
    items = [_item(rng, n) for n in range(200)]
    ranker = Ranker().fit(items)
    for education in ("", "MBO 2", "MBO 4", "HBO"):
        for experiences in (0, 1, 2):
            profile = person(education, experiences, rng.choice([(), ("BIG-registratie",)]))
            fast = ranker.out_of_reach(profile)
            slow = [bool(reach_findings(profile, i.demand, Weights())) for i in items]
            assert fast.tolist() == slow


def test_out_of_reach_drops_below_reachable_and_stays_visible() -> None:
    profile = person()
    words = "klant telefoon klantenservice"
    items = [
        ItemFeatures(
            source="manager",
            title="Manager klantenservice",
            kind="vacancy",
            text=words,
            demand=posting_demand("Manager klantenservice", "", Requirements(), LEVELS),
        ),
        ItemFeatures(
            source="service",
            title="Medewerker klantenservice",
            kind="vacancy",
            text=words + " kassa",
            demand=posting_demand("Medewerker klantenservice", "", Requirements(), LEVELS),
        ),
    ]
    ranker = Ranker().fit(items)
    query = ranker.query(profile, words)
    parts = ranker.score(query)
    order = [items[i].source for i in ranker.rank(query, parts=parts)]
    assert order == ["service", "manager"]
    assert np.array_equal(parts["out_of_reach"], np.array([True, False]))


def test_an_out_of_reach_vacancy_says_why_and_shows_a_route() -> None:
    from jobmatch.domain.vacancies import (
        AskedCompetency,
        Employer,
        Extraction,
        Opening,
        Posting,
        TrainingPlace,
    )
    from jobmatch.services.matching import rank_for_participant

    care = Employer("z", "Zorghuis Linde", "zorg", "Delft", "2611")
    text = "Je verzorgt bewoners. BIG-registratie is vereist."
    nurse = Opening(
        Posting("nurse.txt", "Verpleegkundige", text),
        Extraction("nurse.txt", "Verpleegkundige", (AskedCompetency("zorgzaamheid", "z", "must"),)),
        employer=care.name,
        sector="zorg",
        pc4="2611",
    )
    course = TrainingPlace(
        id="bbl",
        title="BBL Helpende Zorg",
        kind="course",
        provider="ROC",
        description="Je leert zorgen voor ouderen.",
        competencies_taught=("zorgzaamheid",),
        city="Delft",
        sector="zorg",
        source="bbl.toml",
    )
    result = rank_for_participant(
        profile=person(), openings=[nurse], training=[course], suggestions=False
    )
    item = next(i for i in result.items if i.source == "nurse.txt")
    assert not item.reachable and item.to_json()["reachable"] is False
    assert [w for w in item.warnings if w.startswith("Nu nog buiten bereik") and "BIG" in w]
    assert "Route erheen: BBL Helpende Zorg." in item.reasons
