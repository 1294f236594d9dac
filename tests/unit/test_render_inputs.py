"""Awkward input gives a sensible document or one clear message, never a crash."""

from __future__ import annotations

import io

import docx
import pytest
from pypdf import PdfReader

from jobmatch.domain.document import Block, Document
from jobmatch.domain.errors import JobmatchError
from jobmatch.domain.guard import DocumentBlockedError, GuardConfig
from jobmatch.services.documents import build_document, neutral_filename


def doc(*blocks: Block, name: str = "Ana Souza", title: str = "") -> Document:
    return Document(
        kind="cv",
        lang="nl",
        title=title or f"CV {name}",
        author=name,
        blocks=blocks,
        filename_stem=f"cv-{name.split(maxsplit=1)[0] if name.split() else ''}",
    )


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


@pytest.mark.parametrize("fmt", ["docx", "pdf", "txt"])
def test_empty_document_is_still_a_valid_file(fmt: str) -> None:
    rendered = build_document(document=doc(name=""), fmt=fmt)  # type: ignore[arg-type]
    assert rendered.filename == f"cv.{fmt}"
    if fmt == "pdf":
        assert len(PdfReader(io.BytesIO(rendered.data)).pages) == 1
    elif fmt == "docx":
        assert docx_text(rendered.data) == ""


def test_names_outside_latin1_and_scripts_the_font_lacks() -> None:
    thai = doc(Block("title", "สมชาย Srisawat"), Block("paragraph", "Ĳsbrand Őrsi Ștefan"))
    data = build_document(document=thai, fmt="pdf").data
    text = pdf_text(data)
    assert "Ĳsbrand Őrsi Ștefan" in text
    assert "????? Srisawat" in text  # letters DejaVu cannot draw become '?', never boxes
    assert "สมชาย" in docx_text(build_document(document=thai, fmt="docx").data)
    assert neutral_filename("cv-สมชาย", "pdf") == "cv.pdf"
    assert neutral_filename("cv-Őrsi", "pdf") == "cv-orsi.pdf"
    assert neutral_filename("brief-Ĳsbrand", "docx") == "brief-ijsbrand.docx"
    assert neutral_filename("cv-Łucja Ørsted", "pdf") == "cv-lucja-orsted.pdf"


def test_long_evidence_line_wraps_over_pages() -> None:
    line = "Ik help klanten vriendelijk en " + "zorgvuldig " * 450 + "einde."
    long_word = "x" * 600
    document = doc(Block("bullets", items=(line, long_word)))
    data = build_document(document=document, fmt="pdf").data
    text = pdf_text(data)
    assert text.count("zorgvuldig") == 450 and "einde." in text
    assert "zorgvuldig" in docx_text(build_document(document=document, fmt="docx").data)


def test_emoji_are_left_out_of_the_pdf_but_kept_in_docx() -> None:
    document = doc(Block("paragraph", "Ik kook graag 🍳 en help mensen 👍🏽 ★ klaar"))
    text = pdf_text(build_document(document=document, fmt="pdf").data)
    assert "Ik kook graag" in text and "klaar" in text
    assert "🍳" not in text and "\ufffd" not in text and "□" not in text
    assert "🍳" in docx_text(build_document(document=document, fmt="docx").data)


def test_right_to_left_text_and_control_characters() -> None:
    document = doc(Block("paragraph", "Arabisch: مرحبا بكم — Hebreeuws: שלום\x00\x07 klaar"))
    for fmt in ("pdf", "docx"):
        data = build_document(document=document, fmt=fmt).data  # type: ignore[arg-type]
        text = pdf_text(data) if fmt == "pdf" else docx_text(data)
        assert "klaar" in text and "\x00" not in text
        assert "שלום" in text  # drawn right to left; pypdf reads it back in logical order


def test_unknown_format_is_a_clear_message() -> None:
    with pytest.raises(JobmatchError, match="Onbekend formaat / unknown format"):
        build_document(document=doc(), fmt="odt")  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["docx", "pdf", "txt"])
def test_guard_blocks_and_names_word_and_place(fmt: str) -> None:
    config = GuardConfig(organisations=("Huis van Hoop",), past_words=("privéhuis",))
    document = doc(Block("paragraph", "Ik werkte in een privéhuis."), title="CV Ana 1985")
    with pytest.raises(DocumentBlockedError) as caught:
        build_document(document=document, fmt=fmt, guard_config=config)  # type: ignore[arg-type]
    found = {(f.word, f.kind, f.where) for f in caught.value.findings}
    body = {"docx": "word/document.xml", "pdf": "PDF page 1", "txt": "text"}[fmt]
    assert ("privéhuis", "past", body) in found
    if fmt != "txt":
        meta = {"docx": "docProps/core.xml", "pdf": "PDF metadata /Title"}[fmt]
        assert ("1985", "year", meta) in found
    assert "privéhuis" in str(caught.value)
    assert build_document(
        document=doc(Block("paragraph", "1985")), fmt=fmt, allow_dates=True, guard_config=config
    )  # type: ignore[arg-type]


def test_emoji_in_the_name_reads_back_cleanly(caplog: pytest.LogCaptureFixture) -> None:
    document = doc(Block("title", "Zoë 😀 Đorđević"), name="Zoë 😀 Đorđević")
    rendered = build_document(document=document, fmt="pdf")
    assert "Zoë Đorđević" in pdf_text(rendered.data)
    assert not [r for r in caplog.records if "hex" in r.getMessage()]
    assert rendered.filename == "cv-zoe.pdf"


def test_guard_also_reads_the_composed_text() -> None:
    """A word glued into a 90-letter string is broken up in the PDF; the composed text still
    carries it, so the guard blocks it anyway."""
    glued = "a" * 55 + "escortbureau" + "b" * 25
    config = GuardConfig(past_words=("escort",))
    with pytest.raises(DocumentBlockedError) as caught:
        build_document(document=doc(Block("paragraph", glued)), fmt="pdf", guard_config=config)
    assert "document text" in {f.where for f in caught.value.findings}


def test_very_long_heading_in_every_template_is_laid_out() -> None:
    document = doc(Block("heading", "x" * 3000), Block("subheading", "woord " * 600))
    for template in ("helder", "warm", "compact"):
        data = build_document(document=document, fmt="pdf", template=template).data
        assert pdf_text(data).count("x") >= 3000
