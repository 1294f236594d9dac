"""A feature cache of the right version but with broken rows is rebuilt, not a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobmatch.domain.vacancies import Posting
from jobmatch.ml.features import FEATURE_VERSION, FeatureStore

POSTING = Posting(source="kok.txt", title="Kok", text="Wij zoeken een kok voor de avond.")


def words(text: str) -> list[str]:
    return text.lower().split()


@pytest.mark.parametrize(
    "items",
    [
        [1],
        {"a": 1},
        [{"key": "x"}],
        [{"key": "x", "lemmas": 5}],
        [{"key": "x", "lemmas": "a", "extraction": {"title": "Kok"}}],
    ],
)
def test_broken_rows_are_ignored_and_the_cache_still_works(tmp_path: Path, items: object) -> None:
    path = tmp_path / "cache.json"
    path.write_text(json.dumps({"version": FEATURE_VERSION, "items": items}), encoding="utf-8")
    store = FeatureStore(path)
    assert len(store) == 0
    assert store.get(POSTING, lemmatize=words).lemmas == "kok wij zoeken een kok voor de avond."
    store.save()
    assert len(FeatureStore(path)) == 1


def test_a_good_cache_is_read_back(tmp_path: Path) -> None:
    path = tmp_path / "cache.json"
    store = FeatureStore()
    store.get(POSTING, lemmatize=words)
    store.save(path)
    again = FeatureStore(path)
    assert again.get(POSTING, lemmatize=lambda _t: ["never", "called"]).lemmas.startswith("kok")
    assert (again.hits, again.misses) == (1, 0)


def test_a_cache_nested_too_deeply_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "cache.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    store = FeatureStore(path)
    assert len(store) == 0 and store.get(POSTING, lemmatize=words).lemmas.startswith("kok")
