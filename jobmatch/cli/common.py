"""Shared helpers for commands: clear one-sentence errors, JSON output."""

from __future__ import annotations

import errno
import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from jobmatch.datafiles.reading import read_text
from jobmatch.domain.errors import JobmatchError
from jobmatch.domain.profile_json import profile_from_json
from jobmatch.domain.profiles import Profile

F = TypeVar("F", bound=Callable[..., Any])

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


def friendly_errors(func: F) -> F:
    """Turn JobmatchError (and unreadable files) into a message on stderr and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except JobmatchError as exc:
            click.echo(f"Fout / error: {exc}", err=True)
            sys.exit(2)
        except OSError as exc:
            click.echo(f"Fout / error: {os_error_message(exc)}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def read_text_file(path: Path) -> str:
    """Read a text file as UTF-8 (BOM allowed), falling back to cp1252 for Windows files."""
    return read_text(path)


def load_profile(path: Path) -> Profile:
    return profile_from_json(read_text_file(path), source=str(path))
