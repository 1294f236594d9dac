"""Interview preparation sheet: for the participant only, never for an employer.

Likely questions for the vacancy's must-haves with answers built from the participant's own
evidence (situation – task – action – result), the question about the years not on the CV with
the framing the participant chose (`cv.gap_framing`), and how to say it briefly.
"""

from __future__ import annotations

from jobmatch.domain.competencies import Lang, Lexicon
from jobmatch.domain.cv import ChosenCompetency, check_profile, choose_competencies, stem
from jobmatch.domain.document import Block, Document
from jobmatch.domain.pitch import pitch_text
from jobmatch.domain.profiles import GAP_FRAMINGS, NATIVE, CvOptions, Profile
from jobmatch.domain.titles import clean_title, job_in_text
from jobmatch.domain.vacancies import Extraction
from jobmatch.domain.wording import dutch_course, level_words, lower_label

MAX_QUESTIONS = 6

QUESTIONS: dict[str, tuple[str, str]] = {
    "gastvrijheid": (
        "Hoe zorgt u ervoor dat gasten zich welkom voelen?",
        "How do you make guests feel welcome?",
    ),
    "klantgerichtheid": (
        "Vertel eens over een klant die u goed heeft geholpen.",
        "Tell me about a customer you helped well.",
    ),
    "mensenkennis": (
        "Hoe merkt u wat iemand nodig heeft?",
        "How do you notice what someone needs?",
    ),
    "communicatie": (
        "Hoe legt u iets uit aan iemand die het niet meteen begrijpt?",
        "How do you explain something to someone who does not understand it at once?",
    ),
    "samenwerken": ("Hoe werkt u samen met collega's?", "How do you work with colleagues?"),
    "flexibiliteit": (
        "Kunt u op wisselende tijden werken, ook 's avonds of in het weekend?",
        "Can you work changing hours, also in the evening or at the weekend?",
    ),
    "stressbestendigheid": (
        "Wat doet u als het heel druk is?",
        "What do you do when it is very busy?",
    ),
    "conflicthantering": (
        "Wat doet u als een klant boos wordt?",
        "What do you do when a customer gets angry?",
    ),
    "betrouwbaarheid": (
        "Hoe laat u zien dat anderen op u kunnen rekenen?",
        "How do you show that others can count on you?",
    ),
    "zelfstandigheid": (
        "Kunt u een voorbeeld geven van werk dat u zelfstandig deed?",
        "Can you give an example of work you did on your own?",
    ),
    "plannen-organiseren": (
        "Hoe plant u uw werk als er veel tegelijk moet gebeuren?",
        "How do you plan your work when a lot has to happen at once?",
    ),
    "tact": ("Hoe brengt u een vervelende boodschap?", "How do you bring unwelcome news?"),
    "discretie": (
        "Hoe gaat u om met vertrouwelijke informatie?",
        "How do you handle confidential information?",
    ),
    "hygienisch-werken": (
        "Hoe zorgt u dat u schoon en hygiënisch werkt?",
        "How do you make sure you work cleanly and hygienically?",
    ),
    "financieel-beheer": (
        "Heeft u ervaring met geld, de kassa of een administratie?",
        "Do you have experience with money, the till or bookkeeping?",
    ),
    "leervermogen": ("Hoe leert u iets nieuws?", "How do you learn something new?"),
}

TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Voorbereiding op je sollicitatiegesprek — alleen voor jezelf, "
        "niet voor de werkgever",
        "stem": "voorbereiding",
        "for_vacancy": "Voor de vacature: {}",
        "intro": "Dit blad is alleen voor jou. Geef het niet aan de werkgever. "
        "Oefen de antwoorden hardop, in je eigen woorden.",
        "about_you": "Over jezelf",
        "about_you_question": "Vertel eens iets over uzelf.",
        "questions": "Vragen over wat de werkgever vraagt",
        "generic_question": "Kunt u een voorbeeld geven van {} in uw werk?",
        "star": "Antwoord in vier stappen. Situatie: zeg kort waar het was, bijvoorbeeld in "
        "je eigen werk, vrijwilligerswerk of thuis. Vertel alleen wat je wilt vertellen. "
        "Taak: wat moest er gebeuren? Actie: wat deed jij? Resultaat: wat leverde het op, "
        "bijvoorbeeld een tevreden klant of een opgelost probleem?",
        "task": "Taak: {}.",
        "action": "Actie: {}",
        "action_empty": "Actie: vertel in twee zinnen een voorbeeld van {}.",
        "missing": "Over {} staat nog niets in je profiel: zeg eerlijk dat je het graag wilt "
        "leren en noem iets wat erop lijkt.",
        "gap_heading": "De jaren die niet op je cv staan",
        "gap_question": "Wat deed u in de tussentijd?",
        "your_answer": "Jouw antwoord (je koos dit zelf):",
        "choose": "Kies het antwoord dat waar is voor jou:",
        "briefly": "Zo zeg je het kort",
        "dutch_question": "Hoe goed spreekt u Nederlands?",
        "dutch_answer": "Mijn Nederlands is op niveau {}.",
        "dutch_learning": "Ik leer elke week bij in mijn cursus.",
    },
    "en": {
        "title": "Interview preparation — for you only, not for the employer",
        "stem": "preparation",
        "for_vacancy": "For the vacancy: {}",
        "intro": "This sheet is for you only. Do not give it to the employer. "
        "Practise the answers out loud, in your own words.",
        "about_you": "About you",
        "about_you_question": "Tell me about yourself.",
        "questions": "Questions about what the employer asks",
        "generic_question": "Can you give an example of {} in your work?",
        "star": "Answer in four steps. Situation: say briefly where it was, for example in "
        "your own work, volunteering or at home. Tell only what you want to tell. Task: what "
        "had to be done? Action: what did you do? Result: what came of it, for example a "
        "satisfied customer or a problem solved?",
        "task": "Task: {}.",
        "action": "Action: {}",
        "action_empty": "Action: tell an example of {} in two sentences.",
        "missing": "Your profile does not show {} yet: say honestly that you would like to "
        "learn it and mention something similar you have done.",
        "gap_heading": "The years not on your CV",
        "gap_question": "What did you do in the meantime?",
        "your_answer": "Your answer (you chose this yourself):",
        "choose": "Choose the answer that is true for you:",
        "briefly": "How to say it briefly",
        "dutch_question": "How well do you speak Dutch?",
        "dutch_answer": "My Dutch is at level {}.",
        "dutch_learning": "I learn more every week in my course.",
    },
}

FRAMING: dict[str, dict[str, str]] = {
    "own-business": {
        "nl": "Ik had een eigen onderneming in de persoonlijke dienstverlening. Ik regelde "
        "alles zelf. Nu kies ik voor werk in loondienst, in een team.",
        "en": "I ran my own business in personal services and arranged everything myself. "
        "Now I choose to work as an employee, in a team.",
    },
    "family-care": {
        "nl": "Ik heb een tijd voor mijn familie gezorgd. Nu is er weer ruimte voor werk. "
        "Daar heb ik zin in.",
        "en": "I spent some time caring for my family. Now I have room for work again, "
        "and I am looking forward to it.",
    },
    "abroad": {
        "nl": "Ik heb een tijd in het buitenland gewoond. Nu woon ik hier en wil ik hier "
        "aan het werk.",
        "en": "I lived abroad for a while. Now I live here and I want to work here.",
    },
    "decline": {
        "nl": "Dat was een periode in mijn privéleven; daar ga ik liever niet op in. "
        "Ik vertel u graag wat ik nu kan en wil.",
        "en": "That was a period in my private life that I prefer not to go into. "
        "I am happy to tell you what I can do and want now.",
    },
}

GAP_TIPS: dict[str, tuple[str, ...]] = {
    "nl": (
        "Houd het kort: twee zinnen zijn genoeg.",
        "Je hoeft niet meer te vertellen dan je wilt.",
        'Vraagt de werkgever door? Zeg vriendelijk: "Daar ga ik liever niet verder op in."',
        "Kijk daarna vooruit: vertel wat je nu kunt en wilt.",
    ),
    "en": (
        "Keep it short: two sentences are enough.",
        "You do not have to tell more than you want to.",
        'Does the employer ask more? Say kindly: "I prefer not to go into that."',
        "Then look ahead: say what you can do and want now.",
    ),
}


def question(competency_id: str, label: str, lang: Lang) -> str:
    """The question an employer is likely to ask about this competency."""
    specific = QUESTIONS.get(competency_id)
    if specific is not None:
        return specific[1] if lang == "en" else specific[0]
    return TEXT[lang]["generic_question"].format(lower_label(label))


