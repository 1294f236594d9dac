"""The fitted ranker is reused per pool version; the feature cache follows the rules (issue 13
class 6). No timings here: speed figures are in bench/ranking_speed.py."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from jobmatch.datafiles import fingerprint
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.vacancies import AskedCompetency, Extraction, Opening, Posting
from jobmatch.ml.features import FeatureStore
from jobmatch.ml.ranker import Ranker
from jobmatch.services import pool_cache
from jobmatch.services.matching import Context, make_context, rank_for_participant


@pytest.fixture(scope="module")
def ctx() -> Context:
    return make_context()


def pool(asked: str = "schoonmaken") -> list[Opening]:
    return [
        Opening(
            Posting(f"v{n}.txt", f"Schoonmaker {n}", f"Je maakt kantoren schoon, ronde {n}."),
            Extraction(f"v{n}.txt", "x", (AskedCompetency(asked, asked, "must"),)),
        )
        for n in range(5)
    ]


def test_the_ranker_is_fitted_once_per_pool(ctx: Context, monkeypatch) -> None:
    pool_cache.clear_pools()
    fits = []
    original = Ranker.fit
    monkeypatch.setattr(Ranker, "fit", lambda self, X, y=None: fits.append(1) or original(self, X))
    profile = profile_from_dict({"name": "Mo", "competencies": [{"id": "schoonmaken"}]})
    first = rank_for_participant(profile=profile, openings=pool(), context=ctx)
    again = rank_for_participant(profile=profile, openings=pool(), context=ctx)
    assert len(fits) == 1 and first.to_json() == again.to_json()
    changed = rank_for_participant(profile=profile, openings=pool("gastvrijheid"), context=ctx)
    assert len(fits) == 2 and changed.items[0].matched == ()


def test_the_cache_is_bounded(ctx: Context) -> None:
    pool_cache.clear_pools()
    profile = profile_from_dict({"name": "Mo"})
    for n in range(pool_cache.MAX_POOLS + 3):
        openings = [replace(o, pc4=f"{2500 + n}") for o in pool()]
        rank_for_participant(profile=profile, openings=openings, context=ctx, suggestions=False)
    assert len(pool_cache._pools) == pool_cache.MAX_POOLS


def test_a_saved_feature_cache_from_other_rules_is_not_served(tmp_path: Path) -> None:
    path = tmp_path / "features.json"
    store = FeatureStore(path, rules="old")
    store.get(Posting("a.txt", "Kok", "Je kookt."), lemmatize=str.split)
    store.save()
    assert len(FeatureStore(path, rules="old")) == 1
    assert len(FeatureStore(path, rules="new")) == 0


def test_the_rules_fingerprint_changes_with_the_lexicon(tmp_path: Path, monkeypatch) -> None:
    root = Path(__file__).parents[2]
    shutil.copytree(root / "competencies", tmp_path / "competencies")
    (tmp_path / "vacancies").mkdir()
    shutil.copy(root / "vacancies" / "towns.csv", tmp_path / "vacancies" / "towns.csv")
    monkeypatch.setenv("JOBMATCH_DATA_DIR", str(tmp_path))
    fingerprint.rules_fingerprint.cache_clear()
    before = fingerprint.rules_fingerprint()
    lexicon = tmp_path / "competencies" / "mensen.toml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# one more line\n", "utf-8")
    fingerprint.rules_fingerprint.cache_clear()
    assert fingerprint.rules_fingerprint() != before
    fingerprint.rules_fingerprint.cache_clear()


def test_a_pool_of_domain_objects_ranks_like_the_files_path(ctx: Context, monkeypatch) -> None:
    from jobmatch.services.matching import Pool, rank_pool

    pool_cache.clear_pools()
    fits = []
    original = Ranker.fit
    monkeypatch.setattr(Ranker, "fit", lambda self, X, y=None: fits.append(1) or original(self, X))
    profile = profile_from_dict({"name": "Mo", "competencies": [{"id": "schoonmaken"}]})
    rows = tuple(pool())
    by_version = rank_pool(profile=profile, pool=Pool(rows, version="db-7"), context=ctx)
    again = rank_pool(profile=profile, pool=Pool(rows, version="db-7"), context=ctx)
    direct = rank_for_participant(profile=profile, openings=rows, context=ctx)
    assert by_version.to_json() == again.to_json() == direct.to_json()
    assert len(fits) == 2  # once for version db-7, once for the content hash


def test_the_same_tuple_is_not_hashed_again(monkeypatch) -> None:
    pool_cache.clear_pools()
    rows = tuple(pool())
    calls = []
    original = Opening.__hash__
    monkeypatch.setattr(Opening, "__hash__", lambda self: calls.append(1) or original(self))
    first = pool_cache.pool_key(rows, (), None, "ctx")
    assert len(calls) == len(rows)
    assert pool_cache.pool_key(rows, (), None, "ctx") == first and len(calls) == len(rows)
    pool_cache.pool_key(list(rows), (), None, "ctx")  # a list may have changed: hashed again
    assert len(calls) == 2 * len(rows)
