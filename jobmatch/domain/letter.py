"""The cover letter (sollicitatiebrief) for one vacancy: one A4, Dutch structure, no date line.

Every claim comes from the profile: the competencies it connects to the vacancy are the
participant's own, with their own evidence. A date line appears only when the participant
opted in (`cv.letter_date`) and the caller passes `today`.
"""

from __future__ import annotations

from datetime import date

from jobmatch.domain.competencies import Lang, Lexicon
from jobmatch.domain.cv import ChosenCompetency, check_profile, choose_competencies, stem
from jobmatch.domain.document import Block, Document
from jobmatch.domain.profiles import CvOptions, Profile
from jobmatch.domain.titles import clean_title, job_in_text
from jobmatch.domain.vacancies import Extraction
from jobmatch.domain.wording import (
    PHRASES,
    dutch_course,
    join_words,
    language_name,
    lower_label,
    shorten,
)

MONTHS_NL = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
PER_PARAGRAPH = 2
MAX_MUSTS = 3
LANGUAGES_ID = "talenkennis"
EVIDENCE_LIMIT = 200
MOTIVATION_LIMIT = 400

TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Sollicitatiebrief {}",
        "stem": "brief",
        "subject": "Betreft: sollicitatie {}",
        "greeting": "Geachte heer/mevrouw,",
        "greeting_name": "Geachte {},",
        "opening": "Met veel interesse las ik uw vacature voor {title}{at}. "
        "Graag solliciteer ik naar deze functie.",
        "at": " bij {}",
        "asked": "In de vacature vraagt u om {}.",
        "also_asked": "U vraagt ook om {}.",
        "bring": "Ik breng {} mee.",
        "also_bring": "Daarnaast breng ik {} mee.",
        "motivation_fit": "Ik solliciteer omdat dit werk past bij wat ik goed kan en graag doe.",
        "other_strength": "Nog een sterk punt van mij: {}.",
        "other_strengths": "Andere sterke punten van mij: {}.",
        "motivation_plain": "Ik solliciteer omdat ik graag laat zien wat ik kan.",
        "motivation_new": "Ik solliciteer omdat ik graag in dit vak aan de slag wil. "
        "Ik ben gemotiveerd om het werk goed te leren.",
        "dutch_course": "Ik volg een cursus Nederlands.",
        "closing": "Graag vertel ik u meer in een gesprek.",
        "reach": "U kunt mij bereiken via {}.",
        "or": "of",
        "regards": "Met vriendelijke groet,",
    },
    "en": {
        "title": "Cover letter {}",
        "stem": "letter",
        "subject": "Re: application for {}",
        "greeting": "Dear Sir or Madam,",
        "greeting_name": "Dear {},",
        "opening": "I read your vacancy for {title}{at} with great interest, "
        "and I would like to apply.",
        "at": " at {}",
        "asked": "In the vacancy you ask for {}.",
        "also_asked": "You also ask for {}.",
        "bring": "I bring {}.",
        "also_bring": "I also bring {}.",
        "motivation_fit": "I am applying because this work fits what I do well and like doing.",
        "other_strength": "Another strength of mine: {}.",
        "other_strengths": "Other strengths of mine: {}.",
        "motivation_plain": "I am applying because I would like to show what I can do.",
        "motivation_new": "I am applying because I would like to start working in this field. "
        "I am motivated to learn the work well.",
        "dutch_course": "I am taking a Dutch course.",
        "closing": "I would be happy to tell you more in an interview.",
        "reach": "You can reach me at {}.",
        "or": "or",
        "regards": "Kind regards,",
    },
}


def date_line(today: date, lang: Lang, city: str = "") -> str:
    """ "Den Haag, 3 maart …" style date line (only used when the participant opted in)."""
    month = (MONTHS_EN if lang == "en" else MONTHS_NL)[today.month - 1]
    text = f"{today.day} {month} {today.year}"
    return f"{city}, {text}" if city else text


def _paragraph(group: list[ChosenCompetency], lang: Lang, first: bool) -> str:
    """One paragraph: what the vacancy asks (or what I bring) and my own evidence for it."""
    words = TEXT[lang]
    labels = join_words([lower_label(c.plain_label) for c in group], lang)
    asked = claims(group)
    if asked:
        opener = words["asked" if first else "also_asked"].format(labels)
    else:
        opener = words["bring" if first else "also_bring"].format(labels)
    evidence = [shorten(c.evidence[0], EVIDENCE_LIMIT) for c in group if c.evidence]
    return " ".join([opener, *evidence])


def claims(group: list[ChosenCompetency]) -> bool:
    """The vacancy asks for each of these and she has her own evidence for each: only then
    does the letter say "In de vacature vraagt u om …"."""
    return bool(group) and all(c.importance is not None and c.backed for c in group)


def _strongest(items: list[ChosenCompetency]) -> list[ChosenCompetency]:
    """Her own words first (stable): they are the strongest proof."""
    return sorted(items, key=lambda c: not c.own)


