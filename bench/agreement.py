"""Agreement between two labellers of the issue-13 dev set.

    python -m bench.agreement --labels2 DIR [--grades2 FILE] [--grades FILE]

`--labels2` holds a second labeller's NAME.json files (the shape of the dev-set labels, made
from GUIDELINES.md alone); only postings labelled by both count. Per part (tune, held-out) it
prints the competency micro F1 between the labellers (symmetric), must/nice agreement on the
shared ids, agreement per requirement field, and out_of_reach agreement with Cohen's kappa.
With --grades2: quadratic weighted kappa of the 0-3 grades over the pairs both graded
(against --grades, default tests/data/devset/grades.csv).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bench import devset

FIELDS = (
    "hours_min",
    "hours_max",
    "salary_min",
    "salary_max",
    "salary_unit",
    "dutch_level",
    "education_level",
    "driving_licence",
    "licence_offered",
    "certificates",
    "shifts",
)


def weighted_kappa(pairs: Sequence[tuple[int, int]], categories: int = 4) -> float:
    """Quadratic weighted Cohen's kappa for ordinal grades 0..categories-1."""
    n = len(pairs)
    if not n:
        return float("nan")
    seen = Counter(pairs)
    rows, cols = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    span = (categories - 1) ** 2
    observed = expected = 0.0
    for i in range(categories):
        for j in range(categories):
            weight = (i - j) ** 2 / span
            observed += weight * seen[(i, j)] / n
            expected += weight * rows[i] * cols[j] / (n * n)
    return 1.0 - observed / expected if expected else 1.0


def cohen_kappa(pairs: Sequence[tuple[Any, Any]]) -> float:
    n = len(pairs)
    if not n:
        return float("nan")
    agree = sum(a == b for a, b in pairs) / n
    rows, cols = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(rows[k] * cols[k] for k in rows) / (n * n)
    return (agree - chance) / (1 - chance) if chance < 1 else 1.0


def compare(first: Mapping[str, Any], second: Mapping[str, Any]) -> list[str]:
    shared = sorted(set(first) & set(second))
    if not shared:
        return ["  no postings labelled by both"]
    tp = fp = fn = same_importance = 0
    fields: Counter[str] = Counter()
    for name in shared:
        a, b = first[name]["competencies"], second[name]["competencies"]
        ids_a, ids_b = set(a["must"]) | set(a["nice"]), set(b["must"]) | set(b["nice"])
        tp, fp, fn = tp + len(ids_a & ids_b), fp + len(ids_b - ids_a), fn + len(ids_a - ids_b)
        same_importance += sum((c in a["must"]) == (c in b["must"]) for c in ids_a & ids_b)
        for field in FIELDS:
            got, want = (
                second[name]["requirements"].get(field),
                first[name]["requirements"].get(field),
            )
            fields[field] += sorted(got) == sorted(want) if isinstance(want, list) else got == want
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    oor = [(first[n]["out_of_reach"], second[n]["out_of_reach"]) for n in shared]
    lines = [
        f"  postings labelled by both: {len(shared)}",
        f"  competency F1 between labellers {f1:.3f} (shared {tp}, only first {fn}, "
        f"only second {fp}); must/nice agreement {same_importance / max(tp, 1):.3f}",
        f"  out_of_reach agreement {sum(a == b for a, b in oor) / max(len(oor), 1):.3f}, "
        f"Cohen's kappa {cohen_kappa(oor):.3f}",
    ]
    lines += [f"  {field:<16} {fields[field] / max(len(shared), 1):.3f}" for field in FIELDS]
    return lines


def grade_pairs(
    first: Mapping[str, Mapping[str, int]], second: Mapping[str, Mapping[str, int]]
) -> list[tuple[int, int]]:
    return [
        (grade, second[profile][key])
        for profile, row in first.items()
        for key, grade in row.items()
        if key in second.get(profile, {})
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels2", type=Path, required=True)
    parser.add_argument("--grades2", type=Path)
    parser.add_argument("--grades", type=Path, default=devset.DEVSET / "grades.csv")
    args = parser.parse_args()
    second = {
        p.stem: json.loads(p.read_text(encoding="utf-8")) for p in args.labels2.rglob("*.json")
    }
    for part in devset.PARTS:
        print(f"## {part}")
        print("\n".join(compare(devset.labels(devset.DEVSET / part), second)))
    if args.grades2:
        pairs = grade_pairs(devset.read_grades(args.grades), devset.read_grades(args.grades2))
        print(
            f"## grades: {len(pairs)} pairs graded by both, "
            f"weighted kappa {weighted_kappa(pairs):.3f}"
        )


if __name__ == "__main__":
    main()
