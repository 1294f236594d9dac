"""Employer contacts as vCard 3.0 (what phones and mail programs import/export) and as CSV.

Only the fields the network keeps: FN (name), ORG (employer), TITLE (role), TEL, EMAIL.
Folded lines (RFC 6350 §3.2) are unfolded; escaped `\\,` `\\;` `\\n` are read back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

CONTACT_COLUMNS = ("employer", "name", "role", "phone", "email")


@dataclass(frozen=True)
class ContactCard:
    employer: str
    name: str
    role: str = ""
    phone: str = ""
    email: str = ""


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append("\n" if value[i + 1] in "nN" else value[i + 1])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def write_vcards(cards: Iterable[ContactCard]) -> str:
    lines: list[str] = []
    for card in cards:
        lines += ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_escape(card.name)}"]
        lines.append(f"N:{_escape(card.name)};;;;")
        lines.append(f"ORG:{_escape(card.employer)}")
        if card.role:
            lines.append(f"TITLE:{_escape(card.role)}")
        if card.phone:
            lines.append(f"TEL;TYPE=WORK:{_escape(card.phone)}")
        if card.email:
            lines.append(f"EMAIL;TYPE=WORK:{_escape(card.email)}")
        lines.append("END:VCARD")
    return "\r\n".join(lines) + ("\r\n" if lines else "")


def _unfold(text: str) -> list[str]:
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] += raw[1:]
        elif raw.strip():
            lines.append(raw)
    return lines


def read_vcards(text: str) -> list[ContactCard]:
    """Every card with a name (FN or N); unknown properties are ignored."""
    cards: list[ContactCard] = []
    current: dict[str, str] = {}
    for line in _unfold(text):
        name, _, value = line.partition(":")
        prop = name.split(";", 1)[0].upper()
        if prop == "BEGIN":
            current = {}
        elif prop == "END":
            full = current.get("FN") or " ".join(
                part for part in reversed(current.get("N", "").split(";")[:2]) if part
            )
            if full.strip():
                org = current.get("ORG", "").split(";")[0]
                cards.append(
                    ContactCard(
                        employer=_unescape(org).strip(),
                        name=_unescape(full).strip(),
                        role=_unescape(current.get("TITLE", "")).strip(),
                        phone=_unescape(current.get("TEL", "")).strip(),
                        email=_unescape(current.get("EMAIL", "")).strip(),
                    )
                )
        elif prop in ("FN", "N", "ORG", "TITLE", "TEL", "EMAIL") and prop not in current:
            current[prop] = value
    return cards


def write_contacts_csv(cards: Iterable[ContactCard]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CONTACT_COLUMNS)
    for card in cards:
        writer.writerow((card.employer, card.name, card.role, card.phone, card.email))
    return out.getvalue()
