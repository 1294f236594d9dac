"""Use cases: paste a vacancy or training text -> editable preview -> confirm and save.

The preview holds the extracted fields (editable), the spans of the text that show each
competency or requirement (for highlighting), and warnings about likely duplicates (same
employer, similar text). Nothing is stored until `save_pasted_vacancy`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session, col, func, select

from jobmatch.db.models import Employer, Vacancy
from jobmatch.domain.duplicates import DUPLICATE_AT, Span, find_spans, similarity
from jobmatch.domain.errors import JobmatchError
from jobmatch.domain.vacancies import Extraction, Posting
from jobmatch.services.import_store import find_or_add_employer

MAX_PASTE_CHARS = 50_000
_REQUIREMENT_WORDS = {
    "dutch_level": r"\b(?:taalniveau\s*)?[abc][12]\b",
    "driving_licence": r"\brijbewijs(?:\s*b)?\b",
    "hours": r"\b\d{1,2}\s*(?:-|tot|à|a)?\s*\d{0,2}\s*uur\b",
    "shifts": r"\b(?:avond|nacht|weekend)\w*",
}


@dataclass(frozen=True)
class DuplicateWarning:
    vacancy_id: int
    title: str
    similarity: float
    message: str


@dataclass
class PastePreview:
    title: str
    text: str
    employer: str
    fields: dict[str, Any]  # the editable requirements (hours, salary, Dutch level, ...)
    extraction: dict[str, Any]
    spans: list[Span] = field(default_factory=list)
    duplicates: list[DuplicateWarning] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["spans"] = [asdict(span) for span in self.spans]
        return data


def split_paste(pasted: str) -> tuple[str, str]:
    """(title, text): the first non-empty line is the title."""
    text = pasted.replace("\r\n", "\n").strip()
    if not text:
        raise JobmatchError("Plak eerst de tekst van de vacature. / Paste the vacancy text first.")
    if len(text) > MAX_PASTE_CHARS:
        raise JobmatchError(
            f"De tekst is te lang (max {MAX_PASTE_CHARS} tekens). "
            f"/ The text is too long (max {MAX_PASTE_CHARS} characters)."
        )
    title, _, rest = text.partition("\n")
    return title.strip()[:300], rest.strip() or title.strip()


def _spans(text: str, extraction: Extraction) -> list[Span]:
    phrases = [
        (evidence, "competency", c.id, c.label)
        for c in extraction.competencies
        for evidence in c.evidence
    ]
    for key, pattern in _REQUIREMENT_WORDS.items():
        match = re.search(pattern, text, flags=re.IGNORECASE)
        if match:
            phrases.append((match.group(0), "requirement", key, key))
    return find_spans(text, phrases)


def find_duplicates(*, session: Session, employer: str, text: str) -> list[DuplicateWarning]:
    """Vacancies of the same employer whose text is nearly the same (no warning without one)."""
    if not employer.strip():
        return []
    statement = (
        select(Vacancy)
        .join(Employer, col(Employer.id) == col(Vacancy.employer_id))
        .where(func.lower(Employer.name) == employer.strip().lower())
    )
    warnings = []
    for vacancy in session.exec(statement):
        score = similarity(text, vacancy.text)
        if score >= DUPLICATE_AT and vacancy.id is not None:
            message = (
                f"Lijkt op een vacature die er al is: '{vacancy.title}'. "
                f"/ Looks like a vacancy you already have: '{vacancy.title}'."
            )
            warnings.append(DuplicateWarning(vacancy.id, vacancy.title, round(score, 2), message))
    return warnings


def preview_pasted_vacancy(*, session: Session, pasted: str, employer: str = "") -> PastePreview:
    from jobmatch.services.extraction import extract_posting
    from jobmatch.services.lexicon_edit import current_lexicon

    title, text = split_paste(pasted)
    lexicon = current_lexicon(session=session)
    extraction = extract_posting(Posting(source="paste", title=title, text=text), lexicon=lexicon)
    data = extraction.to_json()
    fields = {**data["requirements"], "location": extraction.location, "closing_date": None}
    return PastePreview(
        title=title,
        text=text,
        employer=employer.strip(),
        fields=fields,
        extraction=data,
        spans=_spans(text, extraction),
        duplicates=find_duplicates(session=session, employer=employer, text=text),
    )


def save_pasted_vacancy(
    *, session: Session, preview: PastePreview, sector: str | None = None, pc4: str | None = None
) -> int:
    """Store the (edited) preview as a vacancy; the edited fields replace what was extracted."""
    closing = preview.fields.get("closing_date")
    own = ("location", "closing_date")
    requirements = {k: v for k, v in preview.fields.items() if k not in own}
    parsed = {**preview.extraction, "requirements": requirements}
    digest = hashlib.sha256(f"{preview.employer}\x1f{preview.text}".encode()).hexdigest()
    vacancy = Vacancy(
        source=f"paste:{digest[:48]}",
        title=preview.title,
        text=preview.text,
        sector=sector,
        pc4=pc4,
        employer_id=find_or_add_employer(session, preview.employer),
        parsed=parsed,
        content_hash=hashlib.sha256(preview.text.encode("utf-8")).hexdigest(),
        closing_date=date.fromisoformat(closing) if isinstance(closing, str) and closing else None,
    )
    existing = session.exec(select(Vacancy).where(Vacancy.source == vacancy.source)).first()
    if existing is not None and existing.id is not None:
        return existing.id  # the same paste saved twice is one vacancy
    session.add(vacancy)
    session.commit()
    session.refresh(vacancy)
    if vacancy.id is None:
        raise RuntimeError("invariant broken: vacancy.id is not None")
    return vacancy.id
