"""The competency CV without dates: a portrait of what the participant can do.

Only the participant's confirmed evidence, neutral experience titles and chosen neutral lines
are printed. Experience of kind `personal-services` never shows its title or description.
`choose_competencies` is shared with the letter, pitch and interview sheet.
"""

from __future__ import annotations

from dataclasses import replace

from jobmatch.domain.chosen import ChosenCompetency, check_profile, choose_competencies
from jobmatch.domain.competencies import Lang, Lexicon
from jobmatch.domain.document import Block, Document
from jobmatch.domain.own_words import experience_lines, key
from jobmatch.domain.profiles import CvOptions, Experience, Profile
from jobmatch.domain.vacancies import Extraction
from jobmatch.domain.vacancy_words import adds_to, job_title
from jobmatch.domain.wording import (
    HEADINGS,
    IN_PROGRESS,
    PHRASES,
    dutch_course,
    join_words,
    language_lines,
    language_name,
    lower_label,
    neutral_line,
    sector_name,
    slug,
)

__all__ = ["ChosenCompetency", "check_profile", "choose_competencies", "compose_cv", "stem"]

NATURAL_ORDER = ("strengths", "experience", "languages", "digital", "learning")
NATURAL_ORDER_END = ("goal", "city")
PERSONAL_SERVICES = "personal-services"


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
    title = job_title(vacancy.title, lang) if vacancy is not None else ""
    if title:
        return words["goal_title"].format(title)
    sectors = [sector_name(s, lang) for s in profile.preferences.sectors]
    if sectors:
        return words["goal_sectors"].format(join_words(sectors, lang))
    return words["goal"]


def _experience_titles(profile: Profile, lang: Lang, options: CvOptions) -> list[str]:
    """Up to two shown experience lines, for "Mijn ervaring: …" (no dates in a sentence)."""
    plain = replace(options, date_policy="none")
    lines = [experience_line(e, lang, plain) for e in profile.experiences]
    return [lower_label(line) for line in lines if line][:2]


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

    def say(key: str, items: list[str], minimum: int = 1) -> str:
        return words[key].format(join_words(items, lang)) if len(items) >= minimum else ""

    candidates = {
        "strengths": say("strengths" if len(labels) > 1 else "strength", labels),
        "goal": _goal(profile, lang, vacancy),
        "experience": say("experience", _experience_titles(profile, lang, options)),
        "languages": say("languages", names, minimum=2),
        "learning": _learning(profile, lang),
        "digital": say("digital", skills),
        "city": say("city", [city] if city else []),
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


def _experience_items(
    profile: Profile, lang: Lang, options: CvOptions, used: set[str]
) -> list[str]:
    """Each shown experience: its line and, on the next line, one or two sentences of what
    she did in her own words (none for personal-services; nothing printed twice)."""
    items = []
    for experience in profile.experiences:
        line = experience_line(experience, lang, options)
        if not line:
            continue
        did = experience_lines(experience, lang, used)
        used.update(key(item) for item in did)
        items.append("\n".join([line, " ".join(did)]) if did else line)
    return items


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
    used = {key(line) for c in chosen for line in c.evidence}
    blocks += _section(heads["experience"], _experience_items(profile, lang, options, used))
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


JOB_IN_NAME = 40  # characters of the job title at most in a file name


def stem(prefix: str, profile: Profile, job: str = "") -> str:
    """A neutral file name stem: "cv-orsi", "brief-ana-huishoudelijk-medewerker" (the job is
    the cleaned vacancy title, `titles.clean_title`)."""
    first = slug(profile.first_name, "")
    job_part = slug(job, "")
    if len(job_part) > JOB_IN_NAME:
        job_part = job_part[:JOB_IN_NAME].rsplit("-", 1)[0]
    return "-".join(part for part in (prefix, first, job_part) if part)
