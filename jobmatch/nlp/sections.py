"""Split a posting into lines with their section: tasks, requirements, offers, employer, apply.

Real postings run headings into the next word ("Dit breng je mee• Je hebt…"), use many bullet
characters and emoji, and sometimes repeat the "about the employer" block. The text is first
normalised (bullets on their own line, repeated long lines dropped), then each line is checked
for a heading at its start.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from jobmatch.nlp.headings import HEADINGS, Section

ASKING: frozenset[Section] = frozenset({"intro", "tasks", "requirements"})
MAX_CHARS = 100_000
_DUPLICATE_MIN = 40

_BULLET = re.compile(r"[•·▪●◦■□➢➤►▶✓✔✅☑❖→]")
_BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|div|h[1-6]|tr|table)\b[^<>]{0,200}>", re.I)
_INLINE_TAG = re.compile(r"</?(?:b|i|u|em|strong|span|a|font)\b[^<>]{0,200}>", re.I)
_LONG = 60
# "…houdt de administratie bij.Je hebt ervaring": a sentence glued to the next one.
_RUN_TOGETHER = re.compile(r"(\b[a-zà-ÿ]{2,}[.!?])([A-Z][a-zà-ÿ])")
_LONG_RUN = re.compile(r"\S{60}")
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_LEAD = re.compile(r"^[\W_]+")  # bullets, dashes, emoji, '#', '*' before the words
_ITEM_LEAD = re.compile(
    "^[\\s\\-*–—#>+•·▪●◦■□➢➤►▶✓✔✅☑❖→\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]+"
)

_HEADING_RES = tuple(
    (
        re.compile(rf"(?:{'|'.join(alternatives)})\b\s*([:?!.]*)\s*(.*)", re.IGNORECASE),
        section,
        strong,
    )
    for section, strong, alternatives in HEADINGS
)
# One group per entry of HEADINGS: the first group that matches is the first entry to try.
_ANY_HEADING = re.compile(
    "(?:" + "|".join(f"({'|'.join(alternatives)})" for _, _, alternatives in HEADINGS) + r")\b",
    re.IGNORECASE,
)
_OVER_NAME = re.compile(r"(?i:over)\s+[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3}\s*[:?]?\s*$")
# "Over MetaalMatch: MetaalMatch verbindt vakmensen ...": the heading and the company story on
# one line (agency boilerplate); the rest of the line is about the employer.
_OVER_NAME_INLINE = re.compile(
    r"(?i:over)\s+(?:(?i:ons)|[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3})\s*:\s*(\S.*)$"
)
_NICE_HEADING = re.compile(
    r"plus(?:punten|sen)|pré'?s|pre'?s|nice to have|mooi meegenomen|bonuspunten|extra punten"
    r"|strekt tot aanbeveling|wat is een pluspunt",
    re.IGNORECASE,
)

# A word every _NICE_HEADING alternative holds (a fast test before the regex).
_NICE_HEADING_WORDS = ("plus", "pre", "pré", "nice to", "meegenomen", "bonus", "extra", "strekt")


@dataclass(frozen=True)
class Line:
    """One line of the posting, its section, and whether its section lists nice-to-haves."""

    text: str
    section: Section
    nice_section: bool = False


def normalise(text: str) -> str:
    """Bullets on their own lines, no control characters or HTML left-overs, capped at MAX_CHARS."""
    text = text[:MAX_CHARS].replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if "<" in text or "&" in text:
        text = html.unescape(_BLOCK_TAG.sub("\n", _INLINE_TAG.sub("", text)))
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    text = _RUN_TOGETHER.sub(r"\1 \2", text)
    return _BULLET.sub("\n• ", break_long_runs(_CONTROL.sub("", text)))


def break_long_runs(text: str) -> str:
    """A space after every 60 characters without one: the tokenizer is slow on huge 'words'."""
    if len(text) <= _LONG or max(map(len, text.split()), default=0) < _LONG:
        return text  # str.split and the regex \S agree on whitespace
    return _LONG_RUN.sub(r"\g<0> ", text)


def _heading(line: str) -> tuple[Section, str, bool] | None:
    """(section, rest of the line, nice) when the line starts with a heading."""
    stripped = (line if line[:1].isalnum() else _LEAD.sub("", line)).strip().rstrip("*_#= ")
    if not stripped:
        return None
    first = _ANY_HEADING.match(stripped)
    if not first:
        return _other_heading(stripped)
    words = len(stripped.split())
    for regex, section, strong in _HEADING_RES[(first.lastindex or 1) - 1 :]:
        match = regex.match(stripped)
        if not match:
            continue
        punct, rest = match.group(1), match.group(2).strip()
        if (
            strong
            or (not rest and words <= 7)
            or punct[:1] == ":"
            or (punct[:1] == "?" and words <= 12)
            or (words <= 8 and stripped[-1] in "?:")
        ):
            if words <= 8 and stripped[-1] in "?:" and not punct:
                rest = ""
            return section, rest, bool(_NICE_HEADING.search(stripped[: match.start(2)]))
    return _other_heading(stripped)


def _other_heading(stripped: str) -> tuple[Section, str, bool] | None:
    """A short "Pluspunten" line, or "Over <Name>" (about the employer)."""
    if (
        mentions(stripped, _NICE_HEADING_WORDS)
        and len(stripped.split()) <= 6
        and _NICE_HEADING.search(stripped)
    ):
        return "requirements", "", True
    if stripped[:4].lower() == "over" and _OVER_NAME.match(stripped):
        return "employer", "", False
    inline = _OVER_NAME_INLINE.match(stripped) if stripped[:4].lower() == "over" else None
    if inline:
        return "employer", inline.group(1), False
    return None


def split_sections(text: str) -> list[Line]:
    """The non-empty lines of a posting with their section (repeated long lines once)."""
    lines: list[Line] = []
    seen: set[str] = set()
    section: Section = "intro"
    nice = False
    for raw in normalise(text).split("\n"):
        line = raw.strip()
        if not line:
            continue
        if len(line) >= _DUPLICATE_MIN:  # the key is never longer than the line
            key = " ".join(line.lower().split())
            if len(key) >= _DUPLICATE_MIN:
                if key in seen:
                    continue
                seen.add(key)
        found = _heading(line)
        if found:
            section, line, nice = found
            if not line:
                continue
        lines.append(Line(line, section, nice))
    return lines


def mentions(text: str, words: tuple[str, ...]) -> bool:
    """Does the lowercase text contain any of the words?"""
    lower = text.lower()
    return any(word in lower for word in words)


def clean_item(line: str) -> str:
    """A line without its bullet or emoji, for lists such as offers."""
    return _ITEM_LEAD.sub("", line).strip()
