"""find_competencies: lemma phrases, compounds and derivations, guarded against false hits."""

from __future__ import annotations

import pytest

from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.domain.competencies import Lexicon
from jobmatch.nlp.extract import find_competencies


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _ids(text: str, lexicon: Lexicon) -> set[str]:
    return {cid for cid, _ in find_competencies(text, lexicon)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je bent klantvriendelijk.", "klantgerichtheid"),
        ("Klantvriendelijkheid staat bij ons voorop.", "klantgerichtheid"),
        ("Wij zoeken een gastvrijheidsmedewerker.", "gastvrijheid"),
        ("Stressbestendigheid is belangrijk.", "stressbestendigheid"),
        ("Je werkt graag zelfstandig.", "zelfstandigheid"),
        ("Je hebt een zelfstandige werkhouding.", "zelfstandigheid"),
        ("Je maakt de kamers schoon en verschoont de bedden.", "schoonmaken"),
        ("Onderhoudsschoonmaak in kantoren.", "schoonmaken"),
        ("You are a team player with a friendly attitude.", "samenwerken"),
        ("Je bent een echte teamspeler.", "samenwerken"),
        ("Je werkt volgens de hygiëneregels.", "hygienisch-werken"),
    ],
)
def test_finds_competency(text: str, expected: str, lexicon: Lexicon) -> None:
    assert expected in _ids(text, lexicon)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Informatie over de zelfstandigenaftrek.", "zelfstandigheid"),
        ("Wij bieden flexibele werktijden.", "flexibiliteit"),
        ("Je leidinggevende werkt je in.", "leidinggeven"),
        ("Je schoonmoeder komt op bezoek.", "schoonmaken"),
    ],
)
def test_does_not_fire_on_look_alikes(text: str, not_expected: str, lexicon: Lexicon) -> None:
    assert not_expected not in _ids(text, lexicon)


def test_returns_the_matched_span(lexicon: Lexicon) -> None:
    found = find_competencies("Wij zoeken een stressbestendige kok.", lexicon)
    assert ("stressbestendigheid", "stressbestendige") in found


def test_empty_text_finds_nothing(lexicon: Lexicon) -> None:
    assert find_competencies("", lexicon) == []
