"""Lemmas of Dutch vacancy words: lookup table plus suffix fallback."""

from __future__ import annotations

import pytest

from jobmatch.nlp.lemmatize import lemma, lemmatize


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("klanten", "klant"),
        ("werkt", "werken"),
        ("diensten", "dienst"),
        ("wisselende", "wisselend"),
        ("zelfstandige", "zelfstandig"),
        ("communicatieve", "communicatief"),
        ("flexibele", "flexibel"),
        ("collega's", "collega"),
        ("avonden", "avond"),
        ("grote", "groot"),
    ],
)
def test_inflected_forms_get_their_lemma(form: str, expected: str) -> None:
    assert lemma(form) == expected


def test_stop_words_keep_their_form() -> None:
    # The raw lookup table maps "en" to "emmen"; stop words must stay as they are.
    assert lemmatize("Jij en ik") == ["jij", "en", "ik"]


def test_punctuation_and_spaces_are_dropped_and_case_is_lowered() -> None:
    assert lemmatize("• Klantvriendelijke  Medewerkers!\n") == ["klantvriendelijk", "medewerker"]


def test_empty_text_gives_no_lemmas() -> None:
    assert lemmatize("") == []
