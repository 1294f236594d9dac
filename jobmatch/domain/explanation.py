"""The explanation of a ranked item in plain Dutch (B1) and English: what matches (with the
participant's evidence next to the posting's words), what is only suggested, what is missing and
where to learn it. Written for the participant (second person) or the job hunter (third)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any, Literal

Labels = Mapping[str, tuple[str, str]]  # id -> (label_nl, label_en)


def _names(ids: Sequence[str], labels: Labels, lang: int) -> str:
    return ", ".join(labels.get(i, (i, i))[lang] for i in ids)


def evidence_pairs(
    matched: Sequence[str],
    mine: Mapping[str, str],
    theirs: Mapping[str, Sequence[str]],
    labels: Labels,
) -> tuple[dict[str, str], ...]:
    """Per matched competency: the participant's evidence next to the posting's words."""
    return tuple(
        {
            "id": cid,
            "label_nl": labels.get(cid, (cid, cid))[0],
            "label_en": labels.get(cid, (cid, cid))[1],
            "participant": mine.get(cid, ""),
            "vacancy": "; ".join(theirs.get(cid, ())[:2]),
        }
        for cid in matched
    )


Audience = Literal["participant", "job_hunter"]
# The same explanation for the participant (second person) or the job hunter (third person).
_WORDS: Mapping[str, Mapping[str, str]] = {
    "participant": {
        "builds": "Bouwt voort op wat je al kunt",
        "builds_en": "Builds on what you can already do",
        "matches": "Past bij jou",
        "matches_en": "Matches you",
        "suggested": "Voorgesteld uit je ervaring, nog niet bevestigd",
        "suggested_en": "Suggested from your experience, not yet confirmed",
        "who": "jij",
        "who_en": "you",
        "missing": "Nog niet in je profiel",
        "missing_en": "Not yet in your profile",
        "learn": "kun je leren bij",
        "learn_en": "You can learn",
    },
    "job_hunter": {
        "builds": "Bouwt voort op wat de deelnemer al kan",
        "builds_en": "Builds on what the participant can already do",
        "matches": "Past bij de ervaring van de deelnemer",
        "matches_en": "Matches the participant's experience",
        "suggested": "Voorgesteld uit de ervaring van de deelnemer, nog niet bevestigd",
        "suggested_en": "Suggested from the participant's experience, not yet confirmed",
        "who": "deelnemer",
        "who_en": "participant",
        "missing": "Nog niet in het profiel",
        "missing_en": "Not yet in the profile",
        "learn": "kan de deelnemer leren bij",
        "learn_en": "The participant can learn",
    },
}


# Warnings and notes are written to the participant; the job hunter reads them about her.
# Whole phrases, longest first, so "die je liever niet doet" is not read as "je" alone.
_THIRD_PERSON_NL: tuple[tuple[str, str], ...] = (
    ("die je liever niet doet", "die de deelnemer liever niet doet"),
    ("jij hebt meer nodig", "de deelnemer heeft meer nodig"),
    ("je nodig hebt", "de deelnemer nodig heeft"),
    ("jouw niveau", "niveau deelnemer"),
    ("jouw maximum", "maximum deelnemer"),
    ("jij wilt", "de deelnemer wil"),
    ("Hier leer je", "Hier leert de deelnemer"),
    ("die je zoekt", "die de deelnemer zoekt"),
)
_THIRD_PERSON_EN: tuple[tuple[str, str], ...] = (
    ("you prefer not to work", "the participant prefers not to work"),
    ("you need more", "the participant needs more"),
    ("below your need", "below the participant's need"),
    ("your level", "the participant's level"),
    ("your maximum", "the participant's maximum"),
    ("you want", "the participant wants"),
    ("Here you learn", "Here the participant learns"),
    ("you are looking for", "the participant is looking for"),
)


def in_voice(nl: str, en: str, audience: Audience) -> tuple[str, str]:
    """A warning or note as the reader needs it: unchanged for the participant, in the third
    person for the job hunter."""
    if audience == "participant":
        return nl, en
    for mine, theirs in _THIRD_PERSON_NL:
        nl = nl.replace(mine, theirs)
    for mine, theirs in _THIRD_PERSON_EN:
        en = en.replace(mine, theirs)
    return nl, en


def explain(
    *,
    matched: Sequence[str],
    missing: Sequence[str],
    labels: Labels,
    pairs: Sequence[Mapping[str, str]] = (),
    route: Sequence[Mapping[str, Any]] = (),
    notes: Sequence[tuple[str, str]] = (),
    training: bool = False,
    suggested: Collection[str] = (),
    audience: Audience = "participant",
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Reasons in plain Dutch (B1) and English: what matches (with evidence; competencies only
    suggested, not confirmed, are named apart), what is missing and where to learn it, plus
    extra notes (nl, en). `audience`: second person for the participant, third person for the
    job hunter."""
    w = _WORDS[audience]
    nl: list[str] = []
    en: list[str] = []
    sure = [c for c in matched if c not in suggested]
    maybe = [c for c in matched if c in suggested]
    key = "builds" if training else "matches"
    if sure:
        nl.append(f"{w[key]}: {_names(sure, labels, 0)}.")
        en.append(f"{w[key + '_en']}: {_names(sure, labels, 1)}.")
    if maybe:
        nl.append(f"{w['suggested']}: {_names(maybe, labels, 0)}.")
        en.append(f"{w['suggested_en']}: {_names(maybe, labels, 1)}.")
    for pair in pairs[:3]:
        if pair["participant"] and pair["vacancy"]:
            nl.append(
                f"{pair['label_nl']}: {w['who']}: “{pair['participant']}”"
                f" — vacature: “{pair['vacancy']}”."
            )
            en.append(
                f"{pair['label_en']}: {w['who_en']}: “{pair['participant']}”"
                f" — posting: “{pair['vacancy']}”."
            )
    if missing:
        nl.append(f"{w['missing']}: {_names(missing, labels, 0)}.")
        en.append(f"{w['missing_en']}: {_names(missing, labels, 1)}.")
    for step in route:
        nl.append(f"{step['label_nl']} {w['learn']}: {', '.join(step['training'])}.")
        en.append(f"{w['learn_en']} {step['label_en']} at: {', '.join(step['training'])}.")
    for note in notes:
        voiced_nl, voiced_en = in_voice(*note, audience)
        nl.append(voiced_nl)
        en.append(voiced_en)
    return tuple(nl), tuple(en)
