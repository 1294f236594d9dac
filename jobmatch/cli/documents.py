"""`jobmatch cv`, `letter`, `pitch` and `interview`: documents the participant sends herself.

Every file goes through services.documents.build_document (render, sanitise, guard). The file
is written to a temporary name next to the target and renamed only when everything passed, so
a blocked document (exit code 2) leaves no file behind. `-o` may be a folder: then the
neutral file name (cv-<voornaam>.pdf) is used.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import click

from jobmatch.cli import main
from jobmatch.cli.common import friendly_errors, load_profile
from jobmatch.domain.errors import JobmatchError
from jobmatch.domain.vacancies import Extraction
from jobmatch.services.documents import RenderedFile, make_cv, make_letter, make_sheet

LANG = click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
TEMPLATE = click.option("--template", default="helder", show_default=True, help="helder, warm, …")
PROFILE = click.option(
    "--profile", "profile_path", required=True, type=click.Path(path_type=Path), help="P.json"
)
OUTPUT = click.option(
    "-o", "--output", required=True, type=click.Path(path_type=Path), help="bestand of map"
)


def read_vacancy(path: Path | None) -> Extraction | None:
    """The vacancy text file, read and extracted (title line, blank line, text)."""
    if path is None:
        return None
    # Imported here: the NLP pipeline loads only when a document is made for a vacancy.
    from jobmatch.services.extraction import vacancy_from_file

    return vacancy_from_file(path)


def write_file(rendered: RenderedFile, output: Path) -> Path:
    """Write atomically: a temporary file in the same folder, renamed on success."""
    folder = output.is_dir() or (not output.exists() and not output.suffix)
    target = output / rendered.filename if folder else output
    wanted = Path(rendered.filename).suffix
    if target.suffix.lower() != wanted:
        raise JobmatchError(
            f"{target.name}: de naam moet eindigen op {wanted} / the file name must end in {wanted}"
        )
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".jobmatch-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(rendered.data)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _done(rendered: RenderedFile, output: Path) -> None:
    target = write_file(rendered, output)
    click.echo(f"Geschreven / written: {target}")


def _inputs(profile_path: Path, vacancy: Path | None) -> dict[str, Any]:
    return {
        "profile": load_profile(profile_path),
        "vacancy": read_vacancy(vacancy),
    }


@main.command("cv")
@PROFILE
@click.option("--vacancy", type=click.Path(path_type=Path), help="vacaturetekst (.txt)")
@LANG
@TEMPLATE
@click.option("--format", "fmt", type=click.Choice(["docx", "pdf"]), required=True)
@OUTPUT
@friendly_errors
def cv_command(
    *, profile_path: Path, vacancy: Path | None, lang: str, template: str, fmt: str, output: Path
) -> None:
    """Het competentie-cv zonder data / the competency CV without dates."""
    rendered = make_cv(**_inputs(profile_path, vacancy), lang=lang, template=template, fmt=fmt)
    _done(rendered, output)


@main.command("letter")
@PROFILE
@click.option("--vacancy", type=click.Path(path_type=Path), required=True)
@LANG
@TEMPLATE
@click.option("--format", "fmt", type=click.Choice(["docx", "pdf", "txt"]), required=True)
@click.option("--employer", help="naam van de werkgever / employer name")
@click.option("--contact", "contact_name", help="aan wie / addressed to, e.g. 'mevrouw De Vries'")
@OUTPUT
@friendly_errors
def letter_command(
    *,
    profile_path: Path,
    vacancy: Path,
    lang: str,
    template: str,
    fmt: str,
    employer: str | None,
    contact_name: str | None,
    output: Path,
) -> None:
    """De sollicitatiebrief / the cover letter."""
    rendered = make_letter(
        **_inputs(profile_path, vacancy),
        lang=lang,
        template=template,
        fmt=fmt,
        employer=employer,
        contact_name=contact_name,
    )
    _done(rendered, output)


def _sheet_command(kind: str, help_text: str) -> None:
    @main.command(kind, help=help_text)
    @PROFILE
    @click.option("--vacancy", type=click.Path(path_type=Path))
    @LANG
    @TEMPLATE
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["txt", "docx", "pdf"]),
        default="txt",
        show_default=True,
    )
    @OUTPUT
    @friendly_errors
    def command(
        *,
        profile_path: Path,
        vacancy: Path | None,
        lang: str,
        template: str,
        fmt: str,
        output: Path,
    ) -> None:
        inputs = _inputs(profile_path, vacancy)
        rendered = make_sheet(kind=kind, **inputs, lang=lang, template=template, fmt=fmt)  # type: ignore[arg-type]
        _done(rendered, output)


_sheet_command("pitch", "Korte pitch over jezelf / a short pitch about yourself.")
_sheet_command("interview", "Voorbereiding op het gesprek / interview preparation sheet.")
