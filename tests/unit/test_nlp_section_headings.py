"""Common Dutch heading variants start the right section (headings written for these tests)."""

from __future__ import annotations

import pytest

from jobmatch.nlp.sections import split_sections


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Wat wij bieden", "offers"),
        ("Wat wij jou bieden:", "offers"),
        ("Wat krijg je van ons?", "offers"),
        ("Wat mag je van ons verwachten?", "offers"),
        ("Wat verwachten wij van jou?", "requirements"),
        ("Wat wij van je vragen", "requirements"),
        ("Dit ben jij", "requirements"),
        ("Wat heb jij in huis?", "requirements"),
        ("Wat vinden wij belangrijk?", "requirements"),
        ("Vaardigheden", "requirements"),
        ("Wat je gaat doen", "tasks"),
        ("Taken en verantwoordelijkheden", "tasks"),
        ("Waar kom je te werken?", "employer"),
        ("Het team", "employer"),
    ],
)
def test_heading_starts_its_section(heading: str, section: str) -> None:
    text = f"Wij zoeken een medewerker.\n{heading}\n- Een regel onder de kop\n"
    lines = split_sections(text)
    assert lines[-1].text == "- Een regel onder de kop"
    assert lines[-1].section == section
    assert all(line.text != heading for line in lines)


def test_offers_after_wat_wij_bieden_are_not_asked() -> None:
    text = "Wat vragen wij?\n- Je bent flexibel\nWat wij bieden\n- Een gezellig team\n"
    sections = {line.text: line.section for line in split_sections(text)}
    assert sections["- Je bent flexibel"] == "requirements"
    assert sections["- Een gezellig team"] == "offers"


def test_a_question_asked_of_the_candidate_is_not_a_heading() -> None:
    text = "Wat vragen wij?\n- Je krijgt energie van drukte?\n- Je bent stressbestendig\n"
    lines = split_sections(text)
    assert [line.section for line in lines] == ["requirements", "requirements"]
