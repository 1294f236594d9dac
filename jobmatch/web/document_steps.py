"""Documents on screen: choose, see the live preview (pictures of the real PDF), download.

Shared by the job hunter (/deelnemers/<id>/documenten) and the participant (/mijn/cv).
A guard block is shown in plain words with what to change; nothing is downloaded then.
"""

from __future__ import annotations

import base64
from typing import Any

from flask import Response as FlaskResponse
from flask import abort, request
from flask_babel import lazy_gettext as _l

from jobmatch.domain.guard import DocumentBlockedError, Finding
from jobmatch.services import participant_documents as docs
from jobmatch.services.document_inputs import InputRefusedError
from jobmatch.web import database
from jobmatch.web.profile_steps import Flow, Page, guarded

FINDING_ADVICE = {
    "organisation": _l("Haal de naam van de organisatie weg."),
    "past": _l("Haal dit woord weg of schrijf het anders: het zegt iets over je verleden."),
    "date": _l("Haal dit jaartal of deze datum weg, of kies bij 'Data' dat je data wilt tonen."),
    "age": _l("Haal je leeftijd weg: die hoort niet op een cv."),
}


def _choice() -> docs.DocumentChoice:
    args = request.args
    vacancy = args.get("vacature", "")
    return docs.DocumentChoice(
        kind=args.get("soort", "cv"),  # type: ignore[arg-type]
        lang="en" if args.get("taal") == "en" else "nl",
        template=args.get("stijl", docs.DEFAULT_TEMPLATE),
        date_policy=args.get("data", "none"),
        vacancy_id=int(vacancy) if vacancy.isdigit() else None,
    )


def _advice(findings: tuple[Finding, ...]) -> list[dict[str, str]]:
    return [
        {
            "word": f.word,
            "where": f.where,
            "advice": str(FINDING_ADVICE.get(f.kind, FINDING_ADVICE["past"])),
        }
        for f in findings
    ]


def documents_page(flow: Flow) -> Page:
    guarded(flow)
    choice = _choice()
    db = database.session()
    pages: list[str] = []
    blocked: list[dict[str, str]] = []
    problem = ""
    try:
        pictures = docs.preview_pages(
            session=db, actor=flow.actor, participant_id=flow.participant_id, choice=choice
        )
        pages = [base64.b64encode(png).decode("ascii") for png in pictures]
    except DocumentBlockedError as exc:
        blocked = _advice(exc.findings)
    except InputRefusedError as exc:
        blocked = [
            {"word": p.field or p.where, "where": p.where, "advice": p.message}
            for p in exc.problems
        ]
    except docs.DocumentRequestError as exc:
        problem = str(exc)
    context: dict[str, Any] = {
        "choice": choice,
        "pages": pages,
        "blocked": blocked,
        "problem": problem,
        "templates": docs.templates(),
        "vacancies": docs.vacancy_choices(session=db),
        "kinds": docs.KINDS,
    }
    return flow.render("steps/documents.html", 200 if not (blocked or problem) else 422, **context)


def download(flow: Flow, fmt: str) -> FlaskResponse | Page:
    guarded(flow)
    if fmt not in ("pdf", "docx", "txt"):
        abort(404)
    try:
        rendered = docs.render(
            session=database.session(),
            actor=flow.actor,
            participant_id=flow.participant_id,
            choice=_choice(),
            fmt=fmt,  # type: ignore[arg-type]
        )
    except (DocumentBlockedError, InputRefusedError, docs.DocumentRequestError):
        return documents_page(flow)
    response = FlaskResponse(rendered.data, mimetype=rendered.mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{rendered.filename}"'
    return response
