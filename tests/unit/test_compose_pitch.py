"""The elevator pitch: 80–120 words, from the profile only, in Dutch and English."""

from __future__ import annotations

import pytest

from jobmatch.datafiles.guard import load_guard_config
from jobmatch.domain.guard import scan_text
from jobmatch.domain.pitch import MAX_WORDS, MIN_WORDS, compose_pitch, pitch_text
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.vacancies import AskedCompetency, Extraction
from jobmatch.domain.wording import word_count
from tests.factories import make_lexicon, make_profiles

LEXICON = make_lexicon()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_word_count_fits_for_generated_profiles(lang: str) -> None:
    config = load_guard_config()
    for data in make_profiles(60, seed=9):
        profile = profile_from_dict(data)
        text = pitch_text(profile, LEXICON, lang=lang)  # type: ignore[arg-type]
        assert MIN_WORDS <= word_count(text) <= MAX_WORDS, text
        assert text.startswith(("Hallo, ik ben ", "Hello, I am "))
        assert scan_text({"pitch": text}, config) == []
        for experience in data["experiences"]:
            if experience["kind"] == "personal-services":
                assert experience["title"] not in text


def test_long_evidence_is_trimmed_to_stay_under_the_limit() -> None:
    long_line = "Ik help klanten graag en neem de tijd voor elke vraag die ze hebben. " * 30
    data = {
        "name": "Lucía Muñoz",
        "competencies": [
            {"id": cid, "evidence": long_line}
            for cid in ("klantgerichtheid", "luisteren", "tact", "discretie", "samenwerken")
        ],
        "languages": [{"language": "es", "level": "native"}, {"language": "nl", "level": "B1"}],
    }
    text = pitch_text(profile_from_dict(data), LEXICON)
    assert MIN_WORDS <= word_count(text) <= MAX_WORDS
    assert "Ik spreek Spaans en Nederlands." in text


def test_vacancy_title_and_its_must_haves_come_first() -> None:
    vacancy = Extraction(
        source="v.txt",
        title="Gastvrouw",
        competencies=(AskedCompetency("gastvrijheid", "Gastvrijheid", "must"),),
    )
    data = {
        "name": "Siriporn Wongsakul",
        "competencies": [
            {"id": "schoonmaken", "evidence": "Ik maak ruimtes grondig schoon."},
            {"id": "gastvrijheid", "evidence": "Ik ontvang mensen warm."},
        ],
    }
    text = pitch_text(profile_from_dict(data), LEXICON, vacancy=vacancy)
    assert "Ik ben sterk in gastvrijheid en schoonmaken." in text
    assert "Ik zou graag bij u werken als gastvrouw." in text
    assert text.index("Ik ontvang mensen warm.") < text.index("Ik maak ruimtes grondig schoon.")


def test_empty_profile_gets_a_short_honest_pitch_and_a_tip() -> None:
    document = compose_pitch(profile_from_dict({"name": "Pim"}), LEXICON)
    text = document.plain_text()
    assert "sterk in" not in text
    assert "Tip: je pitch is nog kort." in text
    assert document.kind == "pitch" and document.filename_stem == "pitch-pim"


def test_document_states_words_and_seconds() -> None:
    data = make_profiles(1, seed=4)[0]
    document = compose_pitch(profile_from_dict(data), LEXICON, lang="en")
    count = word_count(document.blocks[1].text)
    timing = document.blocks[2].text
    assert timing.startswith(f"{count} words: about ")
    seconds = int(timing.split("about ")[1].split()[0])
    assert 30 <= seconds <= 60
