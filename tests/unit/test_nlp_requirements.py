"""Requirements by the conventions of tests/data/README.md."""

from __future__ import annotations

import pytest

from jobmatch.domain.vacancies import Requirements
from jobmatch.nlp.requirements import extract_requirements
from jobmatch.nlp.sections import split_sections


def _req(text: str, title: str = "Vacature") -> Requirements:
    return extract_requirements(split_sections(text), title)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Contract voor 24 - 32 uur per week.", (24, 32)),
        ("Je werkt 38-40 uur per week.", (38, 40)),
        ("Minimaal 16 uur per week beschikbaar.", (16, None)),
        ("Gemeente Den Haag | 36 uur | schaal 6", (36, 36)),
        ("Dit is een fulltime functie.", (36, 40)),
        ("Een leuke parttime baan.", (None, None)),
        ("€ 2.500 bruto per maand bij 40 uur.", (None, None)),
        ("Beschikbaar van 18.00 tot 21.00 uur.", (None, None)),
    ],
)
def test_hours(text: str, expected: tuple[float | None, float | None]) -> None:
    found = _req(text)
    assert (found.hours_min, found.hours_max) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Een salaris tussen € 2.450 en € 2.915 (obv 38 uur).", (2450, 2915, "month")),
        ("€16,00 bruto per uur", (16, 16, "hour")),
        ("Salarisomschrijving2784 - 3480", (2784, 3480, "month")),
        ("€ 13,68 bruto per uur + bonus (gemiddeld € 3 extra per uur)", (13.68, 13.68, "hour")),
        ("Salaris max € 2.810 bruto per maand", (None, 2810, "month")),
        ("Je krijgt € 8,50 per overblijfmoment.", (None, None, None)),
        ("Reiskostenvergoeding van € 0,23 per km.", (None, None, None)),
    ],
)
def test_salary(text: str, expected: tuple[float | None, float | None, str | None]) -> None:
    found = _req(text)
    assert (found.salary_min, found.salary_max, found.salary_unit) == expected


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Je spreekt Nederlands op B1-niveau.", "B1"),
        ("Je kunt de Nederlandse taal goed beheersen.", "B1"),
        ("Taalniveau Nederlands: 2F", "B1"),
        ("NT2 niveau 1 is genoeg", "A2"),
        ("Je spreekt uitstekend Nederlands.", "C1"),
        ("Nederlands of Engels spreken is genoeg.", None),
        ("Dutch is not required.", None),
        ("Je spreekt Nederlands.", None),
    ],
)
def test_dutch_level(text: str, level: str | None) -> None:
    assert _req(text).dutch_level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Diploma Zelfstandig Werkend Kok, mbo-niveau 3", "MBO 3"),
        ("MBO 4 werk- en denkniveau", "MBO 4"),
        ("MBO 4 of HBO", "MBO 4"),
        ("HBO werk- en denkniveau", "HBO"),
        ("Geen diploma nodig!", "none"),
        ("Een MBO 2 diploma is een voordeel.", None),
        ("Je hebt bij voorkeur een hbo-opleiding.", None),
    ],
)
def test_education(text: str, level: str | None) -> None:
    assert _req(text).education_level == level


def test_licence_certificates_and_shifts() -> None:
    found = _req(
        "Wat vragen wij?\n- Rijbewijs B\n- Een VOG is verplicht\n- BHV is een pluspunt\n"
        "- Je werkt ook in het weekend en 's avonds tot 22.00 uur\n"
        "Wat bieden wij?\n- Gratis heftruckcursus\n- Onregelmatigheidstoeslag"
    )
    assert found.driving_licence is True
    assert found.certificates == ("VOG",)
    assert found.shifts == ("evening", "weekend")


def test_no_licence_and_three_shifts() -> None:
    found = _req("Geen rijbewijs nodig. Je werkt in 3-ploegendienst.")
    assert found.driving_licence is False
    assert set(found.shifts) == {"evening", "night", "irregular"}


def test_employer_block_is_ignored() -> None:
    found = _req("Over ons\nWij zijn dag en nacht open en zoeken mensen met een VCA.")
    assert found.shifts == ()
    assert found.certificates == ()
