"""The cover letter: Dutch structure, claims only from the profile, no date unless chosen."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from jobmatch.datafiles.guard import load_guard_config
from jobmatch.domain.errors import JobmatchError
from jobmatch.domain.guard import scan_text
from jobmatch.domain.letter import compose_letter
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.vacancies import AskedCompetency, Extraction
from jobmatch.domain.wording import word_count
from tests.factories import make_lexicon, make_profiles

LEXICON = make_lexicon()
VACANCY = Extraction(
    source="bediening.txt",
    title="Medewerker bediening",
    competencies=(
        AskedCompetency("gastvrijheid", "Gastvrijheid", "must", ("gastvrij",)),
        AskedCompetency("flexibiliteit", "Flexibiliteit", "must", ("flexibel",)),
        AskedCompetency("samenwerken", "Samenwerken", "must", ("teamspeler",)),
        AskedCompetency("stressbestendigheid", "Stressbestendigheid", "nice", ()),
    ),
)


def profile(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Réka Tóth",
        "contact": {"email": "reka@example.org", "phone": "06-11223344", "city": "Arnhem"},
        "languages": [{"language": "hu", "level": "native"}, {"language": "nl", "level": "A2"}],
        "competencies": [
            {"id": "onderhandelen", "evidence": "Ik maakte zelf prijsafspraken met klanten."},
            {"id": "flexibiliteit", "evidence": "Ik werk ook 's avonds en in het weekend."},
            {"id": "gastvrijheid", "evidence": "Ik ontvang mensen warm en met aandacht."},
            {"id": "discretie", "evidence": "Wat mensen mij vertellen, blijft bij mij."},
        ],
        "experiences": [
            {"title": "Werk in een club", "kind": "personal-services", "description": "raamwerk"}
        ],
        "education": [{"title": "NT2 Nederlands", "completed": False}],
    }
    data.update(extra)
    return data


def letter_text(data: dict[str, Any], **kwargs: Any) -> str:
    kwargs.setdefault("vacancy", VACANCY)
    return compose_letter(profile_from_dict(data), LEXICON, **kwargs).plain_text()


def paragraphs(data: dict[str, Any], **kwargs: Any) -> list[str]:
    kwargs.setdefault("vacancy", VACANCY)
    document = compose_letter(profile_from_dict(data), LEXICON, **kwargs)
    return [b.text for b in document.blocks if b.kind == "paragraph"]


def test_dutch_structure_greeting_opening_body_closing() -> None:
    parts = paragraphs(profile(), employer="Hotel De Zon")
    assert parts[0] == "Betreft: sollicitatie medewerker bediening"
    assert parts[1] == "Geachte heer/mevrouw,"
    assert parts[2].startswith(
        "Met veel interesse las ik uw vacature voor medewerker bediening bij Hotel De Zon."
    )
    assert parts[3].startswith("In de vacature vraagt u om gastvrijheid en flexibiliteit.")
    assert "Ik ontvang mensen warm en met aandacht." in parts[3]
    assert "Ik werk ook 's avonds en in het weekend." in parts[3]
    assert parts[4].startswith("Daarnaast breng ik onderhandelen en discretie mee.")
    assert "Ik spreek Hongaars en Nederlands. Ik volg een cursus Nederlands." in parts[5]
    assert parts[-3].endswith("U kunt mij bereiken via reka@example.org of 06-11223344.")
    assert parts[-2:] == ["Met vriendelijke groet,", "Réka Tóth"]


def test_contact_name_greeting_and_english_version() -> None:
    assert "Geachte Marieke de Boer," in letter_text(profile(), contact_name="Marieke de Boer")
    parts = paragraphs(profile(), lang="en", contact_name="Mr Jansen")
    assert parts[1] == "Dear Mr Jansen,"
    assert parts[3].startswith("In the vacancy you ask for hospitality and flexibility.")
    assert parts[-2] == "Kind regards,"


def test_no_claim_that_is_not_in_the_profile() -> None:
    text = letter_text(profile())
    assert "samenwerken" not in text.lower()  # asked, but not in the profile
    assert "teamspeler" not in text
    assert "stressbestendig" not in text.lower()
    assert "club" not in text and "raamwerk" not in text


def test_date_line_only_when_opted_in() -> None:
    plain = letter_text(profile(), today=date(2026, 3, 4))
    assert "2026" not in plain and "maart" not in plain
    opted = letter_text(profile(cv={"letter_date": True}), today=date(2026, 3, 4))
    assert "Arnhem, 4 maart 2026" in opted
    english = letter_text(profile(cv={"letter_date": True}), today=date(2026, 3, 4), lang="en")
    assert "Arnhem, 4 March 2026" in english


def test_own_motivation_is_used_and_shortened() -> None:
    text = letter_text(profile(cv={"motivation": "Ik kook graag voor mensen. " * 40}))
    assert "Ik kook graag voor mensen." in text
    assert "Ik solliciteer omdat" not in text
    assert word_count(text) < 330


def test_one_a4_and_guard_clean_for_fifty_profiles() -> None:
    config = load_guard_config()
    for data in make_profiles(50, seed=5):
        for lang in ("nl", "en"):
            document = compose_letter(
                profile_from_dict(data),
                LEXICON,
                vacancy=VACANCY,
                lang=lang,  # type: ignore[arg-type]
            )
            text = document.plain_text()
            assert 40 <= word_count(text) <= 350
            assert scan_text({"letter": text}, config) == [], data["name"]
            assert document.filename_stem.startswith("brief-" if lang == "nl" else "letter-")


def test_profile_without_competencies_still_gives_an_honest_letter() -> None:
    parts = paragraphs({"name": "Pim Boonmee", "contact": {"email": "pim@example.org"}})
    assert "Ik solliciteer omdat ik graag laat zien wat ik kan." in parts
    assert not any(p.startswith("In de vacature vraagt u") for p in parts)


def test_empty_name_is_refused() -> None:
    with pytest.raises(JobmatchError, match="Vul eerst je naam in"):
        letter_text({"name": ""})


def test_one_matched_must_have_gets_its_own_paragraph() -> None:
    vacancy = Extraction(
        source="s.txt",
        title="Schoonmaker",
        competencies=(
            AskedCompetency("flexibiliteit", "Flexibiliteit", "must"),
            AskedCompetency("schoonmaken", "Schoonmaken", "must"),
        ),
    )
    parts = paragraphs(profile(), vacancy=vacancy)
    assert (
        parts[3]
        == "In de vacature vraagt u om flexibiliteit. Ik werk ook 's avonds en in het weekend."
    )
    assert parts[4].startswith("Daarnaast breng ik onderhandelen en gastvrijheid mee.")
