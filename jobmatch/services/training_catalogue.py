"""Use cases: the training places catalogue (MBO courses, language courses, work-experience and
learning-work places, volunteering): paste -> preview -> save, edit, and what each teaches."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlmodel import Session, select

from jobmatch.datafiles.import_rows import TRAINING_KINDS
from jobmatch.db.models import Employer, TrainingPlace
from jobmatch.domain.competencies import Lexicon
from jobmatch.domain.errors import JobmatchError
from jobmatch.domain.vacancies import Posting
from jobmatch.services.import_store import slug
from jobmatch.services.paste import split_paste

# First word found wins; checked in this order (a language course at an MBO school is a
# language course).
KIND_HINTS = (
    ("taalcursus", "language-course"), ("taalles", "language-course"),
    ("nt2", "language-course"), ("vrijwillig", "volunteering"),
    ("leerwerk", "learning-work"), ("bbl", "learning-work"),
    ("werkervaring", "work-experience"), ("stage", "work-experience"),
)  # fmt: skip


def guess_kind(text: str) -> str:
    lowered = text.lower()
    for word, kind in KIND_HINTS:
        if word in lowered:
            return kind
    return "course"


@dataclass
class TrainingPreview:
    title: str
    description: str
    kind: str
    provider: str
    competencies_taught: list[str] = field(default_factory=list)
    dutch_level: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def preview_pasted_training(
    *, pasted: str, provider: str = "", lexicon: Lexicon | None = None
) -> TrainingPreview:
    """The editable preview: kind guessed from the words, competencies from extraction."""
    from jobmatch.services.extraction import extract_posting

    title, text = split_paste(pasted)
    posting = Posting(source="paste", title=title, text=text, kind="training")
    extraction = extract_posting(posting, lexicon=lexicon)
    return TrainingPreview(
        title=title,
        description=text,
        kind=guess_kind(f"{title}\n{text}"),
        provider=provider.strip(),
        competencies_taught=[c.id for c in extraction.competencies],
        dutch_level=extraction.requirements.dutch_level,
    )


def save_training_place(*, session: Session, preview: TrainingPreview) -> int:
    """Store the (edited) preview; the same title + provider twice is one place."""
    if preview.kind not in TRAINING_KINDS:
        raise JobmatchError(f"Kies een soort / choose a kind: {', '.join(TRAINING_KINDS)}")
    if not preview.provider.strip() or not preview.title.strip():
        raise JobmatchError("Titel en aanbieder zijn nodig. / Title and provider are required.")
    digest = hashlib.sha256(f"{preview.provider}\x1f{preview.title}".encode()).hexdigest()
    key = f"{slug(preview.title)[:50]}-{digest[:8]}"
    place = session.exec(select(TrainingPlace).where(TrainingPlace.key == key)).first()
    if place is not None:
        return int(place.id or 0)
    row = TrainingPlace(
        key=key,
        title=preview.title[:300],
        kind=preview.kind,
        provider=preview.provider[:200],
        description=preview.description,
        dutch_level=preview.dutch_level,
        competencies_taught=list(preview.competencies_taught),
        source="paste",
    )
    session.add(row)
    session.commit()
    session.refresh(row)
    return int(row.id or 0)


TRAINING_EDITABLE = ("title", "kind", "provider", "description", "level", "duration",
                     "dutch_level", "city", "pc4", "sector", "competencies_taught",
                     "employer_id", "archived")  # fmt: skip


def update_training_place(
    *, session: Session, place_id: int, changes: dict[str, Any], lexicon: Lexicon
) -> TrainingPlace:
    """Edit a training place; every problem is named at once and nothing changes if any."""
    from jobmatch.datafiles.import_rows import training_row

    place = session.get(TrainingPlace, place_id)
    if place is None:
        raise JobmatchError(
            f"Opleidingsplaats niet gevonden / training place not found: {place_id}"
        )
    unknown = [name for name in changes if name not in TRAINING_EDITABLE]
    merged = {**place.model_dump(), **changes}
    taught = merged.get("competencies_taught") or []
    cells = {
        k: str(merged.get(k) or "") for k in ("title", "kind", "provider", "dutch_level", "pc4")
    }
    cells["competencies_taught"] = "|".join(taught)
    checked = training_row(0, cells, lexicon.ids)
    problems = [f"{name}: onbekend veld / unknown field" for name in unknown]
    problems += [f"{p.field}: {p.message}" for p in checked.problems]
    if problems:
        raise JobmatchError("; ".join(problems))
    for name, value in changes.items():
        setattr(place, name, value)
    session.add(place)
    session.commit()
    session.refresh(place)
    return place


def employer_name(*, session: Session, employer_id: int | None) -> str:
    """The name of the employer that offers a place ("" when none)."""
    found = session.get(Employer, employer_id) if employer_id else None
    return found.name if found else ""
