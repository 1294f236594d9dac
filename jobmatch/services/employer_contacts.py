"""Use cases: employer contacts in and out (CSV, vCard), and merging duplicate employers.

Importing is idempotent: a contact with the same employer and e-mail (or name, without e-mail)
is updated, not added twice. Merging shows a preview first (what moves, which fields differ),
then moves everything to the employer kept; the other one stays as a marked row (history).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from jobmatch.datafiles.import_files import ImportFileError, read_csv_table
from jobmatch.datafiles.vcard import (
    CONTACT_COLUMNS,
    ContactCard,
    read_vcards,
    write_contacts_csv,
    write_vcards,
)
from jobmatch.db.models import (
    Employer,
    EmployerContact,
    EmployerContactLog,
    TrainingPlace,
    Vacancy,
)
from jobmatch.domain.errors import JobmatchError
from jobmatch.services.import_store import find_or_add_employer

_LEGAL = re.compile(r"\b(b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|stichting|vof)\b")
CONTACT_ALIASES = {
    "werkgever": "employer", "naam": "name", "functie": "role", "telefoon": "phone",
    "e-mail": "email",
}  # fmt: skip
MERGE_FIELDS = ("sector", "city", "pc4", "size", "approach_notes", "notes")


def _cards(session: Session) -> list[ContactCard]:
    statement = (
        select(EmployerContact, Employer)
        .join(Employer, col(Employer.id) == col(EmployerContact.employer_id))
        .where(col(Employer.merged_into_id).is_(None))
        .order_by(col(Employer.name), col(EmployerContact.name))
    )
    return [
        ContactCard(employer.name, contact.name, contact.role, contact.phone, contact.email)
        for contact, employer in session.exec(statement)
    ]


def export_contacts(*, session: Session, fmt: str) -> str:
    """All contacts as `csv` (`;`) or `vcard` text."""
    cards = _cards(session)
    return write_vcards(cards) if fmt == "vcard" else write_contacts_csv(cards)


def _parse(raw: bytes, filename: str) -> list[ContactCard]:
    if filename.lower().endswith((".vcf", ".vcard")) or raw.lstrip().startswith(b"BEGIN:VCARD"):
        from jobmatch.datafiles.import_files import check_size, decode

        check_size(raw)
        cards = read_vcards(decode(raw)[0])
        if not cards:
            raise ImportFileError("Geen visitekaartjes gevonden. / No vCards found.")
        return cards
    table = read_csv_table(raw, required=("employer", "name"), aliases=CONTACT_ALIASES)
    return [
        ContactCard(**{name: cells.get(name, "") for name in CONTACT_COLUMNS})
        for _line, cells in table.rows
    ]


def import_contacts(*, session: Session, raw: bytes, filename: str) -> dict[str, int]:
    """Add or update contacts from CSV or vCard; all rows or none. Returns counts."""
    cards = _parse(raw, filename)
    counts = {"added": 0, "updated": 0, "skipped": 0}
    try:
        for card in cards:
            if not card.employer.strip() or not card.name.strip():
                counts["skipped"] += 1
                continue
            employer_id = find_or_add_employer(session, card.employer)
            key = (
                (EmployerContact.email == card.email)
                if card.email
                else (EmployerContact.name == card.name)
            )
            found = session.exec(
                select(EmployerContact).where(EmployerContact.employer_id == employer_id, key)
            ).first()
            row = found or EmployerContact(employer_id=employer_id or 0, name=card.name)
            row.name, row.role = card.name[:200], card.role[:100] or row.role
            row.phone, row.email = card.phone[:40] or row.phone, card.email[:254] or row.email
            session.add(row)
            counts["updated" if found else "added"] += 1
        session.commit()
    except Exception:
        session.rollback()
        raise
    return counts


def normalised_name(name: str) -> str:
    return " ".join(_LEGAL.sub(" ", name.lower()).replace(".", " ").split())


def duplicate_candidates(*, session: Session) -> list[tuple[int, int]]:
    """Pairs of employers whose names are the same apart from case and legal form."""
    seen: dict[str, int] = {}
    pairs = []
    statement = select(Employer).where(col(Employer.merged_into_id).is_(None))
    for employer in session.exec(statement.order_by(col(Employer.id))):
        key = normalised_name(employer.name)
        if key in seen:
            pairs.append((seen[key], int(employer.id or 0)))
        else:
            seen[key] = int(employer.id or 0)
    return pairs


@dataclass
class MergePreview:
    keep: int
    drop: int
    moves: dict[str, int] = field(default_factory=dict)  # table -> rows that move
    conflicts: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field -> (kept, other)
    filled: list[str] = field(default_factory=list)  # empty on the kept one, taken from the other


_CHILDREN: tuple[type[Any], ...] = (EmployerContact, Vacancy, TrainingPlace, EmployerContactLog)


def merge_preview(*, session: Session, keep: int, drop: int) -> MergePreview:
    kept, other = session.get(Employer, keep), session.get(Employer, drop)
    if kept is None or other is None or keep == drop or other.merged_into_id is not None:
        raise JobmatchError("Kies twee verschillende werkgevers. / Choose two different employers.")
    preview = MergePreview(keep, drop)
    for table in _CHILDREN:
        preview.moves[table.__tablename__] = len(
            session.exec(select(table.id).where(table.employer_id == drop)).all()
        )
    for name in MERGE_FIELDS:
        mine, theirs = getattr(kept, name), getattr(other, name)
        if theirs and not mine:
            preview.filled.append(name)
        elif theirs and mine != theirs:
            preview.conflicts[name] = (mine, theirs)
    return preview


def merge_employers(*, session: Session, keep: int, drop: int) -> MergePreview:
    """Move contacts, vacancies, places and history to `keep`; fill its empty fields."""
    preview = merge_preview(session=session, keep=keep, drop=drop)
    kept, other = session.get(Employer, keep), session.get(Employer, drop)
    if kept is None or other is None:
        raise RuntimeError("invariant broken: kept is not None and other is not None")
    for table in _CHILDREN:
        session.execute(update(table).where(table.employer_id == drop).values(employer_id=keep))
    for name in preview.filled:
        setattr(kept, name, getattr(other, name))
    kept.open_to_gap = kept.open_to_gap or other.open_to_gap
    kept.locations = sorted(
        set(kept.locations) | set(other.locations) | ({other.pc4} if other.pc4 else set())
    )
    other.merged_into_id = keep
    session.add_all([kept, other])
    session.commit()
    return preview
