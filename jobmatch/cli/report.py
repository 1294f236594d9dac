"""`jobmatch report`: the anonymised yearly report as CSV, JSON or PDF (DESIGN.md §3).

Data problems (participant ids only) go to stderr for the coordinator; the file holds only the
anonymised counts. `--publish` freezes the report; a frozen report is printed as stored.
"""

from __future__ import annotations

from pathlib import Path

import click

from jobmatch.cli import main
from jobmatch.cli.common import friendly_errors
from jobmatch.cli.data import instance_database_url, instance_option


@main.command()
@click.option("--year", required=True, type=click.IntRange(1990, 2100), help="YYYY")
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["csv", "json", "pdf"]),
    help="bestandssoort",
)
@click.option(
    "-o", "--output", required=True, type=click.Path(path_type=Path), help="bestand of map"
)
@click.option(
    "--organisation", default=None, help="Alleen deze organisatie (slug) / one organisation."
)
@click.option("--publish", is_flag=True, help="Publiceren en vastzetten / publish and freeze.")
@instance_option
@friendly_errors
def report(
    *,
    year: int,
    fmt: str,
    output: Path,
    organisation: str | None,
    publish: bool,
    instance: Path | None,
) -> None:
    """Jaarrapportage, geanonimiseerd / the anonymised yearly report."""
    from jobmatch.cli.documents import write_file
    from jobmatch.services import report as service
    from jobmatch.services.setup import database_session

    with database_session(url=instance_database_url(instance)) as session:
        org_id = None
        if organisation:
            org_id = service.organisation_by_slug(session=session, slug=organisation)
        build = service.publish_report if publish else service.build_yearly_report
        result = build(session=session, year=year, organisation_id=org_id)
    rendered = service.render_report(result, fmt)  # type: ignore[arg-type]
    for problem in result.problems:
        click.echo(f"Controleren / check: {problem}", err=True)
    if result.problems:
        click.echo(f"{len(result.problems)} gegevens om te controleren / data problems.", err=True)
    if result.frozen:
        click.echo(f"Gepubliceerde versie / published version, sha256 {result.sha256}")
    target = write_file(rendered, output)  # type: ignore[arg-type]
    click.echo(f"Geschreven / written: {target}")
