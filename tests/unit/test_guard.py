"""The guard blocks organisation names, words about the past, dates, years and ages,
and lets ordinary text through (DESIGN.md §5, docs/privacy.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobmatch.datafiles.guard import ENV_ORGANISATIONS, load_guard_config, read_guard_file
from jobmatch.domain.errors import GuardError
from jobmatch.domain.guard import DocumentBlockedError, GuardConfig, scan_text

CONFIG = GuardConfig(
    organisations=("Stichting Nieuwe Morgen", "Uitweg040"),
    past_words=(
        "prostitutie",
        "sekswerk",
        "sekswerker",
        "escort",
        "privéhuis",
        "club",
        "raam",
        "sex work",
        "brothel",
    ),
    # "raamwerk" as in the built-in floor (datafiles/guard.py): a compound with a short
    # listed word ("raam") blocks unless its other part is innocent or the word is allowed.
    allowed_words=("sportclub", "clubhuis", "raamwerk"),
)


def kinds(text: str, *, allow_dates: bool = False) -> list[tuple[str, str]]:
    return [(f.word, f.kind) for f in scan_text({"t": text}, CONFIG, allow_dates=allow_dates)]


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("Ik kreeg hulp van Stichting Nieuwe Morgen.", "Stichting Nieuwe Morgen", "organisation"),
        ("via stichting nieuwe-morgen", "stichting nieuwe-morgen", "organisation"),
        ("Uitweg040 hielp mij", "Uitweg040", "organisation"),
        ("Ik was sekswerker.", "sekswerker", "past"),
        ("Receptie van een escortbureau", "escortbureau", "past"),
        ("Escortservice", "escortservice", "past"),
        ("werk in een Privéhuis", "privéhuis", "past"),
        ("werk in een privehuis", "privehuis", "past"),
        ("Ik werkte in een club", "club", "past"),
        ("achter het raam", "raam", "past"),
        ("I did sex work", "sex work", "past"),
        ("sex-work", "sex-work", "past"),
        ("near the brothel", "brothel", "past"),
        ("Geboren op 12-03-1990", "12-03-1990", "date"),
        ("sinds 12 maart 2021", "12 maart 2021", "date"),
        ("from March 2021", "March 2021", "date"),
        ("vanaf mei '19", "mei '19", "date"),
        ("2019 - heden", "2019 - heden", "date"),
        ("2016–2020 receptie", "2016–2020", "date"),
        ("in 2019 begonnen", "2019", "year"),
        ("sinds '98", "'98", "year"),
        ("Ik ben 34 jaar oud", "34 jaar oud", "age"),
        ("age 34", "age 34", "age"),
        ("Leeftijd: onbekend", "Leeftijd", "age"),
        ("Date of birth", "Date of birth", "age"),
    ],
)
def test_each_category_is_blocked(text: str, word: str, kind: str) -> None:
    found = kinds(text)
    assert (word.lower(), kind) in [(w.lower(), k) for w, k in found], found


@pytest.mark.parametrize(
    "text",
    [
        "Ik sport bij een sportclub en een voetbalclub.",
        "Vergadering in het clubhuis",
        "Ik werk met een raamwerk voor planning.",
        "Ik lap ramen en zeem de ruiten.",
        "Salaris € 2.450 bruto per maand, of € 2000 netto.",
        "Ik kan 38 uur per week werken, 16-32 uur.",
        "Telefoon 06-12345678 of +31 6 1234 2019, kantoor 070 346 2000.",
        "Postcode 2011 AB Haarlem, 1012 Amsterdam.",
        "Ik spreek 3 talen; Nederlands op niveau B1; 5 jaar ervaring.",
        "Escorte? nee: ik begeleid bezoekers (escorteren) — allowed? see privacy.md",
        "Ik werk zelfstandig en ben klantgericht. Ik spreek Hongaars (ő, ű) en Roemeens (ș, ț).",
        "versie 2.0, 2.000 klanten, ana1985@example.org",
    ],
)
def test_ordinary_text_passes(text: str) -> None:
    if "escorte" in text.lower():
        # Documented decision: 'escort' also blocks its derivations ("escorteren").
        assert kinds(text) and all(kind == "past" for _, kind in kinds(text))
        return
    assert kinds(text) == []


def test_namespace_uris_with_years_are_not_dates_in_text() -> None:
    text = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
    assert kinds(text) == []


def test_dates_years_and_ages_pass_when_participant_opted_in() -> None:
    text = "2019 - heden receptie, 12 maart 2021, 34 jaar"
    assert kinds(text, allow_dates=True) == []
    assert kinds("sekswerker", allow_dates=True) == [("sekswerker", "past")]


def test_finding_names_word_kind_and_where() -> None:
    findings = scan_text({"word/document.xml": "x", "PDF page 2": "in 2020"}, CONFIG)
    assert len(findings) == 1
    assert findings[0].where == "PDF page 2"
    error = DocumentBlockedError(findings)
    assert isinstance(error, GuardError)
    assert "'2020'" in str(error) and "PDF page 2" in str(error)
    assert str(error).startswith("Document tegengehouden")


def test_guard_file_and_env_organisations_are_merged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path
    (folder / "guard.toml").write_text(
        'organisations = ["Huis van Hoop"]\npast_words_nl = ["peeskamer"]\n'
        'past_words_en = ["red light"]\nallowed_words = ["rode lampje"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv(ENV_ORGANISATIONS, "Exit Noord; Nieuwe Weg ")
    config = load_guard_config(folder)
    assert {"Huis van Hoop", "Exit Noord", "Nieuwe Weg"} <= set(config.organisations)
    assert "peeskamer" in config.past_words and "red light" in config.past_words
    assert "prostitutie" in config.past_words  # the built-in floor is always there
    found = scan_text({"t": "Exit Noord en de red-light buurt"}, config)
    assert {f.kind for f in found} == {"organisation", "past"}


def test_broken_guard_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "guard.toml"
    path.write_text("organisations = [1, 2]\n", encoding="utf-8")
    _config, problems = read_guard_file(path)
    assert problems and "organisations" in str(problems[0])


@pytest.mark.parametrize(
    ("text", "blocked"),
    [
        ("Ik werkte in een club.", True),
        ("Ik ben lid van een voetbalclub en kom graag in het clubhuis.", False),
        ("I run a book club.", False),
        ("Ik werkte in een seksclub.", True),
        ("Ik ken het raamwerk voor kwaliteit.", False),
        ("Ik lap ramen bij kantoren.", False),
        ("Ik was raamwerkster.", True),
        ("Ik kan bezoekers escorteren naar de zaal.", False),
        ("Receptie bij een Escortservice", True),
        ("Zij is 34-jarige moeder", True),
        ("12/3/21 gestart", True),
    ],
)
def test_documented_decisions_with_the_shipped_word_lists(text: str, blocked: bool) -> None:
    """docs/privacy.md, 'Decisions on ambiguous words', with competencies/guard.toml."""
    findings = scan_text({"t": text}, load_guard_config())
    assert bool(findings) == blocked, findings
