"""The letter's body as an employer reads it: up to three must-haves she has, each with her
own evidence, in two short paragraphs; nice-to-haves before general strengths; no
competency named twice; always one A4 (PDF read back)."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from pypdf import PdfReader

from jobmatch.domain.cv import choose_competencies
from jobmatch.domain.letter import EVIDENCE_LIMIT, compose_letter
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.vacancies import AskedCompetency, Extraction
from jobmatch.domain.wording import shorten
from jobmatch.services.documents import build_document
from tests.factories import EVIDENCE, make_lexicon, make_profiles

LEXICON = make_lexicon()
FOUR_MUSTS = Extraction(
    source="bediening.txt",
    title="Medewerker bediening (24 uur)",
    competencies=(
        AskedCompetency("gastvrijheid", "Gastvrijheid", "must", ("gastvrij",)),
        AskedCompetency("flexibiliteit", "Flexibiliteit", "must", ("flexibel",)),
        AskedCompetency("samenwerken", "Samenwerken", "must", ("teamspeler",)),
        AskedCompetency("klantgerichtheid", "Klantgerichtheid", "must", ("klantgericht",)),
        AskedCompetency("stressbestendigheid", "Stressbestendigheid", "nice", ()),
    ),
)
OWN = {
    "gastvrijheid": "Ik ontvang mensen warm en met aandacht.",
    "flexibiliteit": "Ik werk ook 's avonds en in het weekend.",
    "klantgerichtheid": "Ik vraag eerst wat een klant echt nodig heeft.",
    "onderhandelen": "Ik maakte zelf prijsafspraken met klanten.",
    "discretie": "Wat mensen mij vertellen, blijft bij mij.",
    "stressbestendigheid": "Als het druk is, blijf ik rustig.",
}


def person(ids: list[str], **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Réka Tóth",
        "contact": {"email": "reka@example.org"},
        "languages": [{"language": "hu", "level": "native"}, {"language": "nl", "level": "B1"}],
        "competencies": [{"id": cid, "evidence": OWN[cid]} for cid in ids],
    }
    data.update(extra)
    return data


def body(data: dict[str, Any], vacancy: Extraction, lang: str = "nl") -> list[str]:
    document = compose_letter(profile_from_dict(data), LEXICON, vacancy=vacancy, lang=lang)  # type: ignore[arg-type]
    texts = [b.text for b in document.blocks if b.kind == "paragraph"]
    return texts[3:-3]  # after subject, greeting, opening; before closing, regards, name


def test_three_must_haves_each_with_her_own_evidence_in_two_paragraphs() -> None:
    ids = ["onderhandelen", "klantgerichtheid", "flexibiliteit", "gastvrijheid", "discretie"]
    first, second, motivation = body(person(ids), FOUR_MUSTS)
    assert first == (
        "In de vacature vraagt u om gastvrijheid en flexibiliteit. "
        f"{OWN['gastvrijheid']} {OWN['flexibiliteit']}"
    )
    assert second == f"U vraagt ook om klantgerichtheid. {OWN['klantgerichtheid']}"
    assert "samenwerken" not in " ".join([first, second, motivation]).lower()  # not hers
    assert motivation.startswith("Ik solliciteer omdat dit werk past bij wat ik goed kan")
    assert "onderhandelen en discretie" in motivation  # strengths the body did not name


def test_one_must_have_then_nice_to_have_then_general_strengths() -> None:
    ids = ["discretie", "stressbestendigheid", "flexibiliteit", "onderhandelen"]
    first, second, _motivation = body(person(ids), FOUR_MUSTS)
    assert first == f"In de vacature vraagt u om flexibiliteit. {OWN['flexibiliteit']}"
    assert second.startswith("Daarnaast breng ik stressbestendigheid en discretie mee.")
    assert OWN["stressbestendigheid"] in second and OWN["discretie"] in second


def test_general_strengths_with_her_own_words_come_before_suggested_ones() -> None:
    data = person(["flexibiliteit"])
    data["competencies"] += [
        {"id": "tact", "evidence": "", "status": "confirmed"},  # lexicon wording only
        {"id": "discretie", "evidence": OWN["discretie"]},
    ]
    _first, second, _motivation = body(data, FOUR_MUSTS)
    assert second.startswith("Daarnaast breng ik tact en lastige boodschappen en discretie mee.")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_competency_is_named_twice(lang: str) -> None:
    for data in make_profiles(40, seed=11):
        profile = profile_from_dict(data)
        document = compose_letter(profile, LEXICON, vacancy=FOUR_MUSTS, lang=lang)  # type: ignore[arg-type]
        text = document.plain_text()
        chosen = choose_competencies(profile, LEXICON, lang=lang, vacancy=FOUR_MUSTS)  # type: ignore[arg-type]
        for item in chosen:  # her evidence may use a label word; count what the letter adds
            for line in item.evidence:
                text = text.replace(shorten(line, EVIDENCE_LIMIT), "")
        text = text.casefold()
        for item in profile.competencies:
            label = LEXICON[item.id].label(lang).casefold()  # type: ignore[arg-type]
            count = len(re.findall(rf"(?<!\w){re.escape(label)}(?!\w)", text))
            assert count <= 1, (data["name"], label, text)


def test_english_letter_body() -> None:
    ids = ["onderhandelen", "klantgerichtheid", "flexibiliteit", "gastvrijheid"]
    first, second, motivation = body(person(ids), FOUR_MUSTS, lang="en")
    assert first.startswith("In the vacancy you ask for hospitality and flexibility.")
    assert second.startswith("You also ask for customer focus.")
    assert "Another strength of mine: negotiation." in motivation


@pytest.mark.parametrize("template", ["helder", "warm"])
def test_pdf_letter_is_one_page_for_every_factory_profile(template: str) -> None:
    long_motivation = "Ik werk graag met mensen en ik wil iets nieuws leren in dit vak. " * 8
    for index, data in enumerate(make_profiles(40, seed=3)):
        data["competencies"] = [
            {"id": cid, "evidence": f"{EVIDENCE[cid]} {EVIDENCE[cid]}"}
            for cid in ("gastvrijheid", "flexibiliteit", "klantgerichtheid", "discretie", "tact")
        ] + data["competencies"]
        data.setdefault("cv", {})["date_policy"] = "none"
        if index % 2:
            data["cv"]["motivation"] = long_motivation
        letter = compose_letter(profile_from_dict(data), LEXICON, vacancy=FOUR_MUSTS)
        pdf = build_document(document=letter, fmt="pdf", template=template).data
        assert len(PdfReader(io.BytesIO(pdf)).pages) == 1, (template, data["name"])


def test_languages_are_not_named_twice_in_the_motivation() -> None:
    data = person(["flexibiliteit", "discretie", "onderhandelen"])
    data["competencies"].append({"id": "talenkennis", "evidence": "Ik spreek vier talen."})
    _first, second, motivation = body(data, FOUR_MUSTS)
    assert "talenkennis" not in second
    assert "talenkennis" not in motivation and "Ik spreek Hongaars en Nederlands." in motivation
    data["languages"] = [{"language": "nl", "level": "native"}]  # no language list follows
    assert "talenkennis" in body(data, FOUR_MUSTS)[2]
