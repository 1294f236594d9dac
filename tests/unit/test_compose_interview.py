"""The interview preparation sheet: for the participant only, answers from own evidence."""

from __future__ import annotations

from typing import Any

import pytest

from jobmatch.datafiles.guard import load_guard_config
from jobmatch.domain.guard import scan_text
from jobmatch.domain.interview import FRAMING, compose_interview
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.vacancies import AskedCompetency, Extraction
from tests.factories import make_lexicon, make_profiles

LEXICON = make_lexicon()
VACANCY = Extraction(
    source="zorg.txt",
    title="Helpende zorg",
    competencies=(
        AskedCompetency("zorgzaamheid", "Zorgzaamheid", "must"),
        AskedCompetency("stressbestendigheid", "Stressbestendigheid", "must"),
        AskedCompetency("samenwerken", "Samenwerken", "must"),
        AskedCompetency("talenkennis", "Talenkennis", "nice"),
    ),
)


def data(**extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": "Ioana Popescu",
        "languages": [{"language": "ro", "level": "native"}, {"language": "nl", "level": "A2"}],
        "competencies": [
            {
                "id": "zorgzaamheid",
                "evidence": "Ik zorgde voor mijn oma en regelde haar medicijnen.",
            },
            {"id": "stressbestendigheid", "evidence": "Als het druk is, blijf ik rustig."},
            {"id": "talenkennis", "evidence": "Ik spreek Roemeens, Nederlands en wat Engels."},
        ],
        "education": [{"title": "NT2 A2-B1", "completed": False}],
        "experiences": [{"title": "Privéhuis", "kind": "personal-services"}],
    }
    base.update(extra)
    return base


def sheet(profile: dict[str, Any], **kwargs: Any) -> str:
    return compose_interview(profile_from_dict(profile), LEXICON, **kwargs).plain_text()


def test_title_says_it_is_for_the_participant_only() -> None:
    document = compose_interview(profile_from_dict(data()), LEXICON, vacancy=VACANCY)
    assert document.blocks[0].text.endswith("alleen voor jezelf, niet voor de werkgever")
    assert document.title == document.blocks[0].text
    english = compose_interview(profile_from_dict(data()), LEXICON, lang="en")
    assert english.title == "Interview preparation — for you only, not for the employer"
    assert document.kind == "interview"


def test_must_have_questions_answered_with_own_evidence_in_star_form() -> None:
    text = sheet(data(), vacancy=VACANCY)
    assert "Wat doet u als het heel druk is?" in text
    assert "- Actie: Als het druk is, blijf ik rustig." in text
    assert "- Actie: Ik zorgde voor mijn oma en regelde haar medicijnen." in text
    assert text.count("- Taak:") == 2  # the four steps are explained once, not per question
    assert text.count("Situatie:") == 1 and text.count("Resultaat:") == 1
    # samenwerken is asked but not in the profile: an honest tip, no invented answer
    assert "Hoe werkt u samen met collega's?" in text
    assert "Over samenwerken staat nog niets in je profiel" in text
    # a nice-to-have is not drilled when must-haves are matched
    assert "Roemeens, Nederlands en wat Engels" not in text.split("Vragen over")[1]


def test_gap_question_with_chosen_framing() -> None:
    text = sheet(data(cv={"gap_framing": "family-care"}), vacancy=VACANCY)
    assert "Wat deed u in de tussentijd?" in text
    assert FRAMING["family-care"]["nl"] in text
    assert FRAMING["abroad"]["nl"] not in text
    assert "Houd het kort: twee zinnen zijn genoeg." in text


def test_gap_question_without_choice_lists_all_options() -> None:
    text = sheet(data(), lang="en")
    assert "What did you do in the meantime?" in text
    for framing in FRAMING.values():
        assert framing["en"] in text


def test_dutch_level_question_uses_level_and_course() -> None:
    text = sheet(data())
    assert "Hoe goed spreekt u Nederlands?" in text
    assert "Mijn Nederlands is op niveau A2 (basis). Ik leer elke week bij in mijn cursus." in text
    native = data(languages=[{"language": "nl", "level": "native"}])
    assert "Hoe goed spreekt u Nederlands?" not in sheet(native)


def test_never_shows_the_personal_services_title() -> None:
    assert "Privéhuis" not in sheet(data(), vacancy=VACANCY)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_generated_profiles_compose_and_pass_the_guard(lang: str) -> None:
    config = load_guard_config()
    for profile in make_profiles(40, seed=21):
        text = sheet(profile, vacancy=VACANCY, lang=lang)
        assert scan_text({"sheet": text}, config) == [], profile["name"]
