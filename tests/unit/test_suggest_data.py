"""The shipped bridge, discovery and guard files, and check_bridge on broken copies."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from jobmatch.datafiles.bridge import WordGuard, check_bridge, check_guard, load_bridge
from jobmatch.datafiles.paths import data_dir
from jobmatch.domain.discovery import DISCOVERY_LANGUAGES
from jobmatch.domain.profiles import EXPERIENCE_KINDS

SOURCE = data_dir("competencies")
PERSONAL_SERVICES_CORE = {
    "gastvrijheid",
    "klantgerichtheid",
    "mensenkennis",
    "discretie",
    "onderhandelen",
    "grenzen-stellen",
    "tact",
    "flexibiliteit",
    "stressbestendigheid",
    "ondernemerschap",
    "financieel-beheer",
    "plannen-organiseren",
    "representativiteit",
    "interculturele-vaardigheden",
}


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A private copy of competencies/ that a test may break."""
    target = tmp_path / "competencies"
    shutil.copytree(SOURCE, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_shipped_files_have_no_problems() -> None:
    assert check_bridge(SOURCE) == []


def test_bridge_size_and_coverage_of_kinds() -> None:
    bridge = load_bridge(SOURCE)
    assert len(bridge.rules) >= 60
    assert len(bridge.questions) >= 25
    assert {"personal-services", "own-business", "care", "volunteer", "education"} <= set(
        bridge.kinds
    )
    assert set(bridge.kinds) <= set(EXPERIENCE_KINDS)


def test_personal_services_mapping_is_rich_and_has_neutral_lines() -> None:
    bridge = load_bridge(SOURCE)
    defaults = bridge.kinds["personal-services"]
    assert {hint.id for hint in defaults.suggests} >= PERSONAL_SERVICES_CORE
    assert "Zelfstandig ondernemer in de persoonlijke dienstverlening" in defaults.neutral_lines_nl
    assert len(defaults.neutral_lines_nl) == len(defaults.neutral_lines_en) >= 2
    assert bridge.neutral_lines("personal-services", "en") == defaults.neutral_lines_en
    assert bridge.neutral_lines("work") == ()


def test_every_question_in_seven_languages_with_thai_script() -> None:
    bridge = load_bridge(SOURCE)
    for question in bridge.questions:
        assert all(question.text_in(lang) for lang in DISCOVERY_LANGUAGES), question.id
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in question.text["th"]), question.id
        assert question.text["nl"].endswith("?")
    assert bridge.question("klanten-ontvangen") is not None
    assert bridge.question("bestaat-niet") is None


def test_evidence_is_first_person_and_clean() -> None:
    bridge = load_bridge(SOURCE)
    guard = WordGuard(tomllib.loads((SOURCE / "guard.toml").read_text(encoding="utf-8")))
    sentences = [(r.evidence_nl, r.evidence_en) for r in bridge.rules]
    sentences += [(q.evidence_nl, q.evidence_en) for q in bridge.questions]
    for defaults in bridge.kinds.values():
        sentences += [(h.evidence_nl, h.evidence_en) for h in defaults.suggests]
    for nl, en in sentences:
        assert guard.find(nl) == [] and guard.find(en) == []
        assert any(word in f" {nl} " for word in (" Ik ", " ik ", " mij ", " mijn ", " me ")), nl
        assert any(word in f" {en} " for word in (" I ", " me ", " my ", " My ")), en


def test_guard_lists_hold_the_required_words() -> None:
    guard = tomllib.loads((SOURCE / "guard.toml").read_text(encoding="utf-8"))
    names = set(guard["organisations"]) | set(guard["case_sensitive_organisations"])
    assert {"SHOP", "De Haven", "Spot 46", "RUPS", "Fier", "CoMensha", "PROUD"} <= names
    assert {"prostitutie", "sekswerk", "escort", "privéhuis", "uitstapprogramma"} <= set(
        guard["past_words_nl"]
    )
    assert {"prostitution", "sex work", "exit programme", "red light"} <= set(
        guard["past_words_en"]
    )
    assert {"sportclub", "voetbalclub", "clubhuis", "raamwerk"} <= set(guard["allowed_words"])
    assert check_guard(SOURCE) == []


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("Ik werkte in een seksclub.", True),
        ("Ik werkte bij een escortbureau.", True),
        ("I was a sex worker.", True),
        ("Ik werkte in een club.", True),
        ("Ik ben lid van de voetbalclub en de sportclub.", False),
        ("Ik ken het raamwerk van de opleiding.", False),
        ("Ik maakte ramen schoon", True),  # our own evidence sentences avoid even this
        ("Ik deed dit in 2019.", True),
        ("Ik hielp klanten vriendelijk.", False),
    ],
)
def test_word_guard_on_evidence(text: str, hit: bool) -> None:
    guard = WordGuard(tomllib.loads((SOURCE / "guard.toml").read_text(encoding="utf-8")))
    assert bool(guard.find(text)) is hit


