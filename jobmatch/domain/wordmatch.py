"""Matching short phrases on token lists without spaCy (pure Python).

Each token becomes a set of forms (folded word, crude stem, past-tense stem) so that inflected
Dutch and English forms meet; a phrase matches when all its words occur, in any order, inside a
small window, unless a negation stands just before or inside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

WINDOW_SLACK = 4
NEGATIONS = frozenset({"niet", "nooit", "geen", "not", "never", "no", "didn't", "don't"})
_NEGATION_LOOKBACK = 3
_SUFFIXES = ("ingen", "ing", "ed", "es", "en", "s", "e")
_PAST_TENSE = ("ten", "den", "te", "de")
_DOUBLE_VOWELS = (("aa", "a"), ("ee", "e"), ("oo", "o"), ("uu", "u"))


def _fold_word(word: str) -> str:
    for double, single in _DOUBLE_VOWELS:
        word = word.replace(double, single)
    if len(word) > 3 and word[-1] == word[-2]:
        word = word[:-1]
    if word.endswith("z"):
        return word[:-1] + "s"
    return word[:-1] + "f" if word.endswith("v") else word


def normalise(token: str) -> str:
    """A crude stem so inflected Dutch and English forms meet (gasten/gast, welcomed/welcome)."""
    word = token.lower().strip("'’")
    if word.startswith("ge") and len(word) > 6 and word[-1] in "td":
        word = word[2:-1]  # participles: gemaakt → maak, geregeld → regel
    for _ in range(2):  # evenings → evening → even
        suffix = next((s for s in _SUFFIXES if word.endswith(s) and len(word) - len(s) >= 3), "")
        if not suffix:
            break
        word = word[: -len(suffix)]
    return _fold_word(word)


Token = frozenset[str]
_NEGATION_FORMS = NEGATIONS | {_fold_word(word) for word in NEGATIONS}


def variants(token: str) -> Token:
    """The forms a token may meet another one by: itself (folded), its crude stem and, for a
    Dutch weak past tense the lemmatiser missed (maakte, werkten), the verb stem.

    Several forms are needed because Dutch nouns ending in -s lose nothing in the plural
    (prijs/prijzen): "prijs" meets "prijzen" via its folded form, "gasten" meets "gast" via
    the stem, "maakte" meets "maken" via the past-tense stem.
    """
    word = token.lower().strip("'’")
    forms = {_fold_word(word), normalise(word)}
    past = next((e for e in _PAST_TENSE if word.endswith(e) and len(word) - len(e) >= 3), "")
    if past:
        forms.add(_fold_word(word[: -len(past)]))
    return frozenset(forms)


def normalise_all(tokens: Iterable[str]) -> tuple[Token, ...]:
    return tuple(variants(token) for token in tokens if token.strip())


def _position(wanted: Token, window: Sequence[Token]) -> int:
    return next((i for i, token in enumerate(window) if token & wanted), -1)


def _negated(tokens: Sequence[Token], start: int, end: int, pattern: Sequence[Token]) -> bool:
    span = tokens[max(0, start - _NEGATION_LOOKBACK) : end + 1]
    negations = [t for t in span if t & _NEGATION_FORMS]
    return any(not any(t & p for p in pattern) for t in negations)


def find_pattern(pattern: Sequence[Token], tokens: Sequence[Token]) -> bool:
    """True when every pattern token occurs, in any order, within a small window of `tokens`.

    Tokens are sets of forms (see `variants`); two tokens meet when they share a form. A
    negation just before or inside the window ("ik deed nooit zelf de boekhouding") cancels
    the match.
    """
    if not pattern:
        return False
    width = len(pattern) + WINDOW_SLACK
    for start, token in enumerate(tokens):
        if not any(token & wanted for wanted in pattern):
            continue
        window = tokens[start : start + width]
        positions = [_position(wanted, window) for wanted in pattern]
        if min(positions) < 0:
            continue
        if not _negated(tokens, start, start + max(positions), pattern):
            return True
    return False
