"""Training places written as text and as TOML rank side by side (issue 13 class 2), in
`jobmatch rank`, `rank --kind training` and the service. Texts written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.nlp.training_text import training_facts
from jobmatch.services.matching import rank_for_participant
from jobmatch.services.training import read_training_folder

TEXT_PLACE = """Cursus schoonmaken in hotels

In 8 weken leer je kamers schoonmaken en hygiënisch werken. Je werkt nauwkeurig en snel.
Aanbieder: Leerhuis Delft
De cursus is in Delft en kost € 150,-; de gemeente betaalt voor wie een uitkering heeft.
Je hebt Nederlands op A2-niveau nodig.
"""
TOML_PLACE = """id = "nt2"
title = "Taalcursus Nederlands naar B1"
kind = "course"
provider = "Taalhuis"
level = "NT2 B1"
competencies_taught = ["communicatie"]
duration = "20 weken"
cost = "gratis"
city = "Delft"
pc4 = "2611"
description = "Je leert Nederlands spreken en schrijven tot niveau B1."
"""
VACANCY = """Schoonmaker hotel

Wat ga je doen?
Je maakt hotelkamers schoon en werkt hygiënisch.
"""


@pytest.fixture
def folders(tmp_path: Path) -> Path:
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs" / "hotel.txt").write_text(VACANCY, encoding="utf-8")
    training = tmp_path / "training"
    training.mkdir()
    (training / "schoon.txt").write_text(TEXT_PLACE, encoding="utf-8")
    (training / "nt2.toml").write_text(TOML_PLACE, encoding="utf-8")
    (training / "folder.pdf").write_bytes(b"%PDF-1.4 not a training place")
    (tmp_path / "p.json").write_text(
        json.dumps(
            {
                "name": "Lea",
                "languages": [{"language": "nl", "level": "A2"}],
                "competencies": [{"id": "schoonmaken", "evidence": "Ik maakte kamers schoon."}],
            }
        ),
        encoding="utf-8",
    )
    return tmp_path


def test_a_text_training_place_states_what_it_takes() -> None:
    facts = training_facts("Cursus schoonmaken in hotels", TEXT_PLACE)
    assert (facts.duration, facts.cost, facts.provider) == ("8 weken", "€ 150,-", "Leerhuis Delft")
    assert facts.kind == "course"
    assert training_facts("Vrijwilliger in het buurthuis", "Je helpt mee.").kind == "volunteering"
    assert training_facts("Werkervaringsplaats keuken", "Gratis.").cost == "gratis"


def test_text_and_toml_places_are_read_alike_and_another_file_is_reported(folders: Path) -> None:
    folder = read_training_folder(folders / "training")
    by_source = {p.source: p for p in folder.places}
    assert set(by_source) == {"schoon.txt", "nt2.toml"}
    text = by_source["schoon.txt"]
    assert "schoonmaken" in text.competencies_taught and text.dutch_level == "A2"
    assert text.city == "Delft" and text.duration == "8 weken"
    assert [n for n in folder.notes if "folder.pdf" in n[0]]


@pytest.mark.parametrize("kind", [[], ["--kind", "training"]])
def test_rank_shows_both_kinds_of_training_place(folders: Path, kind: list[str]) -> None:
    args = ["rank", "--profile", str(folders / "p.json"), "--vacancies", str(folders / "jobs")]
    args += ["--training", str(folders / "training"), "--json", *kind]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    training = {r["source"] for r in rows if r["kind"] == "training"}
    assert training == {"schoon.txt", "nt2.toml"}
    assert "folder.pdf" in result.stderr
    assert bool(kind) == all(r["kind"] == "training" for r in rows)


def test_the_service_ranks_a_text_place_that_teaches_what_is_missing(folders: Path) -> None:
    places = read_training_folder(folders / "training").places
    profile = profile_from_dict({"name": "Lea", "languages": [{"language": "nl", "level": "A2"}]})
    result = rank_for_participant(profile=profile, openings=[], training=places, kind="training")
    assert {r.source for r in result.items} == {"schoon.txt", "nt2.toml"}
