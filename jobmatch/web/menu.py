"""The main menu: each area adds its entry; a user sees only what the policy allows."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app, request, url_for
from flask_babel import lazy_gettext as _l

from jobmatch.domain.access import Permission, allowed
from jobmatch.web.policy import current_actor, permission_of


@dataclass(frozen=True)
class MenuItem:
    url: str
    label: str
    current: bool


# (endpoint, label); the endpoint's own permission decides who sees it. Order is the menu's.
ENTRIES: tuple[tuple[str, object], ...] = (
    ("participants.index", _l("Deelnemers")),
    ("applications.follow_up", _l("Deze week")),
    ("applications.board", _l("Sollicitaties")),
    ("network.vacancies", _l("Vacatures")),
    ("network.training", _l("Opleidingen")),
    ("network.employers", _l("Werkgevers")),
    ("network.imports", _l("Importeren")),
    ("lexicon.index", _l("Competenties")),
    ("reports.dashboard", _l("Overzicht")),
    ("reports.yearly", _l("Jaarverslag")),
    ("admin.staff", _l("Medewerkers")),
    ("auditlog.index", _l("Logboek")),
    ("participant.index", _l("Mijn stappen")),
    ("account.overview", _l("Mijn account")),
)


def menu_items() -> list[MenuItem]:
    actor = current_actor()
    items: list[MenuItem] = []
    for endpoint, label in ENTRIES:
        if endpoint not in current_app.view_functions:
            continue
        needed = permission_of(current_app, endpoint)
        if needed is None or needed is Permission.PUBLIC or not allowed(actor, needed):
            continue
        url = url_for(endpoint)
        items.append(MenuItem(url=url, label=str(label), current=request.path.startswith(url)))
    return items


# The participant page's own menu: (endpoint taking participant_id, label). Areas add theirs.
PARTICIPANT_LINKS: tuple[tuple[str, object], ...] = (
    ("discovery.experiences", _l("Ervaring")),
    ("discovery.start", _l("Sterke punten ontdekken")),
    ("discovery.competencies", _l("Competenties")),
    ("matches.index", _l("Passend werk en opleidingen")),
    ("applications.participant", _l("Sollicitaties")),
    ("discovery.documents", _l("Cv en brief")),
)


def participant_links() -> list[tuple[str, str]]:
    return [
        (endpoint, str(label))
        for endpoint, label in PARTICIPANT_LINKS
        if endpoint in current_app.view_functions
    ]


def language_name(code: str) -> str:
    from jobmatch.domain.wording import LANGUAGE_NAMES
    from jobmatch.web.i18n import select_locale

    names = LANGUAGE_NAMES.get(code)
    if names is None:
        return code
    return names[1] if select_locale() == "en" else names[0]


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        menu_items=menu_items, participant_links=participant_links, language_name=language_name
    )
