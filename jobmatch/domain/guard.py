"""The guard: words in a document that could reveal a participant's past.

Pure standard library. `scan_text` gets every text part of a rendered document (by where it
was found, e.g. "word/document.xml", "PDF page 1") and returns one Finding per hit. Every
check runs on one normalisation (guard_text.normalise: NFKC, no marks, case folded, TR39
look-alike skeleton, no default-ignorables, 0-9 digits); findings are reported as written.
- organisation: the name of a helping organisation (phrase, whole words, any separator or
  none between its words, also spelled out "S.H.O.P." or with digits for letters). A name
  written in capitals ("SHOP", "PROUD") and a name listed under `case_sensitive_organisations`
  ("Fier", "De Haven") match only as written (or all in capitals), so "coffee shop", "proud"
  and "aan de haven" pass; every other name matches in any case;
- past: a word that reveals the past, as a word, an inflection or lemma, or inside a compound
  (guard_words.py: "privéhuizen", "escortbureau", "herenclub"); ordinary compounds with an
  innocent part ("voetbalclub") and words in `allowed_words` pass;
- date, year, age (guard_dates.py): dates and years unless the participant opted in for that
  document or that field; ages always.
Money ("€ 2.000"), hours ("38 uur"), quantities, software versions, phone numbers and
postcodes ("2011 AB Haarlem") are not years.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from jobmatch.domain.errors import GuardError
from jobmatch.domain.guard_dates import dates_years_ages
from jobmatch.domain.guard_text import Normalised, normalise
from jobmatch.domain.guard_words import (
    COMPOUND_MIN_LENGTH,
    WORD,
    Lemmatise,
    WordLists,
    token_hit,
    views,
    word_lists,
)

FindingKind = Literal["organisation", "past", "date", "year", "age"]
__all__ = ["COMPOUND_MIN_LENGTH", "DocumentBlockedError", "Finding", "GuardConfig", "scan_text"]


@dataclass(frozen=True)
class GuardConfig:
    """Word lists from competencies/guard.toml (plus extra organisation names)."""

    organisations: tuple[str, ...] = ()
    past_words: tuple[str, ...] = ()
    allowed_words: tuple[str, ...] = ()
    # Names that are also ordinary words ("Fier", "De Haven"): they match only as written here
    # or all in capitals. Names in `organisations` written in capitals ("SHOP") do the same.
    case_sensitive_organisations: tuple[str, ...] = ()
    # Ordinary compound parts next to a short listed word: "voetbal" in "voetbalclub".
    innocent_parts: tuple[str, ...] = ()
    # Short words whose compounds are mostly ordinary ("club"): a compound blocks only when
    # its other part is one of `suspicious_parts` ("herenclub", "clubwerk").
    open_compound_words: tuple[str, ...] = ()
    suspicious_parts: tuple[str, ...] = ()
    # TR39 look-alike skeleton (character -> Latin prototype); the same for every config.
    confusables: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Finding:
    word: str
    kind: FindingKind
    where: str

    def __str__(self) -> str:
        return f"'{self.word}' ({_KIND_TEXT[self.kind]}) in {self.where}"


_KIND_TEXT: dict[FindingKind, str] = {
    "organisation": "naam van de organisatie / organisation name",
    "past": "woord over het verleden / word about the past",
    "date": "datum / date",
    "year": "jaartal / year",
    "age": "leeftijd / age",
}


def fold(text: str, confusables: Mapping[str, str] | None = None) -> str:
    """The guard's normalisation (guard_text.normalise): 'Privéhuis' -> 'privehuis'."""
    return normalise(text, confusables).text


def unaccent(text: str, confusables: Mapping[str, str] | None = None) -> str:
    """The same normalisation with the case kept: 'Fryslân' -> 'Fryslan'."""
    return normalise(text, confusables, keep_case=True).text


def _spread(part: str) -> str:
    """'spot46' -> a pattern that also allows separators between letters ('Spot 4-6')."""
    return r"[\W_]*".join(re.escape(ch) for ch in part)


