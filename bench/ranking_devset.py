"""Ranking quality on the issue-13 dev set, tune and frozen held-out side by side.

Called by `python -m bench.ranking_quality`. Per part the pool is that part's postings plus
every training place; each profile's ranking is scored against its grades for that pool
(missing grades count as 0 and are reported). Runs: jobmatch on the profile as it arrives,
jobmatch with every suggested competency confirmed, jobmatch with the hand labels instead of
extraction (to separate extraction error from ranking error), and a plain TF-IDF text ranking
(bench/devset.py, no jobmatch code) of the same postings and training files.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench import devset
from jobmatch.domain.profiles import Profile
from jobmatch.domain.ranking import Weights
from jobmatch.domain.vacancies import (
    AskedCompetency,
    Extraction,
    Opening,
    Requirements,
    TrainingPlace,
)
from jobmatch.services.matching import Context, rank_for_participant
from jobmatch.services.rank_files import read_openings, read_postings, read_training

METRICS = ("nDCG@5", "nDCG@10", "P@5", "OOR@5 max", "OOR@5 prof")
REQUIREMENT_FIELDS = set(Requirements.__dataclass_fields__)
Ranked = Callable[[str, Profile], list[str]]


def _dcg(grades: Sequence[int], k: int) -> float:
    from bench.ranking_quality import dcg

    return dcg(grades, k)


def score(ranked: Sequence[str], judged: Mapping[str, int], oor: set[str]) -> dict[str, float]:
    grades = [judged.get(key, 0) for key in ranked]
    ideal = sorted(judged.values(), reverse=True)
    out = {f"nDCG@{k}": _dcg(grades, k) / (_dcg(ideal, k) or 1.0) for k in (5, 10)}
    out["P@5"] = sum(g >= 2 for g in grades[:5]) / 5
    out["OOR@5"] = float(sum(key in oor for key in ranked[:5]))
    return out


def mean(per: Mapping[str, Mapping[str, float]]) -> dict[str, float]:
    n = max(len(per), 1)
    out = {m: sum(v[m] for v in per.values()) / n for m in ("nDCG@5", "nDCG@10", "P@5")}
    out["OOR@5 max"] = max((v["OOR@5"] for v in per.values()), default=0.0)
    out["OOR@5 prof"] = float(sum(v["OOR@5"] > 0 for v in per.values()))
    return out


def oracle(opening: Opening, label: Mapping[str, Any]) -> Opening:
    comps = label["competencies"]
    asked = tuple(
        AskedCompetency(cid, cid, imp, ()) for imp in ("must", "nice") for cid in comps[imp]
    )
    req = {k: v for k, v in label["requirements"].items() if k in REQUIREMENT_FIELDS}
    req["certificates"] = tuple(req.get("certificates") or ())
    req["shifts"] = tuple(req.get("shifts") or ())
    base = opening.extraction
    extraction = Extraction(
        base.source, base.title, asked, Requirements(**req), location=label.get("location")
    )
    return replace(opening, extraction=extraction)


def openings(part_dir: Path, ctx: Context) -> list[Opening]:
    """The part's postings through the path `jobmatch rank` uses (services.rank_files)."""
    postings, _notes = read_postings(part_dir, quiet=True)
    return read_openings(postings, part_dir, ctx)


def training_pool(training_dir: Path) -> tuple[list[TrainingPlace], list[str]]:
    """Training places, TOML and text alike, through the service `jobmatch rank --training`
    calls (services.rank_files.read_training), and a line per file it did not read."""
    if not training_dir.is_dir():
        return [], []
    places, notes = read_training(training_dir)
    return places, [dutch for dutch, _english in notes]


def jobmatch_ranker(pool: Sequence[Opening], training: Sequence[Any], ctx: Context) -> Ranked:
    def rank(_name: str, profile: Profile) -> list[str]:
        result = rank_for_participant(
            profile=profile, openings=pool, training=training, weights=Weights(), context=ctx
        )
        return [Path(item.source).stem for item in result.items]

    return rank


def tfidf_ranker(part_dir: Path, training_dir: Path) -> Ranked:
    docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted(part_dir.glob("*.txt"))}
    docs |= devset.training_texts(training_dir)
    model = devset.TfidfBaseline().fit(docs)
    return lambda _name, profile: model.rank(devset.profile_text(profile))


