"""What `jobmatch rank` and `rank-participants` read and compute: postings with meta and
employers, training places, profiles, weights, and the ranking calls themselves.

Imported only inside the commands: it pulls in numpy/scikit-learn (and, through extraction,
spaCy), which `jobmatch --help` must not load.
"""

from __future__ import annotations

from pathlib import Path

import click

from jobmatch.cli.common import load_profile, os_error_message
from jobmatch.datafiles.reading import read_csv_rows
from jobmatch.domain.competencies import Lexicon
from jobmatch.domain.errors import DataFileError, JobmatchError, UnknownCompetencyError
from jobmatch.domain.profiles import Profile
from jobmatch.domain.ranking import RankedParticipant, Weights, weights_from_toml
from jobmatch.domain.vacancies import Employer, Opening, Posting, TrainingPlace
from jobmatch.ml.features import FeatureStore
from jobmatch.services.extraction import extract_posting
from jobmatch.services.matching import (
    Context,
    Kind,
    OpeningMeta,
    RankingResult,
    check_competencies,
    default_lemmatizer,
    make_context,
    openings_from_postings,
    rank_for_participant,
    rank_participants_for_opening,
)


def note(nl: str, en: str) -> None:
    click.echo(f"Let op / note: {nl} / {en}", err=True)


def _postings(directory: Path, *, skip: str | None = None, quiet: bool = False) -> list[Posting]:
    """Every readable *.txt posting; a broken one is skipped (with a note unless quiet)."""
    from jobmatch.datafiles.postings import read_posting

    postings = []
    for path in sorted(directory.glob("*.txt")):
        if path.name == skip:
            continue
        try:
            postings.append(read_posting(path))
        except DataFileError as exc:
            for problem in () if quiet else exc.problems:
                note(f"overgeslagen: {problem}", "skipped")
        except OSError as exc:  # e.g. a folder named x.txt: skipped like a broken file
            if not quiet:
                note(f"overgeslagen: {os_error_message(exc)}", "skipped")
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


def _openings(postings: list[Posting], directory: Path, context: Context) -> list[Opening]:
    return openings_from_postings(
        postings,
        extract=extract_posting,
        meta=read_meta(directory),
        store=context.store,
        lemmatize=context.lemmatize,
    )


def _training(directory: Path | None) -> list[TrainingPlace]:
    """TOML and text training places alike; a file that is neither gets a note."""
    if directory is None:
        return []
    from jobmatch.services.training import read_training_folder

    folder = read_training_folder(directory, extract=extract_posting)
    for nl, en in folder.notes:
        note(nl, en)
    return list(folder.places)


def read_weights(path: Path | None, pairs: tuple[str, ...]) -> Weights:
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


def _context(cache_path: Path | None) -> Context:
    from jobmatch.datafiles.fingerprint import rules_fingerprint

    store = FeatureStore(cache_path, rules=rules_fingerprint())
    return make_context(store=store, lemmatize=default_lemmatizer())


def run_rank(
    *,
    profile: Profile,
    vacancies_dir: Path,
    training_dir: Path | None,
    weights: Weights,
    top: int | None,
    kind: Kind,
    cache_path: Path | None,
) -> RankingResult:
    """Vacancies (and training places) for one participant; notes go to stderr."""
    context = _context(cache_path)
    result = rank_for_participant(
        profile=profile,
        openings=_openings(_postings(vacancies_dir), vacancies_dir, context),
        training=_training(training_dir),
        weights=weights,
        top=top,
        kind=kind,
        context=context,
    )
    if cache_path is not None:
        context.store.save(cache_path)
    for nl, en in result.notes:
        note(nl, en)
    return result


def _skipped(path: Path, detail: str) -> None:
    click.echo(
        f"Let op / note: profiel overgeslagen / profile skipped: {path.name}: {detail}", err=True
    )


def read_profiles(directory: Path, lexicon: Lexicon) -> tuple[list[str], list[Profile]]:
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


def run_rank_participants(
    *, vacancy: Path, profiles_dir: Path, cache_path: Path | None
) -> tuple[Opening, list[RankedParticipant]]:
    """The vacancy and every usable participant for it, best first (avoiders left out).
    The other postings in the vacancy's folder only set how rare each competency and word is;
    meta.csv next to the vacancy names the employer."""
    from jobmatch.datafiles.postings import read_posting

    context = _context(cache_path)
    names, profiles = read_profiles(profiles_dir, context.lexicon)
    postings = [read_posting(vacancy), *_postings(vacancy.parent, skip=vacancy.name, quiet=True)]
    opening, *pool = _openings(postings, vacancy.parent, context)
    ranked = rank_participants_for_opening(
        opening=opening, profiles=profiles, pool=pool, context=context, sources=names
    )
    if cache_path is not None:
        context.store.save(cache_path)
    if len(ranked) < len(profiles):
        hidden = len(profiles) - len(ranked)
        note(
            f"{hidden} deelnemer(s) niet getoond: vermijdt deze werkgever of plaats",
            f"{hidden} participant(s) not shown: they avoid this employer or place",
        )
    return opening, ranked
