"""Find lexicon competencies in any text: lemma phrase matches plus stems inside compounds.

`find_competencies(text, lexicon)` is public (suggestions use it too). The matchers are built
once per lexicon and cached; the pipeline is built once per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from jobmatch.domain.competencies import Lexicon
from jobmatch.nlp.pipeline import get_lemmas, get_nlp
from jobmatch.nlp.proximity import PairMatcher, is_pair, token_columns
from jobmatch.nlp.sections import MAX_CHARS, break_long_runs
from jobmatch.nlp.separable import SeparableMatcher
from jobmatch.nlp.stems import StemIndex

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

_CACHED = 4


@dataclass(frozen=True)
class Hit:
    """One competency found: its id, the matched text and where it is (character offsets)."""

    id: str
    text: str
    start: int
    end: int


@dataclass
class CompiledLexicon:
    matcher: PhraseMatcher
    english: PhraseMatcher
    pairs: PairMatcher
    separable: SeparableMatcher
    stems: StemIndex
    excluded: dict[str, tuple[str, ...]]


_compiled: dict[int, tuple[Lexicon, CompiledLexicon]] = {}


def _compile(lexicon: Lexicon) -> CompiledLexicon:
    from spacy.matcher import PhraseMatcher

    nlp = get_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
    english = PhraseMatcher(nlp.vocab, attr="LOWER")
    pair_rules: list[tuple[str, str]] = []
    for competency in lexicon:
        terms = [t.lower() for t in (*competency.terms_nl, *competency.terms_en)]
        pair_rules.extend((t, competency.id) for t in terms if is_pair(t))
        dutch = dict.fromkeys(t.lower() for t in competency.terms_nl if not is_pair(t))
        matcher.add(competency.id, list(nlp.pipe(dutch)))
        forms = dict.fromkeys(
            f for t in competency.terms_en if not is_pair(t) for f in _english_forms(t.lower())
        )
        english.add(competency.id, [nlp.make_doc(form) for form in forms])
    lemmas = get_lemmas()
    excluded = {c.id: tuple(e.lower() for e in c.exclude_nl) for c in lexicon}
    stems = StemIndex(
        ((stem, c.id) for c in lexicon for stem in c.stems_nl),
        lemmas.is_known,
        {cid: frozenset(e for e in ex if " " not in e) for cid, ex in excluded.items()},
    )
    pairs = PairMatcher(pair_rules, lemmas)
    pairs.bind(nlp.vocab.strings)
    separable = SeparableMatcher(
        ((t, c.id) for c in lexicon for t in c.terms_nl if not is_pair(t)),
        lemmas.is_known,
        lemmas,
    )
    separable.bind(nlp.vocab.strings)
    return CompiledLexicon(matcher, english, pairs, separable, stems, excluded)


def _english_forms(term: str) -> tuple[str, ...]:
    """The term, its plural ("customers") and, for a phrase, its verb forms
    ("welcome guests" -> "welcomes / welcoming / welcomed guests")."""
    forms = [term]
    if term[-1:].isalpha() and not term.endswith(("s", "ing", "ed", "y")):
        forms.append(term + ("es" if term.endswith(("sh", "ch", "x")) else "s"))
    first, _, rest = term.partition(" ")
    if rest and first.isalpha() and len(first) > 2 and not first.endswith(("ing", "ed", "s")):
        stem = first[:-1] if first.endswith("e") else first
        forms.extend(f"{verb} {rest}" for verb in (first + "s", stem + "ing", stem + "ed"))
    return tuple(forms)


def compiled(lexicon: Lexicon) -> CompiledLexicon:
    """The matchers for this lexicon object, built on first use."""
    entry = _compiled.get(id(lexicon))
    if entry is None or entry[0] is not lexicon:
        if len(_compiled) >= _CACHED:
            _compiled.pop(next(iter(_compiled)))
        entry = (lexicon, _compile(lexicon))
        _compiled[id(lexicon)] = entry
    return entry[1]


_WORD = re.compile(r"[^\W\d_][\w-]*[^\W\d_]")
_EXCLUDE_WINDOW = 30


def _is_excluded(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """True when the match is part of an excluded word or phrase ("flexibele werktijden")."""
    if not words:
        return False
    matched = text[start:end].lower()
    containing = _containing(words, matched)
    if not containing:
        return False
    window = text[max(start - _EXCLUDE_WINDOW, 0) : end + _EXCLUDE_WINDOW].lower()
    return any(word in window for word in containing)


@lru_cache(maxsize=65_536)
def _containing(words: tuple[str, ...], matched: str) -> tuple[str, ...]:
    """The excluded words that contain the matched text (most often none)."""
    return tuple(word for word in words if matched in word)


def hits_in_doc(doc: Doc, lexicon: Lexicon, text: str | None = None) -> list[Hit]:
    """All competency hits in a processed doc, in text order, one per id and place.

    `text` is the text the doc was made from (saves rebuilding it from the tokens).
    """
    compiled_lexicon = compiled(lexicon)
    excluded = compiled_lexicon.excluded
    text = doc.text if text is None else text
    found: list[Hit] = []
    strings = doc.vocab.strings
    matches = [*compiled_lexicon.matcher(doc), *compiled_lexicon.english(doc)]
    labelled = [(strings[match_id], start, end) for match_id, start, end in matches]
    columns = token_columns(doc)
    pairs = [*compiled_lexicon.pairs(doc, columns), *compiled_lexicon.separable(doc, columns)]
    if labelled or pairs:
        starts, lengths = columns["idx"], columns["length"]
        for cid, start, end in [*labelled, *pairs]:
            first = starts[start]
            last = starts[end - 1] + lengths[end - 1]
            if not _is_excluded(text, first, last, excluded.get(cid, ())):
                found.append(Hit(cid, text[first:last], first, last))
    stems = compiled_lexicon.stems
    lower = text.lower()
    if len(lower) != len(text):  # a few characters change length when lowercased
        lower = "".join(ch.lower()[0] for ch in text)
    words = _WORD.findall(lower)
    hit_words = stems.having_stems(set(words))
    left = sum(word in hit_words for word in words) if hit_words else 0
    for word, first in word_starts(lower, words) if left else ():
        if word in hit_words:
            last = first + len(word)
            for cid in stems(word):
                if not _is_excluded(text, first, last, excluded.get(cid, ())):
                    found.append(Hit(cid, text[first:last], first, last))
            left -= 1
            if not left:  # the words after the last hit need no place
                break
    return _outermost(found)


def word_starts(lower: str, words: list[str]) -> Iterator[tuple[str, int]]:
    """(word, start) for `words = _WORD.findall(lower)`, as `_WORD.finditer` would give them.

    Each word is found at or after the end of the previous one: between two matches no run
    of word characters holds two letters, so find() lands on the match itself."""
    position = 0
    for word in words:
        first = lower.find(word, position)
        yield word, first
        position = first + len(word)


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Drop hits that lie inside a longer (or equal, earlier) hit of the same id."""
    kept: list[Hit] = []
    reach: dict[str, int] = {}
    for hit in sorted(hits, key=lambda h: (h.start, -h.end, h.id)):
        if hit.end <= reach.get(hit.id, -1):
            continue
        reach[hit.id] = hit.end
        kept.append(hit)
    return kept


def find_competencies(text: str, lexicon: Lexicon) -> list[tuple[str, str]]:
    """(competency id, matched text) for every competency found in `text`, in text order."""
    text = break_long_runs(text[:MAX_CHARS])
    doc = get_nlp()(text)
    return [(hit.id, hit.text) for hit in hits_in_doc(doc, lexicon, text)]


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    from jobmatch.datafiles.lexicon import load_lexicon

    return load_lexicon()
