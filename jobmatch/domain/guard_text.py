"""One normalisation before every guard check, and the characters refused at input.

Pure standard library. `normalise` applies, per character and in this order: Unicode NFKC
(compatibility letters, fullwidth and superscript digits), removal of combining marks, case
folding, the look-alike skeleton (Unicode TR39 confusables, a mapping passed in by the caller:
datafiles/guard.py reads it from the confusable-homoglyphs package), removal of every
default-ignorable code point, and digits of every script mapped to 0-9. Each output character
remembers the input character it came from, so a finding is reported as the reader sees it.

`refused_characters` names what has no business in a CV (bidi controls, private use,
variation selectors, tag characters, Hangul/Mongolian fillers, control characters): these
are refused at input with a message naming the field, never silently stripped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

# Default-ignorable code points (Unicode DerivedCoreProperties, Default_Ignorable_Code_Point).
_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
# Refused at input: (first, last, reason in Dutch / English).
_REFUSED_RANGES = (
    (0x061C, 0x061C, "tekstrichting-teken / text direction mark"),
    (0x200E, 0x200F, "tekstrichting-teken / text direction mark"),
    (0x202A, 0x202E, "tekstrichting-teken / text direction control"),
    (0x2066, 0x2069, "tekstrichting-teken / text direction isolate"),
    (0xFE00, 0xFE0F, "variantkiezer / variation selector"),
    (0xE0100, 0xE01EF, "variantkiezer / variation selector"),
    (0x180B, 0x180F, "Mongools stuurteken / Mongolian selector"),
    (0xE0000, 0xE007F, "label-teken / tag character"),
    (0x115F, 0x1160, "opvulteken / filler"),
    (0x3164, 0x3164, "opvulteken / filler"),
    (0xFFA0, 0xFFA0, "opvulteken / filler"),
    (0x2800, 0x2800, "leeg brailleteken / blank braille pattern"),
    (0xFFF9, 0xFFFC, "stuurteken / annotation control"),
)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\u0060\u00b4"
_PUNCT = str.maketrans({**dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_QUOTES, "'")})


def is_ignorable(ch: str) -> bool:
    code = ord(ch)
    return any(first <= code <= last for first, last in _IGNORABLE_RANGES)


def refusal_reason(ch: str) -> str | None:
    """Why this character has no business in a CV, or None when it is fine."""
    code = ord(ch)
    for first, last, reason in _REFUSED_RANGES:
        if first <= code <= last:
            return reason
    category = unicodedata.category(ch)
    if category == "Co":
        return "privé-teken / private-use character"
    if category == "Cc" and ch not in "\n\r\t":
        return "stuurteken / control character"
    if category == "Cn":
        return "onbekend teken / unassigned character"
    return None


def refused_characters(text: str) -> list[str]:
    """One line per refused character kind: 'U+202E (tekstrichting-teken / …)'."""
    seen: dict[str, str] = {}
    for ch in text:
        reason = refusal_reason(ch)
        if reason and reason not in seen.values():
            seen[f"U+{ord(ch):04X}"] = reason
    return [f"{code} ({reason})" for code, reason in seen.items()]


@dataclass(frozen=True)
class Normalised:
    """The normalised text and, per character, the index of the input character."""

    text: str
    origin: tuple[int, ...]

    def source_span(self, source: str, start: int, end: int) -> str:
        """The input text behind normalised characters [start, end)."""
        if start >= end or not self.origin:
            return ""
        span = source[self.origin[start] : self.origin[end - 1] + 1]
        return "".join(ch for ch in span if not is_ignorable(ch))


def fold_char(ch: str, confusables: Mapping[str, str], *, keep_case: bool = False) -> str:
    """The normalised form of one character (may be empty or several characters)."""
    if is_ignorable(ch):
        return ""
    pieces = []
    for raw in unicodedata.normalize("NFKD", ch.translate(_PUNCT)):
        if unicodedata.combining(raw) or is_ignorable(raw):
            continue
        if raw.isascii():
            pieces.append(raw if keep_case else raw.casefold())
            continue
        digit = unicodedata.decimal(raw, None)
        if digit is not None:  # before the skeleton: Devanagari zero is not the letter o
            pieces.append(str(digit))
            continue
        # The skeleton of the character as typed when compatibility decomposition left a
        # non-Latin letter ("ϲ" lunate sigma decomposes to "ς", but looks like "c"), then of
        # the decomposed character ("Ν" Greek capital -> "N"), then of its case-folded form
        # ("ν" would otherwise become "v").
        part = confusables.get(ch) or confusables.get(raw) or confusables.get(raw.casefold(), raw)
        part = part if keep_case else part.casefold()
        pieces.append("".join(c for c in part if not unicodedata.combining(c)))
    return "".join(pieces)


def normalise(
    text: str, confusables: Mapping[str, str] | None = None, *, keep_case: bool = False
) -> Normalised:
    """NFKC, no marks, case folded (unless keep_case), skeleton, no ignorables, 0-9 digits."""
    table = confusables or {}
    out: list[str] = []
    origin: list[int] = []
    cache: dict[str, str] = {}
    for index, ch in enumerate(text):
        piece = cache.get(ch)
        if piece is None:
            piece = ch if ch.isascii() and (keep_case or not ch.isupper()) else None
            piece = piece if piece is not None else fold_char(ch, table, keep_case=keep_case)
            cache[ch] = piece
        out.append(piece)
        origin.extend([index] * len(piece))
    return Normalised("".join(out), tuple(origin))
