"""extract_posting on small postings written for these tests (not the dev set)."""

from __future__ import annotations

import pytest

from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.domain.competencies import Lexicon
from jobmatch.domain.vacancies import Extraction, Posting
from jobmatch.services.extraction import extract_posting

BAKERY = """Bakkerij Korrel in Utrecht zoekt een verkoopmedewerker.

Wat ga je doen?
- Je helpt klanten in de winkel en geeft advies over ons brood
- Je maakt aan het eind van de dag de kassa op
Wat vragen wij?
- Je bent klantvriendelijk en een echte teamspeler
- Je werkt ook op zaterdag
- Ervaring met social media is een pluspunt
Wat bieden wij?
- Flexibele werktijden en een gastvrije werkplek
- € 14,20 bruto per uur, 16 - 24 uur per week
Over ons
Wij zijn een stressbestendig en zelfstandig familiebedrijf.
"""

ENGLISH = """Housekeeping attendant in Amsterdam

What you will do
- Clean guest rooms and keep the corridors spotless
What we ask
- You are a reliable team player
- Excellent English; Spanish is a plus
What we offer
- 32 hours per week, €15,00 gross per hour
"""


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _extract(text: str, lexicon: Lexicon) -> Extraction:
    title, _, body = text.partition("\n")
    return extract_posting(Posting("test.txt", title, body), lexicon=lexicon)


def test_bakery_competencies_must_and_nice(lexicon: Lexicon) -> None:
    found = _extract(BAKERY, lexicon)
    must, nice = set(found.must_ids), set(found.nice_ids)
    assert {"klantgerichtheid", "samenwerken", "flexibiliteit"} <= must
    assert "digitale-vaardigheden" in nice
    # offers and the employer block are not competencies asked
    assert not {"gastvrijheid", "stressbestendigheid", "zelfstandigheid"} & (must | nice)


def test_bakery_requirements_offers_and_location(lexicon: Lexicon) -> None:
    found = _extract(BAKERY, lexicon)
    req = found.requirements
    assert (req.hours_min, req.hours_max) == (16, 24)
    assert (req.salary_min, req.salary_max, req.salary_unit) == (14.2, 14.2, "hour")
    assert req.shifts == ("weekend",)
    assert "Flexibele werktijden en een gastvrije werkplek" in found.offers
    assert found.location == "Utrecht"


def test_evidence_is_text_from_the_posting(lexicon: Lexicon) -> None:
    found = _extract(BAKERY, lexicon)
    for competency in found.competencies:
        assert competency.label == lexicon[competency.id].label_nl
        for span in competency.evidence:
            assert span in BAKERY


def test_english_posting(lexicon: Lexicon) -> None:
    found = _extract(ENGLISH, lexicon)
    assert {"schoonmaken", "betrouwbaarheid", "samenwerken", "talenkennis"} <= set(found.must_ids)
    assert found.requirements.hours_min == 32
    assert found.location == "Amsterdam"


def test_json_contract(lexicon: Lexicon) -> None:
    data = _extract(BAKERY, lexicon).to_json()
    assert set(data) == {"source", "title", "competencies", "requirements", "offers", "location"}
    assert all(set(c) == {"id", "label", "importance", "evidence"} for c in data["competencies"])


def test_text_in_another_language_gives_an_empty_result(lexicon: Lexicon) -> None:
    found = _extract(
        "Praca\nSzukamy pracownika do sprzątania biur. Wymagane doświadczenie.", lexicon
    )
    assert found.competencies == ()
    assert found.requirements.hours_min is None


@pytest.mark.parametrize(
    "text",
    [
        "€" * 100_000,
        "." * 100_000,
        "•" * 50_000,
        "<p>" * 30_000,
        "12:00 - 13:00 tot 22.00 " * 4_000,
    ],
)
def test_pathological_texts_give_a_plain_result(text: str, lexicon: Lexicon) -> None:
    # Huge runs without spaces used to make the tokenizer crawl; now they are broken up.
    found = extract_posting(Posting("odd.txt", "Vacature", text), lexicon=lexicon)
    assert found.source == "odd.txt"
    assert all(c.id in lexicon for c in found.competencies)


def test_sentences_about_the_employer_are_not_asked(lexicon: Lexicon) -> None:
    text = "Ons hotel is gastvrij en klantvriendelijk.\nWat ga je doen?\nWij organiseren events."
    found = _extract("Medewerker\n" + text, lexicon)
    assert found.competencies == ()
