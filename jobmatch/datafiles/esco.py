"""ESCO occupations and ISCO-08 groups (Dutch labels), and a title -> occupation suggester.

Small API, shared with other areas (e.g. reachability in matching):

    occupations = load_occupations()            # tuple[Occupation, ...]
    groups = load_isco_groups()                 # dict[code, IscoGroup]
    index = default_index()                     # built once per process
    index.suggest("Medewerker bediening", text) # best first, with the label that matched

Suggesting: every contiguous run of words in the title that equals an occupation label
counts, weighted by the share of the title it covers and by how specific the label is (a label
shared by k occupations counts 1/k). The text counts for a third. A single word inside many
longer labels ("medewerker") never counts alone. "Medewerker schoonmaak" is also tried as
"schoonmaakmedewerker" (the Dutch compound); other heads are not guessed: the coordinator edits
a suggestion that is off. Credit: ESCO, European Commission (see vacancies/esco/README.md).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.reading import read_csv_rows

MAX_WORDS = 5  # the longest label run we look for
TEXT_WEIGHT = 1 / 3
TEXT_CHARS = 600  # the first lines of the text say what the job is
GENERIC_AFTER = (
    100  # in more longer labels than this ("medewerker" 477, "monteur" 165): too general alone
)
PREFERRED_BONUS = 1.5  # the matched label is the occupation's own name, not an alternative
_WORD = re.compile(r"[a-zà-ÿ0-9]+(?:-[a-zà-ÿ0-9]+)*")
_COMPOUND = re.compile(r"\b(medewerker|medewerkster|assistent)\s+([a-z]+)\b")
_NOISE = {"m", "v", "x", "mv", "vrouw", "man", "fulltime", "parttime", "uur", "per", "week"}


@dataclass(frozen=True)
class Occupation:
    uri: str
    isco_group: str  # 4 digits
    label: str
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class IscoGroup:
    code: str
    label: str
    skill_level: str  # "1", "2", "3", "4" or a range such as "3-4"


@dataclass(frozen=True)
class Suggestion:
    occupation: Occupation
    score: float
    matched: str  # the label that matched


def esco_dir() -> Path:
    return data_dir("vacancies") / "esco"


def load_occupations(path: Path | None = None) -> tuple[Occupation, ...]:
    rows = read_csv_rows(path or esco_dir() / "occupations-nl.csv")
    return tuple(
        Occupation(
            uri=row["esco_uri"],
            isco_group=row["isco_group"],
            label=row["preferred_label"],
            alt_labels=tuple(a.strip() for a in row.get("alt_labels", "").split("|") if a.strip()),
        )
        for row in rows
    )


def load_isco_groups(path: Path | None = None) -> dict[str, IscoGroup]:
    rows = read_csv_rows(path or esco_dir() / "isco-groups-nl.csv")
    return {
        row["isco_code"]: IscoGroup(row["isco_code"], row["label"], row["isco_skill_level"])
        for row in rows
    }


def words(text: str) -> tuple[str, ...]:
    return tuple(w for w in _WORD.findall(text.lower()) if w not in _NOISE)


class OccupationIndex:
    """Labels -> occupations, for suggesting an occupation from a title and text."""

    def __init__(self, occupations: tuple[Occupation, ...]) -> None:
        self.by_uri = {occupation.uri: occupation for occupation in occupations}
        labels: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for occupation in occupations:
            for label in (occupation.label, *occupation.alt_labels):
                key = words(label)
                if 0 < len(key) <= MAX_WORDS:
                    labels[key].add(occupation.uri)
        inside: dict[str, int] = defaultdict(int)
        for key in labels:
            for word in set(key) if len(key) > 1 else ():
                inside[word] += 1
        self.labels = {
            key: uris
            for key, uris in labels.items()
            if len(key) > 1 or inside[key[0]] <= GENERIC_AFTER
        }
        self.preferred = {occupation.uri: words(occupation.label) for occupation in occupations}

    def _score(self, found: dict[str, tuple[float, str]], text: str, weight: float) -> None:
        tokens = words(text)
        for size in range(min(MAX_WORDS, len(tokens)), 0, -1):
            for start in range(len(tokens) - size + 1):
                key = tokens[start : start + size]
                uris = self.labels.get(key, ())
                for uri in uris:
                    bonus = PREFERRED_BONUS if self.preferred[uri] == key else 1.0
                    score = bonus * weight * (size / len(tokens)) / len(uris)
                    old = found.get(uri, (0.0, ""))
                    found[uri] = (old[0] + score, old[1] or " ".join(key))

    def suggest(self, title: str, text: str = "", top: int = 3) -> list[Suggestion]:
        """Best first; empty when nothing in the title or text is a known label."""
        found: dict[str, tuple[float, str]] = {}
        self._score(found, title, 1.0)
        compound = _COMPOUND.search(title.lower())
        if compound:
            self._score(found, f"{compound.group(2)}{compound.group(1)}", 1.0)
        if text:
            self._score(found, text[:TEXT_CHARS], TEXT_WEIGHT)
        ranked = sorted(found.items(), key=lambda item: (-item[1][0], item[0]))[:top]
        return [
            Suggestion(self.by_uri[uri], round(score, 3), label) for uri, (score, label) in ranked
        ]


@lru_cache(maxsize=1)
def default_index() -> OccupationIndex:
    return OccupationIndex(load_occupations())
