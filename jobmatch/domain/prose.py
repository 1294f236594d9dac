"""Writing faults an employer notices first, found in a document's text (for tests and bench).

- repeated: the same sentence (four words or more) twice in one document;
- doubled: doubled punctuation (".." ",," ". .") or a doubled word ("de de");
- comma_en: a comma before "en" in Dutch text ("plannen en organiseren, en financieel beheer");
- debris: job-board debris from a posting title ("(m/v/x)", "#1052", "fte", "| Amsterdam" in
  a sentence (the contact line uses " | "),
  "Alleen voor inwoners", "Resident Only", "Vacature in …:", salary, broken characters);
- capital: a word of the job title with a capital in the middle of a Dutch sentence ("als
  Huishoudelijk medewerker");
- long: a sentence of more than LONG_SENTENCE words.
"""

from __future__ import annotations

import re

from jobmatch.domain.own_words import key
from jobmatch.domain.titles import lower_word
from jobmatch.domain.wording import sentences, word_count

FAULTS = ("repeated", "doubled", "comma_en", "debris", "capital", "long")
LONG_SENTENCE = 30
MIN_REPEAT_WORDS = 4
_DOUBLE_PUNCT = re.compile(r"(?<!\.)([.,;:!?])\s*(?:\1|[.,;:](?!\.))(?!\.)")
_DOUBLE_WORD = re.compile(r"\b(\w{2,})\s+\1\b", re.IGNORECASE)
_DEBRIS = re.compile(
    r"\(m/v(?:/x)?\)|\bm/v/x\b|#\d|\bfte\b|\s\|\s.*\.$|alleen voor inwoners|resident only|"
    r"vacature in [^.:]*:|salaris|salary|€|\ufffd|Ã|\w\?\w|\be\.o\.",
    re.IGNORECASE | re.MULTILINE,
)


def _sentences(text: str) -> list[str]:
    return [s for line in text.splitlines() for s in sentences(line)]


def repeated(text: str) -> bool:
    seen: set[str] = set()
    for sentence in _sentences(text):
        if word_count(sentence) < MIN_REPEAT_WORDS:
            continue
        folded = key(sentence)
        if folded in seen:
            return True
        seen.add(folded)
    return False


def capital_in_occupation(text: str, job: str) -> bool:
    """A word of the (cleaned) job title that belongs in lower case stands capitalised after
    a lower-case word or a comma, i.e. in the middle of a sentence."""
    for word in job.split():
        if lower_word(word) == word:
            continue
        if re.search(rf"(?<=[a-zà-ÿ,] ){re.escape(word)}\b", text):
            return True
    return False


def faults(text: str, lang: str, job: str = "") -> set[str]:
    """The fault classes found in one document's text; `job` is the cleaned vacancy title."""
    found = set()
    if repeated(text):
        found.add("repeated")
    if _DOUBLE_PUNCT.search(text) or _DOUBLE_WORD.search(text):
        found.add("doubled")
    if lang == "nl" and re.search(r",\s+en\s", text):
        found.add("comma_en")
    if _DEBRIS.search(text):
        found.add("debris")
    if lang == "nl" and job and capital_in_occupation(text, job):
        found.add("capital")
    if any(word_count(s) > LONG_SENTENCE for s in _sentences(text)):
        found.add("long")
    return found
