"""suggest_competencies with the real lemmatiser, lexicon and bridge files."""

from __future__ import annotations

import tomllib

import pytest

from jobmatch.datafiles.bridge import WordGuard
from jobmatch.datafiles.paths import data_dir
from jobmatch.domain.discovery import Bridge, BridgeRule, Source, Suggestion
from jobmatch.domain.errors import UnknownCompetencyError
from jobmatch.domain.profiles import Experience, Profile, ProfileCompetency
from jobmatch.services.suggestions import suggest_competencies


def profile(*experiences: Experience, **fields: object) -> Profile:
    return Profile(name="Test Deelnemer", experiences=experiences, **fields)  # type: ignore[arg-type]


def by_id(suggestions: list[Suggestion]) -> dict[str, Suggestion]:
    return {s.id: s for s in suggestions}


def test_dutch_text_with_inflected_verb_and_other_order() -> None:
    found = by_id(
        suggest_competencies(
            profile=profile(Experience("Hotel", "work", "Ik ontving elke dag gasten."))
        )
    )
    assert found["gastvrijheid"].strength >= 0.7
    assert found["gastvrijheid"].sources == (Source(experience=0, title="Hotel"),)
    assert "welkom" in found["gastvrijheid"].evidence_nl
    assert found["gastvrijheid"].label == "Gastvrijheid"


def test_english_text_and_label_language() -> None:
    text = "I did my own bookkeeping and tax returns and worked nights and weekends."
    found = by_id(
        suggest_competencies(profile=profile(Experience("Work", "work", text)), lang="en")
    )
    assert {"financieel-beheer", "administratie", "flexibiliteit"} <= set(found)
    assert found["financieel-beheer"].label == "Managing money"


def test_negated_experience_is_not_suggested_from_the_rule() -> None:
    text = "Ik heb nooit zelf mijn boekhouding gedaan."
    found = by_id(suggest_competencies(profile=profile(Experience("Werk", "work", text))))
    assert "administratie" not in found


def test_personal_services_kind_brings_a_rich_neutral_mapping() -> None:
    experience = Experience("Werk", "personal-services", "Ik werkte vooral in het weekend.")
    found = by_id(suggest_competencies(profile=profile(experience)))
    assert {"gastvrijheid", "klantgerichtheid", "mensenkennis", "discretie"} <= set(found)
    assert found["flexibiliteit"].strength > found["discretie"].strength  # text + kind
    guard = WordGuard(tomllib.loads((data_dir("competencies") / "guard.toml").read_text("utf-8")))
    for suggestion in found.values():
        assert guard.find(suggestion.evidence_nl) == []
        assert guard.find(suggestion.evidence_en) == []


def test_discovery_answers_and_profile_competencies() -> None:
    person = profile(
        Experience("Schoonmaak", "work", "Ik maakte kamers schoon."),
        competencies=(ProfileCompetency("schoonmaken"),),
        discovery={"meer-talen": True, "eigen-boekhouding": False, "onbekend": True},
    )
    suggestions = suggest_competencies(profile=person)
    found = by_id(suggestions)
    assert found["talenkennis"].sources == (Source(question="meer-talen"),)
    assert "financieel-beheer" not in found
    assert found["schoonmaken"].already_in_profile
    assert not found["talenkennis"].already_in_profile
    strengths = [s.strength for s in suggestions]
    assert strengths == sorted(strengths, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in strengths)


def test_two_experiences_strengthen_one_competency_and_both_are_sources() -> None:
    person = profile(
        Experience("Winkel", "work", "Ik hielp klanten vriendelijk."),
        Experience("Callcenter", "work", "Ik hielp klanten aan de telefoon."),
    )
    found = by_id(suggest_competencies(profile=person))
    assert [s.experience for s in found["klantgerichtheid"].sources] == [0, 1]
    single = by_id(suggest_competencies(profile=profile(person.experiences[0])))
    assert found["klantgerichtheid"].strength > single["klantgerichtheid"].strength


def test_unknown_competency_in_profile_lists_unknown_and_valid_ids() -> None:
    person = profile(competencies=(ProfileCompetency("toveren"), ProfileCompetency("tact")))
    with pytest.raises(UnknownCompetencyError) as caught:
        suggest_competencies(profile=person)
    assert caught.value.unknown == ("toveren",)
    assert "gastvrijheid" in caught.value.valid
    assert "toveren" in str(caught.value) and "Geldige ids" in str(caught.value)


def test_empty_profile_gives_no_suggestions() -> None:
    assert suggest_competencies(profile=profile()) == []


def test_custom_bridge_and_lexicon_terms_switch() -> None:
    rule = BridgeRule(
        "r", ("tact",), "Ik bleef vriendelijk.", "I stayed kind.", ("appels plukken",)
    )
    bridge = Bridge(rules=(rule,))
    person = profile(Experience("Oogst", "other", "Ik plukte appels en was klantvriendelijk."))
    with_terms = by_id(suggest_competencies(profile=person, bridge=bridge))
    assert set(with_terms) == {"tact", "klantgerichtheid"}
    assert with_terms["klantgerichtheid"].strength < with_terms["tact"].strength
    without = suggest_competencies(profile=person, bridge=bridge, use_lexicon_terms=False)
    assert [s.id for s in without] == ["tact"]
