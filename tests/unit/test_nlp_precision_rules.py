"""General precision rules of the extractor, on sentences written for these tests (not dev set).

Each case names the cause of a false hit it guards against: something the candidate receives
rather than brings, a word that needs context, or a word inside a fixed phrase that means
something else.
"""

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


def _found(text: str, lexicon: Lexicon) -> set[str]:
    return {cid for cid, _ in find_competencies(text, lexicon)}


def _asked(body: str, lexicon: Lexicon) -> set[str]:
    posting = Posting(source="test.txt", title="Medewerker", text=body)
    return {c.id for c in extract_posting(posting, lexicon=lexicon).competencies}


@pytest.mark.parametrize(
    ("sentence", "not_asked"),
    [
        ("Je krijgt een cursus klantvriendelijk werken.", "klantgerichtheid"),
        ("Je wordt de eerste weken gecoacht door een ervaren collega.", "leidinggeven"),
        ("Er is ruimte voor eigen initiatief.", "initiatief"),
        ("Je kunt rekenen op een goed salaris en een betrouwbaar rooster.", "betrouwbaarheid"),
        ("You will get training in customer service.", "klantgerichtheid"),
    ],
)
def test_what_the_candidate_receives_is_not_asked(
    sentence: str, not_asked: str, lexicon: Lexicon
) -> None:
    body = f"Wat ga je doen?\n- Je vult de schappen.\n- {sentence}\n"
    assert not_asked not in _asked(body, lexicon)


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        ("Je bent klantvriendelijk en je krijgt energie van drukte.", "klantgerichtheid"),
        ("Krijg jij energie van een klantvriendelijke aanpak?", "klantgerichtheid"),
        ("Je wordt opgeleid, dus je moet leergierig zijn.", "leervermogen"),
        ("Wij moeten op jou kunnen rekenen.", "betrouwbaarheid"),
    ],
)
def test_what_the_candidate_brings_is_still_asked(
    sentence: str, asked: str, lexicon: Lexicon
) -> None:
    body = f"Wat vragen wij?\n- {sentence}\n"
    assert asked in _asked(body, lexicon)


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        # a single word that needs context
        ("Ben jij precies wie we zoeken?", "nauwkeurigheid"),
        ("Ben jij de perfecte fit voor ons team?", "fysieke-inzet"),
        ("You take the lift to the fourth floor.", "fysieke-inzet"),
        ("Je draagt korte nagels en geen sieraden.", "uiterlijke-verzorging"),
        ("Je helpt bij het kappen van bomen in het park.", "uiterlijke-verzorging"),
        ("Je sluit sanitair aan in nieuwbouwwoningen.", "schoonmaken"),
        ("Je bent verantwoordelijk voor het laden en lossen op locatie.", "probleemoplossend"),
        ("Je pakt de producten op en zet ze op de kar.", "initiatief"),
        ("Je treedt op als vast aanspreekpunt.", "grenzen-stellen"),
        ("Je grijpt in als de machine vastloopt.", "grenzen-stellen"),
        ("Je controleert de ontvangst van goederen.", "gastvrijheid"),
        ("Everyone is welcome to apply.", "gastvrijheid"),
        ("Je weet exact hoe de machine werkt.", "digitale-vaardigheden"),
        ("Na een korte uitleg ga je aan de slag.", "communicatie"),
        ("Je signaleert veranderingen in de gezondheid van bewoners.", "aanpassingsvermogen"),
        ("You report to the supervisor of the night shift.", "leidinggeven"),
        ("Je bespreekt de planning met je teamleider.", "leidinggeven"),
        ("Je voert de orders uit met een vlotte afhandeling.", "communicatie"),
        # a word inside a fixed phrase that means something else
        ("Je hebt het diploma Sociale Hygiëne.", "communicatie"),
        ("Je plaatst berichten op sociale media.", "communicatie"),
        ("Je bent betrokken bij de inkoop van materialen.", "inlevingsvermogen"),
    ],
)
def test_does_not_fire_without_context(text: str, not_found: str, lexicon: Lexicon) -> None:
    assert not_found not in _found(text, lexicon)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je werkt precies en nauwkeurig.", "nauwkeurigheid"),
        ("Je bent fysiek fit.", "fysieke-inzet"),
        ("You lift heavy boxes.", "fysieke-inzet"),
        ("Je lakt nagels en geeft manicures.", "uiterlijke-verzorging"),
        ("Je lost storingen zelf op.", "probleemoplossend"),
        ("Je pakt je taken zelf op.", "initiatief"),
        ("Je durft kordaat op te treden.", "grenzen-stellen"),
        ("Je grijpt in bij ongewenst gedrag.", "grenzen-stellen"),
        ("Je zorgt voor een warme ontvangst van gasten.", "gastvrijheid"),
        ("Welcome guests at the door.", "gastvrijheid"),
        ("Je hebt ervaring met Exact.", "digitale-vaardigheden"),
        ("Je kunt goed omgaan met veranderingen.", "aanpassingsvermogen"),
        ("Als teamleider stuur je twaalf medewerkers aan.", "leidinggeven"),
        ("Je bent sociaal en maakt makkelijk contact.", "communicatie"),
        ("Je bent betrokken en geduldig.", "inlevingsvermogen"),
    ],
)
def test_still_fires_in_context(text: str, expected: str, lexicon: Lexicon) -> None:
    assert expected in _found(text, lexicon)


