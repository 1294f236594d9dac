"""Dutch separable verbs split in a main clause: "aansturen" -> "je stuurt het team aan".

A lexicon term that is a separable verb (particle + known verb: aansturen, uitleggen,
meedenken), or a phrase ending in one ("team aansturen", "kassa opmaken"), also matches when
its finite verb stands before the particle in the same clause and the particle closes it:
the end of the sentence, a comma, a conjunction ("en", "als", "hoe") or a preposition that
starts an extra phrase ("je stuurt het team aan op de vloer"). "Je stuurt e-mails aan
klanten" has "aan" before its own noun, so it is not "aansturen". The te-infinitive "aan te
sturen" matches too. The other words of a phrase term must stand between the verb and the
particle ("je maakt de kassa op").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc

PARTICLES = (
    "schoon",  # adjectives that work as particles: "je maakt de kamers schoon"
    "klaar",
    "samen",
    "terug",
    "tegen",
    "door",
    "mee",
    "open",
    "over",
    "vast",
    "aan",
    "bij",
    "los",
    "toe",
    "uit",
    "weg",
    "af",
    "in",
    "na",
    "om",
    "op",
)
# Verbs that look separable but are not ("je overlegt", "je overtuigt") or are nouns.
INSEPARABLE = frozenset({"informeren", "overtuigen", "overleggen", "oplossingen", "ondernemen"})
LOOK_BACK = 10
_CLOSERS = frozenset(
    {
        "en",
        "of",
        "maar",
        "als",
        "wanneer",
        "zodat",
        "hoe",
        "wat",
        "waar",
        "die",
        "dat",
        "om",
        "terwijl",
        "want",
        "omdat",
        "in",
        "op",
        "aan",
        "bij",
        "met",
        "voor",
        "van",
        "naar",
        "over",
        "tijdens",
        "na",
        "door",
        "zonder",
        "onder",
        "binnen",
        "tot",
        "via",
    }
)
_BREAKS = frozenset({".", "!", "?", ";", ":", ",", "\n", "•", "(", ")", "-", "–"})
_VOWELS = "aeiouy"
_FILLERS = frozenset({"je", "jij", "jouw", "jezelf", "zich", "de", "het", "een", "van", "te"})
# Verbs that also have a transitive reading with another meaning ("je zet bestellingen door",
# "je past de planning aan"): they count only with a pronoun or adverb between verb and particle.
BARE_ONLY = frozenset({"zetten", "pakken", "passen", "leven"})
_SMALL_WORDS = frozenset(
    {"je", "jij", "jezelf", "zich", "ook", "altijd", "echt", "gewoon", "graag", "toch", "snel"}
    | {"makkelijk", "gemakkelijk", "goed", "wel", "even", "dan", "steeds", "er", "zelf", "nooit"}
)
Rule = tuple[frozenset[int], int, frozenset[int], str]  # verb forms, infinitive, other words, id


def split_verb(term: str, is_verb: Callable[[str], bool]) -> tuple[str, str] | None:
    """("aan", "sturen") for "aansturen"; None when the term is not a separable verb."""
    if " " in term or not term.endswith("en") or term in INSEPARABLE:
        return None
    for particle in PARTICLES:
        verb = term[len(particle) :]
        if term.startswith(particle) and len(verb) >= 4 and is_verb(verb):
            return particle, verb
    return None


def _verb_final_idiom(
    others: list[str], verb: str, lemma_of: Callable[[str], str]
) -> tuple[str, str] | None:
    """("weg", "helpen") for "op weg helpen": a fixed phrase of two or more words before its
    infinitive, which closes a main clause the same way ("je helpt ze op weg")."""
    if len(others) < 2 or others[-1] in _FILLERS or others[-1] in _CLOSERS:
        return None
    if verb.endswith(("en", "aan")) and len(verb) >= 4 and lemma_of(verb) == verb:
        return others[-1], verb
    return None


def finite_forms(infinitive: str) -> frozenset[str]:
    """Present-tense forms of a regular Dutch verb: sturen -> stuur, stuurt; leggen -> leg, legt;
    leven -> leef, leeft; staan -> sta, staat."""
    if infinitive.endswith(("aan", "ien")):  # staan -> sta, zien -> zie
        stem = infinitive[:-2] if infinitive.endswith("aan") else infinitive[:-1]
    else:
        stem = infinitive[:-2]
        if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            stem = stem[:-1]  # leggen -> leg
        elif (
            len(stem) >= 3
            and stem[-1] not in _VOWELS
            and stem[-2] in "aeou"
            and stem[-3] not in _VOWELS
        ):
            stem = stem[:-1] + stem[-2] + stem[-1]  # sturen -> stuur, maken -> maak
        stem = stem[:-1] + {"v": "f", "z": "s"}.get(stem[-1], stem[-1])
    third = stem if stem.endswith("t") else stem + "t"
    if infinitive.endswith("aan"):
        third = infinitive[:-1] + "t"  # staan -> staat
    return frozenset({stem, third, infinitive})


class SeparableMatcher:
    """Finds (id, verb token, particle token + 1) for split separable-verb terms."""

    def __init__(
        self,
        rules: Iterable[tuple[str, str]],
        is_verb: Callable[[str], bool],
        lemma_of: Callable[[str], str],
    ) -> None:
        self._rules: dict[str, list[tuple[frozenset[str], str, frozenset[str], str]]]
        self._rules = defaultdict(list)
        for term, cid in rules:
            *others, last = term.lower().split()
            split = split_verb(last, is_verb) or _verb_final_idiom(others, last, lemma_of)
            if split:
                particle, verb = split
                if not split_verb(last, is_verb):
                    others = others[:-1]
                words = frozenset(lemma_of(w) for w in others if w not in _FILLERS)
                self._rules[particle].append((finite_forms(verb), verb, words, cid))
        self._particles: dict[int, list[Rule]] = {}
        self._closers: frozenset[int] = frozenset()  # closers and breaks
        self._breaks: frozenset[int] = frozenset()
        self._te = 0
        self._bare: frozenset[int] = frozenset()
        self._small: frozenset[int] = frozenset()

    def __len__(self) -> int:
        return sum(len(rules) for rules in self._rules.values())

    def bind(self, strings: StringStore) -> None:
        """Map words to the pipeline's string ids (once, before matching)."""
        self._particles = {
            strings.add(particle): [
                (
                    frozenset(strings.add(form) for form in forms),
                    strings.add(verb),
                    frozenset(strings.add(word) for word in words),
                    cid,
                )
                for forms, verb, words, cid in rules
            ]
            for particle, rules in self._rules.items()
        }
        self._breaks = frozenset(strings.add(mark) for mark in _BREAKS)
        self._closers = frozenset(strings.add(word) for word in _CLOSERS) | self._breaks
        self._te = strings.add("te")
        self._bare = frozenset(strings.add(verb) for verb in BARE_ONLY)
        self._small = frozenset(strings.add(word) for word in _SMALL_WORDS)

    def __call__(
        self, doc: Doc, columns: dict[str, list[int]] | None = None
    ) -> list[tuple[str, int, int]]:
        """`columns` (see proximity.token_columns) saves reading the tokens again."""
        from jobmatch.nlp.proximity import token_columns

        if not self._particles or not len(doc):
            return []
        columns = columns or token_columns(doc)
        lowers, spaces, lemmas = columns["lower"], columns["space"], columns["lemma"]
        particles = self._particles
        places = [i for i, lower in enumerate(lowers) if lower in particles]
        if not places:
            return []
        rows = list(zip(lowers, spaces, lemmas, strict=True))
        found: list[tuple[str, int, int]] = []
        for index in places:
            found.extend(self._at(rows, index, particles[rows[index][0]]))
        return found

    def _at(
        self, rows: list[tuple[int, int, int]], index: int, rules: list[Rule]
    ) -> list[tuple[str, int, int]]:
        """Hits for the particle at `index`: "aan te sturen", or a finite verb before it."""
        found: list[tuple[str, int, int]] = []
        after = rows[index + 1] if index + 1 < len(rows) else None
        if after is not None and after[0] == self._te and index + 2 < len(rows):
            verb = rows[index + 2][0]
            before = {row[2] for row in rows[max(index - LOOK_BACK, 0) : index]}
            found.extend(
                (cid, index, index + 3)
                for _, inf, words, cid in rules
                if verb == inf and words <= before
            )
        if after is not None and not after[1] and after[0] not in self._closers:
            return found
        for back in range(index - 1, max(index - LOOK_BACK, 0) - 1, -1):
            word, is_space, _ = rows[back]
            if is_space or word in self._breaks:
                break
            between = rows[back + 1 : index]
            for forms, verb, words, cid in rules:
                if word not in forms or not words <= {row[2] for row in between}:
                    continue
                if verb in self._bare and any(row[0] not in self._small for row in between):
                    continue
                found.append((cid, back, index + 1))
        return found
