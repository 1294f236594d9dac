"""The competency CV: headings, no past, no dates, vacancy order, languages, bad input."""

from __future__ import annotations

from typing import Any

import pytest

from jobmatch.datafiles.guard import load_guard_config
from jobmatch.domain.cv import compose_cv
from jobmatch.domain.document import Document
from jobmatch.domain.errors import JobmatchError, UnknownCompetencyError
from jobmatch.domain.guard import scan_text
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.vacancies import AskedCompetency, Extraction
from jobmatch.domain.wording import sentences
from tests.factories import make_lexicon, make_profiles

LEXICON = make_lexicon()
NL_HEADINGS = ["PROFIEL", "COMPETENTIES", "ERVARING", "OPLEIDING", "TALEN", "VAARDIGHEDEN"]
EN_HEADINGS = ["PROFILE", "COMPETENCIES", "EXPERIENCE", "EDUCATION", "LANGUAGES", "SKILLS"]


def ana(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Ana Souza",
        "contact": {
            "email": "ana@example.org",
            "phone": "06-12345678",
            "city": "Den Haag",
            "postcode": "2521AB",
        },
        "languages": [
            {"language": "pt", "level": "native"},
            {"language": "nl", "level": "A2"},
            {"language": "en", "level": "B2"},
        ],
        "experiences": [
            {
                "title": "Escort",
                "kind": "personal-services",
                "description": "Werkte in een privéhuis sinds 2015.",
                "duration": "6 jaar",
            },
            {
                "title": "Afwasser in een restaurant",
                "kind": "work",
                "description": "kladje",
                "duration": "1 jaar",
                "period": "2021-2022",
            },
        ],
        "competencies": [
            {
                "id": "gastvrijheid",
                "evidence": "Ik ontvang mensen warm en zorg dat ze zich welkom voelen.",
            },
            {"id": "onderhandelen", "evidence": "Ik maakte zelf prijsafspraken."},
            {"id": "financieel-beheer", "evidence": "Ik deed mijn eigen boekhouding."},
            {"id": "klantgerichtheid", "evidence": "Ik zorg dat klanten tevreden weggaan."},
            {"id": "flexibiliteit", "evidence": "Ik werk ook 's avonds en in het weekend."},
        ],
        "education": [
            {"title": "NT2-cursus Nederlands", "level": "NT2 B1", "completed": False},
            {"title": "Kappersopleiding", "level": "MBO 2"},
        ],
        "digital_skills": ["Excel", "WhatsApp Business"],
        "interests": ["koken"],
        "preferences": {"sectors": ["horeca"]},
    }
    data.update(extra)
    return data


def cv(data: dict[str, Any], **kwargs: Any) -> Document:
    return compose_cv(profile_from_dict(data), LEXICON, **kwargs)


def headings(document: Document) -> list[str]:
    return [b.text for b in document.blocks if b.kind == "heading"]


def test_headings_are_exactly_the_standard_ones_in_order() -> None:
    assert headings(cv(ana())) == [*NL_HEADINGS, "INTERESSES"]
    assert headings(cv(ana(), lang="en")) == [*EN_HEADINGS, "INTERESTS"]
    assert "INTERESSES" not in headings(cv(ana(cv={"include_interests": False})))


def test_personal_services_never_printed_and_neutral_line_only_when_chosen() -> None:
    text = cv(ana()).plain_text()
    for leak in ("Escort", "privéhuis", "2015", "kladje", "persoonlijke dienstverlening"):
        assert leak not in text
    assert "Afwasser in een restaurant" in text
    chosen = ana()
    chosen["experiences"][0]["neutral_line"] = (
        "Zelfstandig ondernemer in de persoonlijke dienstverlening"
    )
    assert "- Zelfstandig ondernemer in de persoonlijke dienstverlening" in cv(chosen).plain_text()
    english = cv(chosen, lang="en").plain_text()
    assert "- Self-employed in personal services" in english
    assert "Escort" not in english