def test_being_scheduled_is_not_asked_planning(lexicon: Lexicon) -> None:
    body = "Wat ga je doen?\n- Je wordt ingeroosterd op vaste dagen.\n"
    assert "plannen-organiseren" not in _asked(body, lexicon)


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        # homonyms and fixed phrases: handing in a document, a business form, a diploma name
        ("Bij indiensttreding moet je een VOG overleggen.", "samenwerken"),
        ("Ervaring als zelfstandig ondernemer in de bouw is handig.", "zelfstandigheid"),
        ("Het diploma Sociale Hygiëne is verplicht.", "hygienisch-werken"),
        ("Je hebt een registratie in het Registerplein.", "administratie"),
        ("Je houdt van orde op je bureau.", "grenzen-stellen"),
        ("Stuur foto's mee en laat je werk zien.", "initiatief"),
        ("Prepare the wake-up calls for the morning.", "communicatie"),
        # working next to others is a fact of the job, not asked teamwork
        ("Je vult met je team de koelingen.", "samenwerken"),
        ("Je werkt op een afdeling met collega's uit vijf landen.", "samenwerken"),
    ],
)
def test_fixed_phrases_do_not_fire(text: str, not_found: str, lexicon: Lexicon) -> None:
    assert not_found not in _found(text, lexicon)


def test_rest_of_an_offer_list_is_not_asked(lexicon: Lexicon) -> None:
    body = (
        "Wat ga je doen?\n- Je helpt in het magazijn.\n"
        "- Je krijgt een contract, een training veilig tillen en korting op je boodschappen.\n"
    )
    assert "fysieke-inzet" not in _asked(body, lexicon)


def test_offer_list_that_turns_to_the_candidate_is_asked(lexicon: Lexicon) -> None:
    body = "Wat vragen wij?\n- Je krijgt een vast rooster, je bent stressbestendig.\n"
    assert "stressbestendigheid" in _asked(body, lexicon)


def test_certificate_you_can_get_here_is_not_asked(lexicon: Lexicon) -> None:
    body = (
        "Wat vragen wij?\n- Je werkt graag met je handen.\n"
        "- Het HACCP-certificaat kun je bij ons halen.\n"
    )
    assert "hygienisch-werken" not in _asked(body, lexicon)


