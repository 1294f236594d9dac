"""ESCO occupations: suggestions from titles we wrote, linking, counts by group and sector."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session

from jobmatch.datafiles.esco import default_index, load_isco_groups
from jobmatch.db.models import Employer, TrainingPlace, Vacancy
from jobmatch.domain.errors import JobmatchError
from jobmatch.services.occupations import counts_by_group, link_occupation, suggest_occupations


@pytest.mark.parametrize(
    ("title", "group"),
    [
        ("Kok", "5120"),
        ("Receptionist hotel (m/v)", "4226"),
        ("Medewerker schoonmaak", "9112"),
        ("Vrachtwagenchauffeur", "8332"),
        ("Kassamedewerker supermarkt", "5230"),
    ],
)
def test_titles_we_wrote_get_the_right_group(title: str, group: str) -> None:
    assert suggest_occupations(title=title)[0]["isco_group"] == group


def test_a_generic_word_alone_suggests_nothing() -> None:
    assert suggest_occupations(title="Medewerker (32 uur)") == []


def test_shipped_files_are_consistent() -> None:
    groups = load_isco_groups()
    index = default_index()
    assert len(index.by_uri) > 1000
    assert all(o.isco_group in groups for o in index.by_uri.values())


def test_link_and_counts(session: Session) -> None:
    hotel = Employer(key="h", name="Hotel", sector="horeca")
    shop = Employer(key="s", name="Winkel", sector="detailhandel")
    session.add_all([hotel, shop])
    session.commit()
    kok = Vacancy(
        source="a",
        title="Kok",
        text="Koken",
        content_hash="a",
        employer_id=hotel.id,
        sector="horeca",
    )
    old = Vacancy(
        source="b",
        title="Kok",
        text="Koken",
        content_hash="b",
        employer_id=shop.id,
        closing_date=date(2020, 1, 1),
    )
    place = TrainingPlace(
        key="t",
        title="Leerwerkplek keuken",
        kind="learning-work",
        provider="Hotel",
        employer_id=hotel.id,
    )
    session.add_all([kok, old, place])
    session.commit()
    uri = suggest_occupations(title="Kok")[0]["uri"]
    link_occupation(session=session, kind="vacancy", item_id=int(kok.id or 0), uri=uri)
    link_occupation(session=session, kind="training", item_id=int(place.id or 0), uri=uri)
    with pytest.raises(JobmatchError):
        link_occupation(session=session, kind="vacancy", item_id=int(kok.id or 0), uri="x")
    counts = counts_by_group(session=session, today=date(2026, 12, 2))
    (five,) = counts["by_group"]  # the expired vacancy is not in the pool
    assert (five["group"], five["vacancies"], five["training"], five["employers"]) == ("5", 1, 1, 1)
    sectors = {row["sector"]: row for row in counts["by_sector"]}
    assert sectors["horeca"] == {"sector": "horeca", "vacancies": 1, "employers": 1}
    assert sectors["detailhandel"]["vacancies"] == 0
