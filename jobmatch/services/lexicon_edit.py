"""Use cases: view and edit the lexicon in the app, versioned in the database, exported to the
files in competencies/.

The lexicon in use = the files + every change in `lexicon_change`, applied in order. Each change
records who, when, and the competency before and after. The newest change id is the lexicon
*version*: `current_lexicon` checks it (one small query) and rebuilds when it moved, so every
process (app, workers) extracts with the new terms without a restart.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, func, select

from jobmatch.datafiles.lexicon import _competency, load_lexicon
from jobmatch.datafiles.lexicon_export import write_lexicon
from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.reading import EntryChecker, read_csv_rows
from jobmatch.db.models import LexiconChange
from jobmatch.domain.competencies import Competency, Lexicon
from jobmatch.domain.errors import DataFileError, JobmatchError, Problem

_cache: dict[tuple[str, int, str], Lexicon] = {}
LIST_FIELDS = ("terms_nl", "terms_en", "stems_nl", "exclude_nl", "evidence_nl", "evidence_en")


def lexicon_version(*, session: Session) -> int:
    return int(session.exec(select(func.max(LexiconChange.id))).one() or 0)


def _entry(competency: Competency) -> dict[str, Any]:
    data = asdict(competency)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}


def _build(directory: Path, changes: list[LexiconChange]) -> Lexicon:
    competencies = dict(load_lexicon(directory).competencies)
    for change in changes:
        if change.after is None:
            competencies.pop(change.competency_id, None)
        else:
            competencies[change.competency_id] = _validated(change.after, "database")
    return Lexicon(competencies)


def current_lexicon(*, session: Session, directory: Path | None = None) -> Lexicon:
    """The lexicon in use now (files + changes), rebuilt only when the version moved."""
    folder = directory or data_dir("competencies")
    newest = session.exec(
        select(LexiconChange.id, LexiconChange.at).order_by(col(LexiconChange.id).desc()).limit(1)
    ).first()
    # The time of the newest change is in the key too: change 1 of one database is not change 1
    # of another (tests, or one process serving two databases).
    key = (str(folder), int(newest[0] or 0) if newest else 0, str(newest[1]) if newest else "")
    if key not in _cache:
        changes = list(session.exec(select(LexiconChange).order_by(col(LexiconChange.id))))
        if len(_cache) >= 4:
            _cache.pop(next(iter(_cache)))
        _cache[key] = _build(folder, changes)
    return _cache[key]


def _validated(entry: dict[str, Any], where: str) -> Competency:
    """Checked exactly as `jobmatch check-data` checks a [[competency]] in the files."""
    problems: list[Problem] = []
    competency = _competency(dict(entry), EntryChecker(where, str(entry.get("id", "?")), problems))
    if problems:
        raise DataFileError(problems)
    return competency


def _core_ids(directory: Path) -> set[str]:
    path = directory / "core-competencies.csv"
    return {row["id"] for row in read_csv_rows(path)} if path.exists() else set()


def save_competency(
    *,
    session: Session,
    competency_id: str,
    changes: dict[str, Any],
    who: str,
    staff_user_id: int | None = None,
    directory: Path | None = None,
) -> int:
    """Add (unknown id) or edit a competency; returns the new lexicon version."""
    lexicon = current_lexicon(session=session, directory=directory)
    before = _entry(lexicon[competency_id]) if competency_id in lexicon else None
    after = {**(before or {"id": competency_id}), **changes, "id": competency_id}
    for name in LIST_FIELDS:
        if isinstance(after.get(name), str):  # one term per line in a textarea
            after[name] = [line.strip() for line in after[name].splitlines() if line.strip()]
    competency = _validated(after, "app")
    action = "edit" if before else "add"
    return _record(session, competency_id, action, before=before, after=_entry(competency),
                   who=who, staff_user_id=staff_user_id)  # fmt: skip


def delete_competency(
    *, session: Session, competency_id: str, who: str, directory: Path | None = None
) -> int:
    folder = directory or data_dir("competencies")
    lexicon = current_lexicon(session=session, directory=folder)
    if competency_id not in lexicon:
        raise JobmatchError(f"Onbekende competentie / unknown competency: {competency_id}")
    if competency_id in _core_ids(folder):
        raise JobmatchError(
            f"'{competency_id}' is een kerncompetentie en blijft. "
            f"/ '{competency_id}' is a core competency and stays."
        )
    before = _entry(lexicon[competency_id])
    return _record(session, competency_id, "delete", before=before, after=None, who=who)


def _record(
    session: Session,
    competency_id: str,
    action: str,
    *,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    who: str,
    staff_user_id: int | None = None,
) -> int:
    change = LexiconChange(
        competency_id=competency_id, action=action, before=before, after=after,
        who=who[:200], staff_user_id=staff_user_id,
    )  # fmt: skip
    session.add(change)
    session.commit()
    return int(change.id or 0)


def lexicon_history(*, session: Session, competency_id: str | None = None) -> list[LexiconChange]:
    statement = select(LexiconChange).order_by(col(LexiconChange.id).desc())
    if competency_id:
        statement = statement.where(LexiconChange.competency_id == competency_id)
    return list(session.exec(statement))


def export_lexicon(*, session: Session, directory: Path | None = None) -> list[Path]:
    """Write the lexicon in use back to the cluster files (checked before they replace anything)."""
    folder = directory or data_dir("competencies")
    lexicon = current_lexicon(session=session, directory=folder)
    written = write_lexicon(lexicon, folder)
    load_lexicon.cache_clear()
    return written