def test_growing_into_a_role_is_offered_not_asked(lexicon: Lexicon) -> None:
    body = "Wat ga je doen?\n- Je vult schappen.\n- Je kunt doorgroeien naar teamleider.\n"
    assert "leidinggeven" not in _asked(body, lexicon)


@pytest.mark.parametrize(
    ("intro", "not_asked"),
    [
        ("Schoonheidssalon Bella zoekt een administratief medewerker.", "uiterlijke-verzorging"),
        (
            "Voor ons bureau met klanten als kapsalons zoeken wij een boekhouder.",
            "uiterlijke-verzorging",
        ),
    ],
)
def test_intro_words_before_the_employer_seeks_are_about_the_employer(
    intro: str, not_asked: str, lexicon: Lexicon
) -> None:
    assert not_asked not in _asked(f"{intro}\nWat ga je doen?\n- Je boekt facturen.\n", lexicon)


def test_intro_words_after_seeks_or_before_gezocht_are_asked(lexicon: Lexicon) -> None:
    asked = _asked("Wij zoeken een gastvrije kok.\nStressbestendige afwasser gezocht!\n", lexicon)
    assert {"gastvrijheid", "stressbestendigheid"} <= asked


@pytest.mark.parametrize(
    ("sentence", "not_asked"),
    [
        ("Je komt te werken in een klantvriendelijk team.", "klantgerichtheid"),
        ("Je werkt in een gastvrije en gezellige werkplek.", "gastvrijheid"),
        ("Je wordt opgevangen door behulpzame collega's.", "klantgerichtheid"),
    ],
)
def test_words_describing_the_workplace_are_not_asked(
    sentence: str, not_asked: str, lexicon: Lexicon
) -> None:
    assert not_asked not in _asked(f"Wat ga je doen?\n- {sentence}\n", lexicon)


def test_a_list_of_qualities_is_still_asked(lexicon: Lexicon) -> None:
    body = (
        "Wat vragen wij?\n- Je bent klantvriendelijk, flexibel en werkt zelfstandig in een team.\n"
    )
    assert {"klantgerichtheid", "flexibiliteit", "zelfstandigheid"} <= _asked(body, lexicon)


@pytest.mark.parametrize(
    "text",
    ["Zie jij jezelf al aan het werk bij ons?", "Zie jij je kans? Solliciteer dan direct."],
)
def test_invitation_hooks_are_not_initiative(text: str, lexicon: Lexicon) -> None:
    assert "initiatief" not in _found(text, lexicon)


