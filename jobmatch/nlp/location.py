"""The first Dutch municipality named in a text (title first), by exact capitalised name."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Common names for municipalities whose official name differs.
ALIASES = {
    "Den Haag": "'s-Gravenhage",
    "The Hague": "'s-Gravenhage",
    "Den Bosch": "'s-Hertogenbosch",
    "Bergen": "Bergen (Nh.)",
}
# Municipality names that are also ordinary capitalised words at a sentence start.
_AMBIGUOUS = frozenset({"Best", "Goes", "Ede", "Epe", "Hof van Twente"})
_CANDIDATE = re.compile(r"(?<![\w'-])(?:'s-)?[A-Z][\w'-]*")


class Places:
    """Finds municipality names in text; built once from the pc4 table's municipality column."""

    def __init__(self, municipalities: Iterable[str]) -> None:
        names: dict[str, str] = {}
        for official in municipalities:
            plain = re.sub(r"\s*\(.*\)$", "", official).strip()
            names.setdefault(plain, official)
            names.setdefault(official, official)
        for alias, official in ALIASES.items():
            if official in names.values():
                names[alias] = official
        self._by_first: dict[str, list[tuple[str, str]]] = {}
        for name, official in names.items():
            first = name.split()[0].split("-")[0]
            self._by_first.setdefault(first, []).append((name, official))
        for options in self._by_first.values():
            options.sort(key=lambda item: -len(item[0]))

    def find(self, text: str) -> str | None:
        for match in _CANDIDATE.finditer(text):
            first = (
                match.group(0).split("-")[0]
                if not match.group(0).startswith("'s-")
                else (match.group(0))
            )
            for name, official in self._by_first.get(first, ()):
                if not text.startswith(name, match.start()):
                    continue
                after = text[match.start() + len(name) : match.start() + len(name) + 1]
                if after.isalpha() or (name in _AMBIGUOUS and not _after_preposition(text, match)):
                    continue
                return official
        return None


def _after_preposition(text: str, match: re.Match[str]) -> bool:
    before = text[max(match.start() - 4, 0) : match.start()].lower()
    return before.endswith(("in ", "te "))
