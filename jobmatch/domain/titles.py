"""The job in a vacancy title, without the job board's debris: one function for every document.

Job boards and employers glue all sorts of things to a title: "(m/v/x)", "| Amsterdam",
"#1052", "(0,6 - 0,8 fte)", "Vacature in Amsterdam:", "- Alleen voor inwoners van Nederland",
"For Netherland Resident Only", a salary ("salaris tot € 3000,-"), the employer ("bij Hotel
Zonneweide", "Zorggroep West zoekt") and the place ("Gouda e.o."). `clean_title` keeps the job;
`title_in_text` writes it for running text (Dutch: "als huishoudelijk medewerker", keeping
abbreviations such as HR, MBO and NT2 and language names such as Engelstalig).
Limits: a place or employer name that is written in lower case, or that follows the job
without a separator or a word such as "bij", "in" or "te", stays in the title.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata

from jobmatch.domain.wording import LANGUAGE_NAMES

# fmt: off
_EXTRA_WORDS = frozenset({
    "uur", "uren", "fulltime", "parttime", "fte", "dagdienst", "avond", "avonden", "nacht",
    "weekend", "ploegendienst", "dienst", "vroege", "late", "oproep", "oproepbasis", "bijbaan",
    "tijdelijk", "vast", "contract", "via", "uitzendbureau", "mbo", "hbo", "wo", "bbl", "bol",
    "niveau", "m", "v", "x", "speaking", "sprekend", "hours", "shift", "salaris", "salary",
    "startdatum", "direct", "per", "hybride", "remote", "thuiswerken", "regio", "omgeving",
})
# fmt: on
_LANGUAGE_STEMS = tuple(
    sorted({name.casefold() for pair in LANGUAGE_NAMES.values() for name in pair})
)
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf]|\u00e2\u20ac")
_PREFIX = re.compile(
    r"^(?:vacature|vacancy|job|gezocht|wanted|nieuw|new|urgent|per direct)\b[^:]{0,40}:\s*",
    re.IGNORECASE,
)
_SEEKS = re.compile(
    r"^(?:[^\s].{0,60}?)\s(?:zoekt|zoeken|is looking for|are looking for|seeks)"
    r"(?:\s+(?:een|a|an|per direct|nieuwe?))*\s+",
    re.IGNORECASE,
)
_RESIDENTS = re.compile(
    r"\b(?:only\s+)?for\s+(?:the\s+)?netherlands?\s+residents?(?:\s+only)?\b"
    r"|\b(?:alleen\s+)?voor\s+inwoners\s+van\s+(?:nederland|de\s+eu)\b",
    re.IGNORECASE,
)
_SALARY = re.compile(
    r"(?:[,(\[]\s*)?(?:\b(?:salaris|salary|bruto|loon)\b|€|\beur\b|\btot\s*[?€]?\s*\d).*$",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"\s*(?:#|\b(?:ref|vac|vacaturenummer|nr)\.?\s*:?\s*)[\w/-]*\d[\w/-]*", re.IGNORECASE
)
_SEPARATOR = re.compile(r"\s+[–—|@-]\s+|\s*[|@]\s*")
_BRACKETS = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
_AT_EMPLOYER = re.compile(r"\s+(?:bij|at|in|te|@)\s+(?:de\s+|het\s+|the\s+)?([A-Z]\S*).*$")
_AROUND = re.compile(
    r"\s+(?:e\.o\.?|en omgeving|and surroundings)\s*$|\s+(?:regio|omgeving|region|area)\s+\S.*$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ'’.]+$")


def _repair(text: str) -> str:
    """UTF-8 read as Latin-1 ("CafÃ©") repaired; replacement and control characters, emoji
    and a "?" standing for a broken character between two letters or digits removed."""
    if _MOJIBAKE.search(text):
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            text = text.encode("cp1252").decode("utf-8")
    text = unicodedata.normalize("NFC", text)
    kept = "".join(
        " " if ch == "\ufffd" or unicodedata.category(ch) in ("So", "Cc", "Cf", "Co") else ch
        for ch in text
    )
    kept = re.sub(r"(?<=\w)\?(?=\w)", " ", kept)
    kept = re.sub(r"([.,;:!?])\1+", r"\1", kept)
    return " ".join(kept.split())


def _extra(part: str) -> bool:
    """True for "(20-28 uur)", "(m/v/x)", "(MBO 4 / HBO)", "(Zoetermeer)"."""
    words = re.findall(r"[^\W\d_]+", part)
    if any(ch.isdigit() for ch in part) or not words:
        return True
    if any(word.casefold() in _EXTRA_WORDS for word in words):
        return True
    return all(word[0].isupper() for word in words)  # a place: "(Zoetermeer)", "(Den Haag)"


def _language_word(word: str) -> bool:
    folded = word.casefold()
    return any(folded.startswith(stem) for stem in _LANGUAGE_STEMS)


def _unless_language(match: re.Match[str]) -> str:
    """ "Kok bij Hotel Zonneweide" -> "Kok"; "Docent in Engels" stays."""
    return match.group(0) if _language_word(match.group(1)) else ""


def _drop_glued_name(text: str) -> str:
    """ "Medewerker bediening Hotel Zonneweide" -> "Medewerker bediening": capitalised words
    after the last lower-case word, when the title is not written in title case ("Customer
    Service Agent" stays) and they are not language names."""
    words = text.split()
    cut = len(words)
    while cut > 1 and _NAME_WORD.match(words[cut - 1]) and not _language_word(words[cut - 1]):
        cut -= 1
    if cut == len(words) or not any(w[:1].islower() for w in words[1:cut]):
        return text
    return " ".join(words[:cut])


def clean_title(title: str, employer: str = "") -> str:
    """The job title alone, as written (first letter as given); "" when nothing is left.

    "Huishoudelijk medewerker thuiszorg Gouda e.o.." -> "Huishoudelijk medewerker thuiszorg",
    "Vacature in Amsterdam: Kok (m/v/x) #1052" -> "Kok".
    """
    text = _PREFIX.sub("", _repair(title))
    if employer.strip():
        text = re.sub(re.escape(employer.strip()), " ", text, flags=re.IGNORECASE)
    text = _SEEKS.sub("", text, count=1)
    text = _RESIDENTS.sub(" ", text)
    text = _REFERENCE.sub(" ", text)
    text = _BRACKETS.sub(lambda m: "" if _extra(m.group(1)) else m.group(0), text)
    text = _SALARY.sub("", text)
    head = _SEPARATOR.split(" ".join(text.split()), maxsplit=1)[0].strip()
    text = head if len(head) >= 2 else text
    text = _AROUND.sub("", _AT_EMPLOYER.sub(_unless_language, text))
    text = _drop_glued_name(" ".join(text.split()).strip(" ,;:/-–—.!?*"))
    return re.sub(r"([.,;:!?])\1+", r"\1", text).strip(" ,;:/-–—.!?*")


def lower_word(word: str) -> str:
    """ "Medewerker" -> "medewerker"; HR, MBO, NT2, iOS, McDonald's and language names stay."""
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) < 2 or not letters[0].isupper() or any(ch.isdigit() for ch in word):
        return word
    if any(ch.isupper() for ch in letters[1:]) or _language_word(word):
        return word
    return word[:1].lower() + word[1:]


def title_in_text(title: str, lang: str = "nl") -> str:
    """A cleaned title inside a sentence. Dutch: every ordinary word in lower case ("als
    huishoudelijk medewerker", "als customer service agent"). English: the first letter small
    unless more words are capitalised ("as a Customer Service Agent")."""
    words = title.split()
    if not words:
        return title
    if lang == "nl":
        return " ".join(lower_word(word) for word in words)
    if not words[0][1:2].islower() or any(w[:1].isupper() and w[1:2].islower() for w in words[1:]):
        return title
    return title[0].lower() + title[1:]


def job_in_text(vacancy_title: str, lang: str = "nl", employer: str = "") -> str:
    """The vacancy title as printed in a letter, pitch or CV sentence."""
    return title_in_text(clean_title(vacancy_title, employer), lang)
