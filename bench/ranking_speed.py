"""Ranking speed at scale with synthetic data, next to a pure-Python brute-force baseline.

    python -m bench.ranking_speed            # all scenarios (each in its own process)
    python -m bench.ranking_speed --quick    # smaller numbers while developing

`service-1k` and `service-100k` time the public path the web and the CLI use,
`rank_for_participant` (pool cache lookup, participant vectorising, scoring, top 20 with
explanations), warm: the first call fits the pool (reported as `first_call_s`), later calls
reuse it. Lemmas are precomputed (the feature store is warm; its lemmatiser is str.split).
Targets (issue 13): 1,000 openings p95 <= 50 ms; 100,000 p95 <= 300 ms, peak <= 600 MB.
The other scenarios time the fitted Ranker alone against a brute-force baseline.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from typing import Any

import numpy as np

from bench.ranking_synthetic import point_of, synthetic_items, synthetic_profiles
from jobmatch.domain.competencies import Lexicon
from jobmatch.domain.matching import (
    competency_overlap,
    condition_factor,
    is_avoided,
    participant_strengths,
    sector_match,
    vacancy_findings,
)
from jobmatch.domain.profiles import Profile
from jobmatch.domain.ranking import combine
from jobmatch.ml.explain import Explainer
from jobmatch.ml.ranker import Query, Ranker


def make_query(ranker: Ranker, profile: Profile, text: str) -> Query:
    lat, lon = point_of(profile)
    return ranker.query(profile, text, lat=lat, lon=lon)


def vectorised_rank(ranker: Ranker, lexicon: Lexicon, query: Query) -> list[int]:
    """Score every vacancy, take the top 20, explain the top 10."""
    parts = ranker.score(query)
    order = ranker.rank(query, top=20, parts=parts)
    explainer = Explainer(ranker, query, parts, lexicon, ())
    for i in order[:10]:
        explainer.item(i)
    return order


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def text_dicts(ranker: Ranker) -> list[dict[int, float]]:
    """Precomputed per-vacancy sparse text vectors as dicts (the baseline's feature cache)."""
    m = ranker.text_
    return [
        dict(zip(m.indices[a:b].tolist(), m.data[a:b].tolist(), strict=True))
        for a, b in zip(m.indptr[:-1], m.indptr[1:], strict=True)
    ]


def brute_force(
    ranker: Ranker, texts: list[dict[int, float]], profile: Profile, text: str
) -> list[int]:
    """The same score, one vacancy at a time in pure Python."""
    w = ranker.weights_
    lat, lon = point_of(profile)
    q = ranker.vectorizer_.transform([text])
    qvec = dict(zip(q.indices.tolist(), q.data.tolist(), strict=True))
    strengths = participant_strengths(profile, w)
    scores = []
    for i, item in enumerate(ranker.items_):
        if is_avoided(profile, employer=item.employer, places=[item.place]):
            continue
        sim = sum(v * qvec.get(k, 0.0) for k, v in texts[i].items())
        km = None
        if lat is not None and lon is not None and item.lat is not None and item.lon is not None:
            km = round(_haversine(lat, lon, item.lat, item.lon), 1)
        overlap = competency_overlap(strengths, item.asked, ranker.idf_, w, ranker.prior_)[0]
        factor = condition_factor(
            vacancy_findings(profile, item.requirements, km, w, item.languages)
        )
        score = combine(
            competency=overlap,
            text=sim / w.text_scale,
            sector=sector_match(profile, item.sector),
            open_to_gap=float(item.open_to_gap),
            factor=factor,
            weights=w,
        )
        scores.append((-score, i))
    return [i for _, i in sorted(scores)[:20]]


def _percentiles(times: list[float]) -> dict[str, float]:
    ms = np.array(times) * 1000
    return {"p50_ms": float(np.percentile(ms, 50)), "p95_ms": float(np.percentile(ms, 95))}


def _lexicon() -> Lexicon:
    from jobmatch.datafiles.lexicon import load_lexicon

    return load_lexicon()


def scenario_single(n: int, queries: int, baseline_queries: int) -> dict[str, Any]:
    items = synthetic_items(n, seed=1)
    start = time.perf_counter()
    ranker = Ranker().fit(items)
    fit_s = time.perf_counter() - start
    lexicon = _lexicon()
    profiles = synthetic_profiles(queries, seed=2)
    vectorised_rank(ranker, lexicon, make_query(ranker, *profiles[0]))  # warm-up
    warm, cold = [], []
    for profile, text in profiles:
        start = time.perf_counter()
        query = make_query(ranker, profile, text)
        middle = time.perf_counter()
        vectorised_rank(ranker, lexicon, query)
        end = time.perf_counter()
        warm.append(end - middle)
        cold.append(end - start)
    result: dict[str, Any] = {"vacancies": n, "fit_s": round(fit_s, 2), **_percentiles(warm)}
    result["with_participant_vectorising"] = _percentiles(cold)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    texts = text_dicts(ranker)
    base, agree = [], 0
    for profile, text in profiles[:baseline_queries]:
        start = time.perf_counter()
        slow = brute_force(ranker, texts, profile, text)
        base.append(time.perf_counter() - start)
        fast = ranker.rank(make_query(ranker, profile, text), top=20)
        agree += int(set(fast[:10]) == set(slow[:10]))
    result["baseline"] = _percentiles(base)
    result["baseline_queries"] = baseline_queries
    result["top10_same_as_baseline"] = f"{agree}/{baseline_queries}"
    result["speedup_p50"] = round(result["baseline"]["p50_ms"] / result["p50_ms"], 1)
    return result


def scenario_batch(participants: int, n: int, baseline_participants: int) -> dict[str, Any]:
    items = synthetic_items(n, seed=3)
    ranker = Ranker().fit(items)
    profiles = synthetic_profiles(participants, seed=4)
    start = time.perf_counter()
    for profile, text in profiles:
        lat, lon = point_of(profile)
        ranker.rank(ranker.query(profile, text, lat=lat, lon=lon), top=20)
    total = time.perf_counter() - start
    texts = text_dicts(ranker)
    start = time.perf_counter()
    for profile, text in profiles[:baseline_participants]:
        brute_force(ranker, texts, profile, text)
    base = (time.perf_counter() - start) / baseline_participants * participants
    return {
        "participants": participants,
        "vacancies": n,
        "total_s": round(total, 2),
        "baseline_estimated_s": round(base, 1),
        "baseline_measured_on": baseline_participants,
        "speedup": round(base / total, 1),
    }


def scenario_service(n: int, queries: int) -> dict[str, Any]:
    """rank_for_participant itself, warm, on n synthetic openings."""
    from bench.ranking_synthetic import synthetic_openings
    from jobmatch.services.matching import make_context, rank_for_participant

    openings = tuple(synthetic_openings(n, seed=1))
    ctx = make_context(lemmatize=str.split)
    for opening in openings:
        ctx.store.get(opening.posting, lemmatize=str.split)
    profiles = [p for p, _ in synthetic_profiles(queries + 1, seed=2)]
    start = time.perf_counter()
    rank_for_participant(profile=profiles[0], openings=openings, top=20, context=ctx)
    first = time.perf_counter() - start
    times = []
    for profile in profiles[1:]:
        start = time.perf_counter()
        rank_for_participant(profile=profile, openings=openings, top=20, context=ctx)
        times.append(time.perf_counter() - start)
    fresh = list(openings)  # a new list of the same openings (a new request): content hash
    start = time.perf_counter()
    rank_for_participant(profile=profiles[1], openings=fresh, top=20, context=ctx)
    return {
        "openings": n,
        "first_call_s": round(first, 2),
        **_percentiles(times),
        "new_list_same_pool_ms": round((time.perf_counter() - start) * 1000, 1),
        "queries": queries,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def run(name: str, quick: bool) -> dict[str, Any]:
    scale = 10 if quick else 1
    if name == "service-1k":
        return scenario_service(1_000, 200 // scale)
    if name == "service-100k":
        return scenario_service(100_000 // scale, 50 // scale)
    if name == "1k":
        return scenario_single(1_000, 200 // scale, 20 // scale)
    if name == "100k":
        return scenario_single(100_000 // scale, 100 // scale, 3)
    return scenario_batch(1_000 // scale, 10_000, 5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--scenario", choices=["service-1k", "service-100k", "1k", "100k", "batch"])
    args = parser.parse_args()
    if args.scenario:
        print(json.dumps(run(args.scenario, args.quick)))
        return
    for name in ("service-1k", "service-100k", "1k", "100k", "batch"):
        cmd = [sys.executable, "-m", "bench.ranking_speed", "--scenario", name]
        out = subprocess.run(
            cmd + (["--quick"] if args.quick else []), capture_output=True, text=True, check=True
        )
        print(f"{name}: {out.stdout.strip()}")


if __name__ == "__main__":
    main()
