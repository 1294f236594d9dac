"""Use case: suggest competencies from a participant's experiences and discovery answers.

Signals per experience (title + description, Dutch or English):
- bridge rules whose patterns occur in the lemmatised text (strength of the rule, ~0.8);
- the defaults of the experience kind (e.g. personal-services → hospitality, discretion …);
- lexicon terms found in the text ("klantvriendelijk"), a weaker signal (0.45);
and one signal per competency of every discovery question answered "yes".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from jobmatch.datafiles.bridge import load_bridge
from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.domain.competencies import Lang, Lexicon
from jobmatch.domain.discovery import (
    LEXICON_STRENGTH,
    Bridge,
    BridgeRule,
    CompiledRule,
    Signal,
    Source,
    Suggestion,
    kind_signals,
    merge_signals,
    normalise_all,
    question_signals,
    rule_signals,
)
from jobmatch.domain.errors import UnknownCompetencyError
from jobmatch.domain.profiles import Experience, Profile

Lemmatizer = Callable[[str], list[str]]
TermFinder = Callable[[str, Lexicon], list[tuple[str, str]]]


def _default_lemmatizer() -> Lemmatizer:
    from jobmatch.nlp.lemmatize import lemmatize

    return lemmatize


def _default_term_finder() -> TermFinder:
    from jobmatch.nlp.extract import find_competencies

    return find_competencies


@lru_cache(maxsize=8)
def _compile(rules: tuple[BridgeRule, ...], lemmatize: Lemmatizer) -> tuple[CompiledRule, ...]:
    return tuple(
        CompiledRule(rule, tuple(normalise_all(lemmatize(p)) for p in rule.patterns))
        for rule in rules
    )


def experience_text(experience: Experience) -> str:
    return ". ".join(part for part in (experience.title, experience.description) if part)


def _lexicon_signals(
    text: str, lexicon: Lexicon, source: Source, find_terms: TermFinder
) -> list[Signal]:
    signals = []
    for cid, _matched in find_terms(text, lexicon):
        if cid in lexicon:
            competency = lexicon[cid]
            nl = competency.evidence_nl[0] if competency.evidence_nl else ""
            en = competency.evidence_en[0] if competency.evidence_en else ""
            signals.append(Signal(cid, LEXICON_STRENGTH, source, nl, en, "lexicon"))
    return signals


def experience_signals(
    experiences: Iterable[Experience],
    *,
    lexicon: Lexicon,
    bridge: Bridge,
    lemmatize: Lemmatizer,
    find_terms: TermFinder | None,
) -> list[Signal]:
    """Every signal from the experiences, each tagged with the experience index and title."""
    rules = _compile(bridge.rules, lemmatize)
    signals: list[Signal] = []
    for index, experience in enumerate(experiences):
        source = Source(experience=index, title=experience.title)
        text = experience_text(experience)
        tokens = normalise_all(lemmatize(text)) if text else ()
        signals += rule_signals(rules, tokens, experience.kind, source)
        signals += kind_signals(bridge.kinds.get(experience.kind), source)
        if find_terms is not None and text:
            signals += _lexicon_signals(text, lexicon, source, find_terms)
    return signals


def suggest_competencies(
    *,
    profile: Profile,
    lexicon: Lexicon | None = None,
    bridge: Bridge | None = None,
    lang: Lang = "nl",
    lemmatize: Lemmatizer | None = None,
    find_terms: TermFinder | None = None,
    use_lexicon_terms: bool = True,
) -> list[Suggestion]:
    """Suggested competencies, strongest first; ones the profile already lists are marked.

    Raises UnknownCompetencyError when the profile lists ids that are not in the lexicon.
    """
    lexicon = lexicon if lexicon is not None else load_lexicon()
    bridge = bridge if bridge is not None else load_bridge()
    unknown = lexicon.unknown(profile.competency_ids)
    if unknown:
        raise UnknownCompetencyError(unknown, lexicon.ids)
    if use_lexicon_terms and find_terms is None:
        find_terms = _default_term_finder()
    signals = experience_signals(
        profile.experiences,
        lexicon=lexicon,
        bridge=bridge,
        lemmatize=lemmatize or _default_lemmatizer(),
        find_terms=find_terms if use_lexicon_terms else None,
    )
    signals += question_signals(bridge, profile.discovery)
    known = [signal for signal in signals if signal.competency in lexicon]
    labels = {competency.id: competency.label(lang) for competency in lexicon}
    return merge_signals(known, labels, profile.competency_ids)


def unknown_questions(profile: Profile, bridge: Bridge | None = None) -> list[str]:
    """Discovery answers in the profile whose question id the bridge does not know (a page
    and a command both warn about them; the answers are not used)."""
    bridge = bridge if bridge is not None else load_bridge()
    return [qid for qid in profile.discovery if bridge.question(qid) is None]


def discovery_bridge() -> Bridge:
    """The experience→competency bridge with its discovery questions and neutral lines."""
    return load_bridge()
