"""`jobmatch serve`: set up instance folder, key, database and demo data; serve with waitress."""

from __future__ import annotations

import errno
import signal
import sys
from pathlib import Path

import click

from jobmatch.cli import main
from jobmatch.cli.common import friendly_errors

# Flask, SQLAlchemy and waitress are imported inside the functions, so that other commands
# start fast.


def _seed(url: str, *, extract: bool) -> dict[str, int]:
    from jobmatch.services.setup import database_session, seed_demo

    with database_session(url=url, migrate=False) as session:
        return seed_demo(session=session, extract=extract)


def _demo_logins() -> list[str]:
    from jobmatch.services.setup import load_demo_data

    organisations = load_demo_data().organisations
    return [
        f"  {account.email} / {account.password}  ({account.role}, {org.name})"
        for org in organisations
        for account in org.staff
    ]


def _bind(app: object, host: str, port: int) -> object:
    from waitress import create_server

    try:
        return create_server(app, host=host, port=port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            message = f"Poort {port} is al in gebruik / port {port} is already in use"
        else:
            message = f"Kan niet luisteren op / cannot listen on {host}:{port}: {exc.strerror}"
        click.echo(f"Fout / error: {message}.", err=True)
        sys.exit(2)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Adres / address.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--instance",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Instance-map / instance folder (default: $JOBMATCH_INSTANCE or ./instance).",
)
@click.option("--no-seed", is_flag=True, help="Geen demo-gegevens / do not add demo data.")
@click.option("--no-extract", is_flag=True, help="Vacatures niet analyseren / skip extraction.")
@click.option(
    "--worker/--no-worker",
    default=None,
    help="Achtergrondtaken in dit proces / run background jobs in this process "
    "(default: on, off when JOBMATCH_REDIS_URL is set).",
)
@friendly_errors
def serve(  # noqa: PLR0917  (click passes options by keyword)
    host: str,
    port: int,
    instance: Path | None,
    no_seed: bool,
    no_extract: bool,
    worker: bool | None,
) -> None:
    """Start de webapp / start the web app (waitress)."""
    from jobmatch.security.keys import use_instance
    from jobmatch.services.setup import database_label, init_database
    from jobmatch.web import create_app
    from jobmatch.web.config import instance_path

    app = create_app({"INSTANCE_PATH": str(instance_path(instance))})
    use_instance(Path(app.config["INSTANCE_PATH"]))
    url = app.config["DATABASE_URL"]
    result = init_database(url=url)
    if not no_seed:
        _seed(url, extract=not no_extract)
    server = _bind(app, host, port)
    where = "nieuw / new" if result.created else "bestaand / existing"
    click.echo(f"Database ({where}): {database_label(url)}")
    click.echo(f"jobmatch draait op / is running at http://{host}:{port}/")
    if not no_seed:
        click.echo("Demo-logins (alleen voor de demo / demo only):")
        click.echo("\n".join(_demo_logins()))
        _print_demo_code(url, app.config["SECRET_KEY"])
    signal.signal(signal.SIGTERM, _stop)
    consumer = _start_worker(url, Path(app.instance_path), worker)
    try:
        server.run()  # type: ignore[attr-defined]  (returns on Ctrl+C / SIGTERM)
    finally:
        server.close()  # type: ignore[attr-defined]
        if consumer is not None:
            consumer.stop(graceful=True)  # type: ignore[attr-defined]
    click.echo("Gestopt / stopped.")


def _start_worker(url: str, instance: Path, wanted: bool | None) -> object | None:
    """The in-process Huey consumer (one machine: SqliteHuey in the instance folder); jobs
    left queued or stopped by a restart are queued again first."""
    import os

    from jobmatch.services import background

    if wanted is None:
        wanted = not os.environ.get(background.ENV_REDIS, "").strip()
    if not wanted:
        return None
    background.configure_database(url)
    huey = background.build_queue(instance=instance)
    background.requeue_unfinished(huey)
    click.echo("Achtergrondtaken draaien in dit proces / background jobs run in this process.")
    return background.start_consumer(huey, workers=2)


def _print_demo_code(url: str, pepper: str) -> None:
    from jobmatch.services.setup import database_session, demo_workshop_code

    with database_session(url=url, migrate=False) as session:
        found = demo_workshop_code(session=session, pepper=pepper)
    if found:
        alias, code = found
        click.echo(
            f"  workshopcode voor demo-deelnemer '{alias}' / workshop code for demo participant "
            f"(72 uur, één keer / 72 hours, once): {code}  (http://…/auth/code)"
        )


def _stop(_signum: int, _frame: object) -> None:
    """SIGTERM (systemd, docker, kill) stops as cleanly as Ctrl+C."""
    raise KeyboardInterrupt
