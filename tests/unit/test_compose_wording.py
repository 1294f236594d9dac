"""CV and letter wording as an employer reads it: no repeated education level, no hours or
places in the job title, and the vacancy's own words next to a label only where true."""

from __future__ import annotations

from typing import Any

import pytest

from jobmatch.domain.cv import compose_cv
from jobmatch.domain.interview import compose_interview
from jobmatch.domain.letter import compose_letter
from jobmatch.domain.pitch import compose_pitch
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.vacancies import AskedCompetency, Extraction
from jobmatch.domain.vacancy_words import (
    adds_to,
    clean_vacancy_title,
    job_title,
    true_wording,
)
from jobmatch.domain.wording import join_words, language_name
from tests.factories import make_lexicon

LEXICON = make_lexicon()


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("Receptionist(e) hotel – fulltime 38 uur", "Receptionist(e) hotel"),
        ("Groepsassistent kinderopvang (20-28 uur)", "Groepsassistent kinderopvang"),
        ("Schoonmaakmedewerker kantoren (avond) – Rijswijk", "Schoonmaakmedewerker kantoren"),
        ("Customer Service Agent Portuguese (Zoetermeer)", "Customer Service Agent Portuguese"),
        ("Heftruckchauffeur (m/v/x)", "Heftruckchauffeur"),
        ("Accountmanager zakelijke markt (MBO 4 / HBO)", "Accountmanager zakelijke markt"),
        ("Kok | Amsterdam", "Kok"),
        ("Medewerker bediening - parttime", "Medewerker bediening"),
        ("Host(ess) evenementen & beurzen – oproepbasis 🎉", "Host(ess) evenementen & beurzen"),
        ("Leerbaan keukenhulp (MBO-1 Entree) 🍳", "Leerbaan keukenhulp"),
        ("Caissière / medewerker kassa en vers", "Caissière / medewerker kassa en vers"),
        ("Night Auditor (English speaking)", "Night Auditor"),
        ("Verkoper (eigen collectie)", "Verkoper (eigen collectie)"),
        ("(20 uur)", ""),
    ],
)
def test_clean_vacancy_title_keeps_the_job(title: str, clean: str) -> None:
    assert clean_vacancy_title(title) == clean


def test_job_title_in_a_sentence() -> None:
    assert job_title("Groepsassistent kinderopvang (20-28 uur)") == "groepsassistent kinderopvang"
    assert job_title("Customer Service Agent (Zoetermeer)", "en") == "Customer Service Agent"
    assert job_title("Customer Service Agent (Zoetermeer)") == "customer service agent"


def andreea(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Andreea Popescu",
        "contact": {"email": "andreea@example.org", "city": "Rijswijk"},
        "languages": [{"language": "ro", "level": "native"}, {"language": "nl", "level": "B1"}],
        "competencies": [
            {"id": "schoonmaken", "evidence": "Ik maakte per dienst zestien hotelkamers schoon."},
            {"id": "hygienisch-werken", "evidence": "Ik werk volgens vaste hygiëneregels."},
            {"id": "zorgzaamheid", "evidence": "Ik zorgde jaren voor mijn kleine neefjes."},
        ],
        "education": [
            {"title": "NT2 B1", "level": "NT2 B1", "completed": True},
            {"title": "Cursus NT2 B1", "level": "B1", "completed": True},
            {"title": "Kappersopleiding", "level": "MBO 2", "completed": True},
        ],
    }
    data.update(extra)
    return data


KINDEROPVANG = Extraction(
    source="kinderopvang.txt",
    title="Groepsassistent kinderopvang (20-28 uur)",
    competencies=(
        AskedCompetency("schoonmaken", "Schoonmaken", "must", ("verschonen", "schoonhouden")),
        AskedCompetency("zorgzaamheid", "Zorgzaamheid", "must", ("zorg voor kinderen",)),
        AskedCompetency("hygienisch-werken", "Hygiënisch werken", "must", ("hygiënisch",)),
    ),
)


