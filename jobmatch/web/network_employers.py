"""Employer network pages: the list (with "to call this week"), one employer (contacts, open
places, history, approach), its edits and contact log, contacts in/out (CSV, vCard), merging
duplicates (preview first), and the network and pool by occupation group and sector."""

from __future__ import annotations

from datetime import date

from flask import Response as FlaskResponse
from flask import abort, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from jobmatch.domain.access import Permission
from jobmatch.domain.errors import JobmatchError
from jobmatch.services import employer_admin as service
from jobmatch.services.imports import ImportFileError
from jobmatch.services.occupations import counts_by_group
from jobmatch.web import database
from jobmatch.web.forms_network import ContactLogForm, ContactsUploadForm, EmployerForm
from jobmatch.web.forms_participants import EmptyForm
from jobmatch.web.network_common import actor
from jobmatch.web.policy import permission

Page = str | tuple[str, int] | Response


def _list_page(upload: ContactsUploadForm, status: int = 200, counts: object = None) -> Page:
    db = database.session()
    return render_template(
        "network/employers.html",
        employers=service.list_employers(session=db, actor=actor()),
        to_call=service.to_call(session=db, actor=actor(), today=date.today()),
        upload=upload, counts=counts,
    ), status  # fmt: skip


@permission(Permission.NETWORK_VIEW)
def employers() -> Page:
    counts = {k: request.args.get(k, type=int) for k in ("added", "updated", "skipped")}
    return _list_page(ContactsUploadForm(), counts=counts if counts["added"] is not None else None)


def _page(employer_id: int, edit: EmployerForm | None = None,
          log: ContactLogForm | None = None) -> tuple[str, int]:  # fmt: skip
    try:
        page = service.employer_page(
            session=database.session(), actor=actor(), employer_id=employer_id, today=date.today()
        )
    except service.EmployerNotFound:
        abort(404)
    found = page.employer
    edit = edit or EmployerForm(formdata=None, obj=found, locations=", ".join(found.locations))
    log = log or ContactLogForm(formdata=None, on=date.today())
    html = render_template("network/employer.html", page=page, form=edit, log=log)
    return html, 400 if edit.errors or log.errors else 200


@permission(Permission.NETWORK_VIEW)
def employer(employer_id: int) -> Page:
    return _page(employer_id)


@permission(Permission.NETWORK_EDIT)
def employer_save(employer_id: int) -> Page:
    form = EmployerForm()
    if not form.validate_on_submit():
        return _page(employer_id, edit=form)
    changes = {name: getattr(form, name).data for name in
               ("name", "sector", "city", "size", "open_to_gap", "approach_notes", "notes",
                "next_follow_up")}  # fmt: skip
    changes["pc4"] = (form.pc4.data or "").strip() or None
    changes["locations"] = [p.strip() for p in (form.locations.data or "").split(",") if p.strip()]
    try:
        service.update(session=database.session(), actor=actor(), employer_id=employer_id,
                       changes=changes)  # fmt: skip
    except service.EmployerNotFound:
        abort(404)
    except JobmatchError as exc:
        form.name.errors = [str(exc)]
        return _page(employer_id, edit=form)
    return redirect(url_for("network.employer", employer_id=employer_id))


@permission(Permission.NETWORK_EDIT)
def employer_log(employer_id: int) -> Page:
    form = ContactLogForm()
    if not form.validate_on_submit():
        return _page(employer_id, log=form)
    try:
        service.log_contact(
            session=database.session(), actor=actor(), employer_id=employer_id,
            on=form.on.data, channel=form.channel.data, summary=form.summary.data or "",
            next_follow_up=form.next_follow_up.data,
        )  # fmt: skip
    except service.EmployerNotFound:
        abort(404)
    return redirect(url_for("network.employer", employer_id=employer_id))


@permission(Permission.NETWORK_EDIT)
def contacts_export(fmt: str) -> FlaskResponse:
    if fmt not in ("csv", "vcf"):
        abort(404)
    text = service.export(session=database.session(), actor=actor(),
                          fmt="vcard" if fmt == "vcf" else "csv")  # fmt: skip
    mimetype = "text/vcard" if fmt == "vcf" else "text/csv"
    body = ("\ufeff" + text) if fmt == "csv" else text
    response = FlaskResponse(body.encode("utf-8"), mimetype=f"{mimetype}; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="contactpersonen.{fmt}"'
    return response


@permission(Permission.NETWORK_EDIT)
def contacts_import() -> Page:
    form = ContactsUploadForm()
    if not form.validate_on_submit():
        return _list_page(form, 400)
    try:
        counts = service.import_contacts(
            session=database.session(), actor=actor(), raw=form.upload.data.read(),
            filename=form.upload.data.filename or "",
        )  # fmt: skip
    except (ImportFileError, JobmatchError) as exc:
        form.upload.errors = [str(exc)]
        return _list_page(form, 400)
    return redirect(url_for("network.employers", **counts))


@permission(Permission.NETWORK_EDIT)
def merge() -> Page:
    db = database.session()
    keep, drop = request.values.get("keep", type=int), request.values.get("drop", type=int)
    if keep is None or drop is None:
        pairs = service.duplicates(session=db, actor=actor())
        return render_template("network/merge.html", pairs=pairs, preview=None, button=EmptyForm())
    try:
        preview = service.merge_preview(session=db, actor=actor(), keep=keep, drop=drop)
    except service.EmployerNotFound:
        abort(404)
    except JobmatchError as exc:
        return render_template("network/merge.html", pairs=[], preview=None, problem=str(exc),
                               button=EmptyForm()), 400  # fmt: skip
    if request.method == "POST":
        if not EmptyForm().validate_on_submit():
            abort(400)
        service.merge(session=db, actor=actor(), keep=keep, drop=drop)
        return redirect(url_for("network.employer", employer_id=keep))
    names = {e: service.get_employer(session=db, actor=actor(), employer_id=e).name
             for e in (keep, drop)}  # fmt: skip
    return render_template("network/merge.html", pairs=[], preview=preview, names=names,
                           button=EmptyForm())  # fmt: skip


@permission(Permission.NETWORK_VIEW)
def occupations() -> str:
    counts = counts_by_group(session=database.session(), today=date.today())
    return render_template("network/occupations.html", counts=counts)
