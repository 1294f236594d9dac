"""Employer network: edit, contact history, to-call list, contacts CSV/vCard, merge, and the
rule that employer contact details never reach a participant's document."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from sqlmodel import Session, select

from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.datafiles.vcard import ContactCard, read_vcards, write_vcards
from jobmatch.db.models import Employer, EmployerContact, Vacancy
from jobmatch.documents.inspect import text_parts
from jobmatch.domain.errors import JobmatchError
from jobmatch.domain.profile_json import profile_from_json
from jobmatch.domain.vacancies import Posting
from jobmatch.services import employer_contacts as contacts
from jobmatch.services import employers
from jobmatch.services.documents import make_letter
from jobmatch.services.extraction import extract_posting

PROFILES = Path(__file__).resolve().parents[1] / "data" / "profiles"
CARDS = [
    ContactCard(
        "Hotel Zeezicht B.V.", "Eva de Vries", "HR, werving", "070 123 45 67", "eva@zee.example"
    ),
    ContactCard("Zorggroep West", "Jan Smit", "", "", ""),
]


def _employer(session: Session, name: str, **extra: object) -> int:
    row = Employer(key=name.lower().replace(" ", "-"), name=name, **extra)
    session.add(row)
    session.commit()
    return int(row.id or 0)


def test_vcard_round_trip_with_escapes_and_folding() -> None:
    text = write_vcards(CARDS)
    assert read_vcards(text) == CARDS
    folded = text.replace("FN:Eva de Vries", "FN:Eva de\r\n  Vries")
    assert read_vcards(folded)[0].name == "Eva de Vries"


def test_edit_history_and_to_call_this_week(session: Session) -> None:
    first = _employer(session, "Bakkerij Demo")
    later = _employer(session, "Garage Demo")
    with pytest.raises(JobmatchError, match=r"size.*pc4"):
        employers.update_employer(
            session=session, employer_id=first, changes={"size": "reus", "pc4": "12"}
        )
    changes = {
        "size": "11-50",
        "open_to_gap": True,
        "approach_notes": "Eerst bellen met de eigenaar.",
    }
    assert (
        employers.update_employer(session=session, employer_id=first, changes=changes).size
        == "11-50"
    )
    wednesday = date(2026, 12, 2)
    for employer_id, channel, follow_up in ((first, "phone", 4), (later, "email", 9)):
        employers.log_contact(
            session=session,
            employer_id=employer_id,
            on=wednesday,
            channel=channel,
            summary="Gebeld of gemaild.",
            next_follow_up=date(2026, 12, follow_up),
        )
    due = employers.to_call_this_week(session=session, today=wednesday)
    assert [e.name for e in due] == ["Bakkerij Demo"]
    next_week = employers.to_call_this_week(session=session, today=date(2026, 12, 7))
    assert [e.name for e in next_week] == ["Bakkerij Demo", "Garage Demo"]  # overdue first
    assert len(employers.contact_history(session=session, employer_id=first)) == 1


def test_contacts_import_twice_export_and_merge(session: Session) -> None:
    raw = write_vcards(CARDS).encode()
    assert contacts.import_contacts(session=session, raw=raw, filename="c.vcf")["added"] == 2
    again = contacts.import_contacts(session=session, raw=raw, filename="c.vcf")
    assert again == {"added": 0, "updated": 2, "skipped": 0}
    csv_text = contacts.export_contacts(session=session, fmt="csv")
    assert "Eva de Vries" in csv_text and csv_text.startswith("employer;name")
    assert (
        contacts.import_contacts(session=session, raw=csv_text.encode(), filename="c.csv")["added"]
        == 0
    )
    assert read_vcards(contacts.export_contacts(session=session, fmt="vcard")) == sorted(
        CARDS, key=lambda c: c.employer
    )

    duplicate = _employer(session, "hotel zeezicht", sector="horeca", pc4="2586")
    session.add(
        Vacancy(source="x", title="Kok", text="Koken.", content_hash="h", employer_id=duplicate)
    )
    session.commit()
    ((keep, drop),) = contacts.duplicate_candidates(session=session)
    preview = contacts.merge_preview(session=session, keep=keep, drop=drop)
    assert preview.moves["vacancy"] == 1 and preview.filled == ["sector", "pc4"]
    contacts.merge_employers(session=session, keep=keep, drop=drop)
    assert session.exec(select(Vacancy)).one().employer_id == keep
    assert contacts.duplicate_candidates(session=session) == []
    with pytest.raises(JobmatchError):
        contacts.merge_preview(session=session, keep=keep, drop=drop)  # already merged


def test_employer_contact_details_never_reach_a_participant_document(session: Session) -> None:
    employer_id = _employer(
        session, "Hotel Zeezicht", approach_notes="Vraag naar Eva, zeg niets over het programma."
    )
    session.add(
        EmployerContact(
            employer_id=employer_id,
            name="Eva de Vries",
            role="HR",
            email="eva@zee.example",
            phone="070 123 45 67",
        )
    )
    text = "Wat ga je doen?\nJe ontvangt gasten en bent gastvrij.\n"
    vacancy = Vacancy(
        source="v", title="Receptionist", text=text, content_hash="h", employer_id=employer_id
    )
    session.add(vacancy)
    session.commit()
    target = employers.document_employer(session=session, vacancy_id=int(vacancy.id or 0))
    assert target is not None and target.name == "Hotel Zeezicht"
    profile = profile_from_json((PROFILES / "carmen-es-beauty.json").read_text(encoding="utf-8"))
    extraction = extract_posting(Posting(source="v", title=vacancy.title, text=text))
    made = make_letter(
        profile=profile,
        lexicon=load_lexicon(),
        vacancy=extraction,
        employer=target.name,
        fmt="docx",
    )
    everything = "\n".join(text_parts(made.data, "docx").values())
    for secret in ("Eva", "eva@zee.example", "070 123 45 67", "programma"):
        assert secret not in everything
    body = "\n".join(p.text for p in DocxDocument(io.BytesIO(made.data)).paragraphs)
    assert "Hotel Zeezicht" in body
