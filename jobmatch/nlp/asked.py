"""What a posting asks: competencies with must/nice and evidence, from the asking sections.

Hits in "intro", "tasks" and "requirements" count; offers, the employer block and how to apply
do not. A hit is "nice" when its sentence says so ("is een pluspunt", "bij voorkeur", "is a
plus") or its section lists nice-to-haves. Work in the evening, at night, in the weekend or
at irregular times is asked flexibility. A language named only as an allowed alternative to
Dutch ("Nederlands of Engels", "English is enough") is not a language skill asked.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from jobmatch.domain.competencies import Lexicon
from jobmatch.domain.vacancies import AskedCompetency, Importance
from jobmatch.nlp.clauses import is_nice
from jobmatch.nlp.extract import Hit, hits_in_doc
from jobmatch.nlp.pipeline import get_nlp
from jobmatch.nlp.requirements import shift_spans
from jobmatch.nlp.sections import ASKING, Line

FLEXIBILITY = "flexibiliteit"
LANGUAGES = "talenkennis"
_SENTENCE_END = re.compile(r"[.;!?]\s")
MAX_EVIDENCE = 3
MAX_SENTENCE = 300


def _segment(line: str, start: int, end: int) -> str:
    """The sentence of `line` that holds [start, end) (bounded look-around, no rescans)."""
    window = max(start - MAX_SENTENCE, 0)
    left = max((m.end() for m in _SENTENCE_END.finditer(line, window, start)), default=window)
    right_match = _SENTENCE_END.search(line, end, end + MAX_SENTENCE)
    return line[
        left : right_match.start() + 1 if right_match else min(len(line), end + MAX_SENTENCE)
    ]


_ALTERNATIVE_LANGUAGE = re.compile(
    r"(?:nederlands|dutch)\s+(?:of|or|en/of)\s+\w+|\w+\s+(?:of|or)\s+(?:nederlands|dutch)"
    r"|\b(?:is|are)\s+(?:genoeg|voldoende|enough|sufficient|fine)|beide is goed",
    re.IGNORECASE,
)


_ADDRESSED = re.compile(
    r"\b(?:je|jij|jou|jouw|u|uw|you|your|zoeken|zoekt|gezocht|looking|wanted|kandidaat)\b",
    re.IGNORECASE,
)


_NOT_NEEDED = re.compile(
    r"niet (?:nodig|vereist|verplicht|noodzakelijk)|hoef(?:t)? (?:je )?(?:geen|niet)|"
    r"not (?:needed|required|necessary)|no need|geen (?:\w+ )?(?:nodig|vereist)",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _is_nice(sentence: str) -> bool:
    return is_nice(sentence)


@lru_cache(maxsize=4096)
def _about_candidate(sentence: str) -> bool:
    return bool(_ADDRESSED.search(sentence))


_EMPLOYER_SUBJECT = re.compile(r"^\W*(?:wij|we|ons|onze|our|us)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _about_employer(sentence: str) -> bool:
    """ "Wij bakken elke dag 200.000 broden": about the employer, not a task of the candidate."""
    return bool(_EMPLOYER_SUBJECT.match(sentence))


@lru_cache(maxsize=4096)
def _not_needed(clause: str) -> bool:
    return bool(_NOT_NEEDED.search(clause))


_TRAINED = (
    r"(?:ingewerkt|opgeleid|begeleid|gecoacht|getraind|ondersteund|gewaardeerd|beloond"
    r"|ingepland|ingeroosterd|ingedeeld|geplaatst)"
)
_RECEIVED = re.compile(
    r"\b(?:je|jij|u)\s+krijgt\b|\bkrijg\s+(?:je|jij)\b"
    rf"|\b(?:je|jij)\s+wordt\b(?:\s+\S+){{0,4}}?\s+{_TRAINED}\b"
    rf"|\bword(?:t)?\s+(?:je|jij)\b(?:\s+\S+){{0,4}}?\s+{_TRAINED}\b"
    r"|\bkun(?:t)?\s+(?:je|jij)\s+rekenen\s+op\b|\b(?:je|jij)\s+kunt\s+rekenen\s+op\b"
    r"|\b(?:ruimte|gelegenheid|mogelijkheid|mogelijkheden|kans|kansen)\s+(?:voor|om|tot)\b"
    r"|\bdoorgroei\w*|\bbij\s+ons\s+(?:halen|volgen|leren)\b|\b(?:halen|volgen|leren)\s+bij\s+ons\b"
    r"|\byou(?:'ll|\s+will)?\s+(?:get|receive)\b|\bwe\s+(?:offer|provide)\b",
    re.IGNORECASE,
)
_RECEIVED_LIST = re.compile(
    r"^\W*(?:(?:je|jij)\s+krijgt|wij\s+bieden|we\s+bieden|you(?:'ll|\s+will)?\s+get|we\s+offer)\b",
    re.IGNORECASE,
)
_TURNS_TO_CANDIDATE = re.compile(r"^\W*(?:en\s+|and\s+)?(?:\w+\s+)?(?:je|jij|you)\b", re.I)
_WANTED_FEELING = re.compile(r"energie|\bkick\b|voldoening|\bblij\b|plezier|\benergy\b", re.I)
LEARNING = "leervermogen"
# The employer teaches: offered, not a will to learn asked ("We leren je het vak", "dat leren
# we je", "die cursus volg je in je eerste week bij ons").
_EMPLOYER_TEACHES = re.compile(
    r"\b(?:we|wij)\s+leren\s+(?:je|jou)\b|\bleren\s+(?:we|wij)\s+(?:je|jou)\b"
    r"|\b(?:cursus|opleiding|training)\s+volg\s+(?:je|jij)\b|\bvolg\s+(?:je|jij)\b[^.;]{0,40}\bbij\s+ons\b"
    r"|\bwe\s+(?:will\s+)?teach\s+you\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _received(sentence: str, clause: str) -> bool:
    """ "Je krijgt een training klantvriendelijk werken", "je wordt ingewerkt door collega's",
    "ruimte voor eigen initiatief": the candidate receives this, it is not asked; so is the
    rest of a list that "Je krijgt ..." opens, unless it turns to the candidate again.
    "Krijg jij energie van ...?" does ask."""
    if _WANTED_FEELING.search(clause):
        return False
    if _RECEIVED.search(clause):
        return True
    return bool(_RECEIVED_LIST.match(sentence)) and not _TURNS_TO_CANDIDATE.match(clause)


_PRONOUN = re.compile(r"\b(?:je|jij|jou|jouw|u|uw|you|your|kandidaat)\b", re.IGNORECASE)
_EMPLOYER_SEEKS = re.compile(r"\b(?:zoeken|zoekt|looking|seeks|seeking)\b", re.IGNORECASE)


# An intro sentence without "je"/"you" still asks when it is a bare list of tasks or demands
# ("Zelfstandig werken.", "Hokken schoonmaken, voeren, honden uitlaten.", "Mbo-2, goed Engels
# en stressbestendig."), unless it speaks of the employer, its story or what it offers.
_EMPLOYER_TALK = re.compile(
    r"\b(?:wij|we|ons|onze|our|us|zoekt|zoeken|seeks?|seeking|looking|bestaat|bestaan"
    r"|opgericht|sinds|founded|since|marktleider|vestigingen|bedrijf|organisatie|company"
    r"|van de zaak|bieden|biedt|offer|offers|salaris|salary|cao|korting|discount|pensioen"
    r"|reiskosten|bonus|lease\w*)\b",
    re.IGNORECASE,
)
# "Golfslag is een strandpaviljoen", "Het Groothoofd heeft 40 tafels": a name as subject.
_NAMED_SUBJECT = re.compile(
    r"^\W*(?:(?:De|Het|Een|The)\s+)?[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3}"
    r"\s+(?:is|zijn|heeft|hebben|has|have|are|was|werkt|levert|maakt|verkoopt|runs|makes)\b"
)
# ... except that "X is een must / is belangrijk / is een pluspunt / is handig" asks X.
_DEMAND_VERB = re.compile(
    r"\b(?:is|zijn|are)\s+(?:een\s+|a\s+)?(?:must|vereist|verplicht|belangrijk|essentieel"
    r"|noodzakelijk|nodig|handig|pluspunt|pré|pre|voordeel|plus|required|essential|important"
    r"|needed)\b|\bhelpt\b|\bgaat\s+voor\b|\bkomt\s+goed\s+van\s+pas\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _bare_demand(sentence: str) -> bool:
    """A sentence without pronoun that lists tasks or demands rather than the employer."""
    if _EMPLOYER_SUBJECT.match(sentence):
        return False
    if _DEMAND_VERB.search(sentence):
        return True
    return not (_EMPLOYER_TALK.search(sentence) or _NAMED_SUBJECT.match(sentence))


def _in_intro_counts(hit: Hit, sentence: str) -> bool:
    """An intro sentence counts when it speaks to the candidate or is a bare list of tasks or
    demands. When only the employer's "zoekt" does, what stands before it is about the
    employer ("Kinderopvang De Zon zoekt", "Voor ons kantoor met klanten als kappers zoeken
    wij ...")."""
    if not _about_candidate(sentence):
        return _bare_demand(sentence)
    if _PRONOUN.search(sentence):
        return True
    seeks = _EMPLOYER_SEEKS.search(sentence)
    return seeks is None or sentence.find(hit.text) > seeks.start()


_WORKPLACE = re.compile(
    r"(?:\s*(?:,|\ben\b|\band\b)\s*(?!(?:je|jij|jouw|we|wij|ons|onze|you|your)\b)[^\W\d_]+){0,2}"
    r"\s+(?:organisaties?|bedrijf|bedrijven|familiebedrijf"
    r"|werkgever|teams?|omgeving|werkomgeving|sfeer|werksfeer|werkplek|werkplaats|kantoor|winkel"
    r"|salon|hotel|restaurant|zaak|collega's|collega|leidinggevende|manager|cultuur|bedrijfscultuur"
    r"|werkklimaat|company|companies|employer|environment|workplace|organi[sz]ation|atmosphere"
    r"|colleagues)\b"
    r"(?![ -]?(?:player|speler|lid|leden|leider|worker))",
    re.IGNORECASE,
)


def describes_workplace(line: str, end: int, hit_text: str) -> bool:
    """ "een klantvriendelijk team", "een gastvrije werkplek", "behulpzame collega's": a one-word
    hit that describes the workplace or the colleagues, not what the candidate brings."""
    return " " not in hit_text and bool(_WORKPLACE.match(line, end, end + 60))


def _counts(hit: Hit, sentence: str, clause: str, section: str) -> bool:
    """False for a language named only as an allowed alternative to Dutch, for intro
    sentences about the employer ("Wij zijn een gastvrij hotel") rather than the candidate,
    for what is not needed and for what the candidate receives rather than brings."""
    if section == "intro" and not _in_intro_counts(hit, sentence):
        return False
    if _about_employer(sentence) and not _about_candidate(sentence):
        return False
    if _not_needed(clause):
        return False
    if hit.id != LEARNING and _received(sentence, clause):  # being trained asks a will to learn
        return False
    if hit.id == LEARNING and _EMPLOYER_TEACHES.search(clause):
        return False
    return not (hit.id == LANGUAGES and _ALTERNATIVE_LANGUAGE.search(sentence))


_CLAUSE_BREAK = re.compile(r"[,;.!?:]\s|\s(?:maar|wel|but|though)\s", re.IGNORECASE)


def _clause(line: str, start: int, end: int) -> str:
    """The clause of `line` around [start, end): between commas, 'maar', 'wel', 'but'."""
    window = max(start - MAX_SENTENCE, 0)
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(line, window, start)), default=window)
    right_match = _CLAUSE_BREAK.search(line, end, end + MAX_SENTENCE)
    return line[left : right_match.start() if right_match else min(len(line), end + MAX_SENTENCE)]


