"""`jobmatch rank`: vacancies and training places for one participant, best first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from jobmatch.cli import main
from jobmatch.cli.common import echo_json, friendly_errors, load_profile
from jobmatch.datafiles.reading import read_csv_rows
from jobmatch.domain.competencies import Lexicon
from jobmatch.domain.errors import DataFileError, JobmatchError, UnknownCompetencyError
from jobmatch.domain.profiles import Profile
from jobmatch.domain.ranking import RankedItem, RankedParticipant, Weights, weights_from_toml
from jobmatch.domain.vacancies import Employer, Opening, Posting, TrainingPlace
from jobmatch.ml.features import FeatureStore
from jobmatch.services.matching import (
    OpeningMeta,
    check_competencies,
    default_lemmatizer,
    make_context,
    openings_from_postings,
    rank_for_participant,
    rank_participants_for_opening,
)

FOLDER = click.Path(exists=True, file_okay=False, path_type=Path)


def _note(nl: str, en: str) -> None:
    click.echo(f"Let op / note: {nl} / {en}", err=True)


def _read_postings(directory: Path) -> list[Posting]:
    from jobmatch.datafiles.postings import read_posting

    postings = []
    for path in sorted(directory.glob("*.txt")):
        try:
            postings.append(read_posting(path))
        except DataFileError as exc:
            for problem in exc.problems:
                _note(f"overgeslagen: {problem}", "skipped")
    return postings


def _employers(directory: Path) -> dict[str, Employer]:
    from jobmatch.datafiles.postings import load_employers

    for path in (directory / "employers.csv", directory.parent / "employers.csv"):
        if path.is_file():
            return {e.id: e for e in load_employers(path)}
    return {}


def read_meta(directory: Path) -> dict[str, OpeningMeta]:
    """meta.csv next to the postings, if any: `file,employer_id,sector,pc4` (with
    employers.csv) or `file,employer,sector,pc4` (employer by name)."""
    path = directory / "meta.csv"
    if not path.is_file():
        return {}
    employers = _employers(directory)
    found = {}
    for row in read_csv_rows(path):
        employer = employers.get(row.get("employer_id", ""))
        if employer is None and row.get("employer"):
            employer = Employer("", row["employer"], row.get("sector", ""), "", row.get("pc4"))
        pc4 = row.get("pc4", "").strip() or None
        found[row.get("file", "")] = OpeningMeta(employer, row.get("sector") or None, pc4)
    return found


def _extractor() -> Any:
    try:
        from jobmatch.services.extraction import extract_posting
    except ImportError as exc:
        raise JobmatchError(
            "De competentie-herkenning is niet geïnstalleerd / extraction is not available"
        ) from exc
    return extract_posting


def _openings(directory: Path, store: FeatureStore, lemmatize: Any) -> list[Opening]:
    return openings_from_postings(
        _read_postings(directory),
        extract=_extractor(),
        meta=read_meta(directory),
        store=store,
        lemmatize=lemmatize,
    )


def _training(directory: Path | None) -> list[TrainingPlace]:
    if directory is None:
        return []
    from jobmatch.datafiles.postings import load_training_places

    return load_training_places(directory)


def _weights(path: Path | None, pairs: tuple[str, ...]) -> Weights:
    weights = weights_from_toml(path) if path else Weights()
    values: dict[str, float] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        try:
            values[name.strip()] = float(value)
        except ValueError as exc:
            raise JobmatchError(
                f"--weight {pair}: gebruik naam=getal / use name=number, e.g. text=0.4"
            ) from exc
    return weights.updated(values, source="--weight")


def _print_item(number: int, item: RankedItem) -> None:
    kind = "opleiding / training" if item.kind == "training" else "vacature / vacancy"
    where = ", ".join(str(p) for p in (item.employer, item.place) if p)
    km = f" (± {item.distance_km:.0f} km)" if item.distance_km is not None else ""
    click.echo(f"{number}. {item.score:.2f}  {item.title}  [{kind}] {where}{km}")
    for reason in item.reasons:
        click.echo(f"     + {reason}")
    for warning in item.warnings:
        click.echo(f"     ! {warning}")


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
    if not profile_path.is_file():
        raise JobmatchError(f"Profiel niet gevonden / profile not found: {profile_path}")
    profile = load_profile(profile_path)
    weights = _weights(weights_path, weight_pairs)
    store = FeatureStore(cache_path)
    context = make_context(store=store, lemmatize=default_lemmatizer())
    result = rank_for_participant(
        profile=profile,
        openings=_openings(vacancies_dir, store, context.lemmatize),
        training=_training(training_dir),
        weights=weights,
        top=top,
        kind=kind,  # type: ignore[arg-type]
        context=context,
    )
    if cache_path is not None:
        store.save(cache_path)
    for nl, en in result.notes:
        _note(nl, en)
    if as_json:
        echo_json(result.to_json())
        return
    for number, item in enumerate(result.items, start=1):
        _print_item(number, item)


def _read_profiles(directory: Path, lexicon: Lexicon) -> tuple[list[str], list[Profile]]:
    """Every *.json profile in the folder; a broken one is skipped with a note naming it."""
    files = sorted(directory.glob("*.json"))
    if not files:
        raise JobmatchError(f"Geen profielen (*.json) in {directory} / no profiles found")
    names, profiles = [], []
    for path in files:
        try:
            profile = load_profile(path)
            check_competencies(profile, lexicon)
        except UnknownCompetencyError as exc:
            _skipped(path, f"onbekende competentie / unknown competency: {', '.join(exc.unknown)}")
        except (JobmatchError, OSError) as exc:
            _skipped(path, str(exc).replace(f"{path}:", "").strip())
        else:
            names.append(path.name)
            profiles.append(profile)
    if not profiles:
        raise JobmatchError(f"Geen bruikbaar profiel in {directory} / no usable profile")
    return names, profiles


def _skipped(path: Path, detail: str) -> None:
    click.echo(
        f"Let op / note: profiel overgeslagen / profile skipped: {path.name}: {detail}", err=True
    )


def _vacancy_openings(vacancy: Path, store: FeatureStore, lemmatize: Any) -> list[Opening]:
    """The vacancy itself first, then the other postings in its folder (they only set how
    rare each competency and word is). meta.csv next to the vacancy names the employer."""
    from jobmatch.datafiles.postings import read_posting

    postings = [read_posting(vacancy)]
    for path in sorted(vacancy.parent.glob("*.txt")):
        if path.name != vacancy.name:
            try:
                postings.append(read_posting(path))
            except DataFileError:
                continue
    return openings_from_postings(
        postings,
        extract=_extractor(),
        meta=read_meta(vacancy.parent),
        store=store,
        lemmatize=lemmatize,
    )


def _print_participant(number: int, person: RankedParticipant) -> None:
    km = f" (± {person.distance_km:.0f} km)" if person.distance_km is not None else ""
    click.echo(f"{number}. {person.score:.2f}  {person.name}  [{person.source}]{km}")
    for reason in person.reasons:
        click.echo(f"     + {reason}")
    for warning in person.warnings:
        click.echo(f"     ! {warning}")


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
    if not vacancy_path.is_file():
        raise JobmatchError(f"Vacature niet gevonden / vacancy not found: {vacancy_path}")
    if not profiles_dir.is_dir():
        raise JobmatchError(f"Map met profielen niet gevonden / folder not found: {profiles_dir}")
    store = FeatureStore(cache_path)
    context = make_context(store=store, lemmatize=default_lemmatizer())
    names, profiles = _read_profiles(profiles_dir, context.lexicon)
    opening, *pool = _vacancy_openings(vacancy_path, store, context.lemmatize)
    ranked = rank_participants_for_opening(
        opening=opening, profiles=profiles, pool=pool, context=context, sources=names
    )
    if cache_path is not None:
        store.save(cache_path)
    if len(ranked) < len(profiles):
        hidden = len(profiles) - len(ranked)
        _note(
            f"{hidden} deelnemer(s) niet getoond: vermijdt deze werkgever of plaats",
            f"{hidden} participant(s) not shown: they avoid this employer or place",
        )
    shown = ranked[:top] if top is not None else ranked
    if as_json:
        echo_json([person.to_json() for person in shown])
        return
    where = f" ({opening.employer})" if opening.employer else ""
    click.echo(f"Vacature / vacancy: {opening.posting.title}{where}")
    for number, person in enumerate(shown, start=1):
        _print_participant(number, person)
