"""Extraction quality on the labelled dev set (tests/data/vacancies/labels.json).

    python -m bench.extraction_quality [--errors] [--split all|tune|holdout]

Prints micro precision / recall / F1 for competencies (overall and per cluster; an id counts
as found whatever its must/nice), must/nice accuracy on the ids found correctly, and the
accuracy of every requirement field and the location. The files are split by a stable hash
into a "tune" half (whose errors may be inspected while improving the lexicon and rules) and
a "holdout" half (only its figures are looked at), to show how the rules generalise.
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.domain.vacancies import Extraction
from jobmatch.services.extraction import extract_posting, read_posting

DEV_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "vacancies"
FIELDS = (
    "hours_min",
    "hours_max",
    "salary_min",
    "salary_max",
    "salary_unit",
    "dutch_level",
    "education_level",
    "driving_licence",
    "certificates",
    "shifts",
)
LOCATION_NAMES = {"'s-Gravenhage": "Den Haag", "'s-Hertogenbosch": "Den Bosch"}


def split_of(name: str) -> str:
    return "tune" if zlib.crc32(name.encode()) % 2 == 0 else "holdout"


def _same(field: str, got: Any, want: Any) -> bool:
    if field in ("certificates", "shifts"):
        return sorted(got or []) == sorted(want or [])
    if isinstance(want, int | float) and not isinstance(want, bool) and got is not None:
        return abs(float(got) - float(want)) < 0.01
    return bool(got == want)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


class Scores:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.fields: Counter[str] = Counter()
        self.files = 0
        self.errors: list[str] = []

    def add(
        self, name: str, got: Extraction, label: dict[str, Any], clusters: dict[str, str]
    ) -> None:
        self.files += 1
        want_must = set(label["competencies"]["must"])
        want_nice = set(label["competencies"]["nice"])
        want = want_must | want_nice
        have = {c.id: c.importance for c in got.competencies}
        for cid in set(have) | want:
            kind = "tp" if cid in have and cid in want else "fp" if cid in have else "fn"
            self.counts[kind] += 1
            self.counts[f"{clusters.get(cid, '?')}:{kind}"] += 1
            if kind == "tp":
                right = have[cid] == ("must" if cid in want_must else "nice")
                self.counts["importance_ok" if right else "importance_bad"] += 1
                if not right:
                    self.errors.append(f"{name}: {cid} importance {have[cid]}")
            else:
                evidence = next((c.evidence for c in got.competencies if c.id == cid), ())
                self.errors.append(f"{name}: {kind.upper()} {cid} {list(evidence)}")
        found = got.requirements.to_json()
        for field in FIELDS:
            ok = _same(field, found[field], label["requirements"].get(field))
            self.fields[field] += ok
            if not ok:
                want = label["requirements"].get(field)
                self.errors.append(f"{name}: {field} got {found[field]!r} want {want!r}")
        location = LOCATION_NAMES.get(got.location or "", got.location)
        self.fields["location"] += location == label.get("location")
        if location != label.get("location"):
            self.errors.append(f"{name}: location got {location!r} want {label.get('location')!r}")

    def report(self, title: str) -> list[str]:
        c = self.counts
        p, r, f = _prf(c["tp"], c["fp"], c["fn"])
        lines = [
            f"## {title} ({self.files} postings)",
            "",
            f"competencies  micro P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
            f"(tp {c['tp']}, fp {c['fp']}, fn {c['fn']})",
        ]
        for cluster in ("mensen", "zelf", "organiseren", "praktisch"):
            cp, cr, cf = _prf(c[f"{cluster}:tp"], c[f"{cluster}:fp"], c[f"{cluster}:fn"])
            lines.append(f"  {cluster:<12} P {cp:.3f}  R {cr:.3f}  F1 {cf:.3f}")
        judged = c["importance_ok"] + c["importance_bad"]
        lines.append(
            f"must/nice accuracy on correct ids: {c['importance_ok'] / max(judged, 1):.3f}"
            f" ({c['importance_ok']}/{judged})"
        )
        lines.append("requirement fields (accuracy):")
        for field in (*FIELDS, "location"):
            lines.append(f"  {field:<16} {self.fields[field] / max(self.files, 1):.3f}")
        return lines


def evaluate(names: Iterable[str], labels: dict[str, Any]) -> Scores:
    lexicon = load_lexicon()
    clusters = {c.id: c.cluster for c in lexicon}
    scores = Scores()
    for name in names:
        extraction = extract_posting(read_posting(DEV_DIR / name), lexicon=lexicon)
        scores.add(name, extraction, labels[name], clusters)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list errors (tune split only)")
    args = parser.parse_args()
    labels = json.loads((DEV_DIR / "labels.json").read_text(encoding="utf-8"))
    names = sorted(labels)
    for title, subset in (
        ("all", names),
        ("tune half", [n for n in names if split_of(n) == "tune"]),
        ("holdout half", [n for n in names if split_of(n) == "holdout"]),
    ):
        scores = evaluate(subset, labels)
        print("\n".join(scores.report(title)), end="\n\n")
        if args.errors and title == "tune half":
            print("\n".join(scores.errors), end="\n\n")


if __name__ == "__main__":
    main()
