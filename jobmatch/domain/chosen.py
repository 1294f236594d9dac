"""Which competencies a document shows, and the evidence lines for each.

Evidence, in this order: what the participant confirmed in her own words for the competency;
else what she wrote about matching work in her (shown, not personal-services) experience
(`own_words`); else the lexicon's neutral sentence, for a confirmed competency only. A
sentence is printed at most once per document: two competencies never share a line.
Shared by the CV, letter, pitch and interview sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from jobmatch.domain.competencies import Lang, Lexicon
from jobmatch.domain.errors import Problem, ProfileError, UnknownCompetencyError
from jobmatch.domain.own_words import key, own_lines
from jobmatch.domain.profiles import Profile, ProfileCompetency
from jobmatch.domain.vacancies import AskedCompetency, Extraction
from jobmatch.domain.vacancy_words import true_wording
from jobmatch.domain.wording import as_sentence, guess_lang, sentences, shorten

MAX_COMPETENCIES = 8
MAX_EVIDENCE_LINES = 3
MAX_OWN_LINES = 2  # lines taken from her experience text for one competency
EVIDENCE_LIMIT = 300
SUGGESTED_FILL = 4  # suggested competencies (with evidence) may fill up to this many
SPAN_LIMIT = 40


@dataclass(frozen=True)
class ChosenCompetency:
    """A competency to show: its label line, its evidence and what the vacancy asks of it."""

    id: str
    label: str  # the lexicon label, or "Label (vacancy wording)"
    plain_label: str
    evidence: tuple[str, ...]
    importance: str | None = None  # "must" | "nice" | None (not asked)
    own: bool = True  # the evidence is the participant's own words (not lexicon wording)
    backed: bool = True  # she gave evidence of her own (in any language): a match may be claimed


def check_profile(profile: Profile, lexicon: Lexicon) -> None:
    """Raise a clear error when the profile has no name or uses unknown competency ids."""
    if not profile.name.strip():
        raise ProfileError(
            [Problem("profile", "name", "", "Vul eerst je naam in / fill in your name first")]
        )
    unknown = lexicon.unknown(profile.competency_ids)
    if unknown:
        raise UnknownCompetencyError(unknown, lexicon.ids)


def _unused(lines: list[str], used: set[str]) -> list[str]:
    fresh = []
    for line in lines:
        if line and key(line) not in used:
            fresh.append(line)
            used.add(key(line))
    return fresh


def _evidence(
    item: ProfileCompetency, profile: Profile, lexicon: Lexicon, lang: Lang, used: set[str]
) -> tuple[tuple[str, ...], bool]:
    """The evidence lines (none already in `used`, which they join) and whether they are
    her own words."""
    text = item.evidence.strip()
    if text and guess_lang(text) in (None, lang):
        lines = [as_sentence(s) for s in sentences(shorten(text, EVIDENCE_LIMIT))]
        fresh = _unused(lines[:MAX_EVIDENCE_LINES], used)
        if fresh:
            return tuple(fresh), True
    competency = lexicon[item.id]
    fresh = _unused(own_lines(competency, profile.experiences, lang)[:MAX_OWN_LINES], used)
    if fresh:
        return tuple(fresh), True
    if not (text or item.status == "confirmed"):
        return (), False
    for sentence in competency.evidence(lang):
        fresh = _unused([as_sentence(sentence)], used)
        if fresh:
            return tuple(fresh), False
    return (), False


def _label(asked: AskedCompetency | None, plain: str, lang: Lang, evidence: str) -> str:
    """The label, with the vacancy's own (Dutch) wording when it differs, is short and is
    true for this participant (`true_wording`: her own evidence or the label says so)."""
    if asked is None or lang != "nl":
        return plain
    spans = sorted((s.strip(" .,;:") for s in asked.evidence), key=len)
    for span in spans:
        if not 0 < len(span) <= SPAN_LIMIT or span.lower() in plain.lower():
            continue
        if true_wording(span, plain, evidence):
            return f"{plain} ({span})"
    return plain


def _pool(profile: Profile) -> list[ProfileCompetency]:
    """Confirmed competencies; suggested ones with evidence fill up to SUGGESTED_FILL."""
    seen: set[str] = set()
    confirmed: list[ProfileCompetency] = []
    suggested: list[ProfileCompetency] = []
    for item in profile.competencies:
        if item.id in seen:
            continue
        if item.status == "confirmed":
            confirmed.append(item)
            seen.add(item.id)
        elif item.evidence.strip():
            suggested.append(item)
            seen.add(item.id)
    return confirmed + suggested[: max(0, SUGGESTED_FILL - len(confirmed))]


def choose_competencies(
    profile: Profile,
    lexicon: Lexicon,
    *,
    lang: Lang = "nl",
    vacancy: Extraction | None = None,
    limit: int = MAX_COMPETENCIES,
) -> list[ChosenCompetency]:
    """The competencies to show, best first: what the vacancy must have, nice to have, the rest.
    No evidence line appears twice (not even under two competencies)."""
    asked = {c.id: c for c in vacancy.competencies} if vacancy else {}
    order = list(asked)

    def rank(pair: tuple[int, ProfileCompetency]) -> tuple[int, int, int]:
        position, item = pair
        wanted = asked.get(item.id)
        if wanted is None:
            return (2, 0, position)
        return (0 if wanted.importance == "must" else 1, order.index(item.id), position)

    chosen = []
    used: set[str] = set()
    for _, item in sorted(enumerate(_pool(profile)), key=rank)[:limit]:
        wanted = asked.get(item.id)
        plain = lexicon[item.id].label(lang)
        evidence, own = _evidence(item, profile, lexicon, lang, used)
        backed = own or bool(item.evidence.strip())
        chosen.append(
            ChosenCompetency(
                id=item.id,
                label=_label(wanted, plain, lang, " ".join(evidence) if own else ""),
                plain_label=plain,
                evidence=evidence,
                importance=wanted.importance if wanted else None,
                own=own,
                backed=backed,
            )
        )
    return chosen