def _phrases_pattern(
    phrases: Iterable[str],
    normalise_text: Callable[[str], str],
    flags: int = 0,
    *,
    spread: bool = False,
) -> re.Pattern[str] | None:
    """Whole-word match for any of the phrases; between words any separator or none.

    With `spread` (organisation names) separators may also stand between the letters of a
    word: "Uitweg 040", "St-ichting", "S.H.O.P.".
    """
    join_part = _spread if spread else re.escape
    alternatives = sorted(
        {
            r"[\W_]*".join(join_part(part) for part in normalise_text(p).split())
            for p in phrases
            if p.strip()
        },
        key=len,
        reverse=True,
    )
    if not alternatives:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])", flags)


def is_acronym(name: str) -> bool:
    """A name written in capitals ("SHOP", "P&G292"): it matches only in capitals."""
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _split_organisations(config: GuardConfig) -> tuple[list[str], list[str]]:
    """(names matched in any case, names matched only as written or in capitals)."""
    exact = [n for n in config.organisations if is_acronym(n)]
    exact += list(config.case_sensitive_organisations)
    exact += [n.upper() for n in config.case_sensitive_organisations]
    loose = [n for n in config.organisations if not is_acronym(n)]
    return loose, exact


@dataclass(frozen=True)
class _Matcher:
    """The word lists of one GuardConfig, normalised and compiled once."""

    organisations: re.Pattern[str] | None
    exact_organisations: re.Pattern[str] | None  # on the keep-case text
    phrases: re.Pattern[str] | None
    allowed_phrases: re.Pattern[str] | None
    allowed_kept: re.Pattern[str] | None  # the same phrases on the keep-case text
    words: WordLists
    # token -> verdict, per lemmatiser (tokens repeat across documents); bounded below.
    verdicts: dict[tuple[str, Lemmatise | None], bool] = field(default_factory=dict, compare=False)


@lru_cache(maxsize=8)
def _matcher(config: GuardConfig) -> _Matcher:
    table = config.confusables

    def folded(text: str) -> str:
        return fold(text.strip(), table)

    def kept(text: str) -> str:
        return unaccent(text.strip(), table)

    loose, exact = _split_organisations(config)
    past = [folded(w) for w in config.past_words if w.strip()]
    return _Matcher(
        organisations=_phrases_pattern(loose, folded, spread=True),
        exact_organisations=_phrases_pattern(exact, kept, spread=True),
        phrases=_phrases_pattern((w.replace("-", " ") for w in past if " " in w or "-" in w), str),
        allowed_phrases=_phrases_pattern((w for w in config.allowed_words if " " in w), folded),
        allowed_kept=_phrases_pattern(
            (w for w in config.allowed_words if " " in w), kept, re.IGNORECASE
        ),
        words=word_lists(
            past,
            (folded(w) for w in config.allowed_words),
            (folded(w) for w in config.innocent_parts),
            open_words=(folded(w) for w in config.open_compound_words),
            suspicious=(folded(w) for w in config.suspicious_parts),
        ),
    )


Hit = tuple[str, FindingKind]
MAX_CACHED_TOKENS = 200_000
_RIGHT_TO_LEFT = ("\u202e", "\u202b", "\u2067")


def _blank(text: str, pattern: re.Pattern[str] | None) -> str:
    if pattern is None:
        return text
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _word_hits(
    text: str, view: Normalised, matcher: _Matcher, lemmatise: Lemmatise | None
) -> Iterable[Hit]:
    masked = _blank(view.text, matcher.allowed_phrases)
    if matcher.organisations:
        for match in matcher.organisations.finditer(masked):
            yield view.source_span(text, match.start(), match.end()), "organisation"
    verdicts = matcher.verdicts
    for match in WORD.finditer(masked):
        key = (match.group(0), lemmatise)
        hit = verdicts.get(key)
        if hit is None:
            hit = token_hit(key[0], matcher.words, lemmatise)
            if len(verdicts) < MAX_CACHED_TOKENS:
                verdicts[key] = hit
        if hit:
            yield view.source_span(text, match.start(), match.end()), "past"
    if matcher.phrases:
        for match in matcher.phrases.finditer(masked):
            yield view.source_span(text, match.start(), match.end()), "past"


