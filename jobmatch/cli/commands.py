"""Imports every command module so that `main` knows all commands (one line per area)."""

from jobmatch.cli import (  # noqa: F401
    common,
    coord,
    data,
    documents,
    extract,
    rank,
    report,
    security,
    serve,
    suggest,
)
