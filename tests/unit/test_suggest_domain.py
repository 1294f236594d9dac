"""Pure bridge logic: token forms, window matching, negation, merging of signals."""

from __future__ import annotations

import subprocess
import sys

import pytest

from jobmatch.domain.discovery import (
    Bridge,
    BridgeRule,
    CompetencyHint,
    CompiledRule,
    DiscoveryQuestion,
    KindDefaults,
    Signal,
    Source,
    combine,
    find_pattern,
    kind_signals,
    merge_signals,
    normalise,
    normalise_all,
    question_signals,
    rule_signals,
    variants,
)


def tokens(text: str) -> tuple[frozenset[str], ...]:
    return normalise_all(text.lower().split())


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("gasten", "gast"),
        ("welcomed", "welcome"),
        ("evenings", "evening"),
        ("afspraken", "afspraak"),
        ("prijzen", "prijs"),
        ("bedden", "bed"),
        ("clients", "client"),
        ("maakte", "maken"),
        ("werkten", "werken"),
    ],
)
def test_inflected_forms_meet(left: str, right: str) -> None:
    assert variants(left) & variants(right)


@pytest.mark.parametrize(("left", "right"), [("gast", "gas"), ("kamer", "kam"), ("sales", "salt")])
def test_different_words_do_not_meet(left: str, right: str) -> None:
    assert not variants(left) & variants(right)


def test_short_words_are_not_stemmed_away() -> None:
    assert normalise("gast") == "gast"
    assert normalise("ik") == "ik"
    assert normalise("is") == "is"


def test_pattern_matches_in_any_order_within_a_window() -> None:
    pattern = tokens("gasten ontvangen")
    assert find_pattern(pattern, tokens("ik ontvangen elke dag gasten"))
    assert find_pattern(pattern, tokens("gasten ontvangen"))


def test_pattern_words_too_far_apart_do_not_match() -> None:
    text = tokens("ik ontvangen een brief en daarna gingen wij met vrienden en gasten eten")
    assert not find_pattern(tokens("gasten ontvangen"), text)


def test_negation_cancels_a_match() -> None:
    pattern = tokens("boekhouding")
    assert not find_pattern(pattern, tokens("ik deed nooit zelf de boekhouding"))
    assert not find_pattern(tokens("bookkeeping"), tokens("i did not do the bookkeeping"))
    assert find_pattern(pattern, tokens("ik deed zelf de boekhouding"))


def test_negation_word_inside_the_pattern_is_not_a_negation() -> None:
    assert find_pattern(tokens("say no"), tokens("i can say no to people"))


def test_empty_pattern_never_matches() -> None:
    assert not find_pattern((), tokens("iets"))


RULE = BridgeRule(
    id="r",
    competencies=("gastvrijheid", "klantgerichtheid"),
    evidence_nl="Ik ontving gasten.",
    evidence_en="I received guests.",
    patterns_nl=("gasten ontvangen",),
    kinds=("work",),
)


def test_rule_signals_respect_kinds_and_carry_the_source() -> None:
    compiled = [CompiledRule(RULE, (tokens("gasten ontvangen"),))]
    source = Source(experience=2, title="Hotel")
    found = rule_signals(compiled, tokens("ik ontvangen gasten"), "work", source)
    assert [s.competency for s in found] == ["gastvrijheid", "klantgerichtheid"]
    assert all(s.source == source and s.strength == RULE.strength for s in found)
    assert rule_signals(compiled, tokens("ik ontvangen gasten"), "care", source) == []


def test_kind_and_question_signals() -> None:
    hint = CompetencyHint("discretie", 0.6, "Ik was discreet.", "I was discreet.")
    defaults = KindDefaults(kind="personal-services", suggests=(hint,))
    found = kind_signals(defaults, Source(experience=0, title="x"))
    assert [(s.competency, s.strength, s.origin) for s in found] == [("discretie", 0.6, "kind")]
    assert kind_signals(None, Source(experience=0)) == []
    question = DiscoveryQuestion("q1", ("talenkennis",), "Ik spreek talen.", "I speak languages.")
    bridge = Bridge(questions=(question,))
    assert [s.competency for s in question_signals(bridge, {"q1": True})] == ["talenkennis"]
    assert question_signals(bridge, {"q1": False, "other": True}) == []


def test_combine_is_noisy_or_within_bounds() -> None:
    assert combine([]) == 0.0
    assert combine([0.5]) == 0.5
    assert combine([0.5, 0.5]) == 0.75
    assert combine([1.4, -2]) == 1.0


def test_merge_counts_one_source_once_and_marks_profile_competencies() -> None:
    first, second = Source(experience=0, title="a"), Source(question="q")
    signals = [
        Signal("gastvrijheid", 0.5, first, "zwak", "weak"),
        Signal("gastvrijheid", 0.8, first, "sterk", "strong"),
        Signal("gastvrijheid", 0.5, second, "vraag", "question", "question"),
        Signal("talenkennis", 0.95, second, "talen", "languages", "question"),
    ]
    merged = merge_signals(signals, {"gastvrijheid": "Gastvrijheid"}, ["talenkennis"])
    assert [s.id for s in merged] == ["talenkennis", "gastvrijheid"]
    hospitality = merged[1]
    assert hospitality.strength == 0.9  # 1 - (1 - 0.8) * (1 - 0.5), the 0.5 of `first` dropped
    assert hospitality.evidence_nl == "sterk"
    assert hospitality.sources == (first, second)
    assert hospitality.label == "Gastvrijheid"
    assert merged[0].already_in_profile and not hospitality.already_in_profile
    assert merged[0].label == "talenkennis"  # no label known: the id


def test_suggestion_json_shape() -> None:
    merged = merge_signals(
        [Signal("tact", 0.7, Source(experience=1, title="t"), "nl", "en")], {}, []
    )
    assert merged[0].to_dict() == {
        "id": "tact",
        "label": "tact",
        "strength": 0.7,
        "sources": [{"experience": 1, "title": "t"}],
        "evidence": {"nl": "nl", "en": "en"},
        "already_in_profile": False,
    }
    assert Source(question="q").to_dict() == {"question": "q"}


def test_domain_module_imports_no_heavy_libraries() -> None:
    code = (
        "import sys, jobmatch.domain.discovery\n"
        "bad = [m for m in ('flask', 'sqlmodel', 'sqlalchemy', 'spacy', 'sklearn') "
        "if m in sys.modules]\n"
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
