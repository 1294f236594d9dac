"""What a training place written as plain text says about itself: how long it takes, what it
costs, its level, its kind and who offers it (the competencies it teaches and the Dutch level it
asks come from the same extraction as a vacancy). Each fact is the first one the text states;
"" when it states none."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DURATION = re.compile(
    r"\b(\d{1,3}(?:[.,]5)?|een|twee|drie|vier|zes|acht|tien|twaalf|half)\s*"
    r"(dagen|dag|weken|week|maanden|maand|jaar|jaren|lessen|dagdelen|ochtenden|avonden"
    r"|days?|weeks?|months?|years?)\b",
    re.I,
)
_FREE = re.compile(r"\bgratis\b|\bkosteloos\b|\bgeen kosten\b|\bfree of charge\b|\bfree\b", re.I)
_PRICE = re.compile(r"€\s?(\d{1,3}(?:\.\d{3})*(?:,\d{2}|,-)?)|(\d{2,5})\s?euro\b", re.I)
_LEVEL = re.compile(
    r"\bmbo[\s-]*(?:niveau\s*)?[1-4]\b|\bentree(?:opleiding)?\b|\bnt2[\s-]*(?:niveau\s*)?"
    r"(?:[abc][12]|[1-4])\b|\btaalniveau\s*[abc][12]\b|\bnaar\s+[abc][12]\b",
    re.I,
)
_WORK_EXPERIENCE = re.compile(
    r"werkervaringsplaats|werkervaringsplek|leerwerkplek|leer-?werktraject|werkervaring opdoen"
    r"|proefplaatsing|stageplaats|\bstage\b",
    re.I,
)
_VOLUNTEERING = re.compile(r"vrijwilliger|vrijwilligerswerk|volunteer", re.I)
_PROVIDER = re.compile(
    r"(?:aanbieder|georganiseerd door|gegeven door|organisatie|provider|school)\s*:\s*"
    r"([^\n.;]{2,60})"
    r"|\b(?:bij|door)\s+((?:ROC|Da Vinci|Albeda|Zadkine|Mondriaan|Nova|Volksuniversiteit)"
    r"[^\n.,;]{0,40})",
    re.I,
)


@dataclass(frozen=True)
class TrainingFacts:
    duration: str = ""
    cost: str = ""
    level: str = ""
    kind: str = "course"  # course | work-experience | volunteering
    provider: str = ""


def training_facts(title: str, text: str) -> TrainingFacts:
    """The facts a text training place states (see the module text)."""
    whole = f"{title}\n{text}"
    duration = _DURATION.search(text)
    level = _LEVEL.search(whole)
    provider = _PROVIDER.search(text)
    kind = "course"
    if _VOLUNTEERING.search(whole):
        kind = "volunteering"
    elif _WORK_EXPERIENCE.search(whole):
        kind = "work-experience"
    return TrainingFacts(
        duration=" ".join(duration.group(0).split()) if duration else "",
        cost=_cost(text),
        level=" ".join(level.group(0).split()) if level else "",
        kind=kind,
        provider=next((g.strip() for g in provider.groups() if g), "") if provider else "",
    )


def _cost(text: str) -> str:
    free = _FREE.search(text)
    price = _PRICE.search(text)
    if free and (price is None or free.start() < price.start()):
        return "gratis"
    return " ".join(price.group(0).split()) if price else ""
