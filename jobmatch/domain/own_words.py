"""The participant's own words as CV lines: what she wrote about her experience, cleaned.

Only experience she may show: never `personal-services` (its text is not quoted, summarised
or paraphrased; the bridge's neutral lines stand for it), never an experience she hid or
replaced by a neutral line. A description is cut into clauses ("drankjes serveren,
afrekenen, gasten ontvangen"); a clause becomes a line with a capital and a full stop,
without filler words, in the first person when she wrote "ik"/"I" ("Ik serveerde drankjes,
rekende af" -> "Ik rekende af."), and a bare Dutch infinitive clause becomes "Ik kan …".
Clauses with digits are left out (a year or an age would stop the document at the guard).
Limits: no tense change; a clause in the other language than the document is not used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from jobmatch.domain.competencies import Competency, Lang
from jobmatch.domain.profiles import Experience
from jobmatch.domain.wording import as_sentence, guess_lang, sentences
from jobmatch.domain.wordmatch import Token, find_pattern, normalise_all, variants

PERSONAL_SERVICES = "personal-services"
MIN_WORDS = 2
MAX_WORDS = 20
_CLAUSE_SPLIT = re.compile(r"\s*[,;:\n]\s*|\s+(?:en daarnaast|and also|maar|but)\s+")
_FILLER = re.compile(
    r"\b(?:eigenlijk|gewoon|echt|zeg maar|enzo|ofzo|en zo|enz\.?|etc\.?|"
    r"basically|you know|kind of|sort of|and stuff|and so on|really|just)\b",
    re.IGNORECASE,
)
_PRONOUN = {"nl": "Ik", "en": "I"}
_MY = {"nl": "mijn", "en": "my"}  # her own text written by someone else: "haar" -> "mijn"
_SUBJECTS = {"ik", "i", "wij", "we", "ze", "zij", "hij", "je", "jij", "you", "they", "she", "he"}
_NOUN_ENDINGS = ("ingen", "heden", "nten", "sten", "ieën", "ijen", "eien")
# fmt: off
_DETERMINERS = {
    "de", "het", "een", "mijn", "onze", "veel", "vaste", "alle", "nieuwe", "grote", "kleine",
    "andere", "verschillende", "diverse", "sommige", "twee", "drie", "met", "voor", "van",
    "aan", "bij", "en", "of",
}
# fmt: on
# fmt: off
_STRONG_PAST = {
    "hielp", "deed", "ontving", "hield", "had", "was", "gaf", "verkocht", "las", "schreef",
    "bracht", "nam", "sprak", "vond", "ging", "kwam", "stond", "zat", "liep", "reed", "bood",
    "droeg", "begon", "zorgde", "regelde", "plande", "bediende", "bezorgde", "verzorgde",
}
_NOT_PAST = {
    "grote", "goede", "oude", "brede", "rode", "wijde", "harde", "beste", "eerste", "laatste",
    "vaste", "korte", "late", "lichte", "zachte", "echte", "juiste", "ruime", "rustige",
    "need", "feed", "speed", "indeed", "red", "bed",
}
# fmt: on
_WEAK_PAST = re.compile(r"^[a-zà-ÿ]{2,}(?:[kptfs]te|[^kptfs\W]de)$")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def shown_experiences(experiences: Iterable[Experience]) -> list[Experience]:
    """Experience whose own text may be used: shown, not personal-services, no neutral line."""
    return [
        e
        for e in experiences
        if e.show_on_cv and e.kind != PERSONAL_SERVICES and not e.neutral_line.strip()
    ]


def _tidy(clause: str) -> str:
    text = _FILLER.sub(" ", clause)
    text = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(text.split()))
    text = re.sub(r"\b(\w+)( \1\b)+", r"\1", text, flags=re.IGNORECASE)  # "de de" -> "de"
    return re.sub(r"([.,;:!?])[.,;:!?]+", r"\1", text).strip(" ,;:-–.!?…")


def cv_line(clause: str, lang: Lang, first_person: bool = False) -> str:
    """One clause as a clean CV line; "" when too short, too long or with digits."""
    text = _tidy(clause)
    words = _WORD.findall(text)
    if any(ch.isdigit() for ch in text) or not words or len(words) > MAX_WORDS:
        return ""
    first = words[0].casefold()
    if (first_person or _past_verb(first, lang)) and first not in _SUBJECTS:
        text = f"{_PRONOUN[lang]} {text[0].lower()}{text[1:]}"
        text = re.sub(r"\bhaar\b" if lang == "nl" else r"\b(?:her|his)\b", _MY[lang], text)
    elif lang == "nl" and first not in _SUBJECTS and _infinitive_clause(words):
        text = f"Ik kan {text[0].lower()}{text[1:]}"  # "gasten ontvangen" -> "Ik kan gasten …"
    return as_sentence(text) if len(_WORD.findall(text)) >= MIN_WORDS else ""


def _past_verb(word: str, lang: Lang) -> bool:
    """ "werkte", "hielp", "served": a sentence that starts with it means "I …"."""
    if lang == "en":
        return word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST
    if word in _STRONG_PAST:
        return True
    return bool(_WEAK_PAST.match(word)) and word not in _NOT_PAST


def _infinitive_clause(words: list[str]) -> bool:
    """ "drankjes serveren", "de kassa bedienen": ends in a verb. "vaste klanten", "drukke
    avonden met veel toeristen", "bestellingen" (one word) end in a noun."""
    if len(words) < 2:
        return False
    last, before = words[-1].casefold(), words[-2].casefold()
    if not last.endswith("en") or last.endswith(_NOUN_ENDINGS) or before in _DETERMINERS:
        return False
    return not (before.endswith("e") and len(before) > 3)  # an adjective: "grote groepen"