def _star(item: ChosenCompetency, lexicon: Lexicon, lang: Lang) -> tuple[str, ...]:
    """Task and action for one question (the four steps are explained once, above), with the
    participant's own evidence as the action."""
    words = TEXT[lang]
    definition = lexicon[item.id].definition(lang).rstrip(".")
    action = " ".join(item.evidence)
    return (
        words["task"].format(lower_label(definition)),
        words["action"].format(action)
        if action
        else words["action_empty"].format(lower_label(item.plain_label)),
    )


def _asked_blocks(
    chosen: list[ChosenCompetency], lexicon: Lexicon, lang: Lang, vacancy: Extraction | None
) -> list[Block]:
    words = TEXT[lang]
    have = {c.id for c in chosen}
    blocks = [Block("heading", words["questions"]), Block("paragraph", words["star"])]
    for item in chosen[:MAX_QUESTIONS]:
        blocks.append(Block("subheading", question(item.id, item.plain_label, lang)))
        blocks.append(Block("bullets", items=_star(item, lexicon, lang)))
    missing = [cid for cid in (vacancy.must_ids if vacancy else ()) if cid not in have]
    for cid in missing[:2]:
        if cid in lexicon:
            label = lexicon[cid].label(lang)
            blocks.append(Block("subheading", question(cid, label, lang)))
            missing_text = words["missing"].format(lower_label(label))
            blocks.append(Block("bullets", items=(missing_text,)))
    return blocks


def _gap_blocks(options: CvOptions, lang: Lang) -> list[Block]:
    words = TEXT[lang]
    blocks = [Block("heading", words["gap_heading"]), Block("subheading", words["gap_question"])]
    if options.gap_framing in FRAMING:
        blocks.append(Block("paragraph", words["your_answer"]))
        blocks.append(Block("paragraph", FRAMING[options.gap_framing][lang]))
    else:
        blocks.append(Block("paragraph", words["choose"]))
        options_text = tuple(FRAMING[key][lang] for key in GAP_FRAMINGS)
        blocks.append(Block("bullets", items=options_text))
    blocks.append(Block("subheading", words["briefly"]))
    blocks.append(Block("bullets", items=GAP_TIPS[lang]))
    return blocks


def _dutch_blocks(profile: Profile, lang: Lang) -> list[Block]:
    """The question about Dutch, answered with the level and the course (when not native)."""
    skill = profile.language_level("nl")
    if skill is None or skill.level == NATIVE or not skill.level:
        return []
    words = TEXT[lang]
    answer = words["dutch_answer"].format(level_words(skill.level, lang))
    if dutch_course(profile):
        answer += " " + words["dutch_learning"]  # the pitch above says "cursus"
    return [Block("subheading", words["dutch_question"]), Block("paragraph", answer)]


def compose_interview(
    profile: Profile,
    lexicon: Lexicon,
    *,
    vacancy: Extraction | None = None,
    lang: Lang = "nl",
    options: CvOptions | None = None,
) -> Document:
    """The preparation sheet; its title says it is for the participant only."""
    check_profile(profile, lexicon)
    options = options or profile.cv
    words = TEXT[lang]
    chosen = [
        c
        for c in choose_competencies(profile, lexicon, lang=lang, vacancy=vacancy)
        if vacancy is None or c.importance == "must" or not vacancy.must_ids
    ]
    if vacancy is not None and not chosen:
        chosen = choose_competencies(profile, lexicon, lang=lang, vacancy=vacancy)[:3]
    blocks = [Block("title", words["title"])]
    title = job_in_text(vacancy.title, lang) if vacancy is not None else ""
    if title:
        blocks.append(Block("subtitle", words["for_vacancy"].format(title)))
    blocks += [
        Block("paragraph", words["intro"]),
        Block("heading", words["about_you"]),
        Block("subheading", words["about_you_question"]),
        Block(
            "paragraph",
            pitch_text(profile, lexicon, lang=lang, vacancy=vacancy, with_evidence=False),
        ),
        *_asked_blocks(chosen, lexicon, lang, vacancy),
        *_dutch_blocks(profile, lang),
        *_gap_blocks(options, lang),
    ]
    return Document(
        kind="interview",
        lang=lang,
        title=words["title"],
        author=profile.name,
        blocks=tuple(blocks),
        filename_stem=stem(words["stem"], profile, clean_title(vacancy.title) if vacancy else ""),
    )
