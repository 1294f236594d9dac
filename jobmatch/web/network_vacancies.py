"""Vacancy pages: the list with filters, paste -> preview -> confirm, edit and archive."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from jobmatch.domain.access import Permission
from jobmatch.domain.errors import JobmatchError
from jobmatch.services import vacancy_admin as service
from jobmatch.services.occupations import isco_major_groups, link_occupation, suggest_occupations
from jobmatch.web import database
from jobmatch.web.forms_network import PasteForm, VacancyConfirmForm, VacancyEditForm
from jobmatch.web.forms_network import VacancyFilterForm as FilterForm
from jobmatch.web.network_common import actor, segments
from jobmatch.web.policy import permission

Page = str | tuple[str, int] | Response


@permission(Permission.NETWORK_VIEW)
def vacancies() -> str:
    form = FilterForm(request.args)
    db = database.session()
    form.sector.choices = [("", _("Alle sectoren")), *[(s, s) for s in service.sectors(
        session=db, actor=actor())]]  # fmt: skip
    form.group.choices = [("", _("Alle beroepsgroepen")), *isco_major_groups()]
    valid = form.validate()
    found = service.list_vacancies(
        session=db,
        actor=actor(),
        today=date.today(),
        status=form.status.data if valid else "open",
        sector=form.sector.data if valid else "",
        group=form.group.data if valid else "",
    )
    return render_template("network/vacancies.html", form=form, found=found, today=date.today())


@permission(Permission.NETWORK_EDIT)
def paste() -> Page:
    form = PasteForm()
    if not form.validate_on_submit():
        return render_template("network/paste.html", form=form), 400 if form.errors else 200
    try:
        preview = service.preview_paste(
            session=database.session(), actor=actor(), pasted=form.pasted.data,
            employer=form.employer.data or "",
        )  # fmt: skip
    except JobmatchError as exc:
        form.pasted.errors.append(str(exc))
        return render_template("network/paste.html", form=form), 400
    confirm = VacancyConfirmForm(formdata=None, data=_confirm_data(preview))
    return _preview_page(confirm, preview)


def _confirm_data(preview: Any) -> dict[str, Any]:
    fields = dict(preview.fields)
    return {
        **{k: v for k, v in fields.items() if k not in ("certificates", "closing_date")},
        "title": preview.title, "text": preview.text, "employer": preview.employer,
        "certificates": ", ".join(fields.get("certificates") or []),
        "location": fields.get("location") or "", "salary_unit": fields.get("salary_unit") or "",
        "dutch_level": fields.get("dutch_level") or "",
    }  # fmt: skip


def _preview_page(form: VacancyConfirmForm, preview: Any, status: int = 200) -> tuple[str, int]:
    html = render_template(
        "network/preview.html",
        form=form,
        preview=preview,
        parts=segments(preview.text, preview.spans),
    )
    return html, status


def _edited_fields(form: VacancyConfirmForm) -> dict[str, Any]:
    certificates = [c.strip() for c in (form.certificates.data or "").split(",") if c.strip()]
    closing = form.closing_date.data
    return {
        "hours_min": form.hours_min.data, "hours_max": form.hours_max.data,
        "salary_min": form.salary_min.data, "salary_max": form.salary_max.data,
        "salary_unit": form.salary_unit.data or None, "dutch_level": form.dutch_level.data or None,
        "education_level": form.education_level.data or None,
        "driving_licence": bool(form.driving_licence.data), "certificates": certificates,
        "shifts": list(form.shifts.data or []), "location": form.location.data or None,
        "closing_date": closing.isoformat() if closing else None,
    }  # fmt: skip


@permission(Permission.NETWORK_EDIT)
def confirm() -> Page:
    form = VacancyConfirmForm()
    db = database.session()
    pasted = f"{form.title.data or ''}\n{form.text.data or ''}"
    try:
        preview = service.preview_paste(
            session=db, actor=actor(), pasted=pasted, employer=form.employer.data or ""
        )
    except JobmatchError as exc:  # title and text emptied or too long: back to the paste page
        again = PasteForm(formdata=None, pasted=pasted.strip(), employer=form.employer.data)
        again.pasted.errors = [str(exc)]
        return render_template("network/paste.html", form=again), 400
    if not form.validate_on_submit():
        return _preview_page(form, preview, 400)
    if preview.duplicates and not form.save_anyway.data:
        form.save_anyway.errors = [_("Kijk eerst of het dezelfde vacature is.")]
        return _preview_page(form, preview, 409)
    preview.fields = _edited_fields(form)
    vacancy_id = service.save_paste(
        session=db, actor=actor(), preview=preview,
        sector=(form.sector.data or "").strip() or None, pc4=(form.pc4.data or "").strip() or None,
    )  # fmt: skip
    return redirect(url_for("network.vacancy", vacancy_id=vacancy_id, bewaard=1))


def _vacancy_form(vacancy_id: int, form: VacancyEditForm | None = None) -> tuple[Any, Any]:
    """The vacancy (404 when unknown) and its form with the suggested occupations to choose."""
    try:
        line = service.get_vacancy(session=database.session(), actor=actor(), vacancy_id=vacancy_id)
    except service.VacancyNotFound:
        abort(404)
    found = line.vacancy
    form = form or VacancyEditForm(formdata=None, obj=found, occupation=found.occupation_uri or "")
    suggestions = suggest_occupations(title=found.title, text=found.text[:3000], top=5)
    form.occupation.choices = [("", "—"), *_occupation_choices(found.occupation_uri, suggestions)]
    return line, form


def _vacancy_page(line: Any, form: VacancyEditForm) -> tuple[str, int]:
    saved = bool(request.args.get("bewaard"))
    html = render_template("network/vacancy.html", line=line, form=form, saved=saved)
    return html, 400 if form.errors else 200


@permission(Permission.NETWORK_VIEW)
def vacancy(vacancy_id: int) -> Page:
    return _vacancy_page(*_vacancy_form(vacancy_id))


@permission(Permission.NETWORK_EDIT)
def vacancy_save(vacancy_id: int) -> Page:
    line, form = _vacancy_form(vacancy_id, VacancyEditForm())
    if not form.validate_on_submit():
        return _vacancy_page(line, form)
    return _save_vacancy(form, vacancy_id)


def _occupation_choices(current: str | None, found: list[dict[str, Any]]) -> list[tuple[str, str]]:
    choices = [(s["uri"], f"{s['label']} ({s['isco_group']})") for s in found]
    if current and current not in {uri for uri, _label in choices}:
        choices.insert(0, (current, current))
    return choices


def _save_vacancy(form: VacancyEditForm, vacancy_id: int) -> Response:
    db = database.session()
    changes = {
        "title": form.title.data.strip(),
        "sector": (form.sector.data or "").strip() or None,
        "pc4": (form.pc4.data or "").strip() or None,
        "closing_date": form.closing_date.data,
        "archived": bool(form.archived.data),
    }
    service.update_vacancy(session=db, actor=actor(), vacancy_id=vacancy_id, changes=changes)
    link_occupation(
        session=db, kind="vacancy", item_id=vacancy_id, uri=form.occupation.data or None
    )
    return redirect(url_for("network.vacancy", vacancy_id=vacancy_id, bewaard=1))
