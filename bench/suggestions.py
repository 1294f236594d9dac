"""Quality of `jobmatch suggest` on hand-labelled experience descriptions.

    python -m bench.suggestions [--threshold 0.5] [--data tests/data/experiences.json]

Each description in tests/data/experiences.json becomes a one-experience profile; a suggestion
counts when its strength is at or above the threshold. Prints micro precision/recall/F1 overall,
per cluster, per experience kind, for a few thresholds, and for the ablations (no kind defaults,
no lexicon terms), plus the speed.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from jobmatch.datafiles.bridge import load_bridge
from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.domain.competencies import Lexicon
from jobmatch.domain.discovery import Bridge
from jobmatch.domain.profiles import Experience, Profile
from jobmatch.services.suggestions import suggest_competencies

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "experiences.json"
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


def load_cases(path: Path) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return cases


def predict(
    cases: Sequence[dict[str, Any]], lexicon: Lexicon, bridge: Bridge, use_lexicon: bool = True
) -> list[dict[str, float]]:
    """Strength per suggested competency id, per case."""
    found = []
    for case in cases:
        experience = Experience(case["title"], case["kind"], case["description"])
        profile = Profile(name="Test", experiences=(experience,))
        suggestions = suggest_competencies(
            profile=profile, lexicon=lexicon, bridge=bridge, use_lexicon_terms=use_lexicon
        )
        found.append({s.id: s.strength for s in suggestions})
    return found


def counts(
    cases: Sequence[dict[str, Any]],
    predicted: Sequence[dict[str, float]],
    threshold: float,
    keep: Iterable[str] | None = None,
) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives), optionally only for ids in `keep`."""
    allowed = set(keep) if keep is not None else None
    tp = fp = fn = 0
    for case, strengths in zip(cases, predicted, strict=True):
        gold = {cid for cid in case["competencies"] if allowed is None or cid in allowed}
        guess = {c for c, s in strengths.items() if s >= threshold}
        guess = {c for c in guess if allowed is None or c in allowed}
        tp += len(gold & guess)
        fp += len(guess - gold)
        fn += len(gold - guess)
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def line(name: str, tp: int, fp: int, fn: int) -> str:
    p, r, f = prf(tp, fp, fn)
    return f"| {name} | {p:.2f} | {r:.2f} | {f:.2f} | {tp} | {fp} | {fn} |"


HEADER = "| | precision | recall | F1 | TP | FP | FN |\n|---|---|---|---|---|---|---|"


def report(cases: list[dict[str, Any]], threshold: float) -> None:
    lexicon, bridge = load_lexicon(), load_bridge()
    start = time.perf_counter()
    predicted = predict(cases, lexicon, bridge)
    elapsed = time.perf_counter() - start
    kinds = Counter(case["kind"] for case in cases)
    labels = sum(len(case["competencies"]) for case in cases)
    print(f"{len(cases)} experiences, {labels} labels, kinds {dict(kinds)}\n")
    print(f"Threshold {threshold}\n\n{HEADER}")
    print(line("all (micro)", *counts(cases, predicted, threshold)))
    for cluster in ("mensen", "zelf", "organiseren", "praktisch"):
        ids = [c.id for c in lexicon if c.cluster == cluster]
        print(line(f"cluster {cluster}", *counts(cases, predicted, threshold, ids)))
    for kind in sorted(kinds):
        subset = [i for i, case in enumerate(cases) if case["kind"] == kind]
        sub_cases, sub_pred = [cases[i] for i in subset], [predicted[i] for i in subset]
        print(line(f"kind {kind}", *counts(sub_cases, sub_pred, threshold)))
    print(f"\nThresholds\n\n{HEADER}")
    for value in THRESHOLDS:
        print(line(f"strength >= {value}", *counts(cases, predicted, value)))
    no_kinds = replace(bridge, kinds={})
    print(f"\nAblations (threshold {threshold})\n\n{HEADER}")
    print(
        line("without kind defaults", *counts(cases, predict(cases, lexicon, no_kinds), threshold))
    )
    no_terms = predict(cases, lexicon, bridge, use_lexicon=False)
    print(line("without lexicon terms", *counts(cases, no_terms, threshold)))
    print(f"\nFirst run (includes loading the lemmatiser): {elapsed:.2f} s")
    print(speed(cases, lexicon, bridge))


def speed(cases: list[dict[str, Any]], lexicon: Lexicon, bridge: Bridge, rounds: int = 5) -> str:
    """Warm throughput, against lemmatising the same texts only (the floor) in the same run."""
    from jobmatch.nlp.lemmatize import lemmatize

    texts = [f"{case['title']}. {case['description']}" for case in cases] * rounds
    start = time.perf_counter()
    for text in texts:
        lemmatize(text)
    floor = time.perf_counter() - start
    start = time.perf_counter()
    predict(cases * rounds, lexicon, bridge)
    warm = time.perf_counter() - start
    return (
        f"Speed warm: {len(texts) / warm:.0f} experiences/s "
        f"(lemmatising only: {len(texts) / floor:.0f} texts/s; suggest costs "
        f"{warm / floor:.1f}x lemmatising)"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    report(load_cases(args.data), args.threshold)


if __name__ == "__main__":
    main()