def _words(
    text: str, config: GuardConfig, matcher: _Matcher, lemmatise: Lemmatise | None
) -> Iterable[Hit]:
    for view in views(normalise(text, config.confusables)):
        yield from _word_hits(text, view, matcher, lemmatise)
    if any(mark in text for mark in _RIGHT_TO_LEFT):  # shown reversed: "trocse" reads "escort"
        backwards = text[::-1]
        for view in views(normalise(backwards, config.confusables)):
            yield from _word_hits(backwards, view, matcher, lemmatise)
    if matcher.exact_organisations:
        for view in views(normalise(text, config.confusables, keep_case=True))[:2]:
            masked = _blank(view.text, matcher.allowed_kept)
            for match in matcher.exact_organisations.finditer(masked):
                yield view.source_span(text, match.start(), match.end()), "organisation"


def _dates(text: str, config: GuardConfig) -> Iterable[Hit]:
    view = normalise(text, config.confusables, keep_case=True)
    for start, end, kind in dates_years_ages(view.text):
        yield view.source_span(text, start, end), kind


@lru_cache(maxsize=512)
def _hits(
    text: str, config: GuardConfig, lemmatise: Lemmatise | None
) -> tuple[tuple[Hit, ...], tuple[Hit, ...]]:
    """(word hits, date/year/age hits) of one text; cached, fixed parts repeat in every file."""
    words = tuple(_words(text, config, _matcher(config), lemmatise))
    return words, tuple(_dates(text, config))


def _spaced(word: str, config: GuardConfig) -> str:
    return " ".join(fold(word, config.confusables).split())


def _opted_in_dates(allowed: Iterable[str], config: GuardConfig) -> frozenset[str]:
    """The dates and years found in the opted-in texts, each as a whole: "2016 - 2019"
    allows that range where it is printed, not a lone "2019" elsewhere."""
    return frozenset(
        _spaced(word, config)
        for text in allowed
        for word, kind in _dates(text, config)
        if kind in ("date", "year")
    )


def scan_text(
    parts: Mapping[str, str],
    config: GuardConfig,
    *,
    allow_dates: bool = False,
    allowed_dates: Iterable[str] = (),
    lemmatise: Lemmatise | None = None,
) -> list[Finding]:
    """Every finding in every part, once per (word, kind, where), in part order.

    Ages are always checked. Dates and years pass when `allow_dates` is true, or when they
    occur in one of the `allowed_dates` texts (the fields the participant opted in for).
    """
    allowed = _opted_in_dates(allowed_dates, config)
    findings: dict[tuple[str, str, str], Finding] = {}
    for where, text in parts.items():
        words, dates = _hits(text, config, lemmatise)
        for word, kind in words + dates:
            if kind in ("date", "year") and (allow_dates or _spaced(word, config) in allowed):
                continue
            key = (word.strip(), kind, where)
            if key not in findings:
                findings[key] = Finding(word=word.strip(), kind=kind, where=where)
    return list(findings.values())


def describe(findings: Iterable[Finding], limit: int = 5) -> str:
    """One message naming the words and where they are, Dutch first."""
    found = list(findings)
    shown = "; ".join(str(finding) for finding in found[:limit])
    more = f" (+{len(found) - limit})" if len(found) > limit else ""
    return (
        "Document tegengehouden: het bevat iets dat het verleden kan verraden / "
        f"document blocked, it may reveal the past: {shown}{more}"
    )


class DocumentBlockedError(GuardError):
    """The guard found something; `findings` lists each word, its kind and where."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings = tuple(findings)
        super().__init__(describe(self.findings))
