"""Extraction precision (issue 13 class 5): the company story and its values, and training the
employer gives, are not what the candidate must bring. Texts written for this test."""

from __future__ import annotations

from jobmatch.domain.vacancies import Posting
from jobmatch.services.extraction import extract_posting


def ids(text: str) -> set[str]:
    return {c.id for c in extract_posting(Posting("t.txt", "Medewerker", text)).competencies}


def test_an_inline_about_heading_makes_the_rest_company_story() -> None:
    text = (
        "Wat ga je doen?\nJe werkt nauwkeurig aan de lopende band.\n"
        "Over PlaatPartners: PlaatPartners Uitzend is klantgericht, betrouwbaar en ondernemend."
    )
    found = ids(text)
    assert "nauwkeurigheid" in found
    assert not found & {"klantgerichtheid", "betrouwbaarheid", "ondernemerschap"}


def test_the_same_words_about_the_candidate_still_count() -> None:
    assert {"klantgerichtheid", "betrouwbaarheid"} <= ids(
        "Wat vragen wij?\n- Je bent klantgericht en betrouwbaar."
    )


def test_training_the_employer_gives_is_not_a_will_to_learn_asked() -> None:
    assert "leervermogen" not in ids("Je lapt ramen bij winkels. We leren je het vak.")
    assert "leervermogen" not in ids("Je schenkt koffie en wijn (dat leren we je).")
    assert "leervermogen" in ids("Wat vragen wij?\n- Je bent leergierig.")
