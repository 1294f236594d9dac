"""Documents that read as if a careful person wrote them (issue 14): one test per fault class,
her own words before stock sentences, and a letter that claims no match without evidence."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.domain.competencies import Lang
from jobmatch.domain.cv import compose_cv
from jobmatch.domain.interview import compose_interview
from jobmatch.domain.letter import compose_letter
from jobmatch.domain.pitch import compose_pitch
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.prose import faults
from jobmatch.domain.vacancies import AskedCompetency, Extraction
from jobmatch.services.documents import build_document

LEXICON = load_lexicon()
LANGS: tuple[Lang, ...] = ("nl", "en")
SHARED = "Ik ontving mensen en zorgde dat ze zich welkom en op hun gemak voelden."
BAR = "drankjes serveren, afrekenen, gasten ontvangen"
PRIVATE = "Ontving klanten op een eigen adres en sprak vooraf een tarief af."
BEDIENING = Extraction(
    source="bediening.txt",
    title="Medewerker bediening (m/v/x) | Amsterdam #1052",
    competencies=(
        AskedCompetency("gastvrijheid", "Gastvrijheid", "must", ("gastvrij",)),
        AskedCompetency("klantgerichtheid", "Klantgerichtheid", "must", ("klantgericht",)),
        AskedCompetency("plannen-organiseren", "Plannen en organiseren", "nice", ()),
    ),
)
HEFTRUCK = Extraction(
    source="heftruck.txt",
    title="Heftruckchauffeur (0,6 - 0,8 fte) - Alleen voor inwoners van Nederland",
    competencies=(
        AskedCompetency("klantgerichtheid", "Klantgerichtheid", "nice", ()),
        AskedCompetency("fysieke-inzet", "Fysieke inzet", "must", ()),
    ),
)
THUISZORG = Extraction(
    source="thuiszorg.txt", title="Huishoudelijk medewerker thuiszorg Gouda e.o..", competencies=()
)


def ines(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Inês Duarte",
        "contact": {"email": "ines@example.org", "city": "Utrecht"},
        "languages": [{"language": "pt", "level": "native"}, {"language": "nl", "level": "A2"}],
        "experiences": [
            {"title": "Bar in Portugal", "kind": "work", "description": BAR},
            {
                "title": "Eigen werk",
                "kind": "personal-services",
                "description": PRIVATE,
                "neutral_line": "Zelfstandig ondernemer",
            },
        ],
        "competencies": [
            {"id": "gastvrijheid", "evidence": SHARED},
            {"id": "klantgerichtheid", "evidence": SHARED},
            {"id": "plannen-organiseren", "evidence": ""},
            {"id": "financieel-beheer", "evidence": ""},
        ],
    }
    data.update(extra)
    return data


def documents(data: dict[str, Any], vacancy: Extraction, lang: Lang) -> dict[str, str]:
    profile = profile_from_dict(data)
    return {
        "letter": compose_letter(profile, LEXICON, vacancy=vacancy, lang=lang).plain_text(),
        "pitch": compose_pitch(profile, LEXICON, vacancy=vacancy, lang=lang).plain_text(),
        "interview": compose_interview(profile, LEXICON, vacancy=vacancy, lang=lang).plain_text(),
        "cv": compose_cv(profile, LEXICON, vacancy=vacancy, lang=lang).plain_text(),
    }


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("vacancy", [BEDIENING, HEFTRUCK, THUISZORG], ids=lambda v: v.source)
def test_no_fault_class_in_any_document(vacancy: Extraction, lang: Lang) -> None:
    for kind, text in documents(ines(), vacancy, lang).items():
        assert faults(text, lang, "medewerker bediening") == set(), (kind, text)


def test_a_shared_evidence_sentence_is_printed_once() -> None:
    for kind, text in documents(ines(), BEDIENING, "nl").items():
        assert text.count(SHARED) <= 1, (kind, text)
    assert SHARED in documents(ines(), BEDIENING, "nl")["cv"]


def test_her_own_words_come_before_the_lexicon_sentence() -> None:
    cv = documents(ines(), BEDIENING, "nl")["cv"]
    # klantgerichtheid shares SHARED with gastvrijheid: it gets a line from her bar work
    assert "Ik kan gasten ontvangen." in cv or "Ik kan drankjes serveren." in cv
    english = documents(ines(), BEDIENING, "en")["cv"]
    assert "drankjes" not in english  # her Dutch text is not pasted into an English CV


@pytest.mark.parametrize("lang", LANGS)
def test_personal_services_text_is_never_quoted(lang: Lang) -> None:
    for kind, text in documents(ines(), BEDIENING, lang).items():
        for word in ("tarief", "adres", "Eigen werk", "Ontving klanten"):
            assert word not in text, (kind, word)


def test_experience_entry_has_what_she_did_in_her_own_words() -> None:
    data = ines(competencies=[{"id": "zorgzaamheid", "evidence": "", "status": "confirmed"}])
    cv = documents(data, THUISZORG, "nl")["cv"]
    entry = cv.split("ERVARING\n")[1].split("\n- ")[0]
    assert entry.startswith("- Bar in Portugal\nIk kan drankjes serveren.")
    assert "Zelfstandig ondernemer" in cv and "Zelfstandig ondernemer\n" not in entry


def test_no_comma_before_the_last_en_in_the_letter() -> None:
    data = ines()
    data["competencies"] = [
        {"id": "zorgzaamheid", "evidence": "Ik zorgde elke dag voor mijn moeder."},
        {"id": "plannen-organiseren", "evidence": "Ik plande de week van ons gezin."},
        {"id": "financieel-beheer", "evidence": "Ik hield het huishoudboekje bij."},
    ]
    letter = documents(data, THUISZORG, "nl")["letter"]
    assert ", en " not in letter
    assert "plannen en organiseren" in letter


def test_title_debris_never_reaches_the_letter_or_the_file_name() -> None:
    messy = Extraction(source="x.txt", title="Medewerker X? salaris tot?3000,-", competencies=())
    for lang in LANGS:
        letter = documents(ines(), messy, lang)["letter"]
        assert "salaris" not in letter and "?" not in letter and "3000" not in letter
    letter = documents(ines(), THUISZORG, "nl")["letter"]
    assert "uw vacature voor huishoudelijk medewerker thuiszorg." in letter  # no "e.o..", no Gouda
    document = compose_letter(profile_from_dict(ines()), LEXICON, vacancy=BEDIENING)
    rendered = build_document(document=document, fmt="txt")
    assert rendered.filename == "brief-ines-medewerker-bediening.txt"


def test_occupation_in_lower_case_in_dutch_running_text() -> None:
    vacancy = Extraction(source="x.txt", title="Huishoudelijk Medewerker (m/v)", competencies=())
    texts = documents(ines(), vacancy, "nl")
    assert "als huishoudelijk medewerker" in texts["cv"] + texts["pitch"]
    assert "Huishoudelijk Medewerker" not in texts["letter"]


def test_no_claimed_match_without_her_evidence() -> None:
    """The forklift job asks customer focus; she confirmed it but gave no example."""
    data = ines(competencies=[{"id": "klantgerichtheid", "evidence": "", "status": "confirmed"}])
    data["experiences"] = []
    letter = documents(data, HEFTRUCK, "nl")["letter"]
    assert "In de vacature vraagt u om" not in letter
    paragraphs = letter.split("\n")
    motivation = next(i for i, p in enumerate(paragraphs) if p.startswith("Ik solliciteer"))
    bring = next(i for i, p in enumerate(paragraphs) if p.startswith("Ik breng"))
    assert motivation < bring  # why she wants this work comes first


def test_same_competencies_different_experience_give_visibly_different_cvs() -> None:
    first = ines(competencies=[{"id": "gastvrijheid"}, {"id": "schoonmaken"}])
    second = copy.deepcopy(first)
    second["name"] = "Inês Duarte"
    second["experiences"] = [
        {
            "title": "Schoonmaakster hotel",
            "kind": "work",
            "description": "Ik maakte hotelkamers schoon en ontving gasten bij de receptie.",
        }
    ]
    one, two = (documents(d, THUISZORG, "nl")["cv"] for d in (first, second))
    lines_one, lines_two = set(one.splitlines()), set(two.splitlines())
    assert len(lines_one ^ lines_two) >= 4, (one, two)
    assert "Ik maakte hotelkamers schoon" in two and "hotelkamers" not in one


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("Ik help klanten graag. Ik help klanten graag.", "repeated"),
        ("Ik woon in Gouda.. Ik werk graag.", "doubled"),
        ("Ik werk graag graag met mensen.", "doubled"),
        ("U vraagt om zorgzaamheid, en plannen en organiseren.", "comma_en"),
        ("Ik las uw vacature voor kok (m/v/x) met interesse.", "debris"),
        ("Ik las uw vacature voor kok | Amsterdam met interesse.", "debris"),
        ("Ik wil graag werken als Huishoudelijk medewerker.", "capital"),
        (" ".join(["woord"] * 31) + ".", "long"),
    ],
)
def test_each_fault_detector_fires_on_wording_with_that_fault(text: str, fault: str) -> None:
    assert fault in faults(text, "nl", "Huishoudelijk medewerker")
    clean = "Ik wil graag werken als huishoudelijk medewerker. Ik help klanten graag."
    assert faults(clean, "nl", "Huishoudelijk medewerker") == set()


def test_prose_bench_data_exists_in_the_size_the_issue_asks() -> None:
    root = Path(__file__).resolve().parents[1] / "data" / "prose"
    profiles = [json.loads(p.read_text("utf-8")) for p in (root / "profiles").glob("*.json")]
    assert len(profiles) >= 20 and len(list((root / "postings").glob("*.txt"))) >= 30
    kinds = [{e["kind"] for e in p["experiences"]} for p in profiles]
    assert {"personal-services"} in kinds and set() in kinds  # only PS, and none
