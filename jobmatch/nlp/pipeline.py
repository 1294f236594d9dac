"""The spaCy pipeline: `spacy.blank("nl")` plus lookup lemmas, built once per process.

Never built at import time: call `get_nlp()`.
"""

from __future__ import annotations

import contextlib
import json
import os
from functools import lru_cache
from pathlib import Path
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
    from spacy.strings import get_string_id

    table, known = _lemma_data()
    return DutchLemmas(lambda word: table.get(get_string_id(word)), known, frozenset(STOP_WORDS))


def _cache_file() -> Path:
    from importlib.metadata import PackageNotFoundError, version

    try:
        lookups_version = version("spacy-lookups-data")
    except PackageNotFoundError:
        lookups_version = "unknown"
    folder = os.environ.get("JOBMATCH_CACHE_DIR") or Path.home() / ".cache" / "jobmatch"
    return Path(folder) / f"nl-lemmas-{lookups_version}.json"


def _lemma_data() -> tuple[dict[int, str], frozenset[str]]:
    """The lookup table (string hash -> lemma) and the set of known lemmas.

    Read from spacy-lookups-data once, then from a small cache file in ~/.cache/jobmatch
    (JOBMATCH_CACHE_DIR overrides), which loads several times faster.
    """
    path = _cache_file()
    with contextlib.suppress(OSError, ValueError, TypeError):
        keys, values = json.loads(path.read_text(encoding="utf-8"))
        table = dict(zip(map(int, keys), map(str, values), strict=True))
        if table:  # an empty table would silently switch lemmatising off: rebuild instead
            return table, frozenset(value.lower() for value in table.values())
    from spacy.lookups import load_lookups

    lookup = load_lookups("nl", ["lemma_lookup"]).get_table("lemma_lookup")
    table = {int(key): str(value) for key, value in lookup.items()}
    known = frozenset(value.lower() for value in table.values())
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        # JSON, not pickle: a cache file must never be able to run code when read.
        temporary.write_text(json.dumps([list(table), list(table.values())]), encoding="utf-8")
        temporary.replace(path)
    return table, known


def _register_component() -> None:
    from spacy.language import Language

    if Language.has_factory(COMPONENT):
        return

    @Language.component(COMPONENT)
    def set_lemmas(doc: Doc) -> Doc:
        if doc.has_annotation("LEMMA"):  # set by the CachedTokenizer
            return doc
        lemma_of = get_lemmas()
        for token in doc:
            if not (token.is_punct or token.is_space):
                token.lemma_ = lemma_of(token.lower_)
        return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """`spacy.blank("nl")` with spaCy's tokenizer behind a working cache (which also sets the
    lemmas) and the jobmatch lemma component (built once per process)."""
    import spacy

    from jobmatch.nlp.tokenizer import CachedTokenizer

    _register_component()
    nlp = spacy.blank("nl")
    nlp.tokenizer = CachedTokenizer(nlp.tokenizer, get_lemmas())
    nlp.add_pipe(COMPONENT)
    return nlp
