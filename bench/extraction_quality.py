"""Extraction quality, old dev set and the issue-13 dev set side by side.

    python -m bench.extraction_quality [--errors]

Columns: the old dev set (tests/data/vacancies, labels.json; all / its crc32 "tune" half / its
"holdout" half) and the issue-13 dev set (tests/data/devset; `tune/` and the frozen `heldout/`,
labels in NAME.json next to each posting, written from tests/data/devset/GUIDELINES.md).

Rows: micro precision / recall / F1 for competencies (overall and per cluster; an id counts as
found whatever its must/nice), must/nice accuracy on the ids found correctly, Dutch level
accuracy on the postings whose label has a level (explicit or implied), and the accuracy of
every requirement field and the location. `--errors` lists the errors of the issue-13 *tune*
part only: the held-out part is reported, never inspected.
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

ROOT = Path(__file__).resolve().parent.parent
DEV_DIR = ROOT / "tests" / "data" / "vacancies"
DEVSET = ROOT / "tests" / "data" / "devset"
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
CLUSTERS = ("mensen", "zelf", "organiseren", "praktisch")
LOCATION_NAMES = {"'s-Gravenhage": "Den Haag", "'s-Hertogenbosch": "Den Bosch"}


def split_of(name: str) -> str:
    """The old dev set's stable half split (kept so its rows stay comparable)."""
    return "tune" if zlib.crc32(name.encode()) % 2 == 0 else "holdout"


def _same(field: str, got: Any, want: Any) -> bool:
    if field in ("certificates", "shifts"):
        return sorted(got or []) == sorted(want or [])
    if isinstance(want, int | float) and not isinstance(want, bool) and got is not None:
        return abs(float(got) - float(want)) < 0.01
    return bool(got == want)


def _place(name: str | None) -> str | None:
    return LOCATION_NAMES.get(name or "", name)


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
        self._competencies(name, got, label, clusters)
        found = got.requirements.to_json()
        for field in FIELDS:
            want = label["requirements"].get(field)
            ok = _same(field, found[field], want)
            self.fields[field] += ok
            if not ok:
                self.errors.append(f"{name}: {field} got {found[field]!r} want {want!r}")
        if label["requirements"].get("dutch_level"):
            self.counts["dutch_implied"] += 1
            self.counts["dutch_implied_ok"] += (
                found["dutch_level"] == label["requirements"]["dutch_level"]
            )
        location, want_location = _place(got.location), _place(label.get("location"))
        self.fields["location"] += location == want_location
        if location != want_location:
            self.errors.append(f"{name}: location got {location!r} want {want_location!r}")

    def _competencies(
        self, name: str, got: Extraction, label: dict[str, Any], clusters: dict[str, str]
    ) -> None:
        want_must = set(label["competencies"]["must"])
        want = want_must | set(label["competencies"]["nice"])
        have = {c.id: c.importance for c in got.competencies}
        for cid in sorted(set(have) | want):
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

    def rows(self) -> dict[str, str]:
        """Figure per row name, formatted, in print order."""
        c = self.counts
        p, r, f = _prf(c["tp"], c["fp"], c["fn"])
        out = {"postings": str(self.files), "competency P": f"{p:.3f}"}
        out |= {"competency R": f"{r:.3f}", "competency F1": f"{f:.3f}"}
        out["  (tp/fp/fn)"] = f"{c['tp']}/{c['fp']}/{c['fn']}"
        for cluster in CLUSTERS:
            out[f"  F1 {cluster}"] = f"{_prf(*(c[f'{cluster}:{k}'] for k in KINDS))[2]:.3f}"
        judged = c["importance_ok"] + c["importance_bad"]
        out["must/nice accuracy"] = f"{c['importance_ok'] / max(judged, 1):.3f}"
        implied = c["dutch_implied"]
        out["Dutch level (labelled)"] = (
            f"{c['dutch_implied_ok'] / implied:.3f} ({c['dutch_implied_ok']}/{implied})"
            if implied
            else "-"
        )
        shares = [self.fields[name] / max(self.files, 1) for name in (*FIELDS, "location")]
        out["requirement fields mean"] = f"{sum(shares) / len(shares):.3f}"
        for name, share in zip((*FIELDS, "location"), shares, strict=True):
            out[f"  {name}"] = f"{share:.3f}"
        return out


KINDS = ("tp", "fp", "fn")


def evaluate(folder: Path, names: Iterable[str], labels: dict[str, Any]) -> Scores:
    lexicon = load_lexicon()
    clusters = {c.id: c.cluster for c in lexicon}
    scores = Scores()
    for name in names:
        extraction = extract_posting(read_posting(folder / name), lexicon=lexicon)
        scores.add(name, extraction, labels[name], clusters)
    return scores


def devset_labels(folder: Path) -> dict[str, Any]:
    """Labels of one issue-13 part: {"x.txt": contents of x.json}."""
    return {
        text.name: json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
        for text in sorted(folder.glob("*.txt"))
    }


def side_by_side(columns: dict[str, Scores]) -> list[str]:
    tables = {title: scores.rows() for title, scores in columns.items()}
    names = list(next(iter(tables.values())))
    width = max(14, *(len(t) for t in tables))
    lines = [f"{'':26s}" + "".join(f"{t:>{width}s}" for t in tables)]
    for row in names:
        lines.append(f"{row:26s}" + "".join(f"{tables[t][row]:>{width}s}" for t in tables))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--errors", action="store_true", help="list errors (issue-13 tune part only)"
    )
    args = parser.parse_args()
    old = json.loads((DEV_DIR / "labels.json").read_text(encoding="utf-8"))
    names = sorted(old)
    columns = {
        "old all": evaluate(DEV_DIR, names, old),
        "old tune": evaluate(DEV_DIR, [n for n in names if split_of(n) == "tune"], old),
        "old holdout": evaluate(DEV_DIR, [n for n in names if split_of(n) == "holdout"], old),
    }
    for part in ("tune", "heldout"):
        labels = devset_labels(DEVSET / part)
        columns[f"13 {part}"] = evaluate(DEVSET / part, sorted(labels), labels)
    print("extraction quality: old dev set | issue-13 dev set (tune, frozen held-out)\n")
    print("\n".join(side_by_side(columns)))
    if args.errors:
        print("\nerrors on the issue-13 tune part:")
        print("\n".join(columns["13 tune"].errors))


if __name__ == "__main__":
    main()
