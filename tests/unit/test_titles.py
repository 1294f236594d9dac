"""One title cleaner for letter, pitch, interview sheet and file names: the job, no debris."""

from __future__ import annotations

import pytest

from jobmatch.domain.titles import clean_title, job_in_text, title_in_text


@pytest.mark.parametrize(
    ("title", "job"),
    [
        ("Medewerker bediening (m/v/x) | Amsterdam", "Medewerker bediening"),
        ("Huishoudelijk medewerker thuiszorg Gouda e.o..", "Huishoudelijk medewerker thuiszorg"),
        ("Klantenservice Spaans - Alleen voor inwoners van Nederland", "Klantenservice Spaans"),
        ("Call Agent Italian For Netherland Resident Only", "Call Agent Italian"),
        ("Vacature in Amsterdam: Gastvrouw #1052", "Gastvrouw"),
        ("Verzorgende IG (0,6 - 0,8 fte)", "Verzorgende IG"),
        ("Winkelmedewerker salaris tot?3000,-", "Winkelmedewerker"),
        ("Magazijnmedewerker in Tilburg, € 2.400 bruto", "Magazijnmedewerker"),
        ("Zorggroep Westland zoekt een Huishoudelijke Hulp", "Huishoudelijke Hulp"),
        ("Kok bij Restaurant De Gouden Leeuw", "Kok"),
        ("Medewerker bediening Hotel Zonneweide", "Medewerker bediening"),
        ("Schoonmaker kantoren regio Utrecht", "Schoonmaker kantoren"),
        ("Medewerker Bediening & Bar (vac. 23-114)", "Medewerker Bediening & Bar"),
        ("CafÃ© medewerker weekend", "Café medewerker weekend"),
        ("Orderpicker!! (m/v/x) | Venlo", "Orderpicker"),
        ("Caissière / medewerker kassa en vers", "Caissière / medewerker kassa en vers"),
        ("Docent NT2 (MBO)", "Docent NT2"),
        ("(m/v/x) #12", ""),
    ],
)
def test_clean_title_keeps_only_the_job(title: str, job: str) -> None:
    assert clean_title(title) == job


def test_a_known_employer_is_taken_out() -> None:
    assert clean_title("Receptionist Groenhart", "Groenhart") == "Receptionist"


@pytest.mark.parametrize(
    ("title", "nl", "en"),
    [
        ("Huishoudelijk Medewerker", "huishoudelijk medewerker", "Huishoudelijk Medewerker"),
        ("HR-assistent", "HR-assistent", "HR-assistent"),
        ("Docent NT2 MBO", "docent NT2 MBO", "docent NT2 MBO"),
        ("Medewerker klantenservice Engelstalig", "medewerker klantenservice Engelstalig", None),
        ("Customer Service Agent", "customer service agent", "Customer Service Agent"),
        ("Kok", "kok", "kok"),
    ],
)
def test_occupation_in_running_text(title: str, nl: str, en: str | None) -> None:
    assert title_in_text(title, "nl") == nl
    if en is not None:
        assert title_in_text(title, "en") == en


def test_job_in_text_cleans_first() -> None:
    assert job_in_text("Vacature: Huishoudelijk medewerker thuiszorg (16 uur) Gouda e.o.") == (
        "huishoudelijk medewerker thuiszorg"
    )
