"""Reading the issue-13 dev set (tests/data/devset) for the quality benches, and a plain TF-IDF
text baseline that ranks the same pool without any jobmatch code.

Layout (see tests/data/devset/README.md): `tune/` and `heldout/` hold `NAME.txt` postings with
`NAME.json` labels and a `meta.csv`; `profiles/*.json`, `training/*.txt|*.toml` and
`grades.csv` (`posting,profile,grade`, keys are file names without extension) are written on
the devgrades branch and may be missing.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jobmatch.domain.profile_json import profile_from_json
from jobmatch.domain.profiles import Profile

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "data" / "devset"
PARTS = ("tune", "heldout")
WORD = re.compile(r"[a-zà-ÿ]{3,}")


def labels(part_dir: Path) -> dict[str, dict[str, Any]]:
    """{posting stem: label} for one part."""
    return {
        text.stem: json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
        for text in sorted(part_dir.glob("*.txt"))
    }


def read_grades(path: Path) -> dict[str, dict[str, int]]:
    """{profile: {posting or training stem: grade}}; empty when the file is not there."""
    grades: dict[str, dict[str, int]] = {}
    if not path.is_file():
        return grades
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            grades.setdefault(row["profile"].strip(), {})[row["posting"].strip()] = int(
                row["grade"]
            )
    return grades


def read_profiles(directory: Path) -> tuple[dict[str, Profile], list[str]]:
    """Profiles by file stem, and a line per file that could not be read."""
    profiles, problems = {}, []
    for path in sorted(directory.glob("*.json")):
        try:
            profiles[path.stem] = profile_from_json(path.read_text(encoding="utf-8"), path.name)
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(f"{path.name}: {exc}")
    return profiles, problems


def confirmed(profile: Profile, *, threshold: float = 0.5, top: int = 8) -> Profile:
    """The profile after a first meeting: jobmatch's suggested competencies (strength at or
    above `threshold`, at most `top`) confirmed and added, and any "suggested" ones in the file
    confirmed too (the issue's "after confirming the top suggestions" measurement)."""
    from jobmatch.domain.profiles import ProfileCompetency
    from jobmatch.services.suggestions import suggest_competencies

    comps = [replace(c, status="confirmed") for c in profile.competencies]
    fresh = [
        s
        for s in suggest_competencies(profile=profile)
        if s.strength >= threshold and not s.already_in_profile
    ][:top]
    comps += [ProfileCompetency(s.id, s.evidence_nl, "confirmed") for s in fresh]
    return replace(profile, competencies=tuple(comps))


def training_texts(directory: Path) -> dict[str, str]:
    """Every training place file as plain text, by stem (TOML files as their raw text)."""
    return {
        path.stem: path.read_text(encoding="utf-8")
        for path in sorted(directory.glob("*"))
        if path.suffix in (".txt", ".toml")
    }


def profile_text(profile: Profile) -> str:
    """What a plain text search would type for this participant: experiences, evidence,
    interests and wished sectors (the same fields jobmatch reads as text)."""
    parts = [f"{e.title} {e.description}" for e in profile.experiences]
    parts += [c.evidence for c in profile.competencies if c.evidence]
    parts += list(profile.interests) + list(profile.preferences.sectors)
    return " ".join(parts)


def _tokens(text: str) -> list[str]:
    return WORD.findall(text.lower())


@dataclass
class TfidfBaseline:
    """Cosine similarity of raw TF-IDF vectors (log tf, smoothed idf); no stemming, no rules."""

    vectors: dict[str, dict[str, float]] = field(default_factory=dict)
    idf: dict[str, float] = field(default_factory=dict)

    def fit(self, docs: Mapping[str, str]) -> TfidfBaseline:
        counts = {key: Counter(_tokens(text)) for key, text in docs.items()}
        df: Counter[str] = Counter()
        for counter in counts.values():
            df.update(counter.keys())
        n = len(docs)
        self.idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}
        self.vectors = {key: self._vector(counter) for key, counter in counts.items()}
        return self

    def _vector(self, counter: Counter[str]) -> dict[str, float]:
        vec = {t: (1 + math.log(c)) * self.idf.get(t, 0.0) for t, c in counter.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def rank(self, query: str, keys: Iterable[str] | None = None) -> list[str]:
        q = self._vector(Counter(_tokens(query)))
        pool = list(self.vectors) if keys is None else list(keys)
        scores = {k: sum(q.get(t, 0.0) * v for t, v in self.vectors[k].items()) for k in pool}
        return sorted(pool, key=lambda k: (-scores[k], k))
