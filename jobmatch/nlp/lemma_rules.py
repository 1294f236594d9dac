"""Dutch lemmas: spaCy's lookup table plus a suffix-rule fallback checked against known lemmas.

The lookup table (spacy-lookups-data, ~213k forms) misses common forms such as "werkt",
"diensten", "wisselende" and "zelfstandige". The fallback proposes candidate lemmas by rule and
keeps the first one the table knows as a lemma. Stop words keep their own form (the table maps
"en" to "emmen").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

VOWELS = frozenset("aeiou")
_CACHE_LIMIT = 300_000


def _undouble_vowel(stem: str) -> str:
    """maak -> mak (before adding -en: maken)."""
    if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in "aeou" and stem[-1] not in VOWELS:
        return stem[:-3] + stem[-2] + stem[-1]
    return stem


def _double_vowel(stem: str) -> str:
    """grot -> groot, tak -> taak (after removing -e/-en)."""
    if len(stem) >= 3 and stem[-1] not in VOWELS and stem[-2] in "aeou" and stem[-3] not in VOWELS:
        return stem[:-1] + stem[-2] + stem[-1]
    return stem


def _voiceless(stem: str) -> str:
    """communicatiev -> communicatief, boz -> boos (z/v become s/f at the end)."""
    if stem.endswith("v"):
        return stem[:-1] + "f"
    if stem.endswith("z"):
        return _double_vowel(stem[:-1] + "s")
    return stem


def _after_ending(stem: str) -> Iterator[str]:
    """Stems after removing -e/-en: snell -> snel, grot -> groot (a/o/u), boz -> boos."""
    if len(stem) > 2 and stem[-1] == stem[-2]:
        yield stem[:-1]
    doubled = _double_vowel(stem)
    if doubled != stem and stem[-2] in "aou":
        yield doubled
    yield stem
    yield doubled
    yield _voiceless(stem)


def _bases(word: str) -> Iterator[str]:
    """Stems left after removing one inflection ending."""
    if word.endswith("'s"):
        yield word[:-2]
    if word.endswith("en") and len(word) > 4:
        yield from _after_ending(word[:-2])
    if word.endswith("e") and len(word) > 3:
        yield from _after_ending(word[:-1])
    if word.endswith(("s", "t", "d")) and len(word) > 3:
        yield word[:-1]
    if word.startswith("ge") and word.endswith(("d", "t")) and len(word) > 5:
        yield word[2:-1]


def candidates(word: str) -> Iterator[str]:
    """Candidate lemmas for a form the table does not know, best first."""
    verb_form = word.endswith("t") and not word.startswith("ge")
    for base in _bases(word):
        if verb_form:
            yield _undouble_vowel(base) + "en"
        yield base
        yield _undouble_vowel(base) + "en"
        yield base + "en"
        if base.endswith(("f", "s")):
            yield base[:-1] + ("ven" if base.endswith("f") else "zen")


class DutchLemmas:
    """Maps a lowercase word form to its lemma; results are memoised per process."""

    def __init__(
        self,
        lookup: Callable[[str], str | None],
        known: frozenset[str],
        stop_words: frozenset[str],
    ) -> None:
        self._lookup = lookup
        self._known = known
        self._stop_words = stop_words
        self._cache: dict[str, str] = {}

    def __call__(self, lower: str) -> str:
        lemma = self._cache.get(lower)
        if lemma is None:
            lemma = self._lemma(lower)
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[lower] = lemma
        return lemma

    def is_known(self, word: str) -> bool:
        """True when the word is a lemma or a form in the lookup table."""
        return word in self._known or self._lookup(word) is not None

    def _lemma(self, word: str) -> str:
        if word in self._stop_words or not word.replace("'", "").replace("-", "").isalpha():
            return word
        found = self._lookup(word)
        if found:
            return found.lower()
        if word in self._known:
            return word
        for candidate in candidates(word):
            if candidate in self._known:
                return candidate
        return word
