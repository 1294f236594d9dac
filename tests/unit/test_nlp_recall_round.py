"""Issue 13, recall round: each class of miss (and of false hit) fixed, with sentences written
for these tests (not taken from any dev set)."""

from __future__ import annotations

import pytest

from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.domain.competencies import Lexicon
from jobmatch.domain.vacancies import Posting
from jobmatch.nlp.extract import find_competencies
from jobmatch.nlp.sections import split_sections
from jobmatch.services.extraction import extract_posting


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _asked(body: str, lexicon: Lexicon, title: str = "Medewerker") -> dict[str, str]:
    extraction = extract_posting(Posting("t.txt", title, body), lexicon=lexicon)
    return {c.id: c.importance for c in extraction.competencies}


def _found(text: str, lexicon: Lexicon) -> set[str]:
    return {cid for cid, _ in find_competencies(text, lexicon)}


# --- intro sentences without "je": bare lists of tasks and demands count ---------------------


def test_bare_task_list_in_intro_counts(lexicon: Lexicon) -> None:
    asked = _asked(
        "Kratten stapelen, vloeren dweilen en de vitrine bijvullen. Zelfstandig werken.",
        lexicon,
    )
    assert "schoonmaken" in asked
    assert "zelfstandigheid" in asked


def test_bare_demands_in_intro_count(lexicon: Lexicon) -> None:
    asked = _asked("Mbo-2, rijbewijs B, stressbestendig en goed Engels.", lexicon)
    assert {"stressbestendigheid", "talenkennis"} <= set(asked)


def test_quality_that_is_a_must_counts_even_with_employer_aside(lexicon: Lexicon) -> None:
    asked = _asked("Hygiënisch werken (wij controleren dat dagelijks) is een must.", lexicon)
    assert asked.get("hygienisch-werken") == "must"


def test_company_story_in_intro_still_does_not_count(lexicon: Lexicon) -> None:
    asked = _asked(
        "Strandtent Zeezicht is een gastvrij familiebedrijf. Opgericht in 1987 en sinds dien "
        "klantgericht en stressbestendig. Bij ons staat samenwerking voorop.",
        lexicon,
    )
    assert not {"gastvrijheid", "klantgerichtheid", "stressbestendigheid"} & set(asked)
    assert "samenwerken" not in asked


def test_named_subject_sentence_is_about_the_employer(lexicon: Lexicon) -> None:
    asked = _asked("Bouwbedrijf Kloet heeft een klantvriendelijk team van 30 man.", lexicon)
    assert "klantgerichtheid" not in asked


# --- sections --------------------------------------------------------------------------------


def test_bare_jij_line_heads_the_demands_after_a_company_block(lexicon: Lexicon) -> None:
    body = (
        "Over Tegelhuis\nTegelhuis verkoopt sinds 1990 tegels aan aannemers.\n"
        "Jij:\n- werkt nauwkeurig\n- tilt zonder moeite dozen tegels\n"
    )
    sections = {line.text: line.section for line in split_sections(body)}
    assert sections["- werkt nauwkeurig"] == "requirements"
    assert {"nauwkeurigheid", "fysieke-inzet"} <= set(_asked(body, lexicon))


def test_a_sentence_that_starts_with_jij_is_not_a_heading() -> None:
    lines = split_sections("Over Tegelhuis\nTegelhuis verkoopt tegels.\nJij werkt graag buiten")
    assert lines[-1].section == "employer"


def test_glued_sentences_are_split_so_not_needed_stays_in_its_own_sentence(
    lexicon: Lexicon,
) -> None:
    body = "Je plant zelf je ritten en houdt de voorraad bij.Een diploma is niet nodig."
    asked = _asked(body, lexicon)
    assert "plannen-organiseren" in asked


# --- separable verbs with an adjective particle ----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Je maakt elke avond een winkel van 400 m2 schoon.",
        "Je houdt de kleedkamers schoon.",
        "Samen met een collega maak je de bussen schoon.",
    ],
)
def test_schoon_as_particle(sentence: str, lexicon: Lexicon) -> None:
    assert "schoonmaken" in _found(sentence, lexicon)


# --- lexicon classes: common ways ads ask a competency ---------------------------------------


