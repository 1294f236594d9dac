"""Words that must not appear in our own evidence sentences: competencies/guard.toml read
with the same rules as the document guard, plus a few hint words, and the check of guard.toml
itself (used by `jobmatch check-data` through bridge.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jobmatch.datafiles.guard_confusables import confusables_table
from jobmatch.datafiles.reading import read_toml
from jobmatch.domain.errors import DataFileError, Problem
from jobmatch.domain.guard import fold as guard_fold

GUARD_FILE = "guard.toml"
GUARD_LISTS = ("organisations", "past_words_nl", "past_words_en", "allowed_words")
OPTIONAL_LISTS = (
    "case_sensitive_organisations",
    "innocent_parts",
    "open_compound_words",
    "suspicious_parts",
)
# Words that hint at the past even though the guard lets them pass in ordinary documents:
# evidence sentences written by us must not use them at all.
# fmt: off
HINT_WORDS = frozenset({
    "club", "clubs", "prive", "escort", "intiem", "intieme", "intimiteit", "mannen", "man",
    "heren", "nachtleven", "seks", "sex", "sexy", "raam", "ramen", "window", "men", "gentlemen",
    "intimate", "nightlife", "erotisch", "erotic", "lichaam", "body", "verleiden", "seduce",
})
# fmt: on
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def fold(text: str) -> str:
    """The document guard's normalisation (jobmatch/domain/guard_text.py), look-alikes too."""
    return guard_fold(text, confusables_table())


class WordGuard:
    """Finds words that reveal the past, with the same rules as the document guard."""

    def __init__(self, guard: dict[str, Any]) -> None:
        def words(key: str) -> list[str]:
            value = guard.get(key, [])
            return [fold(w) for w in value if isinstance(w, str)] if isinstance(value, list) else []

        listed = words("past_words_nl") + words("past_words_en")
        # Our own sentences avoid every organisation name in any case (stricter than documents).
        names = words("organisations") + words("case_sensitive_organisations")
        self.allowed = set(words("allowed_words"))
        self.singles = [w for w in listed if " " not in w]
        self.phrases = [w for w in listed + names if " " in w]
        self.whole = set(names) | HINT_WORDS

    def _word_hit(self, word: str) -> str | None:
        if word in self.allowed:
            return None
        if word in self.whole:
            return word
        for listed in self.singles:
            if word == listed or (len(listed) >= 5 and listed in word):
                return listed
        return None

    def find(self, text: str) -> list[str]:
        """The listed words and phrases found in `text` (empty when it is clean)."""
        folded = fold(text)
        hits = [hit for w in _WORD.findall(folded) if (hit := self._word_hit(w))]
        padded = f" {' '.join(_WORD.findall(folded))} "
        hits += [p for p in self.phrases if f" {p} " in padded and p not in self.allowed]
        if _YEAR.search(text):
            hits.append("jaartal / year")
        return hits


def read_guard(directory: Path, problems: list[Problem]) -> dict[str, Any]:
    path = directory / GUARD_FILE
    if not path.exists():
        problems.append(Problem(str(path), "", "", "bestand ontbreekt / file is missing"))
        return {}
    try:
        return read_toml(path)
    except DataFileError as exc:
        problems.extend(exc.problems)
        return {}


def _texts(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key, [])
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _not_texts(value: Any) -> bool:
    return not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value)


def check_guard(directory: Path) -> list[Problem]:
    """Problems in guard.toml: missing or empty lists, non-text entries, allowed = listed."""
    problems: list[Problem] = []
    data = read_guard(directory, problems)
    source = str(directory / GUARD_FILE)
    for key in GUARD_LISTS + OPTIONAL_LISTS:
        value = data.get(key, [] if key in OPTIONAL_LISTS else None) if data else []
        if _not_texts(value):
            problems.append(
                Problem(
                    source,
                    "",
                    key,
                    "moet een lijst met teksten zijn / must be a list of non-empty texts",
                )
            )
        elif not value and key in GUARD_LISTS:
            problems.append(Problem(source, "", key, "is leeg / is empty"))
    listed = {fold(w) for key in ("past_words_nl", "past_words_en") for w in _texts(data, key)}
    both = sorted(listed & {fold(w) for w in _texts(data, "allowed_words")})
    if both:
        problems.append(
            Problem(
                source,
                "",
                "allowed_words",
                f"staat ook bij de verboden woorden / also a forbidden word: {both}",
            )
        )
    return problems
