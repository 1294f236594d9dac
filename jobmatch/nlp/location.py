"""The first Dutch place named in a text (title first), as a Dutch reader names it.

Names come from the municipality column of vacancies/nl-pc4.csv, plus the towns inside merged
municipality names (Leidschendam-Voorburg), common names ("Den Haag" for 's-Gravenhage) and the
gazetteer vacancies/towns.csv (towns keep their own name, districts give their city).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jobmatch.domain.geo import Town

# Common names for municipalities whose official name differs.
ALIASES = {
    "Den Haag": "'s-Gravenhage",
    "The Hague": "'s-Gravenhage",
    "Den Bosch": "'s-Hertogenbosch",
    "Bergen": "Bergen (Nh.)",
}
# The name a Dutch reader uses for a municipality, when it differs from the official one.
COMMON = {"'s-Gravenhage": "Den Haag", "'s-Hertogenbosch": "Den Bosch", "Bergen (Nh.)": "Bergen"}
# Municipality names that are also ordinary capitalised words at a sentence start.
_AMBIGUOUS = frozenset({"Best", "Goes", "Ede", "Epe", "Hof van Twente", "Monster", "Berkel"})
_CANDIDATE = re.compile(r"(?<![\w'-])(?:'s-)?[A-Z][\w'-]*")


class Places:
    """Finds municipality names in text; built once from the pc4 table's municipality column."""

    def __init__(self, municipalities: Iterable[str], towns: Iterable[Town] = ()) -> None:
        names: dict[str, str] = {}
        for official in municipalities:
            plain = re.sub(r"\s*\(.*\)$", "", official).strip()
            names.setdefault(plain, COMMON.get(official, plain))
            names.setdefault(official, COMMON.get(official, plain))
            for part in _parts(plain):
                names.setdefault(part, part)
        for town in towns:
            plain = re.sub(r"\s*\(.*\)$", "", town.municipality).strip()
            city = COMMON.get(town.municipality, plain)
            names.setdefault(town.name, town.name if town.kind == "town" else city)
        for alias, official in ALIASES.items():
            if official in names:
                names[alias] = COMMON.get(official, alias)
        self._by_first: dict[str, list[tuple[str, str]]] = {}
        for name, official in names.items():
            first = _key(name)
            self._by_first.setdefault(first, []).append((name, official))
        for options in self._by_first.values():
            options.sort(key=lambda item: -len(item[0]))

    def find(self, text: str) -> str | None:
        for match in _CANDIDATE.finditer(text):
            first = _key(match.group(0))
            for name, official in self._by_first.get(first, ()):
                if not text.startswith(name, match.start()):
                    continue
                after = text[match.start() + len(name) : match.start() + len(name) + 1]
                if after.isalpha() or (name in _AMBIGUOUS and not _after_preposition(text, match)):
                    continue
                return official
        return None


def _key(name: str) -> str:
    """First word up to a hyphen ("Leiden-Noord" -> "Leiden"); "'s-" names keep theirs."""
    word = name.split(maxsplit=1)[0]
    return word if word.startswith("'s-") else word.split("-")[0]


def _parts(name: str) -> list[str]:
    """Towns inside a merged municipality name: Leidschendam-Voorburg -> both."""
    if "-" not in name or name.startswith("'s-"):
        return []
    return [part for part in name.split("-") if len(part) > 3 and part[:1].isupper()]


def _after_preposition(text: str, match: re.Match[str]) -> bool:
    before = text[max(match.start() - 4, 0) : match.start()].lower()
    return before.endswith(("in ", "te "))