class _Bounds:
    """Sentence and clause breaks of one line, found once for all hits on it. Gives the same
    result as _segment and _clause (which it falls back to beyond MAX_SENTENCE characters)."""

    def __init__(self, line: str) -> None:
        self.line = line
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(line)]
        self.clause_ends = [m.end() for m in _CLAUSE_BREAK.finditer(line)]

    def segment(self, start: int, end: int) -> str:
        window = start - MAX_SENTENCE
        if window > 0 or end + MAX_SENTENCE < len(self.line):
            return _segment(self.line, start, end)
        ends = self.sentence_ends  # a match [i, i + 2) ends the sentence
        before = bisect_right(ends, start - 2) - 1
        left = ends[before] + 2 if before >= 0 else 0
        after = bisect_left(ends, end)
        right = ends[after] + 1 if after < len(ends) else len(self.line)
        return self.line[left:right]

    def clause(self, start: int, end: int) -> str:
        if start > MAX_SENTENCE:
            return _clause(self.line, start, end)
        before = bisect_right(self.clause_ends, start) - 1
        left = self.clause_ends[before] if before >= 0 else 0
        right_match = _CLAUSE_BREAK.search(self.line, end, end + MAX_SENTENCE)
        right = right_match.start() if right_match else min(len(self.line), end + MAX_SENTENCE)
        return self.line[left:right]


