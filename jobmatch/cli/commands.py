"""Imports every command module so that `main` knows all commands (one line per area)."""

from jobmatch.cli import (  # noqa: F401
    common,
    data,
    documents,
    extract,
    rank,
    security,
    serve,
    suggest,
)