@pytest.mark.parametrize("text", ["Je ziet zelf waar werk ligt.", "Je ziet kansen en benut ze."])
def test_seeing_work_or_chances_is_initiative(text: str, lexicon: Lexicon) -> None:
    assert "initiatief" in _found(text, lexicon)


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        # a word with a second, everyday meaning
        ("Je schenkt koffie, thee en sap.", "digitale-vaardigheden"),
        ("Je werkt met verschillende typen machines.", "digitale-vaardigheden"),
        ("Je zorgt dat we de kwaliteit handhaven.", "grenzen-stellen"),
        ("Je houdt je aan de huisregels van de klant.", "grenzen-stellen"),
        ("You are confident in English.", "grenzen-stellen"),
        ("De bewoners worden door jou goed verzorgd.", "representativiteit"),
        ("Je helpt de etalage aankleden.", "zorgzaamheid"),
        ("Je kunt risico's inschatten.", "mensenkennis"),
        ("Je presenteert de producten mooi in de schappen.", "communicatie"),
        ("You know our target group.", "resultaatgerichtheid"),
        ("Je meldt storingen aan de technische dienst.", "probleemoplossend"),
        ("Je doet de inkoop voor de keuken.", "onderhandelen"),
        ("Je helpt onze trouwe klanten.", "betrouwbaarheid"),
        ("You work in day shifts.", "flexibiliteit"),
    ],
)
def test_second_meanings_do_not_fire(text: str, not_found: str, lexicon: Lexicon) -> None:
    assert not_found not in _found(text, lexicon)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je hebt ervaring met SAP.", "digitale-vaardigheden"),
        ("Je typt snel en foutloos.", "digitale-vaardigheden"),
        ("Je handhaaft de huisregels.", "grenzen-stellen"),
        ("Je onderhandelt over de inkoop met leveranciers.", "onderhandelen"),
        ("You work evening shifts.", "flexibiliteit"),
    ],
)
def test_first_meanings_still_fire(text: str, expected: str, lexicon: Lexicon) -> None:
    assert expected in _found(text, lexicon)


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        ("Bij ons mag je fouten maken.", "nauwkeurigheid"),
        ("Iedereen is welkom, onafhankelijk van afkomst of leeftijd.", "zelfstandigheid"),
        ("Stuur je cv en motivatie naar Anna.", "doorzettingsvermogen"),
        ("Nieuwsgierig geworden? Bel ons.", "leervermogen"),
        ("Je werkt onder aansturing van de chef.", "leidinggeven"),
        ("You adjust the settings of the machine.", "aanpassingsvermogen"),
        ("You get your schedule two weeks ahead.", "plannen-organiseren"),
        ("Keep your nails short.", "uiterlijke-verzorging"),
        ("Je klokt in via de app.", "digitale-vaardigheden"),
    ],
)
def test_common_posting_phrases_do_not_fire(text: str, not_found: str, lexicon: Lexicon) -> None:
    assert not_found not in _found(text, lexicon)


def test_a_coaching_manager_describes_the_workplace(lexicon: Lexicon) -> None:
    body = "Wat ga je doen?\n- Je werkt met een coachende leidinggevende.\n"
    assert "leidinggeven" not in _asked(body, lexicon)


def test_nieuwsgierig_geworden_starts_the_apply_section() -> None:
    lines = split_sections(
        "Wat vragen wij?\n- Je bent flexibel\nNieuwsgierig geworden?\nBel Anna.\n"
    )
    assert lines[-1].section == "apply"


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        # a stem inside an unrelated compound or a job title of someone else
        ("Je onderhoudt verwarmingssystemen en ventilatiesystemen.", "digitale-vaardigheden"),
        ("Je helpt cliënten met een persoonsgebonden budget.", "financieel-beheer"),
        ("Het salaris is onderhandelbaar.", "onderhandelen"),
        ("Je bespreekt je rooster met de coördinator.", "plannen-organiseren"),
        ("Je werkt mee aan duurzame inzetbaarheid.", "flexibiliteit"),
        ("Je volgt een opleiding marketingcommunicatie.", "communicatie"),
    ],
)
def test_unrelated_compounds_do_not_fire(text: str, not_found: str, lexicon: Lexicon) -> None:
    assert not_found not in _found(text, lexicon)


def test_related_compounds_still_fire(lexicon: Lexicon) -> None:
    assert "digitale-vaardigheden" in _found("Je werkt met kassasystemen.", lexicon)
    assert "financieel-beheer" in _found("Je bewaakt het budget van de afdeling.", lexicon)


def test_paying_in_cash_is_not_cash_management(lexicon: Lexicon) -> None:
    assert "financieel-beheer" not in _found("Je rekent af met pin en contant geld.", lexicon)
    assert "financieel-beheer" in _found("Aan het eind van de dag tel je de kassalade.", lexicon)
    assert "financieel-beheer" in _found("Je telt het contante geld na sluitingstijd.", lexicon)


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        ("Je hebt geen lichamelijke klachten.", "klantgerichtheid"),
        ("Je houdt de machines in goede conditie.", "fysieke-inzet"),
    ],
)
def test_health_and_machine_wording_does_not_fire(
    text: str, not_found: str, lexicon: Lexicon
) -> None:
    assert not_found not in _found(text, lexicon)
