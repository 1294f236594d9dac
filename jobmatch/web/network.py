"""The coordinator's workspace: the `network` blueprint (vacancies, training places, employers,
imports) and its URL table. The views live in network_*.py, one module per area."""

from __future__ import annotations

from flask import Blueprint

from jobmatch.web import network_employers as employers
from jobmatch.web import network_imports as imports
from jobmatch.web import network_training as training
from jobmatch.web import network_vacancies as vacancies

bp = Blueprint("network", __name__, url_prefix="/netwerk")

ROUTES = (
    ("/vacatures", vacancies.vacancies, ("GET",)),
    ("/vacatures/plakken", vacancies.paste, ("GET", "POST")),
    ("/vacatures/bevestigen", vacancies.confirm, ("POST",)),
    ("/vacatures/<int:vacancy_id>", vacancies.vacancy, ("GET",)),
    ("/vacatures/<int:vacancy_id>/wijzigen", vacancies.vacancy_save, ("POST",)),
    ("/opleidingen", training.training, ("GET",)),
    ("/opleidingen/plakken", training.training_paste, ("GET", "POST")),
    ("/opleidingen/bevestigen", training.training_confirm, ("POST",)),
    ("/opleidingen/<int:place_id>", training.training_place, ("GET",)),
    ("/opleidingen/<int:place_id>/wijzigen", training.training_save, ("POST",)),
    ("/werkgevers", employers.employers, ("GET",)),
    ("/werkgevers/<int:employer_id>", employers.employer, ("GET",)),
    ("/werkgevers/<int:employer_id>/wijzigen", employers.employer_save, ("POST",)),
    ("/werkgevers/<int:employer_id>/contact", employers.employer_log, ("POST",)),
    ("/werkgevers/contactpersonen.<fmt>", employers.contacts_export, ("GET",)),
    ("/werkgevers/contactpersonen", employers.contacts_import, ("POST",)),
    ("/werkgevers/samenvoegen", employers.merge, ("GET", "POST")),
    ("/beroepen", employers.occupations, ("GET",)),
    ("/importeren", imports.imports, ("GET",)),
    ("/importeren/bestand", imports.upload, ("POST",)),
    ("/importeren/<int:job_id>", imports.import_job, ("GET",)),
    ("/importeren/<int:job_id>/voortgang", imports.import_progress, ("GET",)),
    ("/importeren/<int:job_id>/starten", imports.import_start, ("POST",)),
    ("/importeren/sjabloon-<kind>.csv", imports.import_template, ("GET",)),
)

for rule, view, methods in ROUTES:
    bp.add_url_rule(rule, view_func=view, methods=list(methods))


@bp.context_processor
def _may_edit() -> dict[str, bool]:
    """Templates show the edit forms and buttons only to who may use them."""
    from jobmatch.domain.access import Permission, allowed
    from jobmatch.web.policy import current_actor

    return {"can_edit": allowed(current_actor(), Permission.NETWORK_EDIT)}
