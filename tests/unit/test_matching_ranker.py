"""The vectorised Ranker: estimator conventions, same numbers as the pure rules, caching."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone

from jobmatch.domain.matching import (
    competency_overlap,
    condition_factor,
    participant_strengths,
    spoken_languages,
    vacancy_findings,
)
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.profiles import Profile
from jobmatch.domain.ranking import Weights, combine
from jobmatch.domain.vacancies import AskedCompetency, Extraction, Posting, Requirements
from jobmatch.ml.features import FeatureStore, ItemFeatures, TextVectorizer
from jobmatch.ml.ranker import Ranker

IDS = ["gastvrijheid", "schoonmaken", "talenkennis", "tact", "zorgzaamheid", "administratie"]
WORDS = [
    "gast",
    "hotel",
    "schoon",
    "kantoor",
    "zorg",
    "oudere",
    "klant",
    "telefoon",
    "kassa",
    "magazijn",
    "keuken",
]


def random_item(rng: random.Random, n: int) -> ItemFeatures:
    asked = tuple(
        AskedCompetency(cid, cid, rng.choice(["must", "nice"]))
        for cid in rng.sample(IDS, rng.randint(0, 4))
    )
    hours = rng.choice([None, 16.0, 24.0, 36.0])
    req = Requirements(
        hours_min=hours,
        hours_max=None if hours is None else hours + rng.choice([0, 8]),
        dutch_level=rng.choice([None, "A2", "B1", "B2"]),
        driving_licence=rng.random() < 0.2,
        certificates=tuple(rng.sample(["VCA", "HACCP"], rng.randint(0, 1))),
        shifts=tuple(rng.sample(["evening", "night", "weekend"], rng.randint(0, 2))),
        education_level=rng.choice([None, "MBO 2", "MBO 3"]),
        **rng.choice(
            [
                {},
                {"salary_min": 12.5, "salary_unit": "hour"},
                {"salary_min": 2600.0, "salary_unit": "month"},
            ]
        ),
    )
    return ItemFeatures(
        source=f"v{n}.txt",
        title=f"Vacature {n}",
        kind="vacancy",
        text=" ".join(rng.choices(WORDS, k=12)),
        asked=asked,
        requirements=req,
        lat=rng.choice([None, 52.0 + rng.random() / 3]),
        lon=4.3 + rng.random() / 3,
        employer=rng.choice(["Hotel Zee", "Schoon BV", "Zorg & Co"]),
        place="Delft",
        sector=rng.choice(["horeca", "zorg", None]),
        languages=tuple(rng.sample(["en", "hu", "pl"], rng.randint(0, 2))),
        open_to_gap=rng.random() < 0.3,
    )


def random_profile(rng: random.Random) -> Profile:
    return profile_from_dict(
        {
            "name": "P",
            "languages": [
                {"language": "nl", "level": rng.choice(["A1", "A2", "B1", "B2"])},
                {"language": rng.choice(["en", "hu"]), "level": rng.choice(["A2", "B2", "native"])},
            ],
            "competencies": [
                {
                    "id": cid,
                    "status": rng.choice(["confirmed", "suggested"]),
                    "evidence": rng.choice(["", "Ik deed dit."]),
                }
                for cid in rng.sample(IDS, rng.randint(0, 4))
            ],
            "preferences": {
                "hours_min": 16,
                "hours_max": rng.choice([24, 32, 40]),
                "max_km": rng.choice([5, 15, 40]),
                "sectors": ["zorg"],
                "avoid_shifts": rng.sample(["evening", "night", "weekend"], 1),
            },
            "certificates": rng.sample(["VCA", "HACCP"], rng.randint(0, 2)),
            "income_need_net_month": rng.choice([1200, 1800, 2400]),
            "driving_licence": rng.random() < 0.5,
            "education": [{"title": "x", "level": rng.choice(["MBO 2", ""])}],
        }
    )


@pytest.mark.parametrize("seed", range(5))
def test_vectorised_scores_equal_the_pure_rules(seed: int) -> None:
    rng = random.Random(seed)
    items = [random_item(rng, n) for n in range(40)]
    ranker = Ranker(weights=Weights(language=0.1), top_k=None).fit(items)
    w = ranker.weights_
    for _ in range(5):
        p = random_profile(rng)
        q = ranker.query(p, "gast hotel zorg", lat=52.05, lon=4.35)
        parts = ranker.score(q)
        strengths = participant_strengths(p, w)
        for i, item in enumerate(items):
            km = None if np.isnan(parts["km"][i]) else float(parts["km"][i])
            factor = condition_factor(vacancy_findings(p, item.requirements, km, w, item.languages))
            overlap = competency_overlap(strengths, item.asked, ranker.idf_, w, ranker.prior_)[0]
            expected = combine(
                competency=overlap,
                text=parts["text"][i],
                sector=float(item.sector == "zorg"),
                open_to_gap=float(item.open_to_gap),
                language=float(bool(set(item.languages) & set(spoken_languages(p)))),
                factor=factor,
                weights=w,
            )
            assert parts["factor"][i] == pytest.approx(factor)
            assert parts["score"][i] == pytest.approx(expected, abs=1e-3)


def test_estimator_conventions() -> None:
    ranker = Ranker(weights=Weights(text=0.1), top_k=64)
    assert ranker.get_params()["top_k"] == 64
    assert ranker.set_params(top_k=32) is ranker and ranker.top_k == 32
    copy = clone(ranker)
    assert copy.get_params()["weights"] == Weights(text=0.1)
    assert not hasattr(copy, "items_")
    items = [random_item(random.Random(1), n) for n in range(5)]
    assert ranker.fit(items) is ranker


def _asked(*ids: str) -> tuple[AskedCompetency, ...]:
    return tuple(AskedCompetency(cid, cid, "must") for cid in ids)


def test_rank_orders_filters_excludes_and_cuts() -> None:
    hosting = ("gastvrijheid", "klantgerichtheid", "tact")
    items = [
        ItemFeatures(
            "a.txt", "A", "vacancy", "gast hotel", asked=_asked(*hosting), employer="Hotel Zee"
        ),
        ItemFeatures(
            "b.txt", "B", "vacancy", "kantoor gast", asked=_asked(*hosting), employer="Fijn BV"
        ),
        ItemFeatures(
            "c.txt", "C", "vacancy", "magazijn", asked=_asked("schoonmaken"), employer="Ander"
        ),
        ItemFeatures("t.toml", "T", "training", "cursus schoonmaken", taught=("schoonmaken",)),
    ]
    ranker = Ranker().fit(items)
    p = profile_from_dict(
        {
            "name": "P",
            "competencies": [{"id": cid, "evidence": "Ja."} for cid in hosting],
            "avoid": {"employers": ["hotel zee"]},
        }
    )
    q = ranker.query(p, "gast hotel")
    order = ranker.rank(q)
    assert [items[i].source for i in order] == ["b.txt", "t.toml", "c.txt"]
    assert 0 not in order  # avoided employer never shown
    assert [items[i].kind for i in ranker.rank(q, kind="training")] == ["training"]
    assert [items[i].kind for i in ranker.rank(q, kind="vacancy")] == ["vacancy", "vacancy"]
    assert len(ranker.rank(q, top=1)) == 1
    # the training teaches what vacancy c asks: its share of all that b and c ask, weighted
    # 1 - training_fit (the participant has none of what it teaches, so "fit" adds nothing)
    idf = ranker.idf_
    share = idf["schoonmaken"] / (idf["schoonmaken"] + sum(idf[c] for c in hosting))
    gap_part = 1 - ranker.weights_.training_fit
    assert ranker.score(q)["competency"][3] == pytest.approx(gap_part * share)


def test_feature_store_computes_once_and_persists(tmp_path: Path) -> None:
    calls: list[str] = []

    def lemmatize(text: str) -> list[str]:
        calls.append(text)
        return text.lower().split()

    def extract(p: Posting) -> Extraction:
        return Extraction(
            p.source,
            p.title,
            (AskedCompetency("tact", "Tact", "must", ("x",)),),
            Requirements(shifts=("night",), hours_min=20),
        )

    posting = Posting("a.txt", "Titel", "Tekst van de vacature")
    store = FeatureStore(tmp_path / "features.json")
    first = store.get(posting, lemmatize=lemmatize, extract=extract)
    again = store.get(posting, lemmatize=lemmatize, extract=extract)
    assert first is again and len(calls) == 1 and (store.hits, store.misses) == (1, 1)
    store.save()
    reloaded = FeatureStore(tmp_path / "features.json")
    cached = reloaded.get(posting, lemmatize=lemmatize, extract=extract)
    assert len(calls) == 1
    assert cached.extraction == first.extraction and cached.lemmas == "titel tekst van de vacature"
    changed = Posting("a.txt", "Titel", "Andere tekst")
    reloaded.get(changed, lemmatize=lemmatize, extract=extract)
    assert len(calls) == 2  # new content, new key
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert len(FeatureStore(tmp_path / "broken.json")) == 0


def test_text_vectorizer_prunes_rows_and_keeps_unit_length() -> None:
    texts = ["schoonmaken van kantoren en scholen", "gasten ontvangen in een hotel", "x"]
    vec = TextVectorizer(n_features=2**16, top_k=10).fit(texts)
    matrix = vec.transform(texts, prune=True)
    assert np.diff(matrix.indptr).max() <= 10
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    assert norms == pytest.approx(1.0, abs=1e-5)
    full = vec.transform(texts)
    sims = (full @ full.T).toarray()
    assert sims[0, 0] == pytest.approx(1.0, abs=1e-5) and sims[0, 1] < 0.5
