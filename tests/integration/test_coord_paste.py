"""Paste a vacancy or training text: preview with highlights, duplicate warning, save."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from jobmatch.db.models import TrainingPlace, Vacancy
from jobmatch.domain.duplicates import similarity
from jobmatch.domain.errors import JobmatchError
from jobmatch.services.paste import preview_pasted_vacancy, save_pasted_vacancy
from jobmatch.services.training_catalogue import preview_pasted_training, save_training_place

PASTED = """Medewerker receptie

Wat ga je doen?
Je ontvangt gasten en bent klantvriendelijk en gastvrij.
Je werkt 24 tot 32 uur, ook in het weekend.
Wat vragen wij?
Je spreekt Nederlands op niveau B1 en hebt een rijbewijs B.
"""


def test_paste_preview_save_and_duplicate_warning(session: Session) -> None:
    preview = preview_pasted_vacancy(session=session, pasted=PASTED, employer="Hotel Demo")
    assert preview.title == "Medewerker receptie"
    assert preview.duplicates == []
    kinds = {span.kind for span in preview.spans}
    assert kinds == {"competency", "requirement"}
    for span in preview.spans:  # every span points at real text
        assert preview.text[span.start : span.end].strip()
    assert preview.fields["dutch_level"] == "B1"
    preview.fields["hours_max"] = 28  # the coordinator corrects a field
    vacancy_id = save_pasted_vacancy(session=session, preview=preview)
    saved = session.get(Vacancy, vacancy_id)
    assert saved is not None and saved.parsed is not None
    assert saved.parsed["requirements"]["hours_max"] == 28

    reposted = PASTED.replace("24 tot 32 uur", "24 tot 30 uur")
    again = preview_pasted_vacancy(session=session, pasted=reposted, employer="hotel demo")
    assert [d.vacancy_id for d in again.duplicates] == [vacancy_id]
    other = preview_pasted_vacancy(session=session, pasted=reposted, employer="Ander Hotel")
    assert other.duplicates == []
    assert save_pasted_vacancy(session=session, preview=preview) == vacancy_id
    assert len(session.exec(select(Vacancy)).all()) == 1


def test_similarity_separates_reposts_from_other_jobs() -> None:
    assert similarity(PASTED, PASTED.replace("B1", "A2")) >= 0.8
    assert similarity(PASTED, "Kok\n\nJe kookt in onze keuken en maakt soep.") < 0.2


def test_empty_paste_is_a_clear_message(session: Session) -> None:
    with pytest.raises(JobmatchError, match="Plak"):
        preview_pasted_vacancy(session=session, pasted="  \n ")


def test_training_paste_guesses_kind_and_saves_once(session: Session) -> None:
    text = "Taalcursus Nederlands\n\nIn deze taalcursus leer je klantvriendelijk praten."
    preview = preview_pasted_training(pasted=text, provider="Taalhuis Demo")
    assert preview.kind == "language-course"
    first = save_training_place(session=session, preview=preview)
    assert save_training_place(session=session, preview=preview) == first
    preview.kind = "iets anders"
    with pytest.raises(JobmatchError):
        save_training_place(session=session, preview=preview)
    assert len(session.exec(select(TrainingPlace)).all()) == 1


def test_edit_a_training_place_checks_kind_and_competencies(session: Session) -> None:
    from jobmatch.datafiles.lexicon import load_lexicon
    from jobmatch.services.training_catalogue import TrainingPreview, update_training_place

    preview = TrainingPreview("Leerwerkplek keuken", "Koken en leren.", "learning-work", "Hotel")
    place_id = save_training_place(session=session, preview=preview)
    lexicon = load_lexicon()
    changed = update_training_place(
        session=session,
        place_id=place_id,
        lexicon=lexicon,
        changes={"competencies_taught": ["samenwerken"]},
    )
    assert changed.competencies_taught == ["samenwerken"]
    with pytest.raises(JobmatchError, match=r"kind.*competencies_taught"):
        update_training_place(
            session=session,
            place_id=place_id,
            lexicon=lexicon,
            changes={"kind": "x", "competencies_taught": ["bestaatniet"]},
        )
    session.expire_all()
    assert session.get(TrainingPlace, place_id).kind == "learning-work"  # type: ignore[union-attr]
