"""Shared helpers for commands: clear one-sentence errors, JSON output."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from jobmatch.domain.errors import JobmatchError, os_error_message
from jobmatch.domain.profiles import Profile
from jobmatch.services.profile_files import read_profile_file

__all__ = ["echo_json", "friendly_errors", "load_profile", "os_error_message"]

F = TypeVar("F", bound=Callable[..., Any])


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


def load_profile(path: Path) -> Profile:
    return read_profile_file(path)