def asked_competencies(
    lines: Sequence[Line], lexicon: Lexicon, shift_evidence: Sequence[str] | None = None
) -> tuple[AskedCompetency, ...]:
    """Competencies a posting asks for (intro, tasks, requirements), must unless marked nice."""
    asking = [line for line in lines if line.section in ASKING]
    starts, offset = [], 0
    for line in asking:
        starts.append(offset)
        offset += len(line.text) + 1
    text = "\n".join(line.text for line in asking)
    doc = get_nlp().make_doc(text)  # the CachedTokenizer sets the lemmas too
    importance: dict[str, Importance] = {}
    evidence: dict[str, list[str]] = {}
    bounds: dict[int, _Bounds] = {}
    for hit in hits_in_doc(doc, lexicon, text):
        index = bisect_right(starts, hit.start) - 1
        line = asking[index]
        local = hit.start - starts[index]
        bound = bounds.get(index) or bounds.setdefault(index, _Bounds(line.text))
        sentence = bound.segment(local, local + 1)
        clause = bound.clause(local, hit.end - starts[index])
        if not _counts(hit, sentence, clause, line.section):
            continue
        if describes_workplace(line.text, hit.end - starts[index], hit.text):
            continue
        nice = line.nice_section or _is_nice(sentence)
        if importance.get(hit.id) != "must":
            importance[hit.id] = "nice" if nice else "must"
        spans = evidence.setdefault(hit.id, [])
        if hit.text not in spans and len(spans) < MAX_EVIDENCE:
            spans.append(hit.text)
    shifts = shift_spans(lines) if shift_evidence is None else list(shift_evidence)
    if shifts and FLEXIBILITY in lexicon:
        importance[FLEXIBILITY] = "must"
        spans = evidence.setdefault(FLEXIBILITY, [])
        spans.extend(s for s in shifts[: MAX_EVIDENCE - len(spans)] if s not in spans)
    return tuple(
        AskedCompetency(cid, lexicon[cid].label_nl, importance[cid], tuple(evidence[cid]))
        for cid in importance
    )
