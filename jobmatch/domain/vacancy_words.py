"""The vacancy's own words as printed on a CV, letter or pitch.

- the title: the job, not the hours, contract, level or place (`clean_vacancy_title`);
- the evidence wording next to a competency label, only when it is true for this
  participant (`true_wording`): it shares a content stem with her own evidence for that
  competency, or it is a form of the label. "verschonen" (changing nappies) is not printed
  next to "Schoonmaken" for someone who cleaned hotel rooms.
"""

from __future__ import annotations

import re
import unicodedata

# What a vacancy title carries besides the job itself: hours, contract, shifts, level, place.
_TITLE_SEPARATOR = re.compile(r"\s+[–—|-]\s+|\s*\|\s*")
# fmt: off
_TITLE_EXTRA_WORDS = frozenset({
    "uur", "uren", "fulltime", "parttime", "fte", "dagdienst", "avond", "avonden", "nacht",
    "weekend", "ploegendienst", "dienst", "vroege", "late", "oproep", "oproepbasis", "bijbaan",
    "tijdelijk", "vast", "contract", "via", "uitzendbureau", "mbo", "hbo", "wo", "bbl", "bol",
    "niveau", "m", "v", "x", "speaking", "sprekend", "hours", "shift",
})
# fmt: on
_PARENS = re.compile(r"\s*\(([^()]*)\)")


def _title_extra(part: str) -> bool:
    """True for "(20-28 uur)", "(m/v/x)", "(MBO 4 / HBO)", "(Zoetermeer)"."""
    words = re.findall(r"[^\W\d_]+", part)
    if any(ch.isdigit() for ch in part) or not words:
        return True
    if any(word.casefold() in _TITLE_EXTRA_WORDS for word in words):
        return True
    return all(word[0].isupper() for word in words)  # a place: "(Zoetermeer)", "(Den Haag)"


def clean_vacancy_title(title: str) -> str:
    """The job title without hours, contract, level or place, and without emoji:
    "Groepsassistent kinderopvang (20-28 uur)" -> "Groepsassistent kinderopvang",
    "Receptionist(e) hotel – fulltime 38 uur" -> "Receptionist(e) hotel"."""
    text = "".join(ch for ch in title if unicodedata.category(ch) != "So")  # emoji
    text = " ".join(text.split())
    head = _TITLE_SEPARATOR.split(text, maxsplit=1)[0].strip()
    if len(head) >= 2:
        text = head
    text = _PARENS.sub(lambda m: "" if _title_extra(m.group(1)) else m.group(0), text)
    text = " ".join(text.split()).strip(" ,;:/-–")
    return text


def title_in_sentence(title: str) -> str:
    """A job title inside a sentence: "Groepsassistent kinderopvang" -> "groepsassistent
    kinderopvang"; names with more capitals ("Customer Service Agent") stay as written."""
    words = title.split()
    if not words or not words[0][1:2].islower():
        return title
    if any(w[:1].isupper() and w[1:2].islower() for w in words[1:]):
        return title
    return title[0].lower() + title[1:]


def job_title(vacancy_title: str) -> str:
    """The vacancy title as printed in a sentence: cleaned, first letter small when usual."""
    return title_in_sentence(clean_vacancy_title(vacancy_title))


SPAN_WORDS = 3  # longer spans are clauses ("maakt de groep schoon"), not labels
STEM = 5
# fmt: off
_GENERIC = frozenset({
    "maak", "maakt", "maakte", "maken", "werk", "werkt", "werkte", "werken", "doet", "doen",
    "deed", "heeft", "hebben", "zijn", "wordt", "worden", "gaat", "gaan", "kunnen", "goed",
    "graag", "samen", "voor", "door", "naar", "over", "bent", "jouw", "jezelf", "mijn", "zelf",
    "with", "work", "works", "working", "your", "have", "make",
})
# fmt: on
_CONTENT = re.compile(r"[^\W\d_]{4,}")


def _content_words(text: str) -> set[str]:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return {w for w in _CONTENT.findall(plain) if w not in _GENERIC}


def _related(a: str, b: str) -> bool:
    """Same word, a shared stem ("gastvrij"/"gastvrijheid", "zorg"/"zorgde"), or one inside
    the other's compound ("kamers"/"hotelkamers"); four-letter words only as a prefix."""
    short, long = sorted((a, b), key=len)
    if short == long or long.startswith(short):
        return True
    if len(short) < STEM:
        return False
    return a[:STEM] == b[:STEM] or short in long


def true_wording(span: str, label: str, evidence: str) -> bool:
    """The vacancy's span may stand next to the label: a short phrase that shares a content
    stem with the participant's own evidence, or a form of the label itself."""
    if len(span.split()) > SPAN_WORDS:
        return False
    words = _content_words(span)
    known = _content_words(label) | _content_words(evidence)
    return any(_related(w, k) for w in words for k in known)


def adds_to(extra: str, text: str) -> bool:
    """True when `extra` says something `text` does not: "MBO 2" adds to "Kappersopleiding";
    "NT2 B1" adds nothing to "NT2 B1" or "Cursus NT2 B1"."""
    words = re.findall(r"\w+", extra.casefold())
    have = set(re.findall(r"\w+", text.casefold()))
    return any(word not in have for word in words)
