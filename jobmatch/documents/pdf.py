"""Document -> PDF bytes with reportlab platypus and the bundled fonts (see `fonts`).

One column, text in reading order (title, then each heading before its content). Characters
the font cannot draw are handled by `fonts.pdf_safe`. The result still has to go through
`sanitize.sanitize_pdf` (reportlab writes its own name into every file).
"""

from __future__ import annotations

import io
import re
import textwrap
from dataclasses import replace
from typing import Any
from xml.sax.saxutils import escape  # nosec B406  (escape() writes XML text; parses nothing)

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from jobmatch.documents.fonts import font_names, font_runs, pdf_safe
from jobmatch.documents.sanitize import clean_text
from jobmatch.domain.document import Block, Document
from jobmatch.domain.style import LETTER_GAP, TemplateStyle

LONG_WORD = 30
BREAK_AT = 60
MAX_HEADING = 200
MIN_MARGIN_CM = 1.5
FIT_FACTORS = (0.75, 0.5)
FIT_OVERFLOW = 0.3  # share of the second page that tighter spacing can save at most

_LONG_WORD = re.compile(rf"[^\s]{{{BREAK_AT + 1},}}")


def _heading_style(base: ParagraphStyle, style: TemplateStyle) -> ParagraphStyle:
    """Accent colour; a grey band behind it for heading_style "band"."""
    heading = ParagraphStyle(
        "heading",
        parent=base,
        fontName=font_names(style.font)[1],
        fontSize=style.heading_size,
        leading=style.heading_size * 1.3,
        textColor=HexColor(f"#{style.accent}"),
        spaceBefore=style.heading_space_before,
        spaceAfter=2 if style.heading_style == "rule" else style.paragraph_space + 2,
        keepWithNext=1,
    )
    if style.heading_style == "band":
        heading.backColor = HexColor(f"#{style.band_colour}")
        heading.borderPadding = (2, 4, 2, 4)
        heading.textColor = HexColor(f"#{style.text_colour}")
    return heading


def _styles(style: TemplateStyle) -> dict[str, ParagraphStyle]:
    regular, bold = font_names(style.font)
    base = ParagraphStyle(
        "paragraph",
        fontName=regular,
        fontSize=style.base_size,
        leading=style.base_size * style.line_spacing * 1.15,
        textColor=HexColor(f"#{style.text_colour}"),
        spaceAfter=style.paragraph_space,
    )
    return {
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=bold,
            fontSize=style.title_size,
            leading=style.title_size * 1.2,
            textColor=HexColor(f"#{style.accent}"),
            spaceAfter=style.paragraph_space + 2,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=style.subtitle_size, leading=style.subtitle_size * 1.4
        ),
        "heading": _heading_style(base, style),
        "subheading": ParagraphStyle(
            "subheading",
            parent=base,
            fontName=bold,
            fontSize=style.subheading_size,
            leading=style.subheading_size * 1.3,
            spaceBefore=style.paragraph_space + 2,
            spaceAfter=style.paragraph_space / 2,
            keepWithNext=1,
        ),
        "paragraph": base,
        "bullets": ParagraphStyle(
            "bullets",
            parent=base,
            leftIndent=14,
            bulletFontName=regular,
            bulletIndent=3,
            spaceAfter=style.paragraph_space / 2,
        ),
    }


def _drawable(text: str, style: TemplateStyle) -> str:
    """Text the font can draw, with a space inside every word longer than BREAK_AT letters:
    reportlab measures a long word letter by letter on every try (minutes for 3,000 x's)."""
    safe = pdf_safe(clean_text(text), style.font)
    return _LONG_WORD.sub(lambda m: " ".join(textwrap.wrap(m.group(0), BREAK_AT)), safe)


def _markup(text: str, style: TemplateStyle) -> str:
    """Escaped text; characters only the fallback font has are set in that font."""
    pieces = [
        f'<font name="{font}">{escape(run)}</font>' if font else escape(run)
        for run, font in font_runs(_drawable(text, style), style.font)
    ]
    return "".join(pieces).replace("\n", "<br/>")


