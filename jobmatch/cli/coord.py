"""`jobmatch worker`, `jobmatch import`, `jobmatch import-template`: background imports."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from jobmatch.cli import main
from jobmatch.cli.common import echo_json, friendly_errors
from jobmatch.cli.data import instance_database_url, instance_option

KINDS = click.Choice(["vacancies", "training"])


def _queue(instance: Path | None) -> object:
    from jobmatch.services.background import build_queue
    from jobmatch.web.config import instance_path

    return build_queue(instance=instance_path(instance))


@main.command()
@instance_option
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 16))
@friendly_errors
def worker(instance: Path | None, workers: int) -> None:
    """Voer achtergrondtaken uit / run background jobs (imports) until Ctrl+C."""
    from jobmatch.services import background
    from jobmatch.services.setup import init_database

    url = instance_database_url(instance)
    init_database(url=url)
    background.configure_database(url)
    huey = _queue(instance)
    again = background.requeue_unfinished(huey)
    click.echo(f"Worker gestart / started ({workers}); opnieuw in de rij / requeued: {len(again)}")
    huey.create_consumer(workers=workers, worker_type="thread", periodic=False).run()  # type: ignore[attr-defined]


@main.command("import")
@click.argument("kind", type=KINDS)
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@instance_option
@click.option("--dry-run", is_flag=True, help="Alleen controleren / only check, store nothing.")
@click.option("--now", is_flag=True, help="In dit proces uitvoeren / run here, not on a worker.")
@friendly_errors
def import_file(kind: str, file: Path, instance: Path | None, dry_run: bool, now: bool) -> None:
    """Importeer vacatures of opleidingsplaatsen / import vacancies or training places."""
    from jobmatch.services import import_command

    raw = file.read_bytes()
    preview = import_command.dry_run(kind=kind, filename=file.name, raw=raw)
    if dry_run:
        echo_json(preview.to_json())
        return
    huey = None if now else _queue(instance)
    url = instance_database_url(instance)
    echo_json(
        import_command.import_file(url=url, kind=kind, filename=file.name, raw=raw, huey=huey)
    )


@main.command("import-template")
@click.argument("kind", type=KINDS)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
@friendly_errors
def import_template(kind: str, output: Path | None) -> None:
    """Het CSV-sjabloon / the CSV template (`;`, UTF-8 with BOM, opens in Dutch Excel)."""
    from jobmatch.services.imports import csv_template

    data = csv_template(kind)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
