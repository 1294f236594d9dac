"""Pairs of lemmas near each other, in any order: Dutch puts the verb second or last.

"Je helpt klanten" and "klanten die je helpt" both show "klant ~ helpen". A lexicon term
written as "a ~ b" (one word on each side) matches when both lemmas occur within WINDOW
tokens of each other in the same sentence. A side may list alternatives: "help|helpen ~ klant"
(the lookup table keeps verb stems such as "help" as they are).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc

WINDOW = 6
SEPARATOR = "~"
_BREAKS = frozenset({".", "!", "?", ";", "\n", ":", "•"})


def token_columns(doc: Doc) -> dict[str, list[int]]:
    """The token attributes the matchers read, one list per attribute (numpy's tolist() of
    many short rows is slow): lemma, orth, lower, space (0/1), idx and length."""
    from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, LOWER, ORTH

    array = doc.to_array([LEMMA, ORTH, LOWER, IS_SPACE, IDX, LENGTH])
    return dict(
        zip(("lemma", "orth", "lower", "space", "idx", "length"), array.T.tolist(), strict=True)
    )


def is_pair(term: str) -> bool:
    return SEPARATOR in term


class PairMatcher:
    """Finds (id, first token, last token + 1) for every lemma pair rule that holds."""

    def __init__(self, rules: Iterable[tuple[str, str]], lemma_of: Callable[[str], str]) -> None:
        self._rules: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for term, cid in rules:
            left, _, right = (part.strip().lower() for part in term.partition(SEPARATOR))
            for first in {lemma_of(word.strip()) for word in left.split("|") if word.strip()}:
                for second in {lemma_of(word.strip()) for word in right.split("|") if word.strip()}:
                    self._rules[first].append((second, cid))
                    self._rules[second].append((first, cid))
        self._rule_ids: dict[int, list[tuple[int, str]]] = {}
        self._wanted_ids: frozenset[int] = frozenset()
        self._partners: dict[int, dict[int, list[str]]] = {}  # lemma -> other lemma -> ids
        self._break_ids: frozenset[int] = frozenset()

    def __call__(
        self, doc: Doc, columns: dict[str, list[int]] | None = None
    ) -> list[tuple[str, int, int]]:
        """`columns` ("lemma", "orth", "space" lists of the doc) saves reading them again."""
        if not len(doc):
            return []
        columns = columns or token_columns(doc)
        lemmas, orths, spaces = columns["lemma"], columns["orth"], columns["space"]
        wanted = self._wanted_ids
        hits = [index for index, lemma in enumerate(lemmas) if lemma in wanted]
        if len(hits) < 2:  # a pair needs two words
            return []
        breaks = self._break_ids

        def broken(i: int, j: int) -> bool:  # a break token in (min, max]: another sentence
            return any(spaces[k] or orths[k] in breaks for k in range(min(i, j) + 1, max(i, j) + 1))

        positions: dict[int, list[int]] = defaultdict(list)
        for index in hits:
            positions[lemmas[index]].append(index)
        found: set[tuple[str, int, int]] = set()
        for lemma, places in positions.items():
            partners = self._partners[lemma]
            for other in partners.keys() & positions.keys():
                for cid in partners[other]:
                    for i in places:
                        for j in positions[other]:
                            if 0 < abs(i - j) <= WINDOW and not broken(i, j):
                                found.add((cid, min(i, j), max(i, j) + 1))
        return sorted(found, key=lambda item: item[1])

    def bind(self, strings: StringStore) -> None:
        """Map the rule lemmas to the pipeline's string ids (once, before matching)."""
        self._rule_ids = {
            strings.add(lemma): [(strings.add(other), cid) for other, cid in rules]
            for lemma, rules in self._rules.items()
        }
        self._wanted_ids = frozenset(self._rule_ids)
        self._partners = {}
        for lemma, rules in self._rule_ids.items():
            partners = self._partners.setdefault(lemma, {})
            for other, cid in rules:
                partners.setdefault(other, []).append(cid)
        self._break_ids = frozenset(strings.add(mark) for mark in _BREAKS)
