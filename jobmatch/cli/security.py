"""`jobmatch backup`, `jobmatch restore`, `jobmatch audit verify`: parse, call a service, print."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from jobmatch.cli import main
from jobmatch.cli.common import friendly_errors

INSTANCE_HELP = "Instance-map / instance folder (default: $JOBMATCH_INSTANCE or ./instance)."


def _instance(option: Path | None) -> Path:
    chosen = option or os.environ.get("JOBMATCH_INSTANCE") or Path.cwd() / "instance"
    return Path(chosen).expanduser().resolve()


def _url(instance: Path) -> str:
    """The database URL the web app would use; the instance's master key from now on."""
    from jobmatch.cli.data import instance_database_url

    return instance_database_url(instance)


instance_option = click.option(
    "--instance", type=click.Path(file_okay=False, path_type=Path), help=INSTANCE_HELP
)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@instance_option
@friendly_errors
def backup(output: Path, instance: Path | None) -> None:
    """Versleutelde back-up maken / make an encrypted backup."""
    from jobmatch.services.backup import make_backup

    folder = _instance(instance)
    info = make_backup(url=_url(folder), instance=folder, out=output)
    click.echo(
        f"Back-up gemaakt / backup written: {output} ({info.kind}, {info.plain_bytes} bytes)"
    )


@main.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Bestaand SQLite-bestand vervangen / replace file.")
@instance_option
@friendly_errors
def restore(source: Path, force: bool, instance: Path | None) -> None:
    """Back-up terugzetten (app gestopt) / restore a backup (with the app stopped)."""
    from jobmatch.services.backup import restore_backup

    folder = _instance(instance)
    info = restore_backup(url=_url(folder), instance=folder, source=source, force=force)
    click.echo(f"Teruggezet / restored: {info.kind} back-up van / from {info.created}")


@main.command("seal-existing")
@instance_option
@friendly_errors
def seal_existing(instance: Path | None) -> None:
    """Oude onversleutelde tekst versleutelen / encrypt text stored before encryption."""
    from jobmatch.services.encryption import seal_existing as seal
    from jobmatch.services.setup import database_session

    with database_session(url=_url(_instance(instance)), migrate=False) as session:
        count = seal(session=session)
    click.echo(f"Versleuteld / sealed: {count} rijen / rows")


@main.group()
def audit() -> None:
    """Auditlog / audit log."""


@audit.command("verify")
@instance_option
@friendly_errors
def audit_verify(instance: Path | None) -> None:
    """Controleer de hash-keten / check the hash chain."""
    from jobmatch.services.audit import verify_database

    verdict = verify_database(url=_url(_instance(instance)))
    if verdict.ok:
        click.echo(f"Auditlog in orde / audit log intact: {verdict.checked} entries, "
                   f"head {verdict.head}")  # fmt: skip
        return
    click.echo(
        f"Auditlog GEWIJZIGD bij regel / audit log TAMPERED at entry {verdict.broken_at}: "
        f"{verdict.reason} ({verdict.checked} entries fine before it)",
        err=True,
    )
    sys.exit(1)