def test_unknown_competency_id_is_reported(copy: Path) -> None:
    edit(
        copy / "bridge.toml",
        'competencies = ["gastvrijheid", "klantgerichtheid"]',
        'competencies = ["gastvrijheid", "toveren"]',
    )
    problems = check_bridge(copy)
    assert any("toveren" in p.message and p.field == "competencies" for p in problems)


def test_missing_translation_is_reported(copy: Path) -> None:
    edit(copy / "discovery.toml", 'th = "คุณเคยต้อนรับลูกค้าหรือแขกไหม"\n', "")
    problems = check_bridge(copy)
    assert [p.field for p in problems] == ["text"]
    assert "th" in problems[0].message and "klanten-ontvangen" in problems[0].where


def test_forbidden_word_in_evidence_is_reported(copy: Path) -> None:
    edit(
        copy / "bridge.toml",
        "Ik ontving mensen en zorgde",
        "Ik ontving mannen in de club en zorgde",
    )
    problems = check_bridge(copy)
    assert problems and all(p.field == "evidence_nl" for p in problems)
    assert "club" in problems[0].message


def test_duplicate_ids_bad_kind_and_missing_patterns(copy: Path) -> None:
    with (copy / "bridge.toml").open("a", encoding="utf-8") as handle:
        handle.write(
            '\n[[rule]]\nid = "schoonmaken"\nkinds = ["sekswerk"]\ncompetencies = ["schoonmaken"]\n'
            'evidence_nl = "Ik maakte schoon."\nevidence_en = "I cleaned."\n'
        )
    edit(copy / "bridge.toml", "strength = 0.7", "strength = 7")
    messages = [f"{p.field}: {p.message}" for p in check_bridge(copy)]
    assert any(m.startswith("strength: moet tussen 0 en 1") for m in messages)
    assert any("duplicate rule id" in m for m in messages)
    assert any(m.startswith("kinds:") for m in messages)
    assert any("at least one pattern" in m for m in messages)


def test_broken_and_missing_files_are_reported_not_raised(copy: Path) -> None:
    (copy / "discovery.toml").write_text("[[question]\nid = ", encoding="utf-8")
    (copy / "guard.toml").unlink()
    messages = [p.message for p in check_bridge(copy)]
    assert any("TOML" in m for m in messages)
    assert any("ontbreekt" in m for m in messages)


def test_guard_problems(copy: Path) -> None:
    (copy / "guard.toml").write_text(
        'organisations = []\npast_words_nl = ["club"]\npast_words_en = ["x", 3]\n'
        'allowed_words = ["Club"]\n',
        encoding="utf-8",
    )
    problems = {p.field: p.message for p in check_guard(copy)}
    assert problems["organisations"] == "is leeg / is empty"
    assert "non-empty texts" in problems["past_words_en"]
    assert "club" in problems["allowed_words"]


def test_document_guard_passes_every_sentence_and_neutral_line() -> None:
    """What suggest hands to the CV must get through the guard that checks documents."""
    from jobmatch.datafiles.guard import load_guard_config
    from jobmatch.domain.guard import scan_text

    bridge = load_bridge(SOURCE)
    texts = [text for rule in bridge.rules for text in (rule.evidence_nl, rule.evidence_en)]
    texts += [text for q in bridge.questions for text in (q.evidence_nl, q.evidence_en)]
    for defaults in bridge.kinds.values():
        texts += [*defaults.neutral_lines_nl, *defaults.neutral_lines_en]
        texts += [
            text for hint in defaults.suggests for text in (hint.evidence_nl, hint.evidence_en)
        ]
    parts = {f"text {i}": text for i, text in enumerate(texts)}
    assert scan_text(parts, load_guard_config(SOURCE)) == []


@pytest.mark.parametrize(
    ("text", "blocked"),
    [
        ("Ik werkte in een club.", True),
        ("Ik werkte in een privéhuis en daarna als escort.", True),
        ("Ik werkte in de raamprostitutie.", True),
        ("I was a sex worker in the red light district.", True),
        ("Ik deed mee aan een uitstapprogramma.", True),
        ("Ik ben lid van de voetbalclub en trainer bij de sportclub.", False),
        ("We vergaderden in het clubhuis van de book club.", False),
        ("Ik heb ramen gewassen en ken het raamwerk voor kwaliteit.", False),
        ("Ik deed een uitstapje met de bewoners.", False),
        ("Ik werkte met privé-adressen van klanten en hun sekse.", False),
    ],
)
def test_guard_word_lists_decide_ambiguous_words(text: str, blocked: bool) -> None:
    from jobmatch.datafiles.guard import load_guard_config
    from jobmatch.domain.guard import scan_text

    assert bool(scan_text({"cv": text}, load_guard_config(SOURCE))) is blocked
