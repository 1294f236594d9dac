"""Use cases on files: rank the postings and training places in folders for one participant,
or the participant files in a folder for one vacancy. Reading (postings with notes on broken
files, meta.csv with employers and postcodes, profiles, weights, the feature store) lives here,
so `jobmatch rank` and a web page call the same functions; a command only parses its arguments
and prints. Every skipped file becomes a note, never silence.

Imported only when a ranking runs: it pulls in numpy/scikit-learn and, through extraction,
spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jobmatch.datafiles.reading import read_csv_rows
from jobmatch.domain.competencies import Lexicon
from jobmatch.domain.errors import (
    DataFileError,
    JobmatchError,
    UnknownCompetencyError,
    os_error_message,
)
from jobmatch.domain.profiles import Profile
from jobmatch.domain.ranking import RankedParticipant, Weights, weights_from_toml
from jobmatch.domain.vacancies import Employer, Opening, Posting, TrainingPlace
from jobmatch.ml.features import FeatureStore
from jobmatch.services.extraction import extract_posting
from jobmatch.services.matching import (
    Context,
    Kind,
    Note,
    OpeningMeta,
    RankingResult,
    check_competencies,
    default_lemmatizer,
    make_context,
    openings_from_postings,
    rank_for_participant,
    rank_participants_for_opening,
)
from jobmatch.services.profile_files import read_profile_file

SKIPPED = "skipped"


def read_postings(
    directory: Path, *, skip: str | None = None, quiet: bool = False
) -> tuple[list[Posting], list[Note]]:
    """Every readable *.txt posting, and a note per broken one (none when quiet)."""
    from jobmatch.datafiles.postings import read_posting

    postings: list[Posting] = []
    notes: list[Note] = []
    for path in sorted(directory.glob("*.txt")):
        if path.name == skip:
            continue
        try:
            postings.append(read_posting(path))
        except DataFileError as exc:
            notes += [(f"overgeslagen: {problem}", SKIPPED) for problem in exc.problems]
        except OSError as exc:  # e.g. a folder named x.txt: skipped like a broken file
            notes.append((f"overgeslagen: {os_error_message(exc)}", SKIPPED))
    return postings, [] if quiet else notes


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


def read_openings(postings: list[Posting], directory: Path, context: Context) -> list[Opening]:
    """Openings from postings, with meta.csv (employer, sector, postcode) from the folder."""
    return openings_from_postings(
        postings,
        extract=extract_posting,
        meta=read_meta(directory),
        store=context.store,
        lemmatize=context.lemmatize,
    )


def read_training(directory: Path | None) -> tuple[list[TrainingPlace], list[Note]]:
    """TOML and text training places alike; a file that is neither gets a note."""
    if directory is None:
        return [], []
    from jobmatch.services.training import read_training_folder

    folder = read_training_folder(directory, extract=extract_posting)
    return list(folder.places), list(folder.notes)


def parse_weights(path: Path | None, pairs: tuple[str, ...]) -> Weights:
    """Weights from an optional TOML file, then `name=value` overrides."""
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


def file_context(cache_path: Path | None) -> Context:
    """A ranking context whose feature store is kept in `cache_path` (if given), keyed by the
    rules fingerprint so that a changed lexicon or rule never serves old features."""
    from jobmatch.datafiles.fingerprint import rules_fingerprint

    store = FeatureStore(cache_path, rules=rules_fingerprint())
    return make_context(store=store, lemmatize=default_lemmatizer())


def rank_folders(
    *,
    profile: Profile,
    vacancies_dir: Path,
    training_dir: Path | None,
    weights: Weights,
    top: int | None,
    kind: Kind,
    cache_path: Path | None,
) -> RankingResult:
    """Vacancies (and training places) in folders for one participant; the result's notes
    name every file that was skipped."""
    context = file_context(cache_path)
    postings, notes = read_postings(vacancies_dir)
    training, training_notes = read_training(training_dir)
    result = rank_for_participant(
        profile=profile,
        openings=read_openings(postings, vacancies_dir, context),
        training=training,
        weights=weights,
        top=top,
        kind=kind,
        context=context,
    )
    if cache_path is not None:
        context.store.save(cache_path)
    return RankingResult(result.items, (*notes, *training_notes, *result.notes))


def read_profiles(directory: Path, lexicon: Lexicon) -> tuple[list[str], list[Profile], list[Note]]:
    """Every *.json profile in the folder; a broken one is skipped with a note naming it."""
    files = sorted(directory.glob("*.json"))
    if not files:
        raise JobmatchError(f"Geen profielen (*.json) in {directory} / no profiles found")
    names, profiles, notes = [], [], []
    for path in files:
        try:
            profile = read_profile_file(path)
            check_competencies(profile, lexicon)
        except UnknownCompetencyError as exc:
            detail = f"onbekende competentie / unknown competency: {', '.join(exc.unknown)}"
            notes.append(_profile_skipped(path, detail))
        except (JobmatchError, OSError) as exc:
            notes.append(_profile_skipped(path, str(exc).replace(f"{path}:", "").strip()))
        else:
            names.append(path.name)
            profiles.append(profile)
    if not profiles:
        raise JobmatchError(f"Geen bruikbaar profiel in {directory} / no usable profile")
    return names, profiles, notes


def _profile_skipped(path: Path, detail: str) -> Note:
    return (f"profiel overgeslagen / profile skipped: {path.name}: {detail}", SKIPPED)


@dataclass(frozen=True)
class ParticipantsResult:
    opening: Opening
    ranked: tuple[RankedParticipant, ...]
    notes: tuple[Note, ...] = ()


def rank_participant_files(
    *, vacancy: Path, profiles_dir: Path, cache_path: Path | None, top: int | None = None
) -> ParticipantsResult:
    """The vacancy and every usable participant for it, best first (avoiders left out; a note
    says how many). The other postings in the vacancy's folder only set how rare each
    competency and word is; meta.csv next to the vacancy names the employer."""
    from jobmatch.datafiles.postings import read_posting

    context = file_context(cache_path)
    names, profiles, notes = read_profiles(profiles_dir, context.lexicon)
    others, _ = read_postings(vacancy.parent, skip=vacancy.name, quiet=True)
    opening, *pool = read_openings([read_posting(vacancy), *others], vacancy.parent, context)
    ranked = rank_participants_for_opening(
        opening=opening, profiles=profiles, pool=pool, context=context, sources=names
    )
    if cache_path is not None:
        context.store.save(cache_path)
    if len(ranked) < len(profiles):
        hidden = len(profiles) - len(ranked)
        notes.append(
            (
                f"{hidden} deelnemer(s) niet getoond: vermijdt deze werkgever of plaats",
                f"{hidden} participant(s) not shown: they avoid this employer or place",
            )
        )
    shown = ranked[:top] if top is not None else ranked
    return ParticipantsResult(opening, tuple(shown), tuple(notes))
