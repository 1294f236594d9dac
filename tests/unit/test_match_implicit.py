"""Implicit requirements (issue 13 class 4): Dutch level phrases without a letter, phone work,
a licence asked versus a car offered. Texts written for this test; the conventions are in
docs/matching-conventions.md."""

from __future__ import annotations

import pytest

from jobmatch.domain.vacancies import Posting
from jobmatch.services.extraction import extract_posting


def requirements(title: str, text: str):
    return extract_posting(Posting("t.txt", title, text)).requirements


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Wat vragen wij?\n- Je hebt een goede beheersing van de Nederlandse taal.", "B1"),
        ("Wat vragen wij?\n- Je beheerst de Nederlandse taal in woord en geschrift.", "B2"),
        ("Wat vragen wij?\n- Je spreekt vloeiend Nederlands.", "B2"),
        ("Wat vragen wij?\n- Een uitstekende beheersing van de Nederlandse taal.", "C1"),
        ("Wat vragen wij?\n- Je bent goed in plannen. Je spreekt Nederlands.", None),
        ("Wat vragen wij?\n- Kennis van de Nederlandse taal.", None),
        ("Wat vragen wij?\n- Je Nederlands hoeft niet perfect te zijn.", "A2"),
        ("Wat vragen wij?\n- Met een paar woorden Nederlands kun je starten.", "A2"),
        ("Wat vragen wij?\n- Je spreekt Nederlands met de bezoekers.", "B1"),
        ("Wat vragen wij?\n- Je helpt gasten in het Nederlands en in het Engels.", "B1"),
        ("Wat vragen wij?\n- Nederlands en Duits op B2-niveau.", "B2"),
        ("Wat vragen wij?\n- Perfect Engels; je Nederlands hoeft niet perfect.", "A2"),
    ],
)
def test_dutch_level_phrases(text: str, level: str | None) -> None:
    assert requirements("Administratief medewerker", text).dutch_level == level


def test_customer_contact_by_phone_implies_b2() -> None:
    text = "Wat ga je doen?\nJe beantwoordt vragen van klanten aan de telefoon."
    assert requirements("Medewerker klantenservice", text).dutch_level == "B2"


def test_phone_work_in_another_language_implies_no_dutch_level() -> None:
    text = "Wat ga je doen?\nJe helpt klanten uit Duitsland aan de telefoon."
    assert requirements("Klantenservice medewerker Duits", text).dutch_level is None
    text = "Wat ga je doen?\nJe beantwoordt vragen per telefoon. Engels is genoeg."
    assert requirements("Medewerker klantenservice", text).dutch_level is None


def test_a_written_level_wins_over_the_phone_default() -> None:
    text = "Wat vragen wij?\n- Nederlands op A2-niveau\n- Je werkt aan de telefoon."
    assert requirements("Medewerker klantenservice", text).dutch_level == "A2"


def test_a_lease_car_offered_is_not_a_licence_asked() -> None:
    text = "Wat ga je doen?\nJe bezoekt klanten.\n\nWat bieden wij?\n- Je krijgt een leaseauto."
    assert requirements("Adviseur buitendienst", text).driving_licence is False
    text = "Wat vragen wij?\n- Rijbewijs B\n\nWat bieden wij?\n- Een leaseauto"
    assert requirements("Adviseur buitendienst", text).driving_licence is True


def test_a_written_level_anywhere_wins_over_an_implied_one() -> None:
    text = (
        "Wat ga je doen?\nJe helpt gasten in het Nederlands en Engels.\n\n"
        "Wat vragen wij?\n- Nederlands op minimaal B2-niveau"
    )
    assert requirements("Receptionist", text).dutch_level == "B2"