def body_groups(chosen: list[ChosenCompetency]) -> list[list[ChosenCompetency]]:
    """At most two short paragraphs. First: up to two must-haves she has (with evidence);
    second: a third must-have, else what the vacancy also mentions (nice-to-haves), else her
    other strengths. Each competency appears once."""
    usable = [c for c in chosen if c.evidence]
    musts = [c for c in usable if c.importance == "must" and c.backed][:MAX_MUSTS]
    nice = [c for c in usable if c.importance == "nice" and c.backed]
    rest = _strongest([c for c in usable if c not in musts and c not in nice])
    first = musts[:PER_PARAGRAPH] or (nice + rest)[:PER_PARAGRAPH]
    if len(musts) > PER_PARAGRAPH:
        second = musts[PER_PARAGRAPH:]
    else:
        second = [c for c in nice + rest if c not in first][:PER_PARAGRAPH]
    return [group for group in (first, second) if group]


def _body(groups: list[list[ChosenCompetency]], lang: Lang) -> list[str]:
    return [_paragraph(group, lang, first=index == 0) for index, group in enumerate(groups)]


def _motivation(
    chosen: list[ChosenCompetency],
    used: list[ChosenCompetency],
    profile: Profile,
    own: str,
    *,
    lang: Lang,
    matched: bool = True,
) -> str:
    """Her own motivation, else a short honest one that names strengths the body did not;
    when the vacancy asks nothing she shows, why she wants this work (no claim of a match)."""
    words = TEXT[lang]
    many = len(profile.languages) >= 2  # "Ik spreek …" follows: no separate "talenkennis"
    if own.strip():
        text = shorten(own, MOTIVATION_LIMIT)
    elif chosen and not matched:
        text = words["motivation_new"]
    elif chosen:
        text = words["motivation_fit"]
        left = [c for c in chosen if c not in used and not (c.id == LANGUAGES_ID and many)]
        others = [lower_label(c.plain_label) for c in left][:2]
        if others:
            key = "other_strengths" if len(others) > 1 else "other_strength"
            text += " " + words[key].format(join_words(others, lang))
    else:
        text = words["motivation_plain"]
    names = [language_name(s.language, lang) for s in profile.languages]
    if len(names) >= 2:
        text += " " + PHRASES[lang]["languages"].format(join_words(names, lang))
    return f"{text} {words['dutch_course']}" if dutch_course(profile) else text


def _reach(profile: Profile, options: CvOptions, lang: Lang) -> str:
    values = {"email": profile.contact.email, "phone": profile.contact.phone}
    shown = [values[k] for k in ("email", "phone") if k in options.show_contact and values[k]]
    if not shown:
        return ""
    joined = f" {TEXT[lang]['or']} ".join(shown)
    return " " + TEXT[lang]["reach"].format(joined)


def _header(profile: Profile, options: CvOptions, lang: Lang, today: date | None) -> list[Block]:
    values = {
        "email": profile.contact.email,
        "phone": profile.contact.phone,
        "city": profile.contact.city,
    }
    contact = " | ".join(values[k] for k in options.show_contact if values.get(k))
    blocks = [Block("title", profile.name)]
    if contact:
        blocks.append(Block("subtitle", contact))
    if options.letter_date and today is not None:
        city = profile.contact.city if "city" in options.show_contact else ""
        blocks.append(Block("paragraph", date_line(today, lang, city)))
    return blocks


def _greeting(contact_name: str | None, lang: Lang) -> str:
    name = (contact_name or "").strip()
    return TEXT[lang]["greeting_name"].format(name) if name else TEXT[lang]["greeting"]


def _opening(title: str, employer: str | None, lang: Lang) -> str:
    name = (employer or "").strip()
    at = TEXT[lang]["at"].format(name) if name else ""
    return TEXT[lang]["opening"].format(title=title, at=at)


def compose_letter(
    profile: Profile,
    lexicon: Lexicon,
    *,
    vacancy: Extraction,
    lang: Lang = "nl",
    employer: str | None = None,
    contact_name: str | None = None,
    options: CvOptions | None = None,
    today: date | None = None,
) -> Document:
    """The cover letter for `vacancy`; `contact_name` gives a personal greeting when known."""
    check_profile(profile, lexicon)
    options = options or profile.cv
    words = TEXT[lang]
    chosen = choose_competencies(profile, lexicon, lang=lang, vacancy=vacancy)
    title = job_in_text(vacancy.title, lang, employer or "") or (
        "de functie" if lang == "nl" else "the position"
    )
    groups = body_groups(chosen)
    used = [c for group in groups for c in group]
    matched = any(claims(group) for group in groups)
    motivation = _motivation(chosen, used, profile, options.motivation, lang=lang, matched=matched)
    body = _body(groups, lang)
    paragraphs = [
        _opening(title, employer, lang),
        *([*body, motivation] if matched else [motivation, *body]),
        words["closing"] + _reach(profile, options, lang),
    ]
    blocks = [
        *_header(profile, options, lang, today),
        Block("paragraph", words["subject"].format(title)),
        Block("paragraph", _greeting(contact_name, lang)),
        *(Block("paragraph", text) for text in paragraphs),
        Block("paragraph", words["regards"]),
        Block("paragraph", profile.name),
    ]
    return Document(
        kind="letter",
        lang=lang,
        title=words["title"].format(profile.name),
        author=profile.name,
        blocks=tuple(blocks),
        filename_stem=stem(words["stem"], profile, clean_title(vacancy.title, employer or "")),
    )
