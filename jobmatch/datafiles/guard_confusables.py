"""The Unicode TR39 look-alike table for the guard, from the confusable-homoglyphs package.

The package ships confusables.json (Unicode's confusables.txt as a map: character -> its
look-alikes). The guard needs a skeleton: every non-ASCII character that looks like a Latin
letter or digit, mapped to that letter ("е" Cyrillic -> "e", "ο" Greek -> "o"); vertical
strokes ("ӏ", "І", "ℓ") map to "|", read as both "i" and "l". Small capitals
("ᴇ") are mapped by their Unicode name, because TR39 links them only to other non-Latin
letters. Read once per process.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from importlib import resources

_SMALL_CAPITAL = "LATIN LETTER SMALL CAPITAL "
_MAX_CODE_POINT = 0x1FFFF


# Vertical strokes look like "i", "l", "I", "1" and "|" at once: they map to "|", which the guard
# reads both as "i" and as "l" (guard_words.views), so "bordeeӏ" is caught either way.
_STROKES = frozenset("ilI1|")
STROKE = "|"


def _ascii_target(alternatives: list[dict[str, str]]) -> str | None:
    targets = [a.get("c", "") for a in alternatives]
    if any(target in _STROKES for target in targets):
        return STROKE
    for target in targets:
        if target and target.isascii() and target.isalnum() and len(target) <= 2:
            return target
    return None


def _small_capitals() -> dict[str, str]:
    table: dict[str, str] = {}
    for code in range(0x1D00, 0x1D2C):
        name = unicodedata.name(chr(code), "")
        letter = name.removeprefix(_SMALL_CAPITAL)
        if name.startswith(_SMALL_CAPITAL) and len(letter) == 1:
            table[chr(code)] = letter.lower()
    for ch in "ʀʏʙɢʜʟɴɪ":
        letter = unicodedata.name(ch).removeprefix(_SMALL_CAPITAL)
        table[ch] = letter.lower()
    return table


@lru_cache(maxsize=1)
def confusables_table() -> dict[str, str]:
    """Non-ASCII character -> the ASCII letter(s) or digit it imitates."""
    raw = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    data: dict[str, list[dict[str, str]]] = json.loads(raw)
    table: dict[str, str] = {}
    for character, alternatives in data.items():
        if len(character) != 1 or character.isascii() or ord(character) > _MAX_CODE_POINT:
            continue
        target = _ascii_target(alternatives)
        if target is not None:
            table[character] = target
    table.update(_small_capitals())
    return table
