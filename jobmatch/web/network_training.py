"""Training places catalogue pages: list by kind, paste -> preview -> save, edit (and what each
place teaches, as competency checkboxes from the lexicon in use)."""

from __future__ import annotations

from typing import Any

from flask import abort, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from jobmatch.domain.access import Permission
from jobmatch.domain.errors import JobmatchError
from jobmatch.services import catalogue_admin as service
from jobmatch.services.lexicon_edit import current_lexicon
from jobmatch.services.training_catalogue import TrainingPreview
from jobmatch.web import database
from jobmatch.web.forms_network import KIND_LABELS, TrainingForm, TrainingPasteForm
from jobmatch.web.network_common import actor
from jobmatch.web.policy import permission

Page = str | tuple[str, int] | Response


def _with_competencies(form: TrainingForm) -> TrainingForm:
    lexicon = current_lexicon(session=database.session())
    form.competencies_taught.choices = sorted(
        ((c.id, c.label_nl) for c in lexicon.competencies.values()),
        key=lambda pair: pair[1].lower(),
    )
    return form


@permission(Permission.NETWORK_VIEW)
def training() -> str:
    kind = request.args.get("soort", "")
    kind = kind if kind in KIND_LABELS else ""
    places = service.list_places(session=database.session(), actor=actor(), kind=kind)
    labels = {
        c.id: c.label_nl for c in current_lexicon(session=database.session()).competencies.values()
    }
    return render_template("network/training.html", places=places, kinds=KIND_LABELS,
                           kind=kind, labels=labels)  # fmt: skip


@permission(Permission.NETWORK_EDIT)
def training_paste() -> Page:
    form = TrainingPasteForm()
    if not form.validate_on_submit():
        return render_template(
            "network/training_paste.html", form=form
        ), 400 if form.errors else 200
    try:
        preview = service.preview_place(
            session=database.session(), actor=actor(), pasted=form.pasted.data,
            provider=form.provider.data or "",
        )  # fmt: skip
    except JobmatchError as exc:
        form.pasted.errors.append(str(exc))
        return render_template("network/training_paste.html", form=form), 400
    edit = _with_competencies(TrainingForm(formdata=None, data={**preview.to_json(),
                                           "dutch_level": preview.dutch_level or ""}))  # fmt: skip
    return render_template("network/training_edit.html", form=edit, place=None)


@permission(Permission.NETWORK_EDIT)
def training_confirm() -> Page:
    form = _with_competencies(TrainingForm())
    if form.validate_on_submit():
        preview = TrainingPreview(
            title=form.title.data.strip(), description=form.description.data or "",
            kind=form.kind.data, provider=form.provider.data.strip(),
            competencies_taught=list(form.competencies_taught.data or []),
            dutch_level=form.dutch_level.data or None,
        )  # fmt: skip
        try:
            place_id = service.save_place(
                session=database.session(), actor=actor(), preview=preview,
                employer=form.employer.data or "",
            )  # fmt: skip
        except JobmatchError as exc:
            form.title.errors = [str(exc)]
        else:
            return redirect(url_for("network.training_place", place_id=place_id))
    return render_template("network/training_edit.html", form=form, place=None), 400


def _place_form(place_id: int, form: TrainingForm | None = None) -> tuple[Any, TrainingForm]:
    """The training place (404 when unknown) and its form with the competencies to choose."""
    try:
        place = service.get_place(session=database.session(), actor=actor(), place_id=place_id)
    except service.PlaceNotFound:
        abort(404)
    if form is None:
        named = service.employer_name(session=database.session(), employer_id=place.employer_id)
        form = TrainingForm(formdata=None, obj=place, employer=named)
    return place, _with_competencies(form)


def _place_page(place: Any, form: TrainingForm) -> tuple[str, int]:
    html = render_template("network/training_edit.html", form=form, place=place)
    return html, 400 if form.errors else 200


@permission(Permission.NETWORK_VIEW)
def training_place(place_id: int) -> Page:
    return _place_page(*_place_form(place_id))


@permission(Permission.NETWORK_EDIT)
def training_save(place_id: int) -> Page:
    place, form = _place_form(place_id, TrainingForm())
    if not form.validate_on_submit():
        return _place_page(place, form)
    changes = {
        name: getattr(form, name).data
        for name in ("title", "kind", "provider", "description", "city", "competencies_taught")
    }
    changes |= {"dutch_level": form.dutch_level.data or None, "pc4": form.pc4.data or None,
                "archived": bool(form.archived.data)}  # fmt: skip
    try:
        service.update_place(
            session=database.session(), actor=actor(), place_id=place_id, changes=changes,
            employer=form.employer.data or "",
        )  # fmt: skip
    except JobmatchError as exc:
        form.title.errors = [str(exc)]
        return _place_page(place, form)
    return redirect(url_for("network.training_place", place_id=place_id))
