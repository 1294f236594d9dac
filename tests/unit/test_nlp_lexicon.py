"""The competency lexicon: the 40 core ids, and evidence phrasings safe to put on a CV."""

from __future__ import annotations

import csv

import pytest

from jobmatch.datafiles.guard import load_guard_config
from jobmatch.datafiles.lexicon import load_lexicon, read_lexicon
from jobmatch.datafiles.paths import data_dir
from jobmatch.domain.competencies import Lexicon
from jobmatch.domain.guard import scan_text
from jobmatch.nlp.extract import find_competencies


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def test_lexicon_reads_without_problems_and_has_every_core_id(lexicon: Lexicon) -> None:
    _, problems = read_lexicon(data_dir("competencies"))
    assert problems == []
    with (data_dir("competencies") / "core-competencies.csv").open(encoding="utf-8") as handle:
        core = [row["id"] for row in csv.DictReader(handle)]
    assert len(core) == 40
    assert set(core) <= set(lexicon.ids)


def test_each_competency_is_complete(lexicon: Lexicon) -> None:
    for competency in lexicon:
        assert competency.label_nl and competency.label_en, competency.id
        assert competency.definition_nl.count(".") <= 1, competency.id  # one line
        assert len(competency.evidence_nl) >= 2 and len(competency.evidence_en) >= 2
        assert len(competency.terms_nl) >= 5, competency.id


def test_evidence_is_first_person_without_dates_or_revealing_words(lexicon: Lexicon) -> None:
    config = load_guard_config()
    for competency in lexicon:
        for sentence in (*competency.evidence_nl, *competency.evidence_en):
            assert sentence.split()[0] in {"Ik", "I", "Mensen", "Als", "People", "When"}, sentence
            findings = scan_text({competency.id: sentence}, config)
            assert findings == [], (sentence, findings)


def test_every_competency_is_found_by_its_own_first_terms(lexicon: Lexicon) -> None:
    for competency in lexicon:
        for term in (*competency.terms_nl[:2], *competency.terms_en[:1]):
            found = {cid for cid, _ in find_competencies(f"Je bent {term}.", lexicon)}
            assert competency.id in found, (competency.id, term)
