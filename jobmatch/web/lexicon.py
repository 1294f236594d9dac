"""Lexicon pages: the competencies, edit one (synonyms, evidence phrasings), the history of
changes, and each cluster as a TOML file to download (the format of competencies/*.toml)."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, url_for
from flask import Response as FlaskResponse
from werkzeug.wrappers import Response

from jobmatch.domain.access import Permission
from jobmatch.domain.competencies import CLUSTERS, Competency
from jobmatch.services import lexicon_admin as service
from jobmatch.services.lexicon_edit import LIST_FIELDS
from jobmatch.web import database
from jobmatch.web.forms_network import CompetencyForm
from jobmatch.web.network_common import actor
from jobmatch.web.policy import permission

bp = Blueprint("lexicon", __name__, url_prefix="/competenties")
Page = str | tuple[str, int] | Response


@bp.get("")
@permission(Permission.NETWORK_EDIT)
def index() -> str:
    found = service.lexicon(session=database.session(), actor=actor())
    return render_template("lexicon/index.html", lexicon=found, clusters=CLUSTERS)


def _form_data(competency: Competency) -> dict[str, str]:
    data = {name: getattr(competency, name) for name in ("label_nl", "label_en",
            "definition_nl", "definition_en")}  # fmt: skip
    data |= {name: "\n".join(getattr(competency, name)) for name in LIST_FIELDS}
    return data


def _page(competency_id: str, form: CompetencyForm | None = None) -> tuple[str, int]:
    db = database.session()
    try:
        found = service.competency(session=db, actor=actor(), competency_id=competency_id)
    except service.CompetencyNotFound:
        abort(404)
    form = form or CompetencyForm(formdata=None, data=_form_data(found))
    changes = service.history(session=db, actor=actor(), competency_id=competency_id)
    html = render_template("lexicon/edit.html", competency=found, form=form, changes=changes)
    return html, 400 if form.errors else 200


@bp.get("/<competency_id>")
@permission(Permission.NETWORK_EDIT)
def edit(competency_id: str) -> Page:
    return _page(competency_id)


@bp.post("/<competency_id>")
@permission(Permission.NETWORK_EDIT)
def save(competency_id: str) -> Page:
    form = CompetencyForm()
    _page(competency_id, form)  # 404 for an unknown id
    if not form.validate_on_submit():
        return _page(competency_id, form)
    changes = {
        name: field.data or "" for name, field in form._fields.items() if name != "csrf_token"
    }
    problems = service.save(session=database.session(), actor=actor(),
                            competency_id=competency_id, changes=changes)  # fmt: skip
    if problems:
        for name, message in problems.items():
            target = form._fields.get(name, form.label_nl)
            target.errors = [*target.errors, message]
        return _page(competency_id, form)
    return redirect(url_for("lexicon.edit", competency_id=competency_id))


@bp.get("/geschiedenis")
@permission(Permission.NETWORK_EDIT)
def history() -> str:
    changes = service.history(session=database.session(), actor=actor())
    return render_template("lexicon/history.html", changes=changes)


@bp.get("/bestand/<cluster>.toml")
@permission(Permission.NETWORK_EDIT)
def export(cluster: str) -> FlaskResponse:
    try:
        text = service.cluster_toml(session=database.session(), actor=actor(), cluster=cluster)
    except service.CompetencyNotFound:
        abort(404)
    response = FlaskResponse(text.encode("utf-8"), mimetype="application/toml; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{cluster}.toml"'
    return response
