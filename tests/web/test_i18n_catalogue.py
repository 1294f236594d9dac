"""English is complete: every message in the code and templates has an English translation."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "jobmatch" / "web"
PO = WEB / "translations" / "en" / "LC_MESSAGES" / "messages.po"
METHODS = [("**.py", "python"), ("templates/**.html", "jinja2")]
KEYWORDS = {"_": None, "gettext": None, "_l": None, "lazy_gettext": None, "ngettext": (1, 2)}


def _messages() -> set[str]:
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(WEB), METHODS, keywords=KEYWORDS
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_message_has_english() -> None:
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    english = {str(m.id): m.string for m in catalog if m.id and not m.fuzzy}
    missing = sorted(m for m in _messages() if not english.get(m))
    assert len(_messages()) > 50 and missing == [], (
        "run `python tools/i18n.py` and add English to messages.po"
    )