def run(
    rank: Ranked,
    profiles: Mapping[str, Profile],
    grades: Mapping[str, Mapping[str, int]],
    pool_keys: set[str],
    oor: set[str],
) -> dict[str, float]:
    per = {}
    for name, profile in profiles.items():
        judged = {k: g for k, g in grades.get(name, {}).items() if k in pool_keys}
        per[name] = score(rank(name, profile), judged, oor)
    return mean(per)


def _row(title: str, parts: Mapping[str, Mapping[str, float]]) -> str:
    cells = []
    for part in parts:
        m = parts[part]
        cells.append(
            f"{m['nDCG@5']:7.3f} {m['nDCG@10']:7.3f} {m['P@5']:6.3f} "
            f"{m['OOR@5 max']:5.0f} {m['OOR@5 prof']:5.0f}"
        )
    return f"{title:40s} | " + " | ".join(cells)


def report(
    devset_dir: Path, judged_dir: Path, ctx: Context, *, parts: Sequence[str] = devset.PARTS
) -> list[str]:
    """Lines to print: the issue-13 table, or why it cannot be measured yet. `parts` limits the
    run to some parts (`("tune",)` while tuning, so held-out figures are not seen)."""
    grades = devset.read_grades(judged_dir / "grades.csv")
    profiles, problems = devset.read_profiles(judged_dir / "profiles")
    lines = [f"## issue-13 dev set ({devset_dir}; profiles, training, grades from {judged_dir})"]
    lines += [f"  profile not read: {p}" for p in problems]
    if not grades or not profiles:
        missing = "grades.csv" if not grades else "profiles/*.json"
        return [*lines, f"  no {missing} yet (written on the devgrades branch): not measured"]
    training_dir = judged_dir / "training"
    training, training_notes = training_pool(training_dir)
    files = devset.training_texts(training_dir) if training_dir.is_dir() else {}
    unread = sorted(set(files) - {Path(t.source or t.id).stem for t in training})
    lines += [f"  training note: {n}" for n in training_notes]
    lines.append(
        f"  {len(profiles)} profiles; {len(files)} training files, {len(training)} read by "
        f"jobmatch ({len(unread)} not: {', '.join(unread[:4])}{' …' if len(unread) > 4 else ''})"
    )
    runs: dict[str, dict[str, dict[str, float]]] = {}
    for part in parts:
        part_dir = devset_dir / part
        labels = devset.labels(part_dir)
        oor = {k for k, v in labels.items() if v["out_of_reach"]}
        pool = openings(part_dir, ctx)
        hand = [oracle(o, labels[Path(o.posting.source).stem]) for o in pool]
        keys = set(labels) | set(files)
        graded = sum(k in grades.get(p, {}) for p in profiles for k in keys)
        lines.append(
            f"  {part}: {len(labels)} postings ({len(oor)} out of reach); graded pairs "
            f"{graded}/{len(keys) * len(profiles)} (ungraded count as 0)"
        )
        as_is = jobmatch_ranker(pool, training, ctx)
        rankers: dict[str, tuple[Ranked, Callable[[Profile], Profile]]] = {
            "jobmatch, profile as it arrives": (as_is, lambda p: p),
            "jobmatch, top suggestions confirmed": (as_is, devset.confirmed),
            "jobmatch with hand-labelled postings": (
                jobmatch_ranker(hand, training, ctx),
                lambda p: p,
            ),
            "baseline: plain TF-IDF text ranking": (
                tfidf_ranker(part_dir, training_dir),
                lambda p: p,
            ),
        }
        for title, (rank, prep) in rankers.items():
            ready = {name: prep(p) for name, p in profiles.items()}
            runs.setdefault(title, {})[part] = run(rank, ready, grades, keys, oor)
    head = " nDCG@5 nDCG@10    P@5 OOR5x OOR5p"
    names = {"tune": "tune", "heldout": "held-out"}
    lines.append(f"{'':40s} | " + " | ".join(f"{names[p]:^34s}" for p in parts))
    lines.append(f"{'run':40s} |" + " |".join(head for _ in parts))
    lines += [_row(title, parts) for title, parts in runs.items()]
    lines.append(
        "  OOR5x = most out-of-reach postings in any profile's top 5; OOR5p = profiles with one "
        "or more in their top 5"
    )
    return lines
