"""The vacancy's own words as printed on a CV, letter or pitch.

- the title: the job, not the hours, contract, level, place or other debris (`titles`);
- the evidence wording next to a competency label, only when it is true for this
  participant (`true_wording`): it shares a content stem with her own evidence for that
  competency, or it is a form of the label. "verschonen" (changing nappies) is not printed
  next to "Schoonmaken" for someone who cleaned hotel rooms.
"""

from __future__ import annotations

import re
import unicodedata

from jobmatch.domain.titles import clean_title, job_in_text


def clean_vacancy_title(title: str) -> str:
    """The job title without the job board's debris (see `titles.clean_title`)."""
    return clean_title(title)


def job_title(vacancy_title: str, lang: str = "nl") -> str:
    """The vacancy title as printed in a sentence (see `titles.job_in_text`)."""
    return job_in_text(vacancy_title, lang)


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
