"""`jobmatch rank` (vacancies and training places for one participant) and
`jobmatch rank-participants` (participants for one vacancy), best first.

The reading and ranking live in `jobmatch.services.rank_files` (the same functions a page
calls), imported inside the commands so that `jobmatch --help` does not load numpy,
scikit-learn or spaCy. A command parses its arguments, calls the service and prints.
"""

from __future__ import annotations

from pathlib import Path

import click

from jobmatch.cli import main
from jobmatch.cli.common import echo_json, friendly_errors, load_profile
from jobmatch.domain.errors import JobmatchError
from jobmatch.domain.ranking import RankedItem, RankedParticipant

FOLDER = click.Path(exists=True, file_okay=False, path_type=Path)


def _notes(notes: tuple[tuple[str, str], ...]) -> None:
    for nl, en in notes:
        click.echo(f"Let op / note: {nl} / {en}", err=True)


def _print_lines(heading: str, reasons: tuple[str, ...], warnings: tuple[str, ...]) -> None:
    click.echo(heading)
    for reason in reasons:
        click.echo(f"     + {reason}")
    for warning in warnings:
        click.echo(f"     ! {warning}")


def _km(distance: float | None) -> str:
    return f" (± {distance:.0f} km)" if distance is not None else ""


def _print_item(number: int, item: RankedItem) -> None:
    kind = "opleiding / training" if item.kind == "training" else "vacature / vacancy"
    where = ", ".join(str(p) for p in (item.employer, item.place) if p)
    heading = f"{number}. {item.score:.2f}  {item.title}  [{kind}] {where}{_km(item.distance_km)}"
    _print_lines(heading, item.reasons, item.warnings)


def _print_participant(number: int, person: RankedParticipant) -> None:
    heading = f"{number}. {person.score:.2f}  {person.name}  [{person.source}]"
    _print_lines(heading + _km(person.distance_km), person.reasons, person.warnings)


@main.command("rank")
@click.option("--profile", "profile_path", required=True, type=click.Path(path_type=Path))
@click.option("--vacancies", "vacancies_dir", required=True, type=FOLDER)
@click.option("--training", "training_dir", type=FOLDER, default=None)
@click.option("--top", type=click.IntRange(min=1), default=None, help="Only the best N.")
@click.option("--kind", type=click.Choice(["vacancy", "training", "all"]), default="all")
@click.option("--weights", "weights_path", type=click.Path(path_type=Path), default=None)
@click.option("--weight", "weight_pairs", multiple=True, help="name=value, e.g. text=0.4")
@click.option("--cache", "cache_path", type=click.Path(path_type=Path), default=None)
@click.option("--json", "as_json", is_flag=True, help="JSON list, best first.")
@friendly_errors
def rank(  # noqa: PLR0917
    profile_path: Path,
    vacancies_dir: Path,
    training_dir: Path | None,
    top: int | None,
    kind: str,
    weights_path: Path | None,
    weight_pairs: tuple[str, ...],
    cache_path: Path | None,
    as_json: bool,
) -> None:
    """Rank vacancies and training places for one participant (--profile P.json)."""
    from jobmatch.services.rank_files import parse_weights, rank_folders

    if not profile_path.is_file():
        raise JobmatchError(f"Profiel niet gevonden / profile not found: {profile_path}")
    result = rank_folders(
        profile=load_profile(profile_path),
        vacancies_dir=vacancies_dir,
        training_dir=training_dir,
        weights=parse_weights(weights_path, weight_pairs),
        top=top,
        kind=kind,  # type: ignore[arg-type]
        cache_path=cache_path,
    )
    _notes(result.notes)
    if as_json:
        echo_json(result.to_json())
        return
    for number, item in enumerate(result.items, start=1):
        _print_item(number, item)


@main.command("rank-participants")
@click.option("--vacancy", "vacancy_path", required=True, type=click.Path(path_type=Path))
@click.option("--profiles", "profiles_dir", required=True, type=click.Path(path_type=Path))
@click.option("--top", type=click.IntRange(min=1), default=None, help="Only the best N.")
@click.option("--cache", "cache_path", type=click.Path(path_type=Path), default=None)
@click.option("--json", "as_json", is_flag=True, help="JSON list, best first.")
@friendly_errors
def rank_participants(
    vacancy_path: Path,
    profiles_dir: Path,
    top: int | None,
    cache_path: Path | None,
    as_json: bool,
) -> None:
    """Which participants fit one vacancy (--vacancy FILE), best first. Participants who
    avoid this employer or place are never shown."""
    from jobmatch.services.rank_files import rank_participant_files

    if not vacancy_path.is_file():
        raise JobmatchError(f"Vacature niet gevonden / vacancy not found: {vacancy_path}")
    if not profiles_dir.is_dir():
        raise JobmatchError(f"Map met profielen niet gevonden / folder not found: {profiles_dir}")
    result = rank_participant_files(
        vacancy=vacancy_path, profiles_dir=profiles_dir, cache_path=cache_path, top=top
    )
    _notes(result.notes)
    opening, shown = result.opening, result.ranked
    if as_json:
        echo_json([person.to_json() for person in shown])
        return
    where = f" ({opening.employer})" if opening.employer else ""
    click.echo(f"Vacature / vacancy: {opening.posting.title}{where}")
    for number, person in enumerate(shown, start=1):
        _print_participant(number, person)
