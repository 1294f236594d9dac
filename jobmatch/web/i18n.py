"""Languages: Dutch first, English complete (Flask-Babel, messages in .po files).

The interface language is nl or en (a `lang` cookie, no personal data). Participants may also
choose a *hint* language (hu, es, ro, pt, th, en): a short hint under each Dutch label, so the
Dutch stays the main text they learn to read. The .po files are compiled to .mo when the package
is built (hatch_build.py); in a source checkout `compile_catalogs` does it on first start.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask, request, session
from flask_babel import Babel

LANGUAGES = ("nl", "en")
HINT_LANGUAGES = {
    "en": "English",
    "hu": "Magyar",
    "es": "Español",
    "ro": "Română",
    "pt": "Português",
    "th": "ไทย",
}
TRANSLATIONS = Path(__file__).with_name("translations")
LANG_COOKIE = "lang"


def select_locale() -> str:
    chosen = request.cookies.get(LANG_COOKIE, "nl")
    return chosen if chosen in LANGUAGES else "nl"


def hint_language() -> str | None:
    chosen = session.get("hint_lang")
    return chosen if chosen in HINT_LANGUAGES else None


def hint_for(text: object) -> str:
    """The participant's hint language version of a Dutch text, or "" (none chosen or known)."""
    from flask_babel import force_locale, gettext
    from flask_babel.speaklater import LazyString

    lang = hint_language()
    if not lang or lang == select_locale():
        return ""
    is_lazy = isinstance(text, LazyString) and text._args
    msgid = str(text._args[0]) if is_lazy else str(text)  # type: ignore[attr-defined]
    with force_locale(lang):
        translated = str(gettext(msgid))
    return translated if translated != msgid else ""


def compile_catalogs(folder: Path = TRANSLATIONS) -> None:
    """Write messages.mo next to every messages.po that is newer (a source checkout)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po_path in folder.glob("*/LC_MESSAGES/messages.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        try:
            with mo_path.open("wb") as handle:
                write_mo(handle, catalog)
        except OSError:
            continue  # an installed, read-only package: its build already compiled them


def init_app(app: Flask) -> None:
    compile_catalogs()
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "nl")
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(TRANSLATIONS)
    Babel(app, locale_selector=select_locale)
    app.jinja_env.globals.update(
        current_locale=select_locale,
        hint_language=hint_language,
        hint_languages=HINT_LANGUAGES,
        hint_for=hint_for,
    )
