"""A CV/letter template style (cv_templates/<name>/meta.toml): data only, no rendering."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FontFamily = Literal["sans", "serif", "calibri"]  # Arial, Times New Roman, Calibri metrics
HeadingStyle = Literal["rule", "smallcaps", "band"]
FONT_FAMILIES: tuple[FontFamily, ...] = ("sans", "serif", "calibri")
HEADING_STYLES: tuple[HeadingStyle, ...] = ("rule", "smallcaps", "band")
LETTER_GAP = 0.9  # space after a letter paragraph, in lines of body text (PDF and DOCX)


@dataclass(frozen=True)
class TemplateStyle:
    """Fonts, sizes (points), colours (hex RRGGBB) and spacing for the DOCX and PDF renderers.

    heading_style: "rule" = accent line under each heading; "smallcaps" = small capitals in
    the accent colour; "band" = heading on a grey band. Always one column.
    """

    name: str
    label_nl: str = ""
    label_en: str = ""
    font: FontFamily = "sans"
    base_size: float = 10.5
    title_size: float = 22.0
    subtitle_size: float = 11.0
    heading_size: float = 12.5
    subheading_size: float = 11.0
    accent: str = "1F3A5F"
    text_colour: str = "222222"
    band_colour: str = "E8E8E8"
    heading_style: HeadingStyle = "rule"
    heading_upper: bool = True
    margin_cm: float = 2.2
    line_spacing: float = 1.2
    paragraph_space: float = 4.0
    heading_space_before: float = 12.0
