"""Errors with messages a job hunter or coordinator can act on."""

from __future__ import annotations

import errno
from collections.abc import Sequence
from dataclasses import dataclass


class JobmatchError(Exception):
    """Base class: the message is one clear sentence meant for the user."""


@dataclass(frozen=True)
class Problem:
    """One problem in a data file or an input document.

    `where` is a line number, an entry name or a JSON path ("experiences[2].kind").
    """

    source: str
    where: str
    field: str
    message: str

    def __str__(self) -> str:
        location = ":".join(part for part in (self.source, self.where) if part)
        field = f" [{self.field}]" if self.field else ""
        return f"{location}{field}: {self.message}"


class DataFileError(JobmatchError):
    """A data file (lexicon, vacancy, template, profile) is broken."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class ProfileError(DataFileError):
    """A participant profile does not validate; `problems` hold field paths."""


class UnknownCompetencyError(JobmatchError):
    """Competency ids that are not in the lexicon; the message lists the valid ids."""

    def __init__(self, unknown: Sequence[str], valid: Sequence[str]) -> None:
        self.unknown = tuple(unknown)
        self.valid = tuple(sorted(valid))
        super().__init__(
            f"Onbekende competentie / unknown competency: {', '.join(self.unknown)}. "
            f"Geldige ids / valid ids: {', '.join(self.valid)}"
        )


class GuardError(JobmatchError):
    """A generated document contains something that may reveal the past."""


# Dutch first; the system's English reason (exc.strerror) follows it.
_OS_ERRORS_NL = {
    errno.ENOENT: "bestand of map niet gevonden",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EEXIST: "er staat al een bestand met die naam (geen map)",
    errno.EACCES: "geen toegang",
    errno.EPERM: "geen toegang",
    errno.ENOSPC: "de schijf is vol",
}


def os_error_message(exc: OSError) -> str:
    """One line for a file problem: Dutch, then English, then the file name."""
    dutch = _OS_ERRORS_NL.get(exc.errno or 0, "bestand kan niet gelezen of geschreven worden")
    english = exc.strerror or str(exc)
    return f"{dutch} / {english}: {exc.filename or ''}"
