"""Ranking quality: nDCG@5, nDCG@10, P@5 (relevant = grade >= 2), averaged over profiles, next
to text baselines measured in the same run; first the old dev set (tests/data), then the
issue-13 dev set (tests/data/devset) with its tune and frozen held-out parts side by side
(bench/ranking_devset.py; it also counts out-of-reach postings in each profile's top 5).

    python -m bench.ranking_quality [--data tests/data] [--devset tests/data/devset]
                                    [--judged DIR] [--per-profile] [--lopo]

`--judged` is where profiles/, training/ and grades.csv of the issue-13 set are read (default:
the --devset folder); without grades the issue-13 part says so and is not measured.

Vacancies are read and extracted with the real engine (jobmatch.services.extraction); the
"oracle" line uses the hand labels (vacancies/labels.json) instead, to show how much of the
remaining error comes from extraction.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from bench import devset, ranking_devset
from jobmatch.cli.rank_inputs import read_meta
from jobmatch.datafiles.postings import load_training_places, read_posting
from jobmatch.domain.profile_json import profile_from_json
from jobmatch.domain.profiles import Profile
from jobmatch.domain.ranking import Weights
from jobmatch.domain.vacancies import AskedCompetency, Extraction, Opening, Requirements
from jobmatch.services.extraction import extract_posting
from jobmatch.services.matching import (
    Context,
    make_context,
    openings_from_postings,
    rank_for_participant,
)

TEXT_ONLY = Weights(
    competency=0,
    text=1,
    sector=0,
    open_to_gap=0,
    language=0,
    **dict.fromkeys(
        (
            "penalty_dutch",
            "penalty_dutch_far",
            "penalty_distance",
            "penalty_distance_far",
            "penalty_hours",
            "penalty_licence",
            "penalty_certificates",
            "penalty_shifts",
            "penalty_training_dutch",
            "penalty_income",
            "penalty_pay_unknown",
            "penalty_language",
            "training_first",
        ),
        1.0,
    ),
)


def dcg(grades: Sequence[int], k: int) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:k]))


def metrics(ranked: Sequence[str], judged: Mapping[str, int]) -> dict[str, float]:
    grades = [judged.get(key, 0) for key in ranked]
    ideal = sorted(judged.values(), reverse=True)
    out = {}
    for k in (5, 10):
        best = dcg(ideal, k)
        out[f"nDCG@{k}"] = dcg(grades, k) / best if best else 0.0
    out["P@5"] = sum(g >= 2 for g in grades[:5]) / 5
    return out


def oracle_extraction(labels: Mapping[str, object], opening: Opening) -> Opening:
    label = labels[opening.posting.source]
    assert isinstance(label, dict)
    comps = label["competencies"]
    asked = tuple(
        AskedCompetency(cid, cid, imp, ()) for imp in ("must", "nice") for cid in comps.get(imp, [])
    )
    req = dict(label["requirements"])
    req["certificates"] = tuple(req.get("certificates") or ())
    req["shifts"] = tuple(req.get("shifts") or ())
    extraction = Extraction(
        opening.posting.source,
        opening.posting.title,
        asked,
        Requirements(**req),
        location=label.get("location"),
    )
    return replace(opening, extraction=extraction)


def keyed(item_kind: str, source: str) -> str:
    return f"{'training' if item_kind == 'training' else 'vacancies'}/{source}"


def evaluate(  # noqa: PLR0917
    profiles: Mapping[str, Profile],
    openings: Sequence[Opening],
    training: Sequence[object],
    judgments: Mapping[str, Mapping[str, int]],
    weights: Weights,
    ctx: Context,
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    per: dict[str, dict[str, float]] = {}
    for name, profile in profiles.items():
        result = rank_for_participant(
            profile=profile,
            openings=openings,
            training=training,  # type: ignore[arg-type]
            weights=weights,
            context=ctx,
        )
        ranked = [keyed(item.kind, item.source) for item in result.items]
        per[name] = metrics(ranked, judgments[name])
    mean = {m: sum(v[m] for v in per.values()) / len(per) for m in ("nDCG@5", "nDCG@10", "P@5")}
    return mean, per


def load(data: Path) -> tuple[dict[str, Profile], list[Opening], list[object], dict, dict, Context]:
    ctx = make_context()
    vacancies = data / "vacancies"
    postings = [read_posting(p) for p in sorted(vacancies.glob("*.txt"))]
    openings = openings_from_postings(
        postings,
        extract=extract_posting,
        meta=read_meta(vacancies),
        store=ctx.store,
        lemmatize=ctx.lemmatize,
    )
    training = list(load_training_places(data / "training"))
    profiles = {
        p.name: profile_from_json(p.read_text(encoding="utf-8"), p.name)
        for p in sorted((data / "profiles").glob("*.json"))
    }
    judgments = json.loads((data / "ranking" / "judgments.json").read_text(encoding="utf-8"))
    labels = json.loads((vacancies / "labels.json").read_text(encoding="utf-8"))
    return profiles, openings, training, judgments, labels, ctx


GRID = {
    "use_share": (0.3, 0.5),
    "overlap_prior": (1.0, 2.0, 3.0),
    "sector": (0.1, 0.2),
    "text": (0.3, 0.45),
}


def leave_one_profile_out(
    profiles: Mapping[str, Profile],
    openings: Sequence[Opening],
    training: Sequence[object],
    judgments: Mapping[str, Mapping[str, int]],
    ctx: Context,
) -> float:
    """Honest estimate of choosing the weights on the grid: for each profile, pick the setting
    that is best on the other profiles, and score it on this one (mean nDCG@5)."""
    runs = []
    for values in itertools.product(*GRID.values()):
        weights = Weights().updated(dict(zip(GRID, values, strict=True)))
        runs.append(evaluate(profiles, openings, training, judgments, weights, ctx)[1])
    held_out = []
    for name in profiles:

        def others(per: Mapping[str, Mapping[str, float]], name: str = name) -> float:
            return sum(v["nDCG@5"] for k, v in per.items() if k != name)

        best = max(runs, key=others)
        held_out.append(best[name]["nDCG@5"])
    return sum(held_out) / len(held_out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("tests/data"))
    parser.add_argument("--per-profile", action="store_true")
    parser.add_argument("--lopo", action="store_true", help="leave-one-profile-out weight choice")
    parser.add_argument("--devset", type=Path, default=Path("tests/data/devset"))
    parser.add_argument("--judged", type=Path, default=None, help="profiles/training/grades")
    parser.add_argument(
        "--tune-only", action="store_true", help="issue-13 set: tune part only (while tuning)"
    )
    args = parser.parse_args()
    profiles, openings, training, judgments, labels, ctx = load(args.data)
    oracle = [oracle_extraction(labels, o) for o in openings]
    runs = {
        "jobmatch (weighted score)": (openings, Weights()),
        "baseline: text similarity only": (openings, TEXT_ONLY),
        "jobmatch with hand-labelled extraction": (oracle, Weights()),
    }
    print(f"## old dev set ({args.data})")
    print(f"profiles: {len(profiles)}, vacancies: {len(openings)}, training: {len(training)}")
    print(f"{'run':42s} {'nDCG@5':>7s} {'nDCG@10':>8s} {'P@5':>6s}")
    for label, (pool, weights) in runs.items():
        mean, per = evaluate(profiles, pool, training, judgments, weights, ctx)
        print(f"{label:42s} {mean['nDCG@5']:7.3f} {mean['nDCG@10']:8.3f} {mean['P@5']:6.3f}")
        if args.per_profile:
            for name, values in per.items():
                print(
                    f"    {name:40s} {values['nDCG@5']:7.3f} {values['nDCG@10']:8.3f} "
                    f"{values['P@5']:6.3f}"
                )

    if args.lopo:
        lopo = leave_one_profile_out(profiles, openings, training, judgments, ctx)
        print(f"weights chosen on the other profiles (leave-one-profile-out): nDCG@5 {lopo:.3f}")
    print()
    parts = ("tune",) if args.tune_only else devset.PARTS
    judged = args.judged or args.devset
    print("\n".join(ranking_devset.report(args.devset, judged, ctx, parts=parts)))


if __name__ == "__main__":
    main()