def _heading_text(text: str, style: TemplateStyle) -> str:
    """Upper case, or small capitals drawn as capitals in a smaller size."""
    safe = _drawable(text, style)
    if style.heading_style == "smallcaps":
        small = style.heading_size * 0.8
        words = []
        for word in safe.split():
            first, rest = escape(word[:1].upper()), escape(word[1:].upper())
            # Long words stay one run: reportlab splits a word made of two runs very slowly.
            if rest and len(word) <= LONG_WORD:
                words.append(f'{first}<font size="{small:.1f}">{rest}</font>')
            else:
                words.append(first + rest)
        return " ".join(words)
    return escape(safe.upper() if style.heading_upper else safe)


def _flowables(block: Block, styles: dict[str, ParagraphStyle], style: TemplateStyle) -> list[Any]:
    if block.kind == "bullets":
        return [
            Paragraph(_markup(item, style), styles["bullets"], bulletText="•")
            for item in block.items
            if item.strip()
        ]
    if not block.text.strip():
        return []
    if block.kind in ("heading", "subheading") and len(block.text) > MAX_HEADING:
        # A "heading" this long is text: kept with the next block it could exceed a page,
        # which reportlab cannot lay out.
        return [Paragraph(_markup(block.text, style), styles["paragraph"])]
    if block.kind == "heading":
        heading = Paragraph(_heading_text(block.text, style), styles["heading"])
        if style.heading_style != "rule":
            return [heading]
        rule = HRFlowable(
            width="100%", thickness=1, color=HexColor(f"#{style.accent}"), spaceAfter=4
        )
        # Not KeepTogether([heading, rule]): that group would lose keepWithNext and the
        # heading could stay alone at the bottom of a page. Chained, reportlab keeps
        # heading + rule + the next flowable (a subheading keeps its first line too).
        rule.keepWithNext = 1
        return [heading, rule]
    return [Paragraph(_markup(block.text, style), styles[block.kind])]


def tighter(style: TemplateStyle, factor: float) -> TemplateStyle:
    """The same template with less white space (factor < 1, still readable): used only to
    fit a document that runs a few lines over one page."""
    return replace(
        style,
        margin_cm=max(MIN_MARGIN_CM, style.margin_cm * (0.5 + factor / 2)),
        line_spacing=max(1.05, style.line_spacing - (1 - factor) / 4),
        paragraph_space=style.paragraph_space * factor,
        heading_space_before=style.heading_space_before * factor,
    )


def build_pages(document: Document, style: TemplateStyle) -> tuple[bytes, float]:
    """The PDF bytes and the pages used: 1.25 = one full page and a quarter of the next."""
    out = io.BytesIO()
    margin = style.margin_cm * cm
    template = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=clean_text(document.title),
        author=clean_text(document.author),
        creator="",
        producer="",
        subject="",
        keywords="",
        lang="nl-NL" if document.lang == "nl" else "en-GB",
    )
    styles = _styles(style)
    if document.kind == "letter":  # a letter: a blank line between paragraphs
        for name in ("paragraph", "subtitle"):
            styles[name].spaceAfter = style.base_size * LETTER_GAP
    story: list[Flowable] = []
    for block in document.blocks:
        story.extend(_flowables(block, styles, style))
    if not story:
        story.append(Spacer(1, 1))
    template.build(story)
    frame = template.frame  # the last page's frame: how much of it is filled
    used = (frame._y2 - frame._y) / frame._height if frame._height else 1.0
    return out.getvalue(), int(template.page) - 1 + min(1.0, max(0.0, used))


def fit(document: Document, style: TemplateStyle) -> tuple[bytes, TemplateStyle]:
    """The PDF bytes and the style they were laid out with.

    A document that runs at most FIT_OVERFLOW of a page over one page is tried again with
    less white space (FIT_FACTORS); the first version that fits on one page is used, else
    the document as it was. The DOCX is written with the same style, so both have the
    same number of pages.
    """
    data, pages = build_pages(document, style)
    if 1 < pages <= 1 + FIT_OVERFLOW:  # a few lines over: worth laying out again
        for factor in FIT_FACTORS:
            tight_style = tighter(style, factor)
            tight, tight_pages = build_pages(document, tight_style)
            if tight_pages <= 1:
                return tight, tight_style
    return data, style


def render_pdf(document: Document, style: TemplateStyle) -> bytes:
    """The document in this template as PDF bytes (not yet sanitised); see `fit`."""
    return fit(document, style)[0]
