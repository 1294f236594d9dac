"""The yearly report as PDF: per table a heading, the table, and its bar chart right below it.

Fonts are the bundled DejaVu (embedded); the file still goes through `sanitize.sanitize_pdf`
(only /Title set, no producer, no dates, random ids), like the CV PDFs.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape  # nosec B406  (escape() writes XML text; nothing is parsed)

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from jobmatch.documents.charts import table_charts
from jobmatch.documents.fonts import font_names, pdf_safe
from jobmatch.documents.report_tables import LEGEND, display_rows
from jobmatch.documents.sanitize import clean_text, sanitize_pdf

GRID = HexColor("#bbbbbb")
HEAD = HexColor("#e8eef2")


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = font_names("sans")
    base = ParagraphStyle("base", fontName=regular, fontSize=9, leading=12, spaceAfter=4)
    return {
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=16, leading=20),
        "heading": ParagraphStyle(
            "heading", parent=base, fontName=bold, fontSize=11, leading=14, spaceBefore=10
        ),
        "text": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10),
    }


def _text(value: str) -> str:
    return escape(pdf_safe(clean_text(value), "sans"))


def _table(rows: list[list[str]], styles: dict[str, ParagraphStyle]) -> Table:
    regular, bold = font_names("sans")
    body = [[Paragraph(_text(cell), styles["text"]) for cell in rows[0]]]
    body += [[_text(cell) for cell in line] for line in rows[1:]]
    table = Table(body, hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), regular),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("FONTNAME", (0, 0), (-1, 0), bold),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _section(table: dict[str, Any], styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    heading = Paragraph(_text(table["title"]), styles["heading"])
    rows = display_rows(table)
    if not rows:
        note = "Niet gepubliceerd: minder dan 10 deelnemers / withheld: fewer than 10 participants"
        return [KeepTogether([heading, Paragraph(_text(note), styles["text"])])]
    parts: list[Flowable] = [heading, _table(rows, styles), Spacer(1, 6), *table_charts(table)]
    for label, merged in table.get("merged", {}).items():
        line = f"{label}: {', '.join(merged)} (samengevoegd / merged)"
        parts.append(Paragraph(_text(line), styles["small"]))
    return [KeepTogether(parts)]


def render_report_pdf(content: dict[str, Any]) -> bytes:
    """The report JSON as a sanitised PDF."""
    styles = _styles()
    regular, _ = font_names("sans")
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
        bottomMargin=2 * cm, title=clean_text(content["title"]), author="", creator="",
        producer="", subject="", keywords="", lang="nl-NL",
        initialFontName=regular,  # else every page names Helvetica (not embedded)
    )  # fmt: skip
    story: list[Flowable] = [Paragraph(_text(content["title"]), styles["title"])]
    if content.get("note"):
        story.append(Paragraph(_text(content["note"]), styles["text"]))
    not_counted = (
        f"Niet meegeteld (datums ontbreken of kloppen niet) / not counted: {content['not_counted']}"
    )
    story.append(Paragraph(_text(not_counted), styles["text"]))
    for table in content["tables"]:
        story.extend(_section(table, styles))
    story.append(Spacer(1, 8))
    story.append(Paragraph(_text(LEGEND), styles["small"]))
    document.build(story)
    return sanitize_pdf(out.getvalue(), author="", title=content["title"])