def test_no_dates_unless_the_participant_chooses() -> None:
    assert "jaar" not in cv(ana()).plain_text().split("ERVARING")[1].split("OPLEIDING")[0]
    assert (
        "Afwasser in een restaurant (1 jaar)"
        in cv(ana(cv={"date_policy": "durations"})).plain_text()
    )
    assert "(2021-2022)" in cv(ana(cv={"date_policy": "exact"})).plain_text()


def test_contact_shows_only_what_is_chosen_and_never_the_postcode() -> None:
    document = cv(ana(cv={"show_contact": ["email"]}))
    assert document.blocks[0].text == "Ana Souza"
    assert document.blocks[1].text == "ana@example.org"
    assert "2521" not in document.plain_text()
    assert "06-12345678" not in document.plain_text()


def test_languages_in_words_with_dutch_course() -> None:
    text = cv(ana()).plain_text()
    assert "- Portugees — moedertaal" in text
    assert "- Nederlands — A2 (basis), ik volg een cursus" in text
    english = cv(ana(), lang="en").plain_text()
    assert "- Portuguese — native" in english
    assert "- Dutch — A2 (basic), taking a course" in english
    assert "- NT2-cursus Nederlands — NT2 B1 (in progress)" in english


def test_vacancy_orders_competencies_and_uses_its_words_only_where_true() -> None:
    vacancy = Extraction(
        source="v.txt",
        title="Medewerker bediening",
        competencies=(
            AskedCompetency("klantgerichtheid", "Klantgerichtheid", "must", ("klantvriendelijk",)),
            AskedCompetency("flexibiliteit", "Flexibiliteit", "must", ("flexibel inzetbaar",)),
            AskedCompetency("samenwerken", "Samenwerken", "must", ("teamspeler",)),
            AskedCompetency("gastvrijheid", "Gastvrijheid", "nice", ("gastvrij",)),
        ),
    )
    document = cv(ana(), vacancy=vacancy)
    labels = [b.text for b in document.blocks if b.kind == "subheading"]
    assert labels[:3] == [
        "Klantgerichtheid (klantvriendelijk)",
        "Flexibiliteit (flexibel inzetbaar)",
        "Gastvrijheid",  # "gastvrij" is already in the label
    ]
    assert "teamspeler" not in document.plain_text()  # asked, but not the participant's
    assert "Ik wil graag werken als medewerker bediening." in document.plain_text()
    english = [
        b.text for b in cv(ana(), vacancy=vacancy, lang="en").blocks if b.kind == "subheading"
    ]
    assert english[:2] == ["Customer focus", "Flexibility"]


def test_profile_paragraph_has_three_to_five_true_sentences() -> None:
    document = cv(ana())
    paragraph = next(b.text for b in document.blocks if b.kind == "paragraph")
    assert 3 <= len(sentences(paragraph)) <= 5
    assert "gastvrijheid, onderhandelen en financieel beheer" in paragraph
    assert "Ik spreek Portugees, Nederlands en Engels." in paragraph


def test_between_four_and_eight_competencies_each_with_evidence() -> None:
    many = ana(
        competencies=[{"id": cid, "evidence": "Ik doe dit goed."} for cid in LEXICON.ids[:12]]
    )
    document = cv(many)
    blocks = list(document.blocks)
    subheads = [i for i, b in enumerate(blocks) if b.kind == "subheading"]
    assert len(subheads) == 8
    for index in subheads:
        assert blocks[index + 1].kind == "bullets"
        assert 1 <= len(blocks[index + 1].items) <= 3


def test_suggested_fill_up_to_four_only_with_their_evidence() -> None:
    data = ana(
        competencies=[
            {"id": "gastvrijheid", "evidence": "Ik ontvang mensen warm."},
            {"id": "tact", "status": "suggested", "evidence": ""},
            {"id": "discretie", "status": "suggested", "evidence": "Ik houd privézaken voor mij."},
            {"id": "luisteren", "status": "suggested", "evidence": "Ik luister goed."},
            {"id": "betrouwbaarheid", "status": "suggested", "evidence": "Ik ben altijd op tijd."},
            {"id": "initiatief", "status": "suggested", "evidence": "Ik pak dingen zelf op."},
        ]
    )
    labels = [b.text for b in cv(data).blocks if b.kind == "subheading"]
    assert labels == ["Gastvrijheid", "Discretie", "Luisteren", "Betrouwbaarheid"]


