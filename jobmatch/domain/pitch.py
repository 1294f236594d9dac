"""The elevator pitch: 80–120 words to say in 30–60 seconds (Dutch and English).

Built from the profile only. Sentences are added (more evidence, experience, skills) or
dropped (the longest optional ones) until the word count fits; a nearly empty profile gets
honest wishes as filler and, if it still falls short, a tip to fill in the profile.
"""

from __future__ import annotations

from jobmatch.domain.competencies import Lang, Lexicon
from jobmatch.domain.cv import (
    ChosenCompetency,
    check_profile,
    choose_competencies,
    experience_line,
    stem,
)
from jobmatch.domain.document import Block, Document
from jobmatch.domain.profiles import Profile
from jobmatch.domain.titles import clean_title, job_in_text
from jobmatch.domain.vacancies import Extraction
from jobmatch.domain.wording import (
    PHRASES,
    dutch_course,
    join_words,
    language_name,
    lower_label,
    shorten,
    word_count,
)

MIN_WORDS = 80
MAX_WORDS = 120
WORDS_PER_MINUTE = 130  # calm speaking pace, also for someone speaking a second language
PITCH_EVIDENCE_LIMIT = 160

TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Elevator pitch {}",
        "stem": "pitch",
        "hello": "Hallo, ik ben {}.",
        "strengths": "Ik ben sterk in {}.",
        "languages": "Ik spreek {}.",
        "experience": "Mijn ervaring: {}.",
        "vacancy": "Ik zou graag bij u werken als {}.",
        "close": "Ik vertel u graag meer over wat ik voor u kan doen.",
        "timing": "{words} woorden: ongeveer {seconds} seconden als je rustig praat.",
        "tip": "Tip: je pitch is nog kort. Vul in je profiel meer competenties met een "
        "voorbeeld in.",
    },
    "en": {
        "title": "Elevator pitch {}",
        "stem": "pitch",
        "hello": "Hello, I am {}.",
        "strengths": "I am good at {}.",
        "languages": "I speak {}.",
        "experience": "My experience: {}.",
        "vacancy": "I would like to work for you as {}.",
        "close": "I would be happy to tell you more about what I can do for you.",
        "timing": "{words} words: about {seconds} seconds at a calm pace.",
        "tip": "Tip: your pitch is still short. Add more competencies with an example to your "
        "profile.",
    },
}
FILLERS = {
    "nl": (
        "Ik wil graag aan de slag.",
        "Ik wil graag nieuwe dingen leren in een goed team.",
        "Een proefdag of een kennismakingsgesprek vind ik een mooi begin.",
        "Ik zoek een plek waar ik kan groeien.",
        "Ik kijk uit naar een nieuwe stap in mijn werk.",
    ),
    "en": (
        "I would like to get started.",
        "I would like to learn new things in a good team.",
        "A trial day or an introductory talk would be a good start for me.",
        "I am looking for a place where I can grow.",
        "I am looking forward to a new step in my working life.",
    ),
}


def _evidence_sentences(chosen: list[ChosenCompetency]) -> list[str]:
    return [shorten(c.evidence[0], PITCH_EVIDENCE_LIMIT) for c in chosen if c.evidence]


def _experience(profile: Profile, lang: Lang) -> str:
    lines = [experience_line(e, lang, profile.cv) for e in profile.experiences]
    shown = [lower_label(line) for line in lines if line][:2]
    return TEXT[lang]["experience"].format(join_words(shown, lang)) if shown else ""


def _parts(
    profile: Profile,
    lexicon: Lexicon,
    lang: Lang,
    vacancy: Extraction | None,
    with_evidence: bool = True,
) -> tuple[list[str], list[str], list[str]]:
    """(opening, optional middle sentences in order of value, closing)."""
    words = TEXT[lang]
    chosen = choose_competencies(profile, lexicon, lang=lang, vacancy=vacancy, limit=6)
    labels = [lower_label(c.plain_label) for c in chosen[:3]]
    evidence = _evidence_sentences(chosen) if with_evidence else []
    names = [language_name(s.language, lang) for s in profile.languages]
    opening = [words["hello"].format(profile.first_name)]
    if labels:
        opening.append(words["strengths"].format(join_words(labels, lang)))
    middle = [
        *evidence[:2],
        words["languages"].format(join_words(names, lang)) if names else "",
        PHRASES[lang]["dutch_course"] if dutch_course(profile) else "",
        _experience(profile, lang),
        *evidence[2:],
        PHRASES[lang]["digital"].format(join_words(list(profile.digital_skills[:3]), lang))
        if profile.digital_skills
        else "",
    ]
    title = job_in_text(vacancy.title, lang) if vacancy is not None else ""
    goal = words["vacancy"].format(title) if title else PHRASES[lang]["goal"]
    return opening, [s for s in middle if s], [goal, words["close"]]


def _fit(opening: list[str], middle: list[str], closing: list[str], lang: Lang) -> list[str]:
    """Add middle sentences (then fillers) in order until MIN_WORDS, never above MAX_WORDS."""
    total = word_count(" ".join(opening + closing))
    kept: list[str] = []
    for sentence in [*middle, *FILLERS[lang]]:
        if total >= MIN_WORDS:
            break
        if total + word_count(sentence) <= MAX_WORDS:
            kept.append(sentence)
            total += word_count(sentence)
    return opening + kept + closing


def pitch_text(
    profile: Profile,
    lexicon: Lexicon,
    *,
    lang: Lang = "nl",
    vacancy: Extraction | None = None,
    with_evidence: bool = True,
) -> str:
    """The pitch as one text of 80–120 words (shorter only for a nearly empty profile).
    `with_evidence=False`: without her evidence lines (the interview sheet prints them as
    answers, and a sentence appears once per document)."""
    check_profile(profile, lexicon)
    opening, middle, closing = _parts(profile, lexicon, lang, vacancy, with_evidence)
    return " ".join(_fit(opening, middle, closing, lang))


def speaking_seconds(text: str) -> int:
    """Seconds to say the text at a calm pace."""
    return round(word_count(text) * 60 / WORDS_PER_MINUTE)


def compose_pitch(
    profile: Profile, lexicon: Lexicon, *, lang: Lang = "nl", vacancy: Extraction | None = None
) -> Document:
    """The pitch as a Document: the text, its length and time, and a tip when it is short."""
    words = TEXT[lang]
    text = pitch_text(profile, lexicon, lang=lang, vacancy=vacancy)
    count = word_count(text)
    blocks = [
        Block("title", words["title"].format(profile.name)),
        Block("paragraph", text),
        Block("paragraph", words["timing"].format(words=count, seconds=speaking_seconds(text))),
    ]
    if count < MIN_WORDS:
        blocks.append(Block("paragraph", words["tip"]))
    return Document(
        kind="pitch",
        lang=lang,
        title=words["title"].format(profile.name),
        author=profile.name,
        blocks=tuple(blocks),
        filename_stem=stem(words["stem"], profile, clean_title(vacancy.title) if vacancy else ""),
    )
