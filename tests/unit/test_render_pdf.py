"""PDF: embedded Liberation/Carlito text (DejaVu for what they lack) that reads back, in
reading order, without reportlab traces."""

from __future__ import annotations

import io
import re
from dataclasses import replace

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


def test_metric_compatible_font_is_embedded(rendered: bytes) -> None:
    assert b"/FontFile2" in rendered
    fonts = re.findall(rb"/BaseFont /([A-Z]{6})\+(Liberation[\w-]+)", rendered)
    assert fonts, "no embedded Liberation subset"
    assert all(prefix != b"AAAAAA" for prefix, _ in fonts)
    assert b"DejaVu" not in rendered  # Liberation covers every letter of this sample


def test_dejavu_draws_what_liberation_lacks() -> None:
    arabic = "\u0633\u0644\u0627\u0645"  # Liberation Sans has no Arabic letters
    document = sample()
    blocks = (*document.blocks, Block("paragraph", f"Ik spreek Arabisch ({arabic})."))
    data = build_document(document=replace(document, blocks=blocks), fmt="pdf").data
    assert re.search(rb"/BaseFont /[A-Z]{6}\+DejaVu", data)
    assert "?" not in text_of(data)


@pytest.mark.parametrize(
    ("template", "family"), [("compact", b"Carlito"), ("warm", b"LiberationSerif")]
)
def test_each_template_embeds_its_own_font(template: str, family: bytes) -> None:
    data = build_document(document=sample(), fmt="pdf", template=template).data
    assert re.search(rb"/BaseFont /[A-Z]{6}\+" + family, data)


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


@pytest.mark.parametrize("family", ["sans", "serif", "calibri"])
def test_each_bundled_font_covers_the_letters_participants_write(family: str) -> None:
    from jobmatch.documents.fonts import DOCX_NAMES, covered

    assert {ord(char) for char in "éëïĳőűșț€ĲŐŰȘȚ"} <= covered(family)
    assert DOCX_NAMES[family] in ("Arial", "Times New Roman", "Calibri")  # fonts Word has
