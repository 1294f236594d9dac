"""Organisation names that are ordinary words, and ages versus durations (docs/privacy.md).

- A name written in capitals ("SHOP", "PROUD") and a name under `case_sensitive_organisations`
  ("Fier", "De Haven") block only as written (or all in capitals); ordinary words pass.
- Ages block ("34 jaar oud", "age 34"); a duration of experience ("15 jaar ervaring") passes.
Checked on plain text and on real rendered DOCX/PDF files (text, metadata).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jobmatch.datafiles.guard import ENV_ORGANISATIONS, load_guard_config
from jobmatch.datafiles.wordguard import check_guard
from jobmatch.domain.document import Block, Document
from jobmatch.domain.guard import DocumentBlockedError, GuardConfig, is_acronym, scan_text
from jobmatch.services.documents import build_document

SHIPPED = load_guard_config()


def found(text: str, config: GuardConfig = SHIPPED) -> list[tuple[str, str]]:
    return [(f.word, f.kind) for f in scan_text({"t": text}, config)]


@pytest.mark.parametrize(
    "text",
    [
        "Ik werkte als barista in een coffee shop.",
        "Medewerker Coffee Shop en webshop.",
        "I am proud of my work with guests.",
        "Proud to help people.",
        "Ik ben fier op wat ik heb geleerd.",
        "Ik werkte aan de haven van Rotterdam.",
        "Ik laadde containers in de haven.",
        "Een rups wordt een vlinder.",
        "Ik shop graag bij de markt.",
    ],
)
def test_ordinary_words_that_are_also_names_pass(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Vrijwilliger bij SHOP in Den Haag", "SHOP"),
        ("Ik kreeg steun van PROUD.", "PROUD"),
        ("Coaching via RUPS", "RUPS"),
        ("Begeleiding door Fier", "Fier"),
        ("BEGELEIDING DOOR FIER", "FIER"),
        ("Vrijwilliger bij De Haven", "De Haven"),
        ("VRIJWILLIGER BIJ DE HAVEN", "DE HAVEN"),
        ("via stichting shop", "stichting shop"),  # mixed-case names: any case
        ("hulp van fier fryslan", "fier fryslan"),
        ("Cursus bij comensha", "comensha"),
    ],
)
def test_organisation_as_written_is_blocked(text: str, word: str) -> None:
    assert (word, "organisation") in found(text), found(text)


def test_acronym_rule_and_env_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert is_acronym("SHOP") and is_acronym("P&G292") and not is_acronym("CoMensha")
    (tmp_path / "guard.toml").write_text(
        'organisations = ["Huis van Hoop"]\npast_words_nl = ["peeskamer"]\n'
        'past_words_en = ["red light"]\nallowed_words = ["rode lampje"]\n'
        'case_sensitive_organisations = ["Anker"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv(ENV_ORGANISATIONS, "HOOP; Nieuwe Weg")
    config = load_guard_config(tmp_path)
    assert found("Ik gooi het anker uit; hoop doet leven; Hoop ook.", config) == []
    assert {w for w, _ in found("Anker, HOOP, nieuwe weg", config)} == {
        "Anker",
        "HOOP",
        "nieuwe weg",
    }


def test_guard_file_with_bad_case_sensitive_list_is_reported(tmp_path: Path) -> None:
    source = (Path(__file__).resolve().parents[2] / "competencies" / "guard.toml").read_text(
        encoding="utf-8"
    )
    assert check_guard(Path(__file__).resolve().parents[2] / "competencies") == []
    broken = source.replace(
        "case_sensitive_organisations = [", "case_sensitive_organisations = [1, "
    )
    (tmp_path / "guard.toml").write_text(broken, encoding="utf-8")
    assert any(p.field == "case_sensitive_organisations" for p in check_guard(tmp_path))


def _document(text: str, title: str = "CV Ana Souza") -> Document:
    return Document(
        kind="cv",
        lang="nl",
        title=title,
        author="Ana Souza",
        blocks=(
            Block("title", "Ana Souza"),
            Block("heading", "ERVARING"),
            Block("paragraph", text),
        ),
        filename_stem="cv-ana",
    )


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_rendered_files_with_ordinary_words_pass(fmt: str) -> None:
    text = "Barista in een coffee shop aan de haven. Ik ben fier en proud. 15 jaar ervaring."
    rendered = build_document(document=_document(text), fmt=fmt, guard_config=SHIPPED)  # type: ignore[arg-type]
    assert rendered.data


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_rendered_file_with_organisation_is_blocked_in_text_and_metadata(fmt: str) -> None:
    document = _document("Vrijwilliger bij De Haven.", title="CV SHOP")
    with pytest.raises(DocumentBlockedError) as caught:
        build_document(document=document, fmt=fmt, guard_config=SHIPPED)  # type: ignore[arg-type]
    places = {(f.word, f.where) for f in caught.value.findings}
    if fmt == "pdf":
        assert ("De Haven", "PDF page 1") in places
        assert ("SHOP", "PDF metadata /Title") in places
    else:
        assert ("De Haven", "word/document.xml") in places
        assert ("SHOP", "docProps/core.xml") in places


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ik ben 34 jaar oud.", "34 jaar oud"),
        ("Leeftijd: 34", "Leeftijd: 34"),
        ("age 34", "age 34"),
        ("I am 34 years old.", "34 years old"),
        ("Een 34-jarige moeder", "34-jarige"),
        ("Ik ben 34.", "Ik ben 34"),
        ("I'm 41 and I love cooking.", "I'm 41"),
        ("Geboren in Boekarest", "Geboren"),
        ("born in Lisbon", "born"),
    ],
)
def test_ages_are_blocked(text: str, word: str) -> None:
    assert (word, "age") in found(text), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "15 jaar ervaring in de horeca.",
        "Ik heb 20 jaar ervaring met klanten.",
        "3 years of experience in customer service.",
        "Over 25 years of experience with guests.",
        "Ik werkte 18 jaar zelfstandig.",
        "Ik ben 15 jaar zelfstandig ondernemer geweest.",
        "Ruim 30 jaar werkervaring als kapster.",
        "Met 20-jarige ervaring in de zorg.",
    ],
)
def test_durations_of_experience_pass(text: str) -> None:
    assert found(text) == []
