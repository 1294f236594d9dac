"""Lemmas of Dutch vacancy words: lookup table plus suffix fallback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jobmatch.nlp.lemmatize import lemma, lemmatize


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("klanten", "klant"),
        ("werkt", "werken"),
        ("diensten", "dienst"),
        ("wisselende", "wisselend"),
        ("zelfstandige", "zelfstandig"),
        ("communicatieve", "communicatief"),
        ("flexibele", "flexibel"),
        ("collega's", "collega"),
        ("avonden", "avond"),
        ("grote", "groot"),
    ],
)
def test_inflected_forms_get_their_lemma(form: str, expected: str) -> None:
    assert lemma(form) == expected


def test_stop_words_keep_their_form() -> None:
    # The raw lookup table maps "en" to "emmen"; stop words must stay as they are.
    assert lemmatize("Jij en ik") == ["jij", "en", "ik"]


def test_punctuation_and_spaces_are_dropped_and_case_is_lowered() -> None:
    assert lemmatize("• Klantvriendelijke  Medewerkers!\n") == ["klantvriendelijk", "medewerker"]


def test_empty_text_gives_no_lemmas() -> None:
    assert lemmatize("") == []


def test_lemma_cache_file_is_written_and_read_back(tmp_path: Path) -> None:
    env = {**os.environ, "JOBMATCH_CACHE_DIR": str(tmp_path)}
    code = "from jobmatch.nlp.lemmatize import lemma; print(lemma('diensten'))"
    for _ in range(2):  # first run builds the cache file, the second reads it
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "dienst"
    assert [p.suffix for p in tmp_path.iterdir()] == [".json"]


@pytest.mark.parametrize("broken", ['[[1, 2], ["only one"]', "[[], []]"])
def test_a_broken_lemma_cache_file_is_rebuilt(tmp_path: Path, broken: str) -> None:
    env = {**os.environ, "JOBMATCH_CACHE_DIR": str(tmp_path)}
    code = "from jobmatch.nlp.lemmatize import lemma; print(lemma('diensten'))"
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True)
    (cache,) = tmp_path.iterdir()
    cache.write_text(broken, encoding="utf-8")  # truncated or empty
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "dienst"
    assert len(cache.read_text(encoding="utf-8")) > 1_000_000
