"""One bar chart per report table, drawn with reportlab.graphics.

`table_chart` returns a Drawing: the PDF places it as a flowable right after its table, and
`chart_svg` renders the very same drawing to SVG for a web page. Bars show the published
totals per category; a hidden total ("< 10", "x") gets no bar, only its label, so the chart
never shows more than the table.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape  # nosec B406  (escape() writes XML text; nothing is parsed)

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import HexColor

from jobmatch.documents.fonts import font_names

BAR_COLOUR = HexColor("#2f6f8f")
TEXT_COLOUR = HexColor("#222222")
BAR_HEIGHT = 16
LABEL_WIDTH = 170
MAX_LABEL = 30
MAX_BARS = 35  # per drawing in the PDF: a longer chart is cut into parts that fit a page


def chart_points(table: dict[str, Any]) -> list[tuple[str, int | str]]:
    """(category, published total) for every category column (not the "totaal" column)."""
    columns = list(table["columns"])
    totals = list(table["totals"])
    if len(columns) == len(totals) and columns and columns[-1] == "totaal":
        columns, totals = columns[:-1], totals[:-1]
    return list(zip(columns, totals, strict=False))


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def table_charts(table: dict[str, Any], width: float = 440) -> list[Drawing]:
    """The chart in parts of at most MAX_BARS bars (for pages); same scale in every part."""
    points = [] if table.get("withheld") else chart_points(table)
    top = max([*(v for _, v in points if isinstance(v, int)), 10])
    return [
        table_chart(table, width, points[i : i + MAX_BARS], top)
        for i in range(0, len(points), MAX_BARS)
    ]


def table_chart(
    table: dict[str, Any],
    width: float = 440,
    part: list[tuple[str, int | str]] | None = None,
    top: int | None = None,
) -> Drawing:
    """A horizontal bar chart of the table's totals (or of `part` of them); an empty drawing
    for a withheld table."""
    regular, _ = font_names("sans")
    points = part if part is not None else [] if table.get("withheld") else chart_points(table)
    height = max(30, BAR_HEIGHT * len(points) + 30)
    # initialFontName: else the renderer starts in Helvetica (a non-embedded font in the PDF).
    drawing = Drawing(width, height, initialFontName=regular, initialFontSize=8)
    if not points:
        return drawing
    values = [value if isinstance(value, int) else 0 for _, value in points]
    chart = HorizontalBarChart()
    chart.x, chart.y = LABEL_WIDTH, 20
    chart.width, chart.height = width - LABEL_WIDTH - 50, BAR_HEIGHT * len(points)
    chart.data = [list(reversed(values))]
    chart.bars[0].fillColor = BAR_COLOUR
    chart.bars[0].strokeColor = None
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top or max([*values, 10])
    chart.valueAxis.labels.fontName = regular
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = [_short(label) for label, _ in reversed(points)]
    chart.categoryAxis.labels.fontName = regular
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    drawing.add(chart)
    scale = chart.width / chart.valueAxis.valueMax
    for i, (_, value) in enumerate(reversed(points)):
        x = chart.x + (value * scale if isinstance(value, int) else 0) + 4
        y = chart.y + BAR_HEIGHT * i + BAR_HEIGHT / 2 - 3
        drawing.add(String(x, y, str(value), fontName=regular, fontSize=8, fillColor=TEXT_COLOUR))
    return drawing


def chart_svg(table: dict[str, Any]) -> str:
    """The same drawing as SVG text, for a web page. Drawing SVG takes ~25 ms, so the result
    is kept per table content (published counts only, nothing about a person)."""
    return _svg(json.dumps(table, sort_keys=True, ensure_ascii=False))


@lru_cache(maxsize=256)
def _svg(table_json: str) -> str:
    """An <svg> element to put inline in a page: no XML prolog, ids unique per table (every
    reportlab SVG names its clip path "clip": several on one page would share the first), the
    table title as <title>, and font names a browser knows."""
    table = json.loads(table_json)
    svg: str = renderSVG.drawToString(table_chart(table))
    svg = svg[svg.index("<svg") :]
    suffix = hashlib.sha256(table_json.encode()).hexdigest()[:10]
    _, bold = font_names("sans")
    regular = bold.removesuffix("-Bold")
    for old, new in (
        ('id="clip"', f'id="clip-{suffix}"'),
        ("url(#clip)", f"url(#clip-{suffix})"),
        ('id="group"', f'id="group-{suffix}"'),
        ("<title>...</title>", f"<title>{escape(table.get('title', ''))}</title>"),
        ("<desc>...</desc>", ""),
        (f"font-family: {bold}", "font-family: 'DejaVu Sans', sans-serif; font-weight: bold"),
        (f"font-family: {regular}", "font-family: 'DejaVu Sans', sans-serif"),
    ):
        svg = svg.replace(old, new)
    return svg
