"""Public helper: Dutch text to lowercase lemmas (used by matching and suggestions)."""

from __future__ import annotations

from jobmatch.nlp.pipeline import get_lemmas, get_nlp


def lemmatize(text: str) -> list[str]:
    """Lowercase lemmas of `text`, without punctuation or whitespace tokens."""
    lemma_of = get_lemmas()
    tokens = get_nlp().make_doc(text)
    return [lemma_of(token.lower_) for token in tokens if not (token.is_punct or token.is_space)]


def lemma(word: str) -> str:
    """The lemma of one lowercase word form."""
    return get_lemmas()(word.lower())
