"""Composition against the real lexicon and bridge files in competencies/."""

from __future__ import annotations

import tomllib

import pytest

from jobmatch.datafiles.guard import load_guard_config
from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.datafiles.paths import data_dir
from jobmatch.domain.cv import compose_cv
from jobmatch.domain.guard import scan_text
from jobmatch.domain.interview import compose_interview
from jobmatch.domain.letter import compose_letter
from jobmatch.domain.pitch import MAX_WORDS, MIN_WORDS, pitch_text
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.vacancies import AskedCompetency, Extraction
from jobmatch.domain.wording import NEUTRAL_LINE_PAIRS, sentences, word_count
from tests.factories import make_profiles

VACANCY = Extraction(
    source="schoonmaak.txt",
    title="Schoonmaakmedewerker hotel",
    competencies=(
        AskedCompetency("schoonmaken", "Schoonmaken", "must", ("schoonmaakwerk",)),
        AskedCompetency("nauwkeurigheid", "Nauwkeurigheid", "must", ("nauwkeurig",)),
        AskedCompetency("zelfstandigheid", "Zelfstandig werken", "must", ("zelfstandig",)),
        AskedCompetency("flexibiliteit", "Flexibiliteit", "nice", ("flexibel",)),
    ),
)


def test_every_neutral_line_of_the_bridge_file_has_its_translation() -> None:
    bridge = tomllib.loads((data_dir("competencies") / "bridge.toml").read_text("utf-8"))
    pairs = set(NEUTRAL_LINE_PAIRS)
    for kind in bridge.get("kind", []):
        for pair in zip(kind["neutral_lines_nl"], kind["neutral_lines_en"], strict=True):
            assert pair in pairs, pair


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_all_four_documents_for_fifty_profiles_with_the_real_lexicon(lang: str) -> None:
    lexicon = load_lexicon()
    guard = load_guard_config()
    for data in make_profiles(50, seed=42):
        profile = profile_from_dict(data)
        cv = compose_cv(profile, lexicon, lang=lang, vacancy=VACANCY)  # type: ignore[arg-type]
        paragraph = next(b.text for b in cv.blocks if b.kind == "paragraph")
        if profile.competencies:
            assert 3 <= len(sentences(paragraph)) <= 5, paragraph
        letter = compose_letter(profile, lexicon, vacancy=VACANCY, lang=lang)  # type: ignore[arg-type]
        pitch = pitch_text(profile, lexicon, lang=lang, vacancy=VACANCY)  # type: ignore[arg-type]
        sheet = compose_interview(profile, lexicon, vacancy=VACANCY, lang=lang)  # type: ignore[arg-type]
        assert MIN_WORDS <= word_count(pitch) <= MAX_WORDS
        assert word_count(letter.plain_text()) <= 350
        texts = {
            "cv": cv.plain_text(),
            "letter": letter.plain_text(),
            "pitch": pitch,
            "sheet": sheet.plain_text(),
        }
        assert scan_text(texts, guard) == [], data["name"]
