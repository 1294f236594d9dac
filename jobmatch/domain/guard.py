"""The guard: words in a document that could reveal a participant's past.

Pure standard library. `scan_text` gets every text part of a rendered document (by where it
was found, e.g. "word/document.xml", "PDF page 1") and returns one Finding per hit:
- organisation: the name of a helping organisation (phrase, whole words). A name written in
  capitals ("SHOP", "PROUD") and a name listed under `case_sensitive_organisations` ("Fier",
  "De Haven") match only as written (or all in capitals), so "coffee shop", "proud" and "aan de
  haven" pass; every other name matches in any case;
- past: a word that reveals the past, also inside a compound ("escortbureau"); words of fewer
  than five letters ("club", "raam", "seks") only count as a whole word, so "sportclub" and
  "raamwerk" pass; words in `allowed_words` always pass;
- date, year, age: unless the participant opted in (`allow_dates=True`).
Money ("€ 2.000"), hours ("38 uur"), phone numbers and postcodes ("2011 AB") are not years.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from jobmatch.domain.errors import GuardError

FindingKind = Literal["organisation", "past", "date", "year", "age"]
COMPOUND_MIN_LENGTH = 5

_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    "|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
    "|january|february|march|may|june|july|august|october"
)
_YEAR = r"(?:19[5-9]\d|20[0-3]\d)"
_DATE_PATTERNS = (
    re.compile(
        rf"(?<!\w){_YEAR}\s*(?:-|–|/|tot|t/m|to|until)\s*(?:{_YEAR}|'?\d{{2}}|heden|nu|now|present|today)(?!\w)",
        re.I,
    ),
    re.compile(r"(?<!\d)\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}(?!\d)"),
    re.compile(
        rf"(?<!\w)\d{{1,2}}(?:e|ste|de|st|nd|rd|th)?\s+(?:{_MONTHS})\.?(?:,?\s+(?:{_YEAR}|'\d{{2}}))?(?!\w)",
        re.I,
    ),
    re.compile(rf"(?<!\w)(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\w)", re.I),
    re.compile(rf"(?<!\w)(?:{_MONTHS})\.?\s+(?:{_YEAR}|'\d{{2}})(?!\w)", re.I),
    re.compile(r"(?<!\w)(?:begin|eind|midden|zomer|winter|voorjaar|najaar)\s+'\d{2}(?!\w)", re.I),
)
_YEAR_PATTERN = re.compile(rf"(?<![\w.,])(?:['’]?{_YEAR}|['’]\d{{2}})(?![\w,'’]|\.\d)")
# Ages, not durations: "34 jaar oud", "34-jarige", "34 years old", "ik ben 34 (jaar)", "age 34".
# "15 jaar ervaring" and "3 years of experience" are durations: they reveal no date and pass.
_AGE = r"(?:1[5-9]|[2-9]\d)"
_AGE_PATTERNS = (
    re.compile(
        rf"(?<!\w){_AGE}\s*(?:-\s*)?(?:jaar\s+oud|jarige?|years?[ -]old|y/?o)(?!\w)"
        r"(?!\s+(?:werk|praktijk)?ervaring)",  # "20-jarige ervaring" is a duration
        re.I,
    ),
    re.compile(
        rf"(?<!\w)(?:ik\s+ben|i\s+am|i'm|i’m)\s+{_AGE}(?:\s+(?:jaar|years))?"
        r"(?=\s*(?:[.,;:!?)]|$|en\b|and\b))",
        re.I | re.M,
    ),
    re.compile(r"(?<!\w)(?:age|aged|leeftijd)\s*:?\s*\d{1,2}(?!\w)", re.I),
    re.compile(
        r"(?<!\w)(?:leeftijd|geboortedatum|geboortejaar|geboren|date of birth|born|"
        r"year of birth|birthday|verjaardag)(?!\w)",
        re.I,
    ),
)
# Phone numbers (9+ digits in one run) and Dutch postcodes are masked before the year check.
_MONEY = re.compile(r"(?:[€$£]|eur\b|euro\b)\s*\d[\d.,]*|\d[\d.,]*\s*(?:euro|eur)\b", re.I)
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
_PHONE = re.compile(r"(?:\+|\b)\d[\d ()\-]{7,}\d\b")
_POSTCODE = re.compile(r"\b\d{4}\s?[A-Z]{2}\b")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Invisible characters (soft hyphen, zero-width space/joiners, bidi marks, variation
# selectors, tag characters): removed before scanning, or "es\u00adcort" would pass while a
# reader sees "escort".
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufe00-\ufe0f\ufeff\U000e0000-\U000e007f]"
)


@dataclass(frozen=True)
class GuardConfig:
    """Word lists from competencies/guard.toml (plus extra organisation names)."""

    organisations: tuple[str, ...] = ()
    past_words: tuple[str, ...] = ()
    allowed_words: tuple[str, ...] = ()
    # Names that are also ordinary words ("Fier", "De Haven"): they match only as written here
    # or all in capitals. Names in `organisations` written in capitals ("SHOP") do the same.
    case_sensitive_organisations: tuple[str, ...] = ()


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


def fold(text: str) -> str:
    """Lower case without accents: 'Privéhuis' -> 'privehuis'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def unaccent(text: str) -> str:
    """Accents removed, case kept: 'Fryslân' -> 'Fryslan'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _phrases_pattern(
    phrases: Iterable[str], normalise: Callable[[str], str] = fold
) -> re.Pattern[str] | None:
    """Whole-word match for any of the phrases; a space may also be a hyphen or nothing."""
    alternatives = sorted(
        {
            r"[\s-]*".join(re.escape(part) for part in normalise(p).split())
            for p in phrases
            if p.strip()
        },
        key=len,
        reverse=True,
    )
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


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
    """The word lists of one GuardConfig, folded and compiled once."""

    organisations: re.Pattern[str] | None
    exact_organisations: re.Pattern[str] | None  # on the unaccented text, case kept
    phrases: re.Pattern[str] | None
    allowed_phrases: re.Pattern[str] | None
    exact: frozenset[str]
    inside: re.Pattern[str] | None
    allowed: frozenset[str]


@lru_cache(maxsize=8)
def _matcher(config: GuardConfig) -> _Matcher:
    singles = {fold(w.strip()) for w in config.past_words if w.strip() and " " not in w.strip()}
    long_words = sorted((w for w in singles if len(w) >= COMPOUND_MIN_LENGTH), key=len)
    loose, exact = _split_organisations(config)
    return _Matcher(
        organisations=_phrases_pattern(loose),
        exact_organisations=_phrases_pattern(exact, unaccent),
        phrases=_phrases_pattern(w for w in config.past_words if " " in w.strip()),
        allowed_phrases=_phrases_pattern(w for w in config.allowed_words if " " in w.strip()),
        exact=frozenset(singles),
        inside=re.compile("|".join(map(re.escape, long_words))) if long_words else None,
        allowed=frozenset(fold(w.strip()) for w in config.allowed_words),
    )


Hit = tuple[str, FindingKind]


def _as_written(text: str, folded: str, match: re.Match[str]) -> str:
    """The matched words as they appear in the text (folding rarely changes the length)."""
    return text[match.start() : match.end()] if len(text) == len(folded) else match.group(0)


def _words(text: str, folded: str, matcher: _Matcher) -> Iterable[Hit]:
    if matcher.organisations:
        for match in matcher.organisations.finditer(folded):
            yield _as_written(text, folded, match), "organisation"
    if matcher.exact_organisations:
        plain = unaccent(text)
        for match in matcher.exact_organisations.finditer(plain):
            yield _as_written(text, plain, match), "organisation"
    masked = folded
    if matcher.allowed_phrases:
        masked = matcher.allowed_phrases.sub(lambda m: " " * len(m.group(0)), masked)
    for match in _WORD.finditer(masked):
        token = match.group(0)
        if token in matcher.allowed:
            continue
        inside = matcher.inside.search(token.replace("-", "")) if matcher.inside else None
        if token in matcher.exact or inside:
            yield _as_written(text, folded, match), "past"
    if matcher.phrases:
        for match in matcher.phrases.finditer(masked):
            yield _as_written(text, folded, match), "past"


def _dates_years_ages(text: str) -> Iterable[Hit]:
    masked = text
    for pattern in (_URL, _MONEY, _POSTCODE):
        masked = pattern.sub(lambda m: "#" * len(m.group(0)), masked)
    masked = _PHONE.sub(
        lambda m: (
            "#" * len(m.group(0)) if sum(c.isdigit() for c in m.group(0)) >= 9 else m.group(0)
        ),
        masked,
    )
    for pattern in _AGE_PATTERNS:
        for match in pattern.finditer(masked):
            yield match.group(0), "age"
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(masked):
            yield match.group(0), "date"
            masked = masked[: match.start()] + "#" * len(match.group(0)) + masked[match.end() :]
    for match in _YEAR_PATTERN.finditer(masked):
        yield match.group(0), "year"


@lru_cache(maxsize=256)
def _hits(text: str, config: GuardConfig, allow_dates: bool) -> tuple[Hit, ...]:
    """What one text holds (cached: fixed parts such as the theme repeat in every file)."""
    text = _INVISIBLE.sub("", text)
    hits = list(_words(text, fold(text), _matcher(config)))
    if not allow_dates:
        hits.extend(_dates_years_ages(text))
    return tuple(hits)


def scan_text(
    parts: Mapping[str, str], config: GuardConfig, *, allow_dates: bool = False
) -> list[Finding]:
    """Every finding in every part, once per (word, kind, where), in part order."""
    findings: dict[tuple[str, str, str], Finding] = {}
    for where, text in parts.items():
        for word, kind in _hits(text, config, allow_dates):
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
