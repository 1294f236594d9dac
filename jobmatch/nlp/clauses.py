"""Clauses of a posting line: what is marked nice-to-have, what is negated.

Conventions follow tests/data/README.md: only what is *required* counts; a nice-to-have
("is een pluspunt", "bij voorkeur", "gewenst") is not a requirement. The phrases live in one
table, competencies/nice_phrases.toml, shared with nlp/asked.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from jobmatch.datafiles.phrases import NicePhrases, load_nice_phrases

_CLAUSE = re.compile(
    r"[.;!?]\s|\s[–-]\s|,\s(?=[A-Za-z]+ (?:is|zijn|are)\b)|,\s(?=bij voorkeur|liefst|preferabl)",
    re.IGNORECASE,
)


def nice_phrases() -> NicePhrases:
    """The one table of nice-to-have phrases (competencies/nice_phrases.toml)."""
    return load_nice_phrases()


def mentions(text: str, words: Sequence[str]) -> bool:
    """Fast prefilter before a regex: does the lowercase text contain any of the words?"""
    return any(map(text.lower().__contains__, words))


def is_nice(text: str) -> bool:
    """True when the text marks what it names as nice-to-have ("Rijbewijs B gewenst")."""
    return nice_phrases().marks(text)


def clauses(line: str) -> list[str]:
    """A line cut into sentences/clauses, so a pluspunt in one does not taint the other."""
    return [part for part in _CLAUSE.split(line) if part.strip()]


def required_clauses(lines: Sequence[str]) -> Scan:
    """The clauses that are not marked as nice-to-have."""
    scan = lines if isinstance(lines, Scan) else Scan(lines)
    table = nice_phrases()
    nice = {i for i in parts_with(table.keys, scan, table.whole) if table.pattern.search(scan[i])}
    if not nice:
        return scan  # the same parts: keeps the joined text made for the test above
    return Scan(
        part
        for index, line in enumerate(scan)
        for part in (clauses(line) if index in nice else (line,))
        if index not in nice or not is_nice(part)
    )


class Scan(tuple[str, ...]):
    """Parts (lines or clauses) that keep their lowercase joined text once it is made, so
    several prefilters over the same parts scan it without joining it again."""

    def joined(self) -> tuple[str, list[int]] | None:
        """The lowercase joined text and where each part starts; None when lowercasing
        changed the length (offsets would not fit)."""
        cached: tuple[str, list[int]] | bool | None = self.__dict__.get("_joined", False)
        if cached is False:
            lower = "\n".join(self).lower()
            starts = [0, *accumulate(len(part) + 1 for part in self)]
            cached = (lower, starts[:-1]) if len(lower) == starts[-1] - 1 else None
            self.__dict__["_joined"] = cached
        return cached if isinstance(cached, tuple) else None


def parts_with(
    words: Sequence[str], parts: Sequence[str], whole: frozenset[str] = frozenset()
) -> dict[int, str]:
    """{index: part}, in order, for the parts whose lowercase text holds one of the words
    (a word in `whole` only as a whole word). One substring scan of the joined text per word:
    a fast prefilter before per-part regexes, which must still be checked on each part."""
    joined = (parts if isinstance(parts, Scan) else Scan(parts)).joined()
    if joined is None:
        return {i: part for i, part in enumerate(parts) if mentions(part, words)}
    lower, starts = joined
    hits: set[int] = set()
    for word in words:
        position = lower.find(word)
        while position != -1:
            end = position + len(word)
            if word not in whole or (_edge(lower, position - 1) and _edge(lower, end)):
                hits.add(bisect_right(starts, position) - 1)
            position = lower.find(word, end)
    return {index: parts[index] for index in sorted(hits)}


def parts_matching(pattern: re.Pattern[str], parts: Sequence[str]) -> dict[int, str]:
    """{index: part}, in order, for the parts that hold a match of `pattern`, with one search
    of the lowercase joined text. Only for patterns that never match a line break or need one
    and that lowercasing does not change (digits, punctuation)."""
    scan = parts if isinstance(parts, Scan) else Scan(parts)
    joined = scan.joined()
    if joined is None:
        return {i: part for i, part in enumerate(scan) if pattern.search(part)}
    lower, starts = joined
    found: dict[int, str] = {}
    for match in pattern.finditer(lower):
        index = bisect_right(starts, match.start()) - 1
        found.setdefault(index, scan[index])
    return found


def _edge(text: str, position: int) -> bool:
    """True when `position` is outside the text or not a word character (a \\b edge)."""
    return not (0 <= position < len(text)) or not (
        text[position].isalnum() or text[position] == "_"
    )


NEGATION_REACH = 40
NO = re.compile(r"\b(?:geen|nooit|zonder|no|never|niet|not)\b[^.,;\n]{0,25}$", re.I)
NOT_NEEDED = re.compile(r"^[^.;\n]{0,30}(?:niet nodig|not needed|not required|geen vereiste)", re.I)


def negated(text: str, position: int) -> bool:
    """A negation ("geen", "niet", "no") shortly before the position, in the same clause."""
    return bool(NO.search(text[max(position - NEGATION_REACH, 0) : position]))


def found(regex: re.Pattern[str], part: str) -> bool:
    """A match that is not negated ("geen rijbewijs") nor followed by "niet nodig"."""
    return any(
        not negated(part, m.start()) and not NOT_NEEDED.match(part[m.end() :])
        for m in regex.finditer(part)
    )
