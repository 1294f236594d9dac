"""PDF: embedded DejaVu text that reads back, in reading order, without reportlab traces."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from jobmatch.domain.document import Block, Document
from jobmatch.services.documents import build_document

DIACRITICS = "é ë ï ĳ ő ű ș ț €"


def sample(name: str = "Ștefania Țăranu") -> Document:
    return Document(
        kind="cv",
        lang="nl",
        title=f"CV {name}",
        author=name,
        blocks=(
            Block("title", name),
            Block("heading", "PROFIEL"),
            Block("paragraph", f"Ik spreek Roemeens en Hongaars: {DIACRITICS} 38 uur, € 2.450."),
            Block("heading", "COMPETENTIES"),
            Block("subheading", "Klantgerichtheid"),
            Block("bullets", items=("Ik help klanten vriendelijk.", "Ik blijf rustig.")),
            Block("heading", "TALEN"),
            Block("bullets", items=("Roemeens — moedertaal",)),
        ),
        filename_stem="cv-ștefania",
    )


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return build_document(document=sample(), fmt="pdf").data


def test_diacritics_and_euro_read_back(rendered: bytes) -> None:
    text = text_of(rendered)
    assert "Ștefania Țăranu" in text
    for char in DIACRITICS.split():
        assert char in text, char


def test_dejavu_is_embedded(rendered: bytes) -> None:
    assert b"/FontFile2" in rendered
    fonts = re.findall(rb"/BaseFont /([A-Z]{6})\+(DejaVu[\w-]+)", rendered)
    assert fonts, "no embedded DejaVu subset"
    assert all(prefix != b"AAAAAA" for prefix, _ in fonts)


def test_metadata_is_only_title_and_author(rendered: bytes) -> None:
    metadata = PdfReader(io.BytesIO(rendered)).metadata
    assert dict(metadata or {}) == {"/Title": "CV Ștefania Țăranu", "/Author": "Ștefania Țăranu"}


def test_no_reportlab_traces_or_fixed_dates(rendered: bytes) -> None:
    lowered = rendered.lower()
    assert b"reportlab" not in lowered
    for trace in (b"/Producer", b"/Creator", b"/CreationDate", b"/ModDate", b"D:2000"):
        assert trace not in rendered, trace


def test_document_id_and_subset_names_differ_per_file(rendered: bytes) -> None:
    again = build_document(document=sample(), fmt="pdf").data
    ids = [re.search(rb"/ID \[ <([0-9a-f]+)>", d) for d in (rendered, again)]
    assert ids[0] and ids[1] and ids[0].group(1) != ids[1].group(1)
    prefixes = [set(re.findall(rb"/BaseFont /([A-Z]{6})\+", d)) for d in (rendered, again)]
    assert prefixes[0] and not prefixes[0] & prefixes[1]


def test_text_follows_reading_order(rendered: bytes) -> None:
    text = text_of(rendered)
    order = ["Ștefania", "PROFIEL", "Ik spreek", "COMPETENTIES", "Klantgerichtheid"]
    order += ["Ik help klanten", "Ik blijf rustig", "TALEN", "Roemeens — moedertaal"]
    positions = [text.index(word) for word in order]
    assert positions == sorted(positions)
    assert "• Ik help klanten" in text


def test_neutral_ascii_file_name(rendered: bytes) -> None:
    assert build_document(document=sample(), fmt="pdf").filename == "cv-stefania.pdf"
