"""The one table of nice-to-have phrases (competencies/nice_phrases.toml) and its reader.

Both extraction of competencies (nlp/asked.py) and of requirements (nlp/clauses.py) use it,
so a phrase added here counts everywhere ("Rijbewijs B gewenst" is not a requirement).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.reading import read_toml
from jobmatch.domain.errors import DataFileError, Problem

NICE_FILE = "nice_phrases.toml"


@dataclass(frozen=True)
class NicePhrases:
    """Prefilter keys (some only as whole words) and one compiled pattern of all phrases."""

    keys: tuple[str, ...]
    whole: frozenset[str]
    pattern: re.Pattern[str]

    def marks(self, text: str) -> bool:
        """True when the text marks what it names as nice-to-have."""
        lower = text.lower()
        return any(key in lower for key in self.keys) and bool(self.pattern.search(text))


def read_nice_phrases(path: Path) -> NicePhrases:
    """The table; DataFileError naming the line entry when a key or pattern is wrong."""
    entries = read_toml(path).get("phrases", [])
    problems: list[Problem] = []
    keys: list[str] = []
    whole: set[str] = set()
    patterns: list[str] = []
    for n, entry in enumerate(entries if isinstance(entries, list) else [], start=1):
        where = (str(path), f"phrase {n}")
        key = entry.get("key") if isinstance(entry, dict) else None
        if not isinstance(key, str) or not key.strip() or key != key.lower():
            problems.append(Problem(*where, "key", "een woord in kleine letters / lowercase word"))
            continue
        pattern = entry.get("pattern", rf"\b{re.escape(key)}\b")
        try:
            re.compile(str(pattern))
        except re.error as exc:
            problems.append(Problem(*where, "pattern", f"ongeldig / invalid: {exc}"))
            continue
        keys.append(key)
        patterns.append(str(pattern))
        if entry.get("whole") is True:
            whole.add(key)
    if problems or not patterns:
        raise DataFileError(problems or [Problem(str(path), "", "phrases", "leeg / empty")])
    return NicePhrases(tuple(keys), frozenset(whole), re.compile("|".join(patterns), re.I))


@lru_cache(maxsize=1)
def load_nice_phrases() -> NicePhrases:
    """The table from the competencies folder (cached per process)."""
    return read_nice_phrases(data_dir("competencies") / NICE_FILE)
