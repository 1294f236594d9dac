"""Separable verbs split in a main clause, and common phrasings added for recall.

Sentences written for these tests (not taken from the dev set).
"""

from __future__ import annotations

import pytest

from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.domain.competencies import Lexicon
from jobmatch.nlp.extract import find_competencies
from jobmatch.nlp.pipeline import get_lemmas
from jobmatch.nlp.separable import finite_forms, split_verb


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _found(text: str, lexicon: Lexicon) -> set[str]:
    return {cid for cid, _ in find_competencies(text, lexicon)}


@pytest.mark.parametrize(
    ("infinitive", "forms"),
    [
        ("sturen", {"stuur", "stuurt"}),
        ("leggen", {"leg", "legt"}),
        ("leven", {"leef", "leeft"}),
        ("staan", {"sta", "staat"}),
        ("voeren", {"voer", "voert"}),
        ("zetten", {"zet"}),
    ],
)
def test_finite_forms_of_regular_verbs(infinitive: str, forms: set[str]) -> None:
    assert forms <= finite_forms(infinitive)


def test_split_verb_knows_particles_and_refuses_inseparable_verbs() -> None:
    is_verb = get_lemmas().is_known
    assert split_verb("aansturen", is_verb) == ("aan", "sturen")
    assert split_verb("uitleggen", is_verb) == ("uit", "leggen")
    assert split_verb("overtuigen", is_verb) is None
    assert split_verb("stofzuigen", is_verb) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je stuurt een ploeg van acht monteurs aan.", "leidinggeven"),
        ("Je stuurt het team aan op de werkvloer.", "leidinggeven"),
        ("Het is jouw taak om de ploeg aan te sturen.", "leidinggeven"),
        ("Je legt patiënten uit hoe de behandeling verloopt.", "communicatie"),
        ("Je vraagt door als een melding onduidelijk is.", "luisteren"),
        ("Je leeft je makkelijk in, ook bij verdriet.", "inlevingsvermogen"),
        ("Je voert de bestellingen van de winkels in.", "administratie"),
        ("Je past je snel aan en werkt graag zelfstandig.", "aanpassingsvermogen"),
        ("Je deelt je werk zelf in.", "plannen-organiseren"),
    ],
)
def test_split_separable_verb_matches(text: str, expected: str, lexicon: Lexicon) -> None:
    assert expected in _found(text, lexicon)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        # the particle is a preposition with its own noun, not the end of the clause
        ("Je stuurt e-mails aan leveranciers.", "leidinggeven"),
        ("Je legt de pakketten uit de vrachtwagen op de band.", "communicatie"),
        ("Je voert werk in de tuin uit.", "administratie"),
        # verb and particle in different clauses
        ("Je stuurt de rapporten, daarna ga je aan de slag.", "leidinggeven"),
    ],
)
def test_preposition_or_other_clause_is_not_a_split_verb(
    text: str, not_expected: str, lexicon: Lexicon
) -> None:
    assert not_expected not in _found(text, lexicon)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je bedient klanten in de winkel.", "klantgerichtheid"),
        ("Je verleent service aan bewoners en bezoekers.", "klantgerichtheid"),
        ("Je houdt contact met opdrachtgevers.", "communicatie"),
        ("Je drukt je goed uit.", "communicatie"),
        ("Je hebt invoelingsvermogen.", "inlevingsvermogen"),
        ("Je toont begrip voor wie het moeilijk heeft.", "inlevingsvermogen"),
        ("Je hebt oog voor de behoeften van ouderen.", "mensenkennis"),
        ("Je plant afspraken in voor de monteurs.", "plannen-organiseren"),
        ("Je werkt netjes en snel.", "nauwkeurigheid"),
        ("Je geeft leiding aan zes collega's.", "leidinggeven"),
        ("Je kunt goed tegen drukte.", "stressbestendigheid"),
        ("In drukke periodes blijf je rustig.", "stressbestendigheid"),
        ("Je staat open voor feedback.", "leervermogen"),
        ("Je wilt jezelf blijven ontwikkelen.", "leervermogen"),
    ],
)
def test_common_phrasings_are_found(text: str, expected: str, lexicon: Lexicon) -> None:
    assert expected in _found(text, lexicon)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Je werkt in een team van zes collega's.", "samenwerken"),
        ("Je belt klanten over openstaande facturen.", "leervermogen"),
        ("Onder leiding van de chef geef je de borden door.", "leidinggeven"),
        ("Je maakt de bestellingen klaar voor klanten.", "klantgerichtheid"),
    ],
)
def test_recall_terms_keep_their_context(text: str, not_expected: str, lexicon: Lexicon) -> None:
    assert not_expected not in _found(text, lexicon)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fixed phrase before its verb closes the main clause in the same way
        ("Jij helpt bezoekers snel en vriendelijk op weg.", "klantgerichtheid"),
        ("Je staat klanten aan de balie te woord.", "communicatie"),
        ("Je houdt ook in de drukte het hoofd koel.", "stressbestendigheid"),
        ("Je stemt af met collega's van de planning.", "samenwerken"),
        ("Je tilt kratten van tien kilo.", "fysieke-inzet"),
    ],
)
def test_verb_final_phrases_match_in_main_clauses(
    text: str, expected: str, lexicon: Lexicon
) -> None:
    assert expected in _found(text, lexicon)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Je luistert muziek tijdens het werk.", "luisteren"),
        ("Je rapporteert aan de bedrijfsleider.", "administratie"),
        ("Je komt in een team van gedreven collega's.", "doorzettingsvermogen"),
    ],
)
def test_phrases_about_others_do_not_fire(text: str, not_expected: str, lexicon: Lexicon) -> None:
    assert not_expected not in _found(text, lexicon)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tasks that need the competency, phrased as postings often do
        ("Je spreekt gasten aan op hun gedrag.", "grenzen-stellen"),
        ("Je doet de toegangscontrole bij de personeelsingang.", "grenzen-stellen"),
        ("Je telt aan het eind van de avond de kassa.", "financieel-beheer"),
        ("Je bedenkt activiteiten voor de bewoners.", "creativiteit"),
        ("Je laadt en lost vrachtwagens.", "fysieke-inzet"),
        ("Je verdeelt de taken en motiveert je team.", "leidinggeven"),
        ("Je controleert of de zending compleet is.", "nauwkeurigheid"),
        ("Je werkt volgens een vaste checklist.", "nauwkeurigheid"),
        ("Je sluit contracten af met nieuwe klanten.", "verkopen"),
        ("Je brengt vervelend nieuws op een rustige manier.", "tact"),
        ("Je gaat goed om met verward gedrag.", "conflicthantering"),
        ("Je werkt in een snel tempo.", "stressbestendigheid"),
        ("Je komt met verbeterideeën.", "initiatief"),
    ],
)
def test_task_phrasings_are_found(text: str, expected: str, lexicon: Lexicon) -> None:
    assert expected in _found(text, lexicon)


