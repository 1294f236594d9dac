"""Page layout as a reader sees it: no heading alone at the bottom of a page (PDF read back
with pypdf; DOCX heading styles keep with the next paragraph), and a CV that is only a few
lines over one page is fitted on one page."""

from __future__ import annotations

import io
import re
from typing import Any

import docx
import pytest
from pypdf import PdfReader

from jobmatch.datafiles.guard import load_guard_config
from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.datafiles.templates import load_template
from jobmatch.documents.pdf import build_pages, render_pdf
from jobmatch.domain.cv import compose_cv
from jobmatch.domain.document import Block, Document
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.style import TemplateStyle
from jobmatch.services.documents import build_document
from tests.factories import EVIDENCE, make_profiles

TEMPLATES = ("helder", "warm", "compact")


def squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.casefold())


def heading_texts(document: Document) -> set[str]:
    return {squash(b.text) for b in document.blocks if b.kind in ("heading", "subheading")}


def page_lines(data: bytes) -> list[list[str]]:
    pages = PdfReader(io.BytesIO(data)).pages
    return [[ln for ln in (p.extract_text() or "").splitlines() if ln.strip()] for p in pages]


def lengthen(raw: dict[str, Any], extra: int) -> dict[str, Any]:
    """The profile with `extra` more confirmed competencies (two evidence lines each), so the
    page break falls at a different place in every CV."""
    have = {c["id"] for c in raw["competencies"]}
    more = [cid for cid in EVIDENCE if cid not in have][:extra]
    raw["competencies"] = [{**c, "status": "confirmed"} for c in raw["competencies"]] + [
        {"id": cid, "evidence": f"{EVIDENCE[cid]} Dat deed ik elke week."} for cid in more
    ]
    raw["education"] += [{"title": f"Cursus deel {i}", "completed": True} for i in range(extra)]
    raw["certificates"] = [f"Certificaat {i}" for i in range(extra // 2)]
    return raw


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    lexicon = load_lexicon()
    raw = [p for p in make_profiles(60, seed=7) if p.get("cv", {}).get("date_policy") != "exact"]
    profiles = [profile_from_dict(lengthen(p, 4 + i % 12)) for i, p in enumerate(raw[:36])]
    return [compose_cv(p, lexicon, lang="nl") for p in profiles]


@pytest.mark.parametrize("template", TEMPLATES)
def test_no_pdf_page_ends_with_a_heading(documents: list[Document], template: str) -> None:
    guard = load_guard_config()
    multi_page = 0
    for document in documents:
        data = build_document(document=document, fmt="pdf", template=template, guard_config=guard)
        pages = page_lines(data.data)
        multi_page += len(pages) > 1
        headings = heading_texts(document)
        for number, lines in enumerate(pages[:-1], start=1):
            assert squash(lines[-1]) not in headings, (document.author, number, lines[-3:])
    assert multi_page, "no CV ran over one page: the test would prove nothing"


@pytest.mark.parametrize("template", TEMPLATES)
def test_docx_heading_styles_keep_with_next(documents: list[Document], template: str) -> None:
    data = build_document(document=documents[0], fmt="docx", template=template).data
    styles = docx.Document(io.BytesIO(data)).styles
    for name in ("Heading 1", "Heading 2"):
        assert styles[name].paragraph_format.keep_with_next is True, (template, name)


def _bullets(n: int) -> Document:
    items = tuple(
        f"Ik hielp klanten bij vraag nummer {i} en zocht samen een oplossing." for i in range(n)
    )
    return Document(
        kind="cv",
        lang="nl",
        title="CV Ana Souza",
        author="Ana Souza",
        blocks=(
            Block("title", "Ana Souza"),
            Block("heading", "COMPETENTIES"),
            Block("bullets", items=items),
        ),
        filename_stem="cv-ana",
    )


def _first_overflow(style: TemplateStyle) -> int:
    """The smallest number of bullet lines that runs over one page in the normal layout."""
    n = 10
    while build_pages(_bullets(n), style)[1] <= 1:
        n += 1
    return n


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_few_lines_over_one_page_fit_on_one_page(template: str) -> None:
    style = load_template(template)
    overflow = _first_overflow(style)
    for extra in (0, 2):
        document = _bullets(overflow + extra)
        assert 1 < build_pages(document, style)[1] <= 2  # the normal layout needs two pages
        assert len(PdfReader(io.BytesIO(render_pdf(document, style))).pages) == 1
    long = _bullets(overflow * 2)
    assert len(PdfReader(io.BytesIO(render_pdf(long, style))).pages) >= 2  # not squeezed
    # The fitted page keeps its text (nothing dropped to make it fit).
    text = PdfReader(io.BytesIO(render_pdf(_bullets(overflow), style))).pages[0].extract_text()
    assert f"nummer {overflow - 1} " in text


def test_letter_paragraphs_have_a_blank_line_between_them() -> None:
    document = Document(
        kind="letter",
        lang="nl",
        title="Sollicitatiebrief Ana Souza",
        author="Ana Souza",
        blocks=(Block("title", "Ana Souza"), Block("paragraph", "Geachte heer/mevrouw,")),
        filename_stem="brief-ana",
    )
    data = build_document(document=document, fmt="docx").data
    paragraph = next(p for p in docx.Document(io.BytesIO(data)).paragraphs if "Geachte" in p.text)
    after = paragraph.paragraph_format.space_after
    assert after is not None and after.pt >= load_template("helder").base_size * 0.8
    cv = build_document(document=_bullets(3), fmt="docx").data
    bullet = docx.Document(io.BytesIO(cv)).paragraphs[-1]
    assert bullet.paragraph_format.space_after is None  # a CV keeps its style spacing