@pytest.mark.parametrize(
    ("sentence", "cid"),
    [
        ("Je werkt met een ploeg van vijf aan de lijn.", "samenwerken"),
        ("Verhuizen is echt teamwerk.", "samenwerken"),
        ("Je kunt een rolcontainer van 50 kilo duwen.", "fysieke-inzet"),
        ("Je hebt geen hoogtevrees.", "fysieke-inzet"),
        ("Je houdt van aanpakken.", "fysieke-inzet"),
        ("Je laadt de vrachtwagens met pallets.", "fysieke-inzet"),
        ("Een vriendelijke houding aan de balie.", "klantgerichtheid"),
        ("Je beantwoordt e-mails van klanten.", "klantgerichtheid"),
        ("Je helpt reizigers op het perron.", "klantgerichtheid"),
        ("You answer emails from our buyers.", "klantgerichtheid"),
        ("Je controleert de documenten bij de ingang.", "nauwkeurigheid"),
        ("Je werkt zonder fouten.", "nauwkeurigheid"),
        ("You pack orders without mistakes.", "nauwkeurigheid"),
        ("Je schrijft korte verslagen voor de wijkverpleging.", "communicatie"),
        ("Je praat met bewoners over hun dag.", "communicatie"),
        ("Je onderhoudt het contact met de opdrachtgever.", "communicatie"),
        ("Je werkt met cliënten met een beperking.", "zorgzaamheid"),
        ("Je verzorgt de dieren in het hertenkamp.", "zorgzaamheid"),
        ("Een bang kind stel je gerust.", "zorgzaamheid"),
        ("Je stuurt op omzet en kosten.", "financieel-beheer"),
        ("Je doet de loonadministratie voor kleine bedrijven.", "financieel-beheer"),
        ("Je stelt samen met de klant een plan op.", "plannen-organiseren"),
        ("Je analyseert data met SQL.", "digitale-vaardigheden"),
        ("Je kunt rustig blijven als het vol zit.", "stressbestendigheid"),
        ("Je hebt een oproepcontract.", "flexibiliteit"),
        ("Je bent een verbindend leider.", "leidinggeven"),
        ("Je lost verstoringen in de planning op.", "probleemoplossend"),
        ("De monteurs rekenen op je.", "betrouwbaarheid"),
        ("Je wilt leren en bent fit.", "leervermogen"),
        ("Je gaat knutselen met de kleuters.", "creativiteit"),
        ("Je blijft vriendelijk tegen lastige bezoekers.", "klantgerichtheid"),
        ("Je bent altijd verzorgd.", "representativiteit"),
        ("Je kunt tegen een nee.", "doorzettingsvermogen"),
        ("Je schrijft korte rapporten over de nacht.", "administratie"),
    ],
)
def test_common_ad_phrasing(sentence: str, cid: str, lexicon: Lexicon) -> None:
    assert cid in _found(sentence, lexicon)


# --- precision: what is not a quality asked ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "cid"),
    [
        ("Je schrijft foutloos Nederlands.", "nauwkeurigheid"),
        ("Je bent verantwoordelijk voor drie filialen.", "verantwoordelijkheid"),
        ("Je bent eindverantwoordelijk voor de bouwplaats.", "verantwoordelijkheid"),
        ("Je denkt mee over het nieuwe rooster.", "initiatief"),
        ("Sommige bewoners zijn 's avonds onrustig.", "conflicthantering"),
        ("Je rijdt in een bus zonder lift.", "fysieke-inzet"),
    ],
)
def test_not_a_quality_asked(sentence: str, cid: str, lexicon: Lexicon) -> None:
    assert cid not in _found(sentence, lexicon)


# --- Dutch level: the GUIDELINES §4 conventions, in wordings of our own ------------------------


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("Je begrijpt eenvoudige instructies in het Nederlands.", "A2"),
        ("Je Nederlands is nog niet perfect, dat is geen probleem.", "A2"),
        ("Je kunt je verstaanbaar maken op de werkvloer.", "A2"),
        ("Je beheerst de Nederlandse taal.", "B1"),
        ("Goede mondelinge en schriftelijke vaardigheden in het Nederlands.", "B2"),
        ("Uitstekende mondelinge en schriftelijke vaardigheden in het Nederlands.", "C1"),
        ("Je hebt een feilloos taalgevoel.", "C1"),
        ("Je hebt een sterke pen.", "C1"),
        ("Basis Nederlands of goed Engels.", None),
    ],
)
def test_dutch_level_conventions(sentence: str, level: str | None, lexicon: Lexicon) -> None:
    extraction = extract_posting(Posting("t.txt", "Medewerker", sentence), lexicon=lexicon)
    assert extraction.requirements.dutch_level == level