def test_evidence_in_the_other_language_falls_back_to_lexicon_wording() -> None:
    english = cv(ana(), lang="en").plain_text()
    assert "Ik ontvang mensen warm" not in english
    assert "I show hospitality in my work." in english


def test_empty_name_gives_a_clear_message() -> None:
    with pytest.raises(JobmatchError, match="Vul eerst je naam in / fill in your name first"):
        compose_cv(profile_from_dict({"name": "  "}), LEXICON)


def test_unknown_competency_is_refused() -> None:
    with pytest.raises(UnknownCompetencyError, match="zingen"):
        cv(ana(competencies=[{"id": "zingen", "evidence": "Ik zing."}]))


def test_no_competencies_gives_a_short_cv_that_says_nothing_false() -> None:
    document = cv({"name": "Őrsi Kovács", "contact": {"city": "Utrecht"}})
    assert headings(document) == ["PROFIEL"]
    text = document.plain_text()
    assert "sterke punten" not in text
    assert "Ik woon in Utrecht." in text
    assert document.filename_stem == "cv-orsi"


def test_long_evidence_is_cut_at_a_boundary() -> None:
    long_text = " ".join(["Ik help klanten elke dag met veel plezier en geduld."] * 100)
    document = cv(ana(competencies=[{"id": "klantgerichtheid", "evidence": long_text}]))
    bullets = next(b for b in document.blocks if b.kind == "bullets")
    assert sum(len(item) for item in bullets.items) <= 300
    assert all(item.endswith(".") for item in bullets.items)
    one_word_run = "zeer " * 1000 + "goed"
    document = cv(ana(competencies=[{"id": "klantgerichtheid", "evidence": one_word_run}]))
    item = next(b for b in document.blocks if b.kind == "bullets").items[0]
    assert len(item) <= 301 and item.endswith("…") and "zeer zeer" in item


def test_unicode_emoji_and_right_to_left_are_kept() -> None:
    data = ana(
        name="Ștefania Țăranu",
        competencies=[
            {"id": "talenkennis", "evidence": "Ik spreek ook Arabisch: مرحبا بكم 😊"},
        ],
    )
    data["experiences"].append({"title": "Vrijwilliger bij de ĳsbaan", "kind": "volunteer"})
    document = cv(data)
    text = document.plain_text()
    assert document.blocks[0].text == "Ștefania Țăranu"
    assert "مرحبا بكم 😊" in text and "ĳsbaan" in text
    assert document.filename_stem == "cv-stefania"
    assert document.author == "Ștefania Țăranu"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_fifty_generated_profiles_pass_the_guard(lang: str) -> None:
    config = load_guard_config()
    for data in make_profiles(50, seed=3):
        document = compose_cv(profile_from_dict(data), LEXICON, lang=lang)  # type: ignore[arg-type]
        findings = scan_text({"cv": document.plain_text()}, config)
        assert findings == [], (data["name"], findings)
        assert headings(document)[0] == ("PROFILE" if lang == "en" else "PROFIEL")
        for experience in data["experiences"]:
            if experience["kind"] == "personal-services":
                assert experience["title"] not in document.plain_text()


def test_neutral_line_of_any_kind_replaces_the_title_in_the_document_language() -> None:
    data = ana()
    data["experiences"].append(
        {"title": "Zorgde voor mijn zieke moeder", "kind": "care", "neutral_line": "Mantelzorger"}
    )
    assert "- Mantelzorger" in cv(data).plain_text()
    english = cv(data, lang="en").plain_text()
    assert "- Family carer" in english
    assert "zieke moeder" not in english


def test_explicit_options_win_over_the_profile_choices() -> None:
    from jobmatch.domain.profiles import CvOptions

    document = cv(ana(cv={"date_policy": "durations"}), options=CvOptions(show_contact=()))
    assert [b.kind for b in document.blocks[:2]] == ["title", "heading"]
    assert "(1 jaar)" not in document.plain_text()
