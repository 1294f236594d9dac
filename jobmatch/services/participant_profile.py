"""What a participant did and can do: experiences, discovery answers, competencies.

Used by the job hunter's pages and by the participant's own workshop steps: every function
checks that the actor may see this participant (a case worker of her organisation, or herself).
A competency is `suggested` until she (or the job hunter with her) confirms it, in her words.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session, col, select

from jobmatch.datafiles.bridge import load_bridge
from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.db import models
from jobmatch.db.schemas import ExperienceCreate, ParticipantCompetencyCreate
from jobmatch.domain.access import Actor
from jobmatch.domain.discovery import DiscoveryQuestion, Suggestion
from jobmatch.services.participants import InputProblems, get_participant, profile_of

MAX_EXPERIENCES = 30


def _problems(exc: ValidationError) -> InputProblems:
    fields = {}
    for error in exc.errors():
        name = str(error["loc"][0]) if error.get("loc") else "form"
        fields[name] = "Vul dit goed in / please fill this in correctly"
    return InputProblems(fields)


# --- experiences ------------------------------------------------------------------------------


def experiences(*, session: Session, actor: Actor, participant_id: int) -> list[models.Experience]:
    get_participant(session=session, actor=actor, participant_id=participant_id)
    E = models.Experience
    statement = select(E).where(E.participant_id == participant_id).order_by(col(E.position))
    return list(session.exec(statement).all())


def save_experience(
    *,
    session: Session,
    actor: Actor,
    participant_id: int,
    data: dict[str, Any],
    experience_id: int | None = None,
) -> int:
    """Add (experience_id None) or change one experience; InputProblems for bad input."""
    row = get_participant(session=session, actor=actor, participant_id=participant_id)
    try:
        clean = ExperienceCreate.model_validate(data).model_dump(exclude={"position"})
    except ValidationError as exc:
        raise _problems(exc) from exc
    existing = experiences(session=session, actor=actor, participant_id=participant_id)
    if experience_id is None:
        if len(existing) >= MAX_EXPERIENCES:
            raise InputProblems(
                {"title": f"Hoogstens {MAX_EXPERIENCES} / at most {MAX_EXPERIENCES}"}
            )
        target = models.Experience(
            organisation_id=row.organisation_id,
            participant_id=participant_id,
            position=len(existing),
            **clean,
        )
    else:
        found = [e for e in existing if e.id == experience_id]
        if not found:
            raise InputProblems({"title": "Niet gevonden / not found"})
        target = found[0]
        for name, value in clean.items():
            setattr(target, name, value)
    session.add(target)
    session.commit()
    if target.id is None:
        raise RuntimeError("invariant broken: target.id is not None")
    return target.id


def delete_experience(
    *, session: Session, actor: Actor, participant_id: int, experience_id: int
) -> None:
    for row in experiences(session=session, actor=actor, participant_id=participant_id):
        if row.id == experience_id:
            session.delete(row)
    session.commit()


# --- discovery questions ----------------------------------------------------------------------


def discovery_questions() -> tuple[DiscoveryQuestion, ...]:
    return load_bridge().questions


def answer_question(
    *, session: Session, actor: Actor, participant_id: int, question_id: str, answer: bool | None
) -> None:
    """Store yes/no (None: not answered / 'I don't know') for one discovery question."""
    if question_id not in {q.id for q in discovery_questions()}:
        raise InputProblems({"answer": "Onbekende vraag / unknown question"})
    row = get_participant(session=session, actor=actor, participant_id=participant_id)
    answers = dict((row.profile or {}).get("discovery") or {})
    if answer is None:
        answers.pop(question_id, None)
    else:
        answers[question_id] = answer
    row.profile = {**(row.profile or {}), "discovery": answers}
    session.add(row)
    session.commit()


def discovery_answers(*, session: Session, actor: Actor, participant_id: int) -> dict[str, bool]:
    row = get_participant(session=session, actor=actor, participant_id=participant_id)
    return dict((row.profile or {}).get("discovery") or {})


# --- competencies -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CompetencyView:
    id: str
    label: str
    status: str
    evidence: str


def suggestions(
    *, session: Session, actor: Actor, participant_id: int, lang: str = "nl"
) -> list[Suggestion]:
    """Competencies her experiences and answers point to, strongest first."""
    from jobmatch.services.suggestions import suggest_competencies

    profile = profile_of(session=session, actor=actor, participant_id=participant_id)
    return suggest_competencies(profile=profile, lang="en" if lang == "en" else "nl")


def competencies(
    *, session: Session, actor: Actor, participant_id: int, lang: str = "nl"
) -> list[CompetencyView]:
    get_participant(session=session, actor=actor, participant_id=participant_id)
    lexicon = load_lexicon()
    C = models.ParticipantCompetency
    rows = session.exec(select(C).where(C.participant_id == participant_id)).all()
    views = [
        CompetencyView(
            r.competency_id,
            lexicon.label(r.competency_id, "en" if lang == "en" else "nl"),
            r.status,
            r.evidence or "",
        )
        for r in rows
    ]
    return sorted(views, key=lambda v: (v.status != "confirmed", v.label.lower()))


def set_competency(
    *,
    session: Session,
    actor: Actor,
    participant_id: int,
    competency_id: str,
    evidence: str,
    status: str = "confirmed",
) -> None:
    """Confirm (or keep as suggested) one competency with her own evidence sentence."""
    row = get_participant(session=session, actor=actor, participant_id=participant_id)
    if competency_id not in load_lexicon():
        raise InputProblems({"competency": "Onbekende competentie / unknown competency"})
    data = {"competency_id": competency_id, "status": status, "evidence": evidence.strip()}
    try:
        clean = ParticipantCompetencyCreate.model_validate(data)
    except ValidationError as exc:
        raise _problems(exc) from exc
    C = models.ParticipantCompetency
    statement = select(C).where(
        C.participant_id == participant_id, C.competency_id == competency_id
    )
    found = session.exec(statement).first() or C(
        organisation_id=row.organisation_id,
        participant_id=participant_id,
        competency_id=competency_id,
    )
    found.status, found.evidence = clean.status, clean.evidence or None
    session.add(found)
    session.commit()


def drop_competency(
    *, session: Session, actor: Actor, participant_id: int, competency_id: str
) -> None:
    get_participant(session=session, actor=actor, participant_id=participant_id)
    C = models.ParticipantCompetency
    statement = select(C).where(
        C.participant_id == participant_id, C.competency_id == competency_id
    )
    for found in session.exec(statement).all():
        session.delete(found)
    session.commit()


def competency_choices(
    *, lang: str = "nl", leave_out: Collection[str] = ()
) -> list[tuple[str, str]]:
    """(id, label) of every competency in the lexicon but `leave_out`, by label: what she can
    add herself."""
    lexicon = load_lexicon()
    pairs = [
        (c.id, c.label("en" if lang == "en" else "nl")) for c in lexicon if c.id not in leave_out
    ]
    return sorted(pairs, key=lambda pair: pair[1].lower())
