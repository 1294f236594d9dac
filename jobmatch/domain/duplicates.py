"""Is this vacancy text (nearly) one we have? And where in a text are given phrases?

Similarity is the Jaccard overlap of word 3-grams ("shingles") of the lower-cased words: a
re-posted vacancy with a changed date or salary line stays above 0.8; two different jobs of one
employer that share a standard paragraph stay well below. Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

DUPLICATE_AT = 0.8  # shingle overlap from which we warn "this looks like a vacancy you have"
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = 3) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def similarity(first: str, second: str) -> float:
    """0..1: the share of word 3-grams the two texts have in common."""
    a, b = shingles(first), shingles(second)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "competency" | "requirement"
    key: str  # competency id or requirement name
    label: str


def find_spans(text: str, phrases: Iterable[tuple[str, str, str, str]]) -> list[Span]:
    """Where each (phrase, kind, key, label) occurs in `text` (case-insensitive, first match
    after the previous one of the same phrase), sorted, overlapping spans dropped."""
    lowered = text.lower()
    found: list[Span] = []
    for phrase, kind, key, label in phrases:
        needle = phrase.strip().lower()
        start = lowered.find(needle) if needle else -1
        if start >= 0:
            found.append(Span(start, start + len(needle), kind, key, label))
    found.sort(key=lambda span: (span.start, -span.end))
    kept: list[Span] = []
    for span in found:
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept
