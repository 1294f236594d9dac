"""`jobmatch extract FILE… --json`: what each vacancy text asks and offers."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from jobmatch.cli import main
from jobmatch.cli.common import echo_json, friendly_errors
from jobmatch.domain.vacancies import Extraction


def _note(nl: str, en: str) -> None:
    click.echo(f"Let op / note: {nl} / {en}", err=True)


def _summary(extraction: Extraction) -> str:
    req = extraction.requirements
    lines = [f"{extraction.source}: {extraction.title}"]
    for importance, ids in (
        ("moet / must", extraction.must_ids),
        ("pré / nice", extraction.nice_ids),
    ):
        if ids:
            lines.append(f"  {importance}: {', '.join(ids)}")
    if req.hours_min or req.hours_max:
        lines.append(f"  uren / hours: {req.hours_min or '?'}-{req.hours_max or '?'}")
    if req.salary_min or req.salary_max:
        pay = f"{req.salary_min or '?'}-{req.salary_max or '?'}"
        lines.append(f"  salaris / salary: {pay} per {req.salary_unit}")
    if extraction.location:
        lines.append(f"  plaats / place: {extraction.location}")
    return "\n".join(lines)


@main.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="JSON output (one object per file).")
@friendly_errors
def extract_command(files: tuple[Path, ...], as_json: bool) -> None:
    """Competencies, requirements and offers of vacancy texts (title, blank line, text)."""
    from jobmatch.services.extraction import (
        MAX_TEXT_CHARS,
        PostingFileError,
        extract_posting,
        is_truncated,
        read_posting,
    )

    results: list[Extraction] = []
    failed = False
    for path in files:
        try:
            posting = read_posting(path)
        except PostingFileError as exc:
            click.echo(f"Fout / error: {exc}", err=True)
            failed = True
            continue
        if is_truncated(posting):
            limit = f"{MAX_TEXT_CHARS:,}"
            dutch = limit.replace(",", ".")
            _note(
                f"{path} is erg lang; alleen de eerste {dutch} tekens zijn gelezen",
                f"{path} is very long; only the first {limit} characters were read",
            )
        results.append(extract_posting(posting))
    if as_json and results:
        data = [r.to_json() for r in results]
        echo_json(data[0] if len(files) == 1 else data)
    elif results:
        click.echo("\n\n".join(_summary(r) for r in results))
    if failed:
        sys.exit(2)
