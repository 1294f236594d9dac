"""The bundled fonts (jobmatch/documents/fonts/): registration, glyph coverage and fallback.

One look in every client: the DOCX names a font that Word has on Windows and macOS (Arial,
Times New Roman, Calibri) and the PDF embeds a free font with the same widths (Liberation
Sans, Liberation Serif, Carlito; SIL OFL 1.1, licences next to the files), so the preview,
the PDF and the DOCX opened in Word or LibreOffice break lines alike. These fonts cover
é ë ï ĳ ő ű ș ț €; a character they lack is drawn with DejaVu (the fallback, e.g. Arabic),
and one that DejaVu lacks too becomes "?", so the PDF never shows empty boxes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"
# family -> (regular, bold) files of the metric-compatible font and of its DejaVu fallback
FILES = {
    "sans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    "serif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    "calibri": ("Carlito-Regular.ttf", "Carlito-Bold.ttf"),
    "dejavu-sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "dejavu-serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
}
FALLBACK = {"sans": "dejavu-sans", "serif": "dejavu-serif", "calibri": "dejavu-sans"}
# The names Word knows; LibreOffice maps them to Liberation / Carlito (metric-compatible).
DOCX_NAMES = {"sans": "Arial", "serif": "Times New Roman", "calibri": "Calibri"}
_INVISIBLE = {"\u200d", "\ufe0f", "\ufe0e", "\u200b", "\u2060"}


def font_names(family: str) -> tuple[str, str]:
    """The reportlab names (regular, bold) of a family, registering it on first use."""
    regular, bold = f"JM-{family}", f"JM-{family}-Bold"
    _register(family)
    return regular, bold


@lru_cache(maxsize=8)
def _register(family: str) -> None:
    regular_file, bold_file = FILES[family]
    regular, bold = f"JM-{family}", f"JM-{family}-Bold"
    pdfmetrics.registerFont(TTFont(regular, str(FONT_DIR / regular_file)))
    pdfmetrics.registerFont(TTFont(bold, str(FONT_DIR / bold_file)))
    addMapping(regular, 0, 0, regular)
    addMapping(regular, 1, 0, bold)
    addMapping(regular, 0, 1, regular)
    addMapping(regular, 1, 1, bold)


@lru_cache(maxsize=8)
def covered(family: str) -> frozenset[int]:
    """Code points that both the regular and the bold face can draw (BMP only: outside it
    reportlab writes a broken ToUnicode map)."""
    regular, bold = font_names(family)
    faces = [pdfmetrics.getFont(name).face for name in (regular, bold)]
    maps = [set(face.charToGlyph) for face in faces]
    return frozenset(c for c in maps[0] & maps[1] if c <= 0xFFFF)


_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
_RTL_RUN = re.compile(f"[{_RTL}]+(?:[ ,.:;!?\u060c-]+[{_RTL}]+)*")


def visual_order(text: str) -> str:
    """Right-to-left runs (Hebrew, Arabic) reversed so a left-to-right PDF line shows them in
    reading order. No Arabic shaping: letters appear in their isolated forms."""
    return _RTL_RUN.sub(lambda match: match.group(0)[::-1], text)


def pdf_safe(text: str, family: str) -> str:
    """Text the font or its fallback can draw: unsupported symbols dropped, other missing
    characters -> '?'."""
    cover = covered(family) | covered(FALLBACK.get(family, family))
    out: list[str] = []
    for char in text:
        if ord(char) in cover or char in "\n\t":
            out.append(char)
        elif char in _INVISIBLE or unicodedata.category(char) in ("So", "Sk", "Cs", "Co", "Cf"):
            continue
        else:
            out.append("?")
    return visual_order(re.sub(" {2,}", " ", "".join(out)))


def font_runs(text: str, family: str) -> list[tuple[str, str | None]]:
    """`pdf_safe` text cut into runs: (text, None) for the template font, (text, reportlab
    font name) for characters only the DejaVu fallback has."""
    cover = covered(family)
    fallback = font_names(FALLBACK[family])[0] if family in FALLBACK else None
    runs: list[tuple[str, str | None]] = []
    for char in text:
        font = None if ord(char) in cover or char.isspace() or fallback is None else fallback
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + char, font)
        else:
            runs.append((char, font))
    return runs
