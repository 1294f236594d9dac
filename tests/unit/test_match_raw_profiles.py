"""Which suggestions a raw profile ranks with (issue 13 class 3). Profiles written for this test."""

from __future__ import annotations

from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.services.raw_profiles import suggested_competencies, with_suggestions

LEXICON = load_lexicon()


def test_only_suggestions_backed_by_the_participants_own_words_count() -> None:
    bare = profile_from_dict(
        {"name": "Ira", "experiences": [{"title": "Eigen werk", "kind": "personal-services"}]}
    )
    assert suggested_competencies(bare, LEXICON) == ()
    described = profile_from_dict(
        {
            "name": "Ira",
            "experiences": [
                {
                    "title": "Hulp in de keuken",
                    "kind": "work",
                    "description": "Ik maakte elke dag de keuken schoon en hielp gasten.",
                }
            ],
        }
    )
    found = suggested_competencies(described, LEXICON)
    assert found and all(c.status == "suggested" for c in found)


def test_a_reviewed_profile_keeps_only_what_was_confirmed() -> None:
    profile = profile_from_dict(
        {
            "name": "Ira",
            "experiences": [
                {"title": "Kassa", "kind": "work", "description": "Ik hielp klanten aan de kassa."}
            ],
            "competencies": [{"id": "schoonmaken"}],
        }
    )
    assert with_suggestions(profile, LEXICON) is profile
