"""The competency CV without dates: a portrait of what the participant can do.

Only the participant's confirmed evidence, neutral experience titles and chosen neutral lines
are printed. Experience of kind `personal-services` never shows its title or description.
`choose_competencies` is shared with the letter, pitch and interview sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from jobmatch.domain.competencies import Lang, Lexicon
from jobmatch.domain.document import Block, Document
from jobmatch.domain.errors import Problem, ProfileError, UnknownCompetencyError
from jobmatch.domain.profiles import CvOptions, Experience, Profile, ProfileCompetency
from jobmatch.domain.vacancies import AskedCompetency, Extraction
from jobmatch.domain.vacancy_words import adds_to, job_title, true_wording
from jobmatch.domain.wording import (
    HEADINGS,
    IN_PROGRESS,
    PHRASES,
    as_sentence,
    dutch_course,
    guess_lang,
    join_words,
    language_lines,
    language_name,
    lower_label,
    neutral_line,
    sector_name,
    sentences,
    shorten,
    slug,
)

MAX_COMPETENCIES = 8
MAX_EVIDENCE_LINES = 3
EVIDENCE_LIMIT = 300
SUGGESTED_FILL = 4  # suggested competencies (with evidence) may fill up to this many
SPAN_LIMIT = 40
HIGHLIGHT_LIMIT = 160
NATURAL_ORDER = ("strengths", "highlight", "highlight2", "languages", "digital", "learning")
NATURAL_ORDER_END = ("goal", "city")
PERSONAL_SERVICES = "personal-services"


@dataclass(frozen=True)
class ChosenCompetency:
    """A competency to show: its label line, its evidence and what the vacancy asks of it."""

    id: str
    label: str  # the lexicon label, or "Label (vacancy wording)"
    plain_label: str
    evidence: tuple[str, ...]
    importance: str | None = None  # "must" | "nice" | None (not asked)
    own: bool = True  # the evidence is the participant's own words (not lexicon wording)


def check_profile(profile: Profile, lexicon: Lexicon) -> None:
    """Raise a clear error when the profile has no name or uses unknown competency ids."""
    if not profile.name.strip():
        raise ProfileError(
            [Problem("profile", "name", "", "Vul eerst je naam in / fill in your name first")]
        )
    unknown = lexicon.unknown(profile.competency_ids)
    if unknown:
        raise UnknownCompetencyError(unknown, lexicon.ids)


def _evidence(
    item: ProfileCompetency, lexicon: Lexicon, lang: Lang
) -> tuple[tuple[str, ...], bool]:
    """The participant's own evidence in the document language (own=True), else lexicon wording.

    Lexicon wording is used only for a competency the participant confirmed.
    """
    text = item.evidence.strip()
    fallback = lexicon[item.id].evidence(lang)
    own = bool(text) and guess_lang(text) in (None, lang)
    if not own:
        text = fallback[0] if fallback and (text or item.status == "confirmed") else ""
    lines = tuple(as_sentence(s) for s in sentences(shorten(text, EVIDENCE_LIMIT)))
    return lines[:MAX_EVIDENCE_LINES], own


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
    """The competencies to show, best first: what the vacancy must have, nice to have, the rest."""
    asked = {c.id: c for c in vacancy.competencies} if vacancy else {}
    order = list(asked)

    def rank(pair: tuple[int, ProfileCompetency]) -> tuple[int, int, int]:
        position, item = pair
        wanted = asked.get(item.id)
        if wanted is None:
            return (2, 0, position)
        return (0 if wanted.importance == "must" else 1, order.index(item.id), position)

    chosen = []
    for _, item in sorted(enumerate(_pool(profile)), key=rank)[:limit]:
        wanted = asked.get(item.id)
        plain = lexicon[item.id].label(lang)
        evidence, own = _evidence(item, lexicon, lang)
        chosen.append(
            ChosenCompetency(
                id=item.id,
                label=_label(wanted, plain, lang, item.evidence if own else ""),
                plain_label=plain,
                evidence=evidence,
                importance=wanted.importance if wanted else None,
                own=own,
            )
        )
    return chosen


def experience_line(experience: Experience, lang: Lang, options: CvOptions) -> str:
    """The line an experience gets on the CV; "" when it is not shown at all."""
    if not experience.show_on_cv:
        return ""
    if experience.neutral_line:
        line = neutral_line(experience.neutral_line, lang)
    else:  # the title of personal-services experience is never printed
        line = "" if experience.kind == PERSONAL_SERVICES else experience.title
    if not line:
        return ""
    extra = {"durations": experience.duration, "exact": experience.period}.get(
        options.date_policy, ""
    )
    return f"{line} ({extra})" if extra else line


def _goal(profile: Profile, lang: Lang, vacancy: Extraction | None) -> str:
    words = PHRASES[lang]
    title = job_title(vacancy.title) if vacancy is not None else ""
    if title:
        return words["goal_title"].format(title)
    sectors = [sector_name(s, lang) for s in profile.preferences.sectors]
    if sectors:
        return words["goal_sectors"].format(join_words(sectors, lang))
    return words["goal"]


def _learning(profile: Profile, lang: Lang) -> str:
    if dutch_course(profile):
        return PHRASES[lang]["dutch_course"]
    current = [e.title for e in profile.education if not e.completed]
    return PHRASES[lang]["studying"].format(current[0]) if current else ""


def profile_sentences(
    profile: Profile,
    chosen: list[ChosenCompetency],
    lang: Lang,
    options: CvOptions,
    vacancy: Extraction | None = None,
) -> list[str]:
    """3–5 true sentences about the participant (fewer only when the profile is nearly empty)."""
    words = PHRASES[lang]
    labels = [lower_label(c.plain_label) for c in chosen[:3]]
    names = [language_name(s.language, lang) for s in profile.languages]
    skills = list(profile.digital_skills[:3])
    city = profile.contact.city if "city" in options.show_contact else ""
    ordered = sorted((c for c in chosen if c.evidence), key=lambda c: not c.own)
    highlights = [c.evidence[0] for c in ordered if len(c.evidence[0]) <= HIGHLIGHT_LIMIT]
    highlights += ["", ""]

    def say(key: str, items: list[str], minimum: int = 1) -> str:
        return words[key].format(join_words(items, lang)) if len(items) >= minimum else ""

    candidates = {
        "strengths": say("strengths" if len(labels) > 1 else "strength", labels),
        "goal": _goal(profile, lang, vacancy),
        "highlight": highlights[0],
        "languages": say("languages", names, minimum=2),
        "learning": _learning(profile, lang),
        "digital": say("digital", skills),
        "city": say("city", [city] if city else []),
        "highlight2": highlights[1],
    }
    picked = [key for key, text in candidates.items() if text][:5]
    return [candidates[key] for key in NATURAL_ORDER + NATURAL_ORDER_END if key in picked]


def _contact_line(profile: Profile, options: CvOptions) -> str:
    values = {"email": profile.contact.email, "phone": profile.contact.phone}
    values["city"] = profile.contact.city
    return " | ".join(values[k] for k in options.show_contact if values.get(k))


def _section(heading: str, items: list[str]) -> list[Block]:
    return [Block("heading", heading), Block("bullets", items=tuple(items))] if items else []


def _skills(profile: Profile, lang: Lang) -> list[str]:
    items = list(profile.digital_skills)
    if profile.driving_licence:
        items.append("Driving licence" if lang == "en" else "Rijbewijs")
    return items + list(profile.certificates)


def _education(profile: Profile, lang: Lang) -> list[str]:
    """ "Kappersopleiding — MBO 2"; the level only when it adds something ("NT2 B1", not
    "NT2 B1 — NT2 B1")."""
    lines = []
    for item in profile.education:
        line = f"{item.title} — {item.level}" if adds_to(item.level, item.title) else item.title
        lines.append(line if item.completed else f"{line} ({IN_PROGRESS[lang]})")
    return lines


def _competency_blocks(chosen: list[ChosenCompetency], heading: str) -> list[Block]:
    if not chosen:
        return []
    blocks = [Block("heading", heading)]
    for item in chosen:
        blocks.append(Block("subheading", item.label))
        if item.evidence:
            blocks.append(Block("bullets", items=item.evidence))
    return blocks


def compose_cv(
    profile: Profile,
    lexicon: Lexicon,
    *,
    lang: Lang = "nl",
    vacancy: Extraction | None = None,
    options: CvOptions | None = None,
) -> Document:
    """The competency CV, optionally tailored to one vacancy; no dates unless chosen."""
    check_profile(profile, lexicon)
    options = options or profile.cv
    heads = HEADINGS[lang]
    chosen = choose_competencies(profile, lexicon, lang=lang, vacancy=vacancy)
    paragraph = " ".join(profile_sentences(profile, chosen, lang, options, vacancy))
    blocks = [Block("title", profile.name)]
    contact = _contact_line(profile, options)
    if contact:
        blocks.append(Block("subtitle", contact))
    blocks += [Block("heading", heads["profile"]), Block("paragraph", paragraph)]
    blocks += _competency_blocks(chosen, heads["competencies"])
    experience = [experience_line(e, lang, options) for e in profile.experiences]
    blocks += _section(heads["experience"], [line for line in experience if line])
    blocks += _section(heads["education"], _education(profile, lang))
    blocks += _section(heads["languages"], language_lines(profile, lang))
    blocks += _section(heads["skills"], _skills(profile, lang))
    if options.include_interests:
        blocks += _section(heads["interests"], list(profile.interests))
    return Document(
        kind="cv",
        lang=lang,
        title=f"CV {profile.name}",
        author=profile.name,
        blocks=tuple(blocks),
        filename_stem=stem("cv", profile),
    )


def stem(prefix: str, profile: Profile) -> str:
    """A neutral file name stem: "cv-orsi", "brief-ana"."""
    first = slug(profile.first_name, "")
    return f"{prefix}-{first}" if first else prefix
