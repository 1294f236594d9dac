"""Words for composed documents: headings, language names, CEFR levels, text helpers (nl/en)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from jobmatch.domain.competencies import Lang
from jobmatch.domain.profiles import Profile

HEADINGS: dict[str, dict[str, str]] = {
    "nl": {
        "profile": "PROFIEL",
        "competencies": "COMPETENTIES",
        "experience": "ERVARING",
        "education": "OPLEIDING",
        "languages": "TALEN",
        "skills": "VAARDIGHEDEN",
        "interests": "INTERESSES",
    },
    "en": {
        "profile": "PROFILE",
        "competencies": "COMPETENCIES",
        "experience": "EXPERIENCE",
        "education": "EDUCATION",
        "languages": "LANGUAGES",
        "skills": "SKILLS",
        "interests": "INTERESTS",
    },
}

# fmt: off
LANGUAGE_NAMES: dict[str, tuple[str, str]] = {
    "nl": ("Nederlands", "Dutch"), "en": ("Engels", "English"), "hu": ("Hongaars", "Hungarian"),
    "es": ("Spaans", "Spanish"), "ro": ("Roemeens", "Romanian"), "pt": ("Portugees", "Portuguese"),
    "th": ("Thai", "Thai"), "fr": ("Frans", "French"), "de": ("Duits", "German"),
    "ar": ("Arabisch", "Arabic"), "tr": ("Turks", "Turkish"), "pl": ("Pools", "Polish"),
    "bg": ("Bulgaars", "Bulgarian"), "ru": ("Russisch", "Russian"),
    "uk": ("Oekraïens", "Ukrainian"), "tl": ("Tagalog", "Tagalog"), "it": ("Italiaans", "Italian"),
    "sk": ("Slowaaks", "Slovak"), "cs": ("Tsjechisch", "Czech"), "lt": ("Litouws", "Lithuanian"),
    "lv": ("Lets", "Latvian"), "sq": ("Albanees", "Albanian"), "zh": ("Chinees", "Chinese"),
    "vi": ("Vietnamees", "Vietnamese"), "id": ("Indonesisch", "Indonesian"),
    "fa": ("Perzisch", "Persian"), "so": ("Somalisch", "Somali"), "ti": ("Tigrinya", "Tigrinya"),
    "am": ("Amhaars", "Amharic"), "sw": ("Swahili", "Swahili"),
    "pap": ("Papiaments", "Papiamento"), "srn": ("Sranantongo", "Sranan Tongo"),
    "hi": ("Hindi", "Hindi"), "ur": ("Urdu", "Urdu"), "ber": ("Berbers", "Berber"),
    "ig": ("Igbo", "Igbo"), "yo": ("Yoruba", "Yoruba"), "ha": ("Hausa", "Hausa"),
    "pcm": ("Nigeriaans Pidgin", "Nigerian Pidgin"), "tw": ("Twi", "Twi"), "ak": ("Akan", "Akan"),
    "ln": ("Lingala", "Lingala"), "ne": ("Nepalees", "Nepali"), "bn": ("Bengaals", "Bengali"),
    "ms": ("Maleis", "Malay"), "el": ("Grieks", "Greek"), "hr": ("Kroatisch", "Croatian"),
    "sr": ("Servisch", "Serbian"), "ku": ("Koerdisch", "Kurdish"),
    "ca": ("Catalaans", "Catalan"), "eu": ("Baskisch", "Basque"), "gl": ("Galicisch", "Galician"),
}
# fmt: on

LEVEL_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "native": "moedertaal",
        "A1": "A1 (beginner)",
        "A2": "A2 (basis)",
        "B1": "B1 (redelijk)",
        "B2": "B2 (goed)",
        "C1": "C1 (zeer goed)",
        "C2": "C2 (uitstekend)",
    },
    "en": {
        "native": "native",
        "A1": "A1 (beginner)",
        "A2": "A2 (basic)",
        "B1": "B1 (intermediate)",
        "B2": "B2 (upper intermediate)",
        "C1": "C1 (advanced)",
        "C2": "C2 (proficient)",
    },
}
TAKING_COURSE = {"nl": "ik volg een cursus", "en": "taking a course"}
IN_PROGRESS = {"nl": "bezig", "en": "in progress"}
AND = {"nl": "en", "en": "and"}
# The neutral experience lines of competencies/bridge.toml ([[kind]] neutral_lines_nl/en), as
# (nl, en) pairs, so a line chosen in one language prints in the other; a test keeps them in sync.
NEUTRAL_LINE_PAIRS: tuple[tuple[str, str], ...] = (
    (
        "Zelfstandig ondernemer in de persoonlijke dienstverlening",
        "Self-employed in personal services",
    ),
    (
        "Eigen bedrijf in persoonlijke dienstverlening en gastvrijheid",
        "Own business in personal services and hospitality",
    ),
    ("Zelfstandig werkzaam in de dienstverlening", "Self-employed in the service sector"),
    ("Ervaring in klantcontact en gastvrijheid", "Experience in client contact and hospitality"),
    ("Zelfstandig ondernemer", "Self-employed"),
    ("Eigen bedrijf", "Own business"),
    ("Zorg voor een familielid", "Caring for a family member"),
    ("Mantelzorger", "Family carer"),
    ("Zorg voor het gezin", "Caring for the family"),
    ("Vrijwilligerswerk", "Volunteer work"),
    ("Opleiding en cursussen", "Education and courses"),
)

PHRASES: dict[str, dict[str, str]] = {
    "nl": {
        "strengths": "Mijn sterke punten zijn {}.",
        "strength": "Mijn sterke punt is {}.",
        "experience": "Mijn ervaring: {}.",
        "languages": "Ik spreek {}.",
        "digital": "Ik kan werken met {}.",
        "city": "Ik woon in {}.",
        "goal_title": "Ik wil graag werken als {}.",
        "goal_sectors": "Ik zoek werk in deze sectoren: {}.",
        "goal": "Ik zoek werk waarin ik kan laten zien wat ik kan.",
        "dutch_course": "Ik volg een cursus Nederlands.",
        "studying": "Ik volg nu: {}.",
    },
    "en": {
        "strengths": "My strengths are {}.",
        "strength": "My strength is {}.",
        "experience": "My experience: {}.",
        "languages": "I speak {}.",
        "digital": "I can work with {}.",
        "city": "I live in {}.",
        "goal_title": "I would like to work as {}.",
        "goal_sectors": "I am looking for work in these sectors: {}.",
        "goal": "I am looking for work where I can show what I can do.",
        "dutch_course": "I am taking a Dutch course.",
        "studying": "I am now studying: {}.",
    },
}
SECTOR_NAMES_EN = {
    "horeca": "hospitality",
    "zorg": "care",
    "schoonmaak": "cleaning",
    "retail": "retail",
    "detailhandel": "retail",
    "beauty": "beauty",
    "logistiek": "logistics",
    "administratie": "administration",
    "kinderopvang": "childcare",
    "techniek": "technical work",
    "groen": "gardening",
    "facilitair": "facility services",
    "klantenservice": "customer service",
    "welzijn": "social work",
}

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_NL_WORDS = frozenset(
    [
        "ik",
        "de",
        "het",
        "een",
        "en",
        "van",
        "met",
        "je",
        "mijn",
        "ze",
        "niet",
        "op",
        "voor",
        "dat",
        "zijn",
        "bij",
    ]
)
_EN_WORDS = frozenset(
    ["i", "the", "a", "and", "of", "with", "to", "my", "in", "for", "that", "was", "at", "is", "on"]
)


def neutral_line(line: str, lang: Lang) -> str:
    """A chosen neutral line in the document language (unknown lines are kept as written)."""
    for dutch, english in NEUTRAL_LINE_PAIRS:
        if line.casefold() in (dutch.casefold(), english.casefold()):
            return english if lang == "en" else dutch
    return line


def sector_name(sector: str, lang: Lang) -> str:
    """A sector as written in the profile, translated to English where known."""
    return SECTOR_NAMES_EN.get(sector.lower(), sector) if lang == "en" else sector


def language_name(code: str, lang: Lang) -> str:
    """The name of a language in Dutch or English; unknown codes are shown as given."""
    names = LANGUAGE_NAMES.get(code.lower())
    if names is None:
        return code
    return names[1] if lang == "en" else names[0]


def level_words(level: str, lang: Lang) -> str:
    """A CEFR letter or "native" in words, e.g. "A2 (basis)", "moedertaal"."""
    return LEVEL_WORDS[lang].get(level, level)


def join_words(items: Sequence[str], lang: Lang) -> str:
    """ "a, b en c" (nl) or "a, b and c" (en): never a comma before the last "en"/"and".

    An item that has "en"/"and" in it ("plannen en organiseren") moves to the front, so the
    list still reads clearly: "plannen en organiseren, zorgzaamheid en geduld".
    """
    word = AND[lang]
    items = sorted(items, key=lambda item: f" {word} " not in item)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def sentences(text: str) -> list[str]:
    """Split text into sentences at . ! ? … followed by white space."""
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def shorten(text: str, limit: int = 300) -> str:
    """Text of at most `limit` characters, cut at a sentence boundary, else a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in sentences(text):
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > limit:
            break
        kept = candidate
    if kept:
        return kept
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"


