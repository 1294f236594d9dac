"""The spaCy pipeline: `spacy.blank("nl")` plus lookup lemmas, built once per process.

Never built at import time: call `get_nlp()`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from jobmatch.nlp.lemma_rules import DutchLemmas

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

COMPONENT = "jobmatch_lemmas"


@lru_cache(maxsize=1)
def get_lemmas() -> DutchLemmas:
    """The Dutch lemma function (lookup table + suffix fallback)."""
    from spacy.lang.nl.stop_words import STOP_WORDS
    from spacy.lookups import load_lookups

    table = load_lookups("nl", ["lemma_lookup"]).get_table("lemma_lookup")
    known = frozenset(str(value).lower() for value in table.values())
    return DutchLemmas(table.get, known, frozenset(STOP_WORDS))


def _register_component() -> None:
    from spacy.language import Language

    if Language.has_factory(COMPONENT):
        return

    @Language.component(COMPONENT)
    def set_lemmas(doc: Doc) -> Doc:
        lemma_of = get_lemmas()
        for token in doc:
            if not (token.is_punct or token.is_space):
                token.lemma_ = lemma_of(token.lower_)
        return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """`spacy.blank("nl")` with the jobmatch lemma component (built once per process)."""
    import spacy

    _register_component()
    nlp = spacy.blank("nl")
    nlp.add_pipe(COMPONENT)
    return nlp