def _lang_of(description: str) -> Lang:
    """The description's language; a bare list ("drankjes serveren, gasten ontvangen") is
    Dutch unless its words end like English ones ("serving drinks, welcoming guests")."""
    guessed = guess_lang(description)
    if guessed is not None:
        return guessed
    words = [w.casefold() for w in _WORD.findall(description)]
    english = sum(w.endswith(("ing", "ed")) for w in words)
    dutch = sum(w.endswith("en") and len(w) > 3 for w in words)
    return "en" if english > dutch else "nl"


def clauses(description: str, lang: Lang) -> list[str]:
    """The description's clauses as CV lines in `lang`; [] when it is in the other language."""
    if _lang_of(description) != lang:
        return []
    lines = []
    for sentence in sentences(description):
        first_word = (_WORD.findall(sentence) or [""])[0].casefold()
        first_person = first_word in ("ik", "i")
        for part in _CLAUSE_SPLIT.split(sentence):
            line = cv_line(part, lang, first_person)
            if line and line not in lines:
                lines.append(line)
    return lines


def _patterns(competency: Competency, lang: Lang) -> list[tuple[Token, ...]]:
    terms = competency.terms_en if lang == "en" else competency.terms_nl
    patterns = []
    for term in terms:
        pattern = []
        for side in term.split("~"):
            for word in side.split():
                forms = frozenset().union(*(variants(alt) for alt in word.split("|")))
                pattern.append(forms)
        if pattern:
            patterns.append(tuple(pattern))
    return patterns


def matches(line: str, competency: Competency, lang: Lang) -> bool:
    """True when the line says something the competency's terms or stems name."""
    words = [w.casefold() for w in _WORD.findall(line)]
    tokens = normalise_all(words)
    if any(find_pattern(p, tokens) for p in _patterns(competency, lang)):
        return True
    stems = competency.stems_nl if lang == "nl" else ()
    return any(word.startswith(stem) for word in words for stem in stems)


def own_lines(competency: Competency, experiences: Sequence[Experience], lang: Lang) -> list[str]:
    """Her own lines about this competency, from experience she may show, best first."""
    found: list[str] = []
    for experience in shown_experiences(experiences):
        for line in clauses(experience.description, lang):
            if line not in found and matches(line, competency, lang):
                found.append(line)
    return found


def experience_lines(
    experience: Experience, lang: Lang, used: set[str], limit: int = 2
) -> list[str]:
    """One or two lines of what she did, from her own text, not already printed elsewhere."""
    if not shown_experiences([experience]):
        return []
    lines = [line for line in clauses(experience.description, lang) if key(line) not in used]
    return lines[:limit]


def key(sentence: str) -> str:
    """A sentence folded for comparison: two lines with the same key are the same line."""
    return " ".join(_WORD.findall(sentence.casefold()))
