"""Competency stems inside Dutch compounds and derivations.

"klantvriendelijkheid", "gastvrijheidsmedewerker" and "stressbestendigheid" are single
tokens that a lemma phrase match misses. A stem counts inside a token when:
- the part before it is empty or a word of at least three letters (a compound modifier), and
- the part after it is empty, an inflection/derivation ending, or a compound head joined
  directly or with a linking -s-/-en-/-e-/hyphen.
Adjective stems ("zelfstandig") join a head only through a noun ending and -s-
("gastvrijheidsmedewerker"), never through -en-: "zelfstandigenaftrek" (a tax rule for
self-employed people) is not about working independently. Stems that are not words
themselves ("onderhandel", "administrat") are roots: any continuation counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_ENDINGS = r"(?:e|er|ere|ste|en|s|'s|heid|heden|iteit|iteiten|ing|ingen|ie|ies|ij|erij)?"
_NOUN_ENDINGS = ("heid", "heden", "iteit", "iteiten", "ing", "ingen", "ie", "erij", "schap")
_ADJECTIVE = re.compile(r"(?:ig|lijk|baar|isch|ief|end|eel|aal|zaam|vol|rijk|bestendig)$")
_REST = re.compile(rf"({_ENDINGS})(?:(s|en|e|-)?([a-zà-ÿ]{{3,}}))?")
_NEGATING_PREFIXES = ("niet", "niet-", "non", "non-")


class StemIndex:
    """Finds the competency ids whose stems occur in one lowercase token (memoised)."""

    def __init__(
        self,
        stems: Iterable[tuple[str, str]],
        is_word: Callable[[str], bool],
        excluded: dict[str, frozenset[str]],
    ) -> None:
        self._stems = sorted(
            ((stem.lower(), cid, is_word(stem.lower())) for stem, cid in stems),
            key=lambda item: -len(item[0]),
        )
        self._excluded = excluded
        self._cache: dict[str, tuple[str, ...]] = {}
        self._shortest = min((len(stem) for stem, _, _ in self._stems), default=99)

    def __call__(self, token: str) -> tuple[str, ...]:
        if len(token) < self._shortest:
            return ()
        found = self._cache.get(token)
        if found is None:
            found = self._find(token)
            if len(self._cache) < 200_000:
                self._cache[token] = found
        return found

    def having_stems(self, words: set[str]) -> set[str]:
        """The words that hold at least one stem (the same test as calling this index)."""
        shortest, cache, find = self._shortest, self._cache, self.__call__
        return {
            word
            for word in words
            if len(word) >= shortest and (cache[word] if word in cache else find(word))
        }

    def _find(self, token: str) -> tuple[str, ...]:
        hits: list[str] = []
        for stem, cid, whole_word in self._stems:
            if cid in hits or stem not in token:
                continue
            if any(ex in token for ex in self._excluded.get(cid, ())):
                continue
            if _fits(token, stem, whole_word=whole_word):
                hits.append(cid)
        return tuple(hits)


def _fits(token: str, stem: str, *, whole_word: bool) -> bool:
    position = token.find(stem)
    prefix, rest = token[:position], token[position + len(stem) :]
    if prefix and (len(prefix.strip("-")) < 3 or prefix in _NEGATING_PREFIXES):
        return False
    if not whole_word:
        return True
    match = _REST.fullmatch(rest)
    if not match:
        return False
    ending, link, head = match.groups()
    if head and _ADJECTIVE.search(stem):
        return ending in _NOUN_ENDINGS and link in ("s", None, "-")
    return True