def test_education_level_only_when_it_adds_something() -> None:
    text = compose_cv(profile_from_dict(andreea()), LEXICON).plain_text()
    assert "NT2 B1 — NT2 B1" not in text and "- NT2 B1\n" in text
    assert "- Cursus NT2 B1\n" in text
    assert "Kappersopleiding — MBO 2" in text
    assert adds_to("MBO 2", "Kappersopleiding") and not adds_to("nt2 b1", "NT2 B1")
    assert not adds_to("", "Anything")


def test_title_without_hours_in_cv_letter_and_pitch() -> None:
    profile = profile_from_dict(andreea())
    cv_text = compose_cv(profile, LEXICON, vacancy=KINDEROPVANG).plain_text()
    assert "Ik wil graag werken als groepsassistent kinderopvang." in cv_text
    letter = compose_letter(profile, LEXICON, vacancy=KINDEROPVANG).plain_text()
    assert "Betreft: sollicitatie groepsassistent kinderopvang\n" in letter
    assert "uw vacature voor groepsassistent kinderopvang." in letter
    pitch = compose_pitch(profile, LEXICON, vacancy=KINDEROPVANG).plain_text()
    sheet = compose_interview(profile, LEXICON, vacancy=KINDEROPVANG).plain_text()
    assert "Voor de vacature: groepsassistent kinderopvang\n" in sheet  # one title function
    for text in (cv_text, letter, pitch, sheet):
        assert "uur" not in text and "20-28" not in text


def test_vacancy_wording_only_where_true_for_the_participant() -> None:
    document = compose_cv(profile_from_dict(andreea()), LEXICON, vacancy=KINDEROPVANG)
    labels = [b.text for b in document.blocks if b.kind == "subheading"]
    # "verschonen" (changing nappies) is not what she did; "schoonhouden" shares "schoon".
    assert "Schoonmaken (schoonhouden)" in labels
    assert "verschonen" not in document.plain_text()
    # "zorg voor kinderen": her evidence "Ik zorgde ..." shares the stem zorg-.
    assert "Zorgzaamheid (zorg voor kinderen)" in labels
    assert "Hygiënisch werken" in labels  # the span is already part of the label


def test_vacancy_wording_with_no_own_evidence_is_the_plain_label() -> None:
    data = andreea(competencies=[{"id": "schoonmaken", "evidence": "", "status": "confirmed"}])
    nappies = AskedCompetency("schoonmaken", "Schoonmaken", "must", ("verschonen",))
    vacancy = Extraction(source="k.txt", title="Groepsassistent", competencies=(nappies,))
    document = compose_cv(profile_from_dict(data), LEXICON, vacancy=vacancy)
    labels = [b.text for b in document.blocks if b.kind == "subheading"]
    assert labels == ["Schoonmaken"]


@pytest.mark.parametrize(
    ("span", "label", "evidence", "expected"),
    [
        ("verschonen", "Schoonmaken", "Ik maakte hotelkamers grondig schoon.", False),
        ("kamers schoonmaken", "Schoonmaken", "Ik maakte hotelkamers schoon.", True),
        ("klantvriendelijk", "Klantgerichtheid", "", True),  # a form of the label
        ("teamspeler", "Samenwerken", "Ik werk graag met anderen.", False),
        ("gastvrij", "Gastvrijheid", "", True),
        ("zorg voor kinderen", "Zorgzaamheid", "Ik zorgde voor mijn neefjes.", True),
        ("contact", "Tact", "", False),
        ("maakt de groep schoon", "Schoonmaken", "Ik maak alles schoon.", False),  # a clause
    ],
)
def test_true_wording(span: str, label: str, evidence: str, expected: bool) -> None:
    assert true_wording(span, label, evidence) is expected


def test_join_words_has_no_comma_before_the_last_and() -> None:
    # an item with "en" in it goes first, so the last "en" joins two plain items
    assert join_words(["discretie", "tact en lastige boodschappen"], "nl") == (
        "tact en lastige boodschappen en discretie"
    )
    assert join_words(["zorgzaamheid", "plannen en organiseren", "geduld"], "nl") == (
        "plannen en organiseren, zorgzaamheid en geduld"
    )
    assert join_words(["a", "b", "c"], "en") == "a, b and c"


def test_more_language_names() -> None:
    assert language_name("ig", "nl") == "Igbo" and language_name("pcm", "en") == "Nigerian Pidgin"
