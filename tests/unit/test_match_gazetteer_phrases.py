"""One gazetteer (vacancies/towns.csv) for extractor and ranker, and one table of
nice-to-have phrases (competencies/nice_phrases.toml) for both extraction paths.
Texts written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobmatch.datafiles.geo import load_pc4_index
from jobmatch.datafiles.phrases import read_nice_phrases
from jobmatch.datafiles.towns import check_towns, load_towns
from jobmatch.domain.errors import DataFileError
from jobmatch.domain.vacancies import Posting
from jobmatch.services.extraction import _places, extract_posting

TOWNS = load_towns()


@pytest.mark.parametrize("town", TOWNS, ids=lambda t: t.name)
def test_every_town_the_extractor_knows_can_be_placed(town) -> None:
    found = _places().find(f"Voor onze vestiging in {town.name} zoeken wij een collega.")
    assert found is not None
    point = load_pc4_index().locate(city=found)
    assert point is not None and point.municipality == town.municipality


def test_every_place_the_ranker_can_place_by_town_is_found_in_text() -> None:
    geo = load_pc4_index()
    assert {geo.key(t.name) for t in TOWNS} <= set(geo.cities)


def test_hoofddorp_gets_a_distance() -> None:
    point = load_pc4_index().locate(city="Hoofddorp")
    assert point is not None and point.municipality == "Haarlemmermeer"


def test_the_gazetteer_is_consistent_with_the_postcodes() -> None:
    assert check_towns(Path(__file__).parents[2] / "vacancies") == []


def test_a_town_in_an_unknown_municipality_is_reported(tmp_path: Path) -> None:
    (tmp_path / "nl-pc4.csv").write_text("pc4,lat,lon,municipality\n2611,52,4.3,Delft\n")
    (tmp_path / "towns.csv").write_text("name,municipality,kind\nDorp,Nergensland,town\n")
    problems = check_towns(tmp_path)
    assert len(problems) == 1 and "nl-pc4.csv" in problems[0].message


def requirements(text: str):
    return extract_posting(Posting("t.txt", "Bezorger", text)).requirements


@pytest.mark.parametrize(
    ("text", "licence"),
    [
        ("Wat vragen wij?\n- Rijbewijs B gewenst\n- Je bent vriendelijk", False),
        ("Wat vragen wij?\n- Rijbewijs B is een pré\n- Je bent vriendelijk", False),
        ("Wat vragen wij?\n- Rijbewijs B is handig, maar geen must", False),
        ("Wat vragen wij?\n- Rijbewijs B is vereist\n- Je bent vriendelijk", True),
        ("Wat vragen wij?\n- Je hebt rijbewijs B\n- Je bent technisch handig", True),
    ],
)
def test_nice_to_have_is_read_the_same_for_requirements(text: str, licence: bool) -> None:
    assert requirements(text).driving_licence is licence


def test_nice_to_have_is_read_the_same_for_competencies() -> None:
    text = "Wat vragen wij?\n- Ervaring met klantcontact is gewenst.\n- Je werkt nauwkeurig."
    found = extract_posting(Posting("t.txt", "Medewerker", text)).competencies
    importance = {c.id: c.importance for c in found}
    assert "nice" in importance.values() and "must" in importance.values()


def test_a_bad_phrase_table_names_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "nice.toml"
    path.write_text('phrases = [\n  { key = "ok" },\n  { key = "x", pattern = "(" },\n]\n')
    with pytest.raises(DataFileError) as info:
        read_nice_phrases(path)
    assert "phrase 2" in str(info.value)
