"""Experience → competency bridge, discovery questions and suggestion scoring (pure Python).

The service lemmatises texts and patterns; this module only compares token lists (the
matching itself is in wordmatch.py, re-exported here), so it stays free of spaCy. Every
signal carries its source and a neutral first-person evidence sentence; signals for one
competency are combined with a noisy-OR, so two independent hints count more than one, and
the result stays within 0..1.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from jobmatch.domain.wordmatch import (
    NEGATIONS,
    WINDOW_SLACK,
    Token,
    find_pattern,
    normalise,
    normalise_all,
    variants,
)

__all__ = [
    "DISCOVERY_LANGUAGES",
    "LEXICON_STRENGTH",
    "NEGATIONS",
    "WINDOW_SLACK",
    "Bridge",
    "BridgeRule",
    "CompetencyHint",
    "CompiledRule",
    "DiscoveryQuestion",
    "KindDefaults",
    "Signal",
    "Source",
    "Suggestion",
    "Token",
    "combine",
    "find_pattern",
    "kind_signals",
    "merge_signals",
    "normalise",
    "normalise_all",
    "question_signals",
    "rule_signals",
    "variants",
]

DISCOVERY_LANGUAGES = ("nl", "en", "hu", "es", "ro", "pt", "th")
RULE_STRENGTH = 0.8
QUESTION_STRENGTH = 0.75
LEXICON_STRENGTH = 0.45


@dataclass(frozen=True)
class CompetencyHint:
    """A competency suggested with a fixed strength and its own evidence sentence."""

    id: str
    strength: float
    evidence_nl: str
    evidence_en: str


@dataclass(frozen=True)
class BridgeRule:
    """What someone did (patterns on lemmas) → competencies, with one neutral sentence."""

    id: str
    competencies: tuple[str, ...]
    evidence_nl: str
    evidence_en: str
    patterns_nl: tuple[str, ...] = ()
    patterns_en: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # empty: any kind
    strength: float = RULE_STRENGTH

    @property
    def patterns(self) -> tuple[str, ...]:
        return self.patterns_nl + self.patterns_en

    def applies_to(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds


@dataclass(frozen=True)
class KindDefaults:
    """Competencies that come with an experience kind, whatever the text says."""

    kind: str
    suggests: tuple[CompetencyHint, ...] = ()
    neutral_lines_nl: tuple[str, ...] = ()
    neutral_lines_en: tuple[str, ...] = ()


@dataclass(frozen=True)
class DiscoveryQuestion:
    """A short yes/no question; a "yes" suggests its competencies."""

    id: str
    competencies: tuple[str, ...]
    evidence_nl: str
    evidence_en: str
    text: Mapping[str, str] = field(default_factory=dict)
    strength: float = QUESTION_STRENGTH

    def text_in(self, lang: str) -> str:
        """The question in `lang`, falling back to Dutch."""
        return self.text.get(lang) or self.text.get("nl", "")


@dataclass(frozen=True)
class Bridge:
    """Everything `suggest` needs besides the lexicon."""

    rules: tuple[BridgeRule, ...] = ()
    kinds: Mapping[str, KindDefaults] = field(default_factory=dict)
    questions: tuple[DiscoveryQuestion, ...] = ()

    def question(self, question_id: str) -> DiscoveryQuestion | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def neutral_lines(self, kind: str, lang: str = "nl") -> tuple[str, ...]:
        defaults = self.kinds.get(kind)
        if defaults is None:
            return ()
        return defaults.neutral_lines_en if lang == "en" else defaults.neutral_lines_nl


@dataclass(frozen=True)
class Source:
    """Where a suggestion came from: an experience (index, title) or a discovery question."""

    experience: int | None = None
    title: str = ""
    question: str = ""

    def to_dict(self) -> dict[str, Any]:
        if self.experience is None:
            return {"question": self.question}
        return {"experience": self.experience, "title": self.title}


@dataclass(frozen=True)
class Signal:
    """One hint that a competency is present."""

    competency: str
    strength: float
    source: Source
    evidence_nl: str
    evidence_en: str
    origin: str = "rule"  # rule | kind | question | lexicon


@dataclass(frozen=True)
class Suggestion:
    """A suggested competency with its combined strength, sources and evidence."""

    id: str
    label: str
    strength: float
    sources: tuple[Source, ...]
    evidence_nl: str
    evidence_en: str
    already_in_profile: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "strength": self.strength,
            "sources": [source.to_dict() for source in self.sources],
            "evidence": {"nl": self.evidence_nl, "en": self.evidence_en},
            "already_in_profile": self.already_in_profile,
        }


@dataclass(frozen=True)
class CompiledRule:
    """A rule with its patterns already lemmatised and normalised."""

    rule: BridgeRule
    patterns: tuple[tuple[Token, ...], ...]

    def matches(self, tokens: Sequence[Token], present: frozenset[str] | None = None) -> bool:
        """`present` (every form in `tokens`) lets patterns with an absent word be skipped."""
        return any(
            find_pattern(pattern, tokens)
            for pattern in self.patterns
            if present is None or all(word & present for word in pattern)
        )


def rule_signals(
    rules: Iterable[CompiledRule], tokens: Sequence[Token], kind: str, source: Source
) -> list[Signal]:
    """Signals from every rule that applies to `kind` and matches the normalised tokens."""
    signals: list[Signal] = []
    present = frozenset().union(*tokens)
    for compiled in rules:
        rule = compiled.rule
        if rule.applies_to(kind) and compiled.matches(tokens, present):
            signals.extend(
                Signal(cid, rule.strength, source, rule.evidence_nl, rule.evidence_en)
                for cid in rule.competencies
            )
    return signals


def kind_signals(defaults: KindDefaults | None, source: Source) -> list[Signal]:
    if defaults is None:
        return []
    return [
        Signal(hint.id, hint.strength, source, hint.evidence_nl, hint.evidence_en, "kind")
        for hint in defaults.suggests
    ]


def question_signals(bridge: Bridge, answers: Mapping[str, bool]) -> list[Signal]:
    """Signals from the discovery questions answered with yes (unknown ids are ignored)."""
    signals: list[Signal] = []
    for question in bridge.questions:
        if answers.get(question.id) is True:
            source = Source(question=question.id)
            q_nl, q_en = question.evidence_nl, question.evidence_en
            signals.extend(
                Signal(cid, question.strength, source, q_nl, q_en, "question")
                for cid in question.competencies
            )
    return signals


def combine(strengths: Iterable[float]) -> float:
    """Noisy-OR: 1 - Π(1 - s), rounded to two decimals."""
    missing = 1.0
    for strength in strengths:
        missing *= 1.0 - min(max(strength, 0.0), 1.0)
    return round(1.0 - missing, 2)


def merge_signals(
    signals: Iterable[Signal], labels: Mapping[str, str], already: Iterable[str]
) -> list[Suggestion]:
    """One suggestion per competency, strongest first.

    Per source and origin only the strongest signal counts (three rules saying the same thing
    about one experience are still one piece of evidence). The evidence shown is that of the
    strongest signal; sources are listed once each, strongest first.
    """
    by_competency: dict[str, dict[tuple[Source, str], Signal]] = {}
    for signal in signals:
        per_source = by_competency.setdefault(signal.competency, {})
        key = (signal.source, signal.origin)
        known = per_source.get(key)
        if known is None or signal.strength > known.strength:
            per_source[key] = signal
    in_profile = set(already)
    suggestions = []
    for cid, per_source in by_competency.items():
        ranked = sorted(per_source.values(), key=lambda s: -s.strength)
        best = ranked[0]
        suggestions.append(
            Suggestion(
                id=cid,
                label=labels.get(cid, cid),
                strength=combine(s.strength for s in ranked),
                sources=tuple(dict.fromkeys(s.source for s in ranked)),
                evidence_nl=best.evidence_nl,
                evidence_en=best.evidence_en,
                already_in_profile=cid in in_profile,
            )
        )
    return sorted(suggestions, key=lambda s: (-s.strength, s.id))
