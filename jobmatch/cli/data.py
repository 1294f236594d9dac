"""`jobmatch init-db`, `jobmatch seed`, `jobmatch check-data`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from jobmatch.cli import main
from jobmatch.cli.common import friendly_errors

# Database, web and service modules are imported inside the commands, so that other commands
# (extract, rank, cv …) start without loading SQLAlchemy, Alembic or Flask.

instance_option = click.option(
    "--instance",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Instance-map / instance folder (default: $JOBMATCH_INSTANCE or ./instance).",
)


def instance_database_url(instance: Path | None) -> str:
    """The database URL the web app would use (instance config, env, default file)."""
    from jobmatch.security.keys import use_instance
    from jobmatch.web.config import instance_path, load_config

    config = load_config({"INSTANCE_PATH": str(instance_path(instance))})
    use_instance(Path(config["INSTANCE_PATH"]))  # the master key for sealed text lives there
    url: str = config["DATABASE_URL"]
    return url


@main.command("init-db")
@instance_option
@friendly_errors
def init_db(instance: Path | None) -> None:
    """Maak de database of werk hem bij / create or upgrade the database schema."""
    from jobmatch.services.setup import init_database

    result = init_database(url=instance_database_url(instance))
    state = "aangemaakt / created" if result.created else "bijgewerkt / up to date"
    click.echo(f"Database {state} (revisie / revision {result.revision}).")


@main.command()
@instance_option
@click.option("--no-extract", is_flag=True, help="Vacatures niet analyseren / skip extraction.")
@friendly_errors
def seed(instance: Path | None, no_extract: bool) -> None:
    """Zet de demo-gegevens in de database / add the demo data (never twice)."""
    from jobmatch.services.setup import database_session, seed_demo

    with database_session(url=instance_database_url(instance)) as session:
        added = seed_demo(session=session, extract=not no_extract)
    summary = ", ".join(f"{table} +{count}" for table, count in added.items())
    click.echo(f"Demo-gegevens toegevoegd / demo data added: {summary}")


@main.command("check-data")
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Map met competencies/, vacancies/, cv_templates/ (default: $JOBMATCH_DATA_DIR).",
)
def check_data(root: Path | None) -> None:
    """Controleer alle databestanden / validate every data file."""
    from jobmatch.services.setup import check_data_files

    problems = check_data_files(root)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(f"{len(problems)} probleem/problemen gevonden / problems found.", err=True)
        sys.exit(1)
    click.echo("Alle databestanden zijn in orde / all data files are fine.")
