"""Lexicon edits in the app: validated like check-data, versioned, picked up by extraction
without a restart, exported back to one-term-per-line files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlmodel import Session

from jobmatch.datafiles.lexicon import read_lexicon
from jobmatch.datafiles.paths import data_dir
from jobmatch.domain.errors import DataFileError, JobmatchError
from jobmatch.domain.vacancies import Posting
from jobmatch.services.extraction import extract_posting
from jobmatch.services.lexicon_edit import (
    current_lexicon,
    delete_competency,
    export_lexicon,
    lexicon_history,
    lexicon_version,
    save_competency,
)

POSTING = Posting(source="t", title="Gastheer", text="Wat vragen wij?\nJe bent een zonnestraal.")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "competencies"
    shutil.copytree(data_dir("competencies"), copy)
    return copy


def _ids(lexicon: object) -> set[str]:
    return {c.id for c in extract_posting(POSTING, lexicon=lexicon).competencies}  # type: ignore[arg-type]


def test_edit_is_versioned_and_extraction_sees_it(session: Session, folder: Path) -> None:
    before = current_lexicon(session=session, directory=folder)
    assert "gastvrijheid" not in _ids(before)
    terms = "\n".join([*before["gastvrijheid"].terms_nl, "zonnestraal"])
    version = save_competency(
        session=session,
        competency_id="gastvrijheid",
        changes={"terms_nl": terms},
        who="Karim",
        directory=folder,
    )
    assert version == lexicon_version(session=session) == 1
    after = current_lexicon(session=session, directory=folder)
    assert after is not before and "gastvrijheid" in _ids(after)
    (change,) = lexicon_history(session=session)
    assert (change.who, change.action) == ("Karim", "edit")
    assert change.before is not None and change.after is not None
    assert (
        "zonnestraal" not in change.before["terms_nl"] and "zonnestraal" in change.after["terms_nl"]
    )


def test_invalid_edits_are_refused_with_the_check_data_message(
    session: Session, folder: Path
) -> None:
    with pytest.raises(DataFileError, match="evidence_nl"):
        save_competency(
            session=session,
            competency_id="gastvrijheid",
            changes={"evidence_nl": ["maar één zin"]},
            who="K",
            directory=folder,
        )
    with pytest.raises(DataFileError, match="cluster"):
        save_competency(
            session=session,
            competency_id="nieuw",
            changes={"cluster": "x"},
            who="K",
            directory=folder,
        )
    with pytest.raises(JobmatchError, match="kerncompetentie"):
        delete_competency(session=session, competency_id="gastvrijheid", who="K", directory=folder)
    assert lexicon_version(session=session) == 0


def test_export_writes_one_term_per_line(session: Session, folder: Path) -> None:
    export_lexicon(session=session, directory=folder)
    first = (folder / "mensen.toml").read_text(encoding="utf-8").splitlines()
    assert first[0].startswith("#")  # the file's own comments stay
    lexicon = current_lexicon(session=session, directory=folder)
    terms = [*lexicon["gastvrijheid"].terms_nl, "zonnestraal"]
    save_competency(
        session=session,
        competency_id="gastvrijheid",
        changes={"terms_nl": terms},
        who="K",
        directory=folder,
    )
    export_lexicon(session=session, directory=folder)
    second = (folder / "mensen.toml").read_text(encoding="utf-8").splitlines()
    assert sorted(set(second) - set(first)) == ['    "zonnestraal",']
    assert len(second) == len(first) + 1
    read_back, problems = read_lexicon(folder)
    assert problems == [] and "zonnestraal" in read_back["gastvrijheid"].terms_nl


def test_the_same_change_number_in_two_databases_is_not_mixed_up(
    tmp_path: Path, folder: Path
) -> None:
    """The lexicon cache is keyed on the newest change's number AND time (coordweb)."""
    from jobmatch.db.engine import make_engine
    from jobmatch.services.setup import init_database

    found = []
    for name, term in (("a", "zonnestraal"), ("b", "regenboog")):
        url = f"sqlite:///{tmp_path / name}.sqlite"
        init_database(url=url)
        engine = make_engine(url)
        with Session(engine) as db:
            before = current_lexicon(session=db, directory=folder)["gastvrijheid"]
            terms = "\n".join([*before.terms_nl, term])
            save_competency(session=db, competency_id="gastvrijheid", changes={"terms_nl": terms},
                            who="test", directory=folder)  # fmt: skip
            found.append(current_lexicon(session=db, directory=folder)["gastvrijheid"].terms_nl)
        engine.dispose()
    assert "zonnestraal" in found[0] and "regenboog" not in found[0]
    assert "regenboog" in found[1] and "zonnestraal" not in found[1]
