"""The profile steps both users share: experiences, discovery questions, competencies.

A job hunter works through them *with* the participant (under /deelnemers/<id>/…); the
participant does them herself in the workshop (under /mijn/…). `Flow` says where the pages of
one participant live; the handlers here are the same for both, so nothing is built twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import abort, redirect, render_template, request, session, url_for
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from jobmatch.domain.access import Actor
from jobmatch.services import participant_profile as profile_service
from jobmatch.services.participants import InputProblems, ParticipantNotFound, get_participant
from jobmatch.web import database
from jobmatch.web.forms_profile import AddCompetencyForm, AnswerForm, CompetencyForm, ExperienceForm
from jobmatch.web.i18n import hint_language, select_locale

Page = Response | str | tuple[str, int]


@dataclass(frozen=True)
class Flow:
    """Where one participant's pages live, and who is looking (voice: 'staff' or 'self')."""

    blueprint: str
    actor: Actor
    participant_id: int
    voice: str
    args: dict[str, Any] = field(default_factory=dict)

    def url(self, action: str, **values: Any) -> str:
        return url_for(f"{self.blueprint}.{action}", **self.args, **values)

    def render(self, template: str, status: int = 200, **context: Any) -> tuple[str, int]:
        participant = get_participant(
            session=database.session(), actor=self.actor, participant_id=self.participant_id
        )
        page = render_template(template, flow=self, participant=participant, **context)
        return page, status


def guarded(flow: Flow) -> None:
    try:
        get_participant(
            session=database.session(), actor=flow.actor, participant_id=flow.participant_id
        )
    except ParticipantNotFound:
        abort(404)


def prefill(form: Any) -> None:
    """Put back what she typed before her session ran out (once, on this page only)."""
    pending = session.get("pending_form")
    if request.method == "GET" and pending and pending.get("path") == request.path:
        session.pop("pending_form", None)
        pairs = [(k, v) for k, values in pending["form"].items() for v in values]
        form.process(formdata=MultiDict([(k, v) for k, v in pairs if k != "csrf_token"]))
        form.restored = True


def _attach(form: Any, problems: InputProblems) -> None:
    for name, message in problems.fields.items():
        target = form[name] if name in form._fields else None
        if target is not None:
            target.errors = [*target.errors, message]


# --- experiences ------------------------------------------------------------------------------


def experiences_page(flow: Flow, experience_id: int | None = None) -> Page:
    guarded(flow)
    db = database.session()
    rows = profile_service.experiences(
        session=db, actor=flow.actor, participant_id=flow.participant_id
    )
    editing = next((r for r in rows if r.id == experience_id), None)
    if experience_id is not None and editing is None:
        abort(404)
    form = ExperienceForm(obj=editing) if request.method == "GET" else ExperienceForm()
    prefill(form)
    if form.validate_on_submit():
        data = {
            name: "" if f.data is None else f.data
            for name, f in form._fields.items()
            if name != "csrf_token"
        }
        try:
            profile_service.save_experience(
                session=db,
                actor=flow.actor,
                participant_id=flow.participant_id,
                data=data,
                experience_id=experience_id,
            )
        except InputProblems as problems:
            _attach(form, problems)
        else:
            return redirect(flow.url("experiences"))
    status = 400 if request.method == "POST" else 200
    return flow.render("steps/experiences.html", status, rows=rows, form=form, editing=editing)


def delete_experience(flow: Flow, experience_id: int) -> Response:
    guarded(flow)
    from jobmatch.web.forms_participants import EmptyForm

    if EmptyForm().validate_on_submit():
        profile_service.delete_experience(
            session=database.session(),
            actor=flow.actor,
            participant_id=flow.participant_id,
            experience_id=experience_id,
        )
    return redirect(flow.url("experiences"))


# --- discovery questions ----------------------------------------------------------------------


def question_page(flow: Flow, number: int) -> Page:
    guarded(flow)
    questions = profile_service.discovery_questions()
    if not 1 <= number <= len(questions):
        abort(404)
    question = questions[number - 1]
    db = database.session()
    answers = profile_service.discovery_answers(
        session=db, actor=flow.actor, participant_id=flow.participant_id
    )
    form = AnswerForm()
    if request.method == "GET" and question.id in answers:
        form.answer.data = "ja" if answers[question.id] else "nee"
    if form.validate_on_submit():
        chosen = {"ja": True, "nee": False}.get(form.answer.data)
        profile_service.answer_question(
            session=db,
            actor=flow.actor,
            participant_id=flow.participant_id,
            question_id=question.id,
            answer=chosen,
        )
        if number < len(questions):
            return redirect(flow.url("question", number=number + 1))
        return redirect(flow.url("competencies"))
    status = 400 if request.method == "POST" else 200
    hint = hint_language() or ("en" if select_locale() == "en" else None)
    return flow.render(
        "steps/question.html",
        status,
        form=form,
        question=question,
        number=number,
        total=len(questions),
        hint=question.text.get(hint) if hint else None,
    )


def first_open_question(flow: Flow) -> Response:
    guarded(flow)
    answers = profile_service.discovery_answers(
        session=database.session(), actor=flow.actor, participant_id=flow.participant_id
    )
    questions = profile_service.discovery_questions()
    for number, question in enumerate(questions, start=1):
        if question.id not in answers:
            return redirect(flow.url("question", number=number))
    return redirect(flow.url("question", number=1))


# --- competencies -----------------------------------------------------------------------------


def competencies_page(flow: Flow) -> Page:
    guarded(flow)
    db = database.session()
    lang = "en" if select_locale() == "en" else "nl"
    kwargs = {"session": db, "actor": flow.actor, "participant_id": flow.participant_id}
    problems: list[str] = []
    if request.method == "POST":
        problems = _change_competency(flow, request.form.get("action", "confirm"))
        if not problems:
            return redirect(flow.url("competencies"))
    chosen = profile_service.competencies(lang=lang, **kwargs)
    known = {c.id for c in chosen}
    suggested = [s for s in profile_service.suggestions(lang=lang, **kwargs) if s.id not in known]
    add_form = AddCompetencyForm()
    add_form.competency.choices = _all_competencies(lang, known)
    return flow.render(
        "steps/competencies.html",
        400 if problems else 200,
        chosen=chosen,
        suggested=suggested[:10],
        add_form=add_form,
        problems=problems,
        lang=lang,
        confirm_form=CompetencyForm(),
    )


def _all_competencies(lang: str, known: set[str]) -> list[Any]:
    from jobmatch.web.forms_participants import options

    pairs = profile_service.competency_choices(lang=lang, leave_out=known)
    return options([("", "—"), *pairs])


def _change_competency(flow: Flow, action: str) -> list[str]:
    from flask_babel import gettext as _

    form = CompetencyForm()
    if action == "drop":
        form.evidence.validators = []
    if not form.validate_on_submit():
        return [_("Schrijf één zin over wat je deed.")]
    kwargs = {
        "session": database.session(),
        "actor": flow.actor,
        "participant_id": flow.participant_id,
        "competency_id": form.competency.data,
    }
    try:
        if action == "drop":
            profile_service.drop_competency(**kwargs)
        else:
            profile_service.set_competency(evidence=form.evidence.data, **kwargs)
    except InputProblems as problems:
        return list(problems.fields.values())
    return []
