"""Errors with messages a job hunter or coordinator can act on."""

from __future__ import annotations

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