def as_sentence(text: str) -> str:
    """Capital first letter and a closing full stop (unless it already ends a sentence)."""
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else f"{text}."


def lower_label(label: str) -> str:
    """A label for use inside a sentence: "Klantgerichtheid" -> "klantgerichtheid"."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def guess_lang(text: str) -> Lang | None:
    """ "nl" or "en" when the small function words clearly say so; None when unsure."""
    words = re.findall(r"[a-zA-Z']+", text.lower())
    nl = sum(word in _NL_WORDS for word in words)
    en = sum(word in _EN_WORDS for word in words)
    if nl > en:
        return "nl"
    if en > nl:
        return "en"
    return None


def word_count(text: str) -> int:
    """Spoken words: tokens that contain a letter or a digit."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def slug(text: str, fallback: str) -> str:
    """An ASCII file-name part: "Őrsi" -> "orsi"; the fallback when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return cleaned or fallback


def dutch_course(profile: Profile) -> bool:
    """True when the participant is following a Dutch (NT2) course right now."""
    return any(
        not e.completed and any(w in f"{e.title} {e.level}".lower() for w in ("nt2", "nederlands"))
        for e in profile.education
    )


def language_lines(profile: Profile, lang: Lang) -> list[str]:
    """ "Portugees — moedertaal", "Nederlands — A2 (basis), ik volg een cursus", best first."""
    lines = []
    for skill in sorted(profile.languages, key=lambda s: -s.rank):
        line = f"{language_name(skill.language, lang)} — {level_words(skill.level, lang)}"
        if skill.language == "nl" and skill.level != "native" and dutch_course(profile):
            line += f", {TAKING_COURSE[lang]}"
        lines.append(line)
    return lines
