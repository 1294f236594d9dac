"""Words about the past matched as words: inflections, lemmas, compounds, disguised forms.

Pure standard library; the caller may pass a lemmatiser (services pass the extractor's
Dutch lookup lemmatiser, jobmatch.nlp.lemmatize.lemma). A token is read in several views of
the already normalised text (guard_text.normalise): as written, with single letters joined
("S.H.O.P.", "e s c o r t"), and with digits read as letters ("3sc0rt", "s3x").

A token reveals the past when one of its forms (itself, its lemma, a plain Dutch/English
de-inflection such as "privéhuizen" -> "privéhuis", "pimps" -> "pimp") is a listed word, or
- a listed word of five letters or more occurs inside it ("escortbureau"), or
- a short listed word ("seks", "sex", "hoer") is part of a compound whose other part is not
  an ordinary, innocent part: "sexshop" and "seksarbeid" block, "sekse" is allowed. Short
  words whose compounds are mostly ordinary ("club": "biljartclub", "clubscheidsrechter")
  are `open_words`: their compounds block only with a suspicious part ("herenclub",
  "clubwerk"). The lists are in competencies/guard.toml. As in the extractor's compound
  stems (nlp/stems.py), a modifier of fewer than three letters does not make a compound
  ("essex" is not "sex").
Tokens in `allowed` always pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from jobmatch.domain.guard_text import Normalised

COMPOUND_MIN_LENGTH = 5
LEMMA_STEM = 4
MIN_MODIFIER = 3
_INFLECTIONS = ("", "s", "'s", "e", "en", "es", "je", "jes", "tje", "tjes")
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s"}
_LEET_I = str.maketrans({**_LEET, "!": "i", "|": "i"})
_LEET_L = str.maketrans({**_LEET, "1": "l", "!": "i", "|": "l"})
_LEET_TOKEN = re.compile(r"[\w@$!|]+")
_SPACED = re.compile(r"(?<![^\W_])[^\W_](?:[ .\-_*·/]{1,3}[^\W_](?![^\W_])){2,}\.?")
WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
Lemmatise = Callable[[str], str]
# Always innocent, also when guard.toml lists none (its `innocent_parts` add to these).
# fmt: off
FLOOR_INNOCENT_PARTS = (
    "sport", "voetbal", "tennis", "hockey", "zwem", "schaak", "bridge", "wandel", "fiets",
    "lees", "boeken", "huiswerk", "kinder", "jeugd", "buurt", "ouderen", "golf", "rugby",
    "korfbal", "handbal", "volleybal", "basketbal", "judo", "dans", "koor", "muziek", "toneel",
    "kook", "hardloop", "rotary", "lions", "huis", "blad", "kampioen", "trainer", "lid", "leden",
)
# fmt: on


@dataclass(frozen=True)
class WordLists:
    exact: frozenset[str]
    long: tuple[str, ...]
    short: tuple[str, ...]
    allowed: frozenset[str]
    innocent: frozenset[str]
    open_words: frozenset[str] = frozenset()
    suspicious: frozenset[str] = frozenset()
    # The stem of every listed word (all but its last three letters, at least four): only a
    # token that starts with one is lemmatised (an inflection keeps the stem), so ordinary
    # text does not load the lemmatiser at all.
    starts: tuple[str, ...] = ()


def word_lists(
    words: Iterable[str],
    allowed: Iterable[str],
    innocent: Iterable[str],
    *,
    open_words: Iterable[str] = (),
    suspicious: Iterable[str] = (),
) -> WordLists:
    singles = {w.replace("-", "") for w in words if w and " " not in w}
    return WordLists(
        exact=frozenset(singles),
        long=tuple(sorted((w for w in singles if len(w) >= COMPOUND_MIN_LENGTH), key=len)),
        short=tuple(sorted(w for w in singles if len(w) < COMPOUND_MIN_LENGTH)),
        allowed=frozenset(allowed),
        innocent=frozenset(innocent) | frozenset(FLOOR_INNOCENT_PARTS),
        open_words=frozenset(open_words),
        suspicious=frozenset(suspicious),
        starts=tuple(sorted({w[: max(LEMMA_STEM, len(w) - 3)] for w in singles})),
    )


def base_forms(token: str) -> set[str]:
    """Plain de-inflections: privehuizen -> privehuis, pimps -> pimp, hoeren -> hoer."""
    forms = {token}
    for ending, replacement in (
        ("'s", ""),
        ("s", ""),
        ("es", ""),
        ("ies", "y"),
        ("en", ""),
        ("zen", "s"),
        ("ven", "f"),
        ("e", ""),
        ("ers", "er"),
    ):
        if token.endswith(ending) and len(token) - len(ending) >= 3:
            stem = token[: len(token) - len(ending)] + replacement
            forms.add(stem)
            if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                forms.add(stem[:-1])  # bordeellen -> bordeel
    return forms


def _strip_inflection(rest: str) -> str:
    return "" if rest in _INFLECTIONS else rest


def _innocent_part(part: str, innocent: frozenset[str]) -> bool:
    if part in innocent:
        return True
    for link in ("s", "en", "e", "-"):
        if part.endswith(link) and part[: -len(link)] in innocent:
            return True
    return part.rstrip("-") in innocent


def _short_hit(form: str, word: str, lists: WordLists) -> bool:
    start = form.find(word)
    while start != -1:
        prefix = form[:start].strip("-")
        rest = _strip_inflection(form[start + len(word) :].strip("-"))
        modifier_ok = not prefix or len(prefix) >= MIN_MODIFIER
        if word in lists.open_words:  # "club": only with a suspicious part ("herenclub")
            if modifier_ok and any(
                part and _innocent_part(part, lists.suspicious) for part in (prefix, rest)
            ):
                return True
        elif modifier_ok and not (
            (prefix or rest)
            and (not prefix or _innocent_part(prefix, lists.innocent))
            and (not rest or _innocent_part(rest, lists.innocent))
        ):
            return True
        start = form.find(word, start + 1)
    return False


def token_hit(token: str, lists: WordLists, lemmatise: Lemmatise | None = None) -> bool:
    """Does this normalised token reveal the past?"""
    joined = token.replace("'s", "").replace("-", "").replace("'", "")
    if token in lists.allowed or joined in lists.allowed:
        return False
    forms = base_forms(joined) | {joined}
    if lemmatise is not None and joined.startswith(lists.starts):
        forms |= {lemmatise(form) for form in list(forms)}
    if forms & lists.allowed:
        return False
    if forms & lists.exact:
        return True
    if any(word in form for word in lists.long for form in forms):
        return True
    return any(word in joined and _short_hit(joined, word, lists) for word in lists.short)


def _leet(text: str, table: dict[int, str]) -> str:
    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        if any(ch.isalpha() for ch in token) and any(ch in _LEET_CHARS for ch in token):
            return token.translate(table)
        return token

    return _LEET_TOKEN.sub(swap, text)


_LEET_CHARS = frozenset("0134578@$!|")


def collapse_spaced(view: Normalised) -> Normalised:
    """'S.H.O.P.' -> 'SHOP', 'e s c o r t' -> 'escort' (origins kept)."""
    keep = [True] * len(view.text)
    for match in _SPACED.finditer(view.text):
        for index in range(match.start(), match.end()):
            if not view.text[index].isalnum():
                keep[index] = False
    text = "".join(ch for ch, k in zip(view.text, keep, strict=True) if k)
    origin = tuple(o for o, k in zip(view.origin, keep, strict=True) if k)
    return Normalised(text, origin)


def views(view: Normalised) -> list[Normalised]:
    """The text as written, with spaced letters joined, and with digits read as letters."""
    joined = collapse_spaced(view)
    out = [view] if joined.text == view.text else [view, joined]
    for table in (_LEET_I, _LEET_L):
        for base in list(out[: 2 if len(out) > 1 else 1]):
            leet = _leet(base.text, table)
            if leet != base.text:
                out.append(Normalised(leet, base.origin))
    return out
