"""The `jobmatch` console script. Each area registers its commands in its own module."""

from __future__ import annotations

import click

from jobmatch import __version__


@click.group()
@click.version_option(__version__, prog_name="jobmatch")
def main() -> None:
    """jobmatch: competencies, matching and date-free CVs for exit programmes."""
    from jobmatch.security.logsafety import install

    install()  # no personal data in logs (secdata)


def _register_commands() -> None:
    # Imported for their side effect: each module adds its commands to `main`.
    from jobmatch.cli import commands  # noqa: F401


_register_commands()