def test_supervising_quality_is_not_precision(lexicon: Lexicon) -> None:
    assert "nauwkeurigheid" not in _found("Je controleert de kwaliteit van het werk.", lexicon)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        # the transitive reading of the same verb means something else
        ("Je zet bestellingen door naar de keuken.", "doorzettingsvermogen"),
        ("Je past de planning aan als dat nodig is.", "aanpassingsvermogen"),
        ("Je pakt de dozen door naar de inpak.", "doorzettingsvermogen"),
    ],
)
def test_transitive_reading_is_not_the_competency(
    text: str, not_expected: str, lexicon: Lexicon
) -> None:
    assert not_expected not in _found(text, lexicon)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je zet altijd door, ook als het tegenzit.", "doorzettingsvermogen"),
        ("Je past je snel aan.", "aanpassingsvermogen"),
        ("Je leeft je goed in.", "inlevingsvermogen"),
    ],
)
def test_bare_reading_is_the_competency(text: str, expected: str, lexicon: Lexicon) -> None:
    assert expected in _found(text, lexicon)


def test_working_at_the_till_is_not_cash_management(lexicon: Lexicon) -> None:
    assert "financieel-beheer" not in _found(
        "Je werkt achter de kassa en maakt de winkel schoon.", lexicon
    )
    assert "financieel-beheer" in _found("Je sluit aan het eind van de dag de kassa af.", lexicon)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You are customer-focused.", "klantgerichtheid"),
        ("You work accurately.", "nauwkeurigheid"),
        ("You can lift up to 20 kg.", "fysieke-inzet"),
        ("You handle cash at the bar.", "financieel-beheer"),
        ("You lead a team of five.", "leidinggeven"),
        ("You plan your own work.", "plannen-organiseren"),
        ("You clean hotel rooms.", "schoonmaken"),
        ("You care for elderly residents.", "zorgzaamheid"),
        ("You are good with people.", "mensenkennis"),
    ],
)
def test_common_english_phrasings(text: str, expected: str, lexicon: Lexicon) -> None:
    assert expected in _found(text, lexicon)


def test_a_sales_lead_is_not_leadership(lexicon: Lexicon) -> None:
    assert "leidinggeven" not in _found("Je volgt nieuwe leads op in het team.", lexicon)


def test_making_pace_is_working_under_pressure(lexicon: Lexicon) -> None:
    assert "stressbestendigheid" in _found("Je maakt tempo als de vrachtwagen wacht.", lexicon)
