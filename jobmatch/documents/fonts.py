"""The bundled DejaVu fonts (jobmatch/documents/fonts/): registration and glyph coverage.

Registered with reportlab once per process. Text for the PDF goes through `pdf_safe`, which
drops symbols the font cannot draw (emoji) and replaces other missing characters with "?",
so the PDF never shows empty boxes.
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
FILES = {
    "sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
}
DOCX_NAMES = {"sans": "DejaVu Sans", "serif": "DejaVu Serif"}
_INVISIBLE = {"\u200d", "\ufe0f", "\ufe0e", "\u200b", "\u2060"}


def font_names(family: str) -> tuple[str, str]:
    """The reportlab names (regular, bold) of a family, registering it on first use."""
    regular, bold = f"JM-{family}", f"JM-{family}-Bold"
    _register(family)
    return regular, bold


@lru_cache(maxsize=4)
def _register(family: str) -> None:
    regular_file, bold_file = FILES[family]
    regular, bold = f"JM-{family}", f"JM-{family}-Bold"
    pdfmetrics.registerFont(TTFont(regular, str(FONT_DIR / regular_file)))
    pdfmetrics.registerFont(TTFont(bold, str(FONT_DIR / bold_file)))
    addMapping(regular, 0, 0, regular)
    addMapping(regular, 1, 0, bold)
    addMapping(regular, 0, 1, regular)
    addMapping(regular, 1, 1, bold)


@lru_cache(maxsize=4)
def covered(family: str) -> frozenset[int]:
    """Code points that both the regular and the bold face can draw."""
    regular, bold = font_names(family)
    faces = [pdfmetrics.getFont(name).face for name in (regular, bold)]
    maps = [set(face.charToGlyph) for face in faces]
    return frozenset(maps[0] & maps[1])


_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
_RTL_RUN = re.compile(f"[{_RTL}]+(?:[ ,.:;!?\u060c-]+[{_RTL}]+)*")


def visual_order(text: str) -> str:
    """Right-to-left runs (Hebrew, Arabic) reversed so a left-to-right PDF line shows them in
    reading order. No Arabic shaping: letters appear in their isolated forms."""
    return _RTL_RUN.sub(lambda match: match.group(0)[::-1], text)


def pdf_safe(text: str, family: str) -> str:
    """Text the font can draw: unsupported symbols dropped, other missing characters -> '?'."""
    cover = covered(family)
    out: list[str] = []
    for char in text:
        # Outside the Basic Multilingual Plane reportlab writes a broken ToUnicode map, so
        # emoji there are left out even when DejaVu has a glyph.
        if (ord(char) in cover and ord(char) <= 0xFFFF) or char in "\n\t":
            out.append(char)
        elif char in _INVISIBLE or unicodedata.category(char) in ("So", "Sk", "Cs", "Co", "Cf"):
            continue
        else:
            out.append("?")
    return visual_order(re.sub(" {2,}", " ", "".join(out)))
