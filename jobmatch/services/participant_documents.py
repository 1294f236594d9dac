"""Documents for a participant in the database: the same path as the CLI (compose, render,
sanitise, guard, bytes), plus a picture of each page of the PDF for the live preview, so the
preview is the file she downloads.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from typing import Literal

from sqlmodel import Session

from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.datafiles.templates import list_templates
from jobmatch.db import models
from jobmatch.domain.access import Actor
from jobmatch.domain.errors import JobmatchError
from jobmatch.domain.profiles import Profile
from jobmatch.domain.vacancies import Extraction, Posting
from jobmatch.services import pool
from jobmatch.services.documents import (
    DEFAULT_TEMPLATE,
    Format,
    RenderedFile,
    make_cv,
    make_letter,
    make_sheet,
)
from jobmatch.services.participants import profile_of

Kind = Literal["cv", "letter", "pitch", "interview"]
KINDS: tuple[Kind, ...] = ("cv", "letter", "pitch", "interview")
DATE_POLICIES = ("none", "durations", "exact")
PREVIEW_SCALE = 1.4  # about 830 px wide for an A4 page: sharp on a phone, small to send
MAX_PREVIEW_PAGES = 4


class DocumentRequestError(JobmatchError):
    """The choices do not make a document (a letter needs a vacancy, unknown template …)."""


@dataclass(frozen=True)
class DocumentChoice:
    kind: Kind = "cv"
    lang: str = "nl"
    template: str = DEFAULT_TEMPLATE
    date_policy: str = "none"
    vacancy_id: int | None = None


def templates() -> list[str]:
    return list_templates()


def vacancy_choices(*, session: Session) -> list[tuple[int, str]]:
    """Open vacancies to tailor a CV or write a letter for (id, title)."""
    return pool.vacancy_choices(session=session)


def _vacancy(session: Session, vacancy_id: int | None) -> tuple[Extraction | None, str | None]:
    if vacancy_id is None:
        return None, None
    row = session.get(models.Vacancy, vacancy_id)
    if row is None or not row.active:
        raise DocumentRequestError("Vacature niet gevonden / vacancy not found")
    from jobmatch.services.extraction import extract_posting

    posting = Posting(source=f"vacancy-{row.id}", title=row.title, text=row.text)
    employer = session.get(models.Employer, row.employer_id) if row.employer_id else None
    return extract_posting(posting), employer.name if employer else None


def _with_choice(profile: Profile, choice: DocumentChoice) -> Profile:
    policy = choice.date_policy if choice.date_policy in DATE_POLICIES else "none"
    return replace(profile, cv=replace(profile.cv, date_policy=policy))


def render(
    *, session: Session, actor: Actor, participant_id: int, choice: DocumentChoice, fmt: Format
) -> RenderedFile:
    """The file; DocumentBlockedError (the guard) or DocumentRequestError with a clear reason."""
    if choice.kind not in KINDS:
        raise DocumentRequestError("Onbekend document / unknown document")
    if choice.template not in templates():
        raise DocumentRequestError("Onbekende stijl / unknown template")
    profile = _with_choice(
        profile_of(session=session, actor=actor, participant_id=participant_id), choice
    )
    vacancy, employer = _vacancy(session, choice.vacancy_id)
    lang = "en" if choice.lang == "en" else "nl"
    common = {"profile": profile, "lexicon": load_lexicon(), "lang": lang,
              "template": choice.template, "fmt": fmt}  # fmt: skip
    if choice.kind == "cv":
        return make_cv(vacancy=vacancy, **common)  # type: ignore[arg-type]
    if vacancy is None:
        raise DocumentRequestError(
            "Kies eerst een vacature voor deze brief of dit blad / choose a vacancy first"
        )
    if choice.kind == "letter":
        return make_letter(vacancy=vacancy, employer=employer, **common)  # type: ignore[arg-type]
    return make_sheet(kind=choice.kind, vacancy=vacancy, **common)  # type: ignore[arg-type]


def preview_pages(
    *, session: Session, actor: Actor, participant_id: int, choice: DocumentChoice
) -> list[bytes]:
    """PNG pictures of the PDF's pages: exactly what the download will look like."""
    import pypdfium2

    pdf = render(session=session, actor=actor, participant_id=participant_id, choice=choice,
                 fmt="pdf")  # fmt: skip
    document = pypdfium2.PdfDocument(pdf.data)
    pages = []
    try:
        for index in range(min(len(document), MAX_PREVIEW_PAGES)):
            image = document[index].render(scale=PREVIEW_SCALE).to_pil()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG", optimize=True)
            pages.append(buffer.getvalue())
    finally:
        document.close()
    return pages
