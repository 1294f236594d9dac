"""Load and check cv_templates/<name>/meta.toml into TemplateStyle.

A missing or unknown template gives one clear message that lists the available ones.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.reading import EntryChecker, read_toml
from jobmatch.domain.errors import DataFileError, JobmatchError, Problem
from jobmatch.domain.style import FONT_FAMILIES, HEADING_STYLES, TemplateStyle

META_FILE = "meta.toml"
_HEX = re.compile(r"^[0-9A-Fa-f]{6}$")
_SIZES = {  # field: (low, high) in points or cm
    "base_size": (7.0, 16.0),
    "title_size": (12.0, 40.0),
    "subtitle_size": (7.0, 20.0),
    "heading_size": (8.0, 24.0),
    "subheading_size": (7.0, 20.0),
    "margin_cm": (1.0, 4.0),
    "line_spacing": (1.0, 2.0),
    "paragraph_space": (0.0, 20.0),
    "heading_space_before": (0.0, 36.0),
}
_COLOURS = ("accent", "text_colour", "band_colour")


class UnknownTemplateError(JobmatchError):
    """The template does not exist; the message lists the available templates."""

    def __init__(self, name: str, available: list[str]) -> None:
        self.name = name
        self.available = available
        super().__init__(
            f"Onbekende sjabloon / unknown template: {name!r}. "
            f"Beschikbaar / available: {', '.join(available) or '(geen / none)'}"
        )


def list_templates(directory: Path | None = None) -> list[str]:
    """The names of the folders that hold a meta.toml, sorted."""
    root = directory or data_dir("cv_templates")
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / META_FILE).is_file())


def _style(name: str, data: dict[str, Any], check: EntryChecker) -> TemplateStyle:
    font = check.text(data, "font")
    if font not in FONT_FAMILIES:
        check.fail("font", f"kies uit / choose from {', '.join(FONT_FAMILIES)}")
        font = "sans"
    heading = check.text(data, "heading_style")
    if heading not in HEADING_STYLES:
        check.fail("heading_style", f"kies uit / choose from {', '.join(HEADING_STYLES)}")
        heading = "rule"
    changes: dict[str, Any] = {}
    for field, (low, high) in _SIZES.items():
        number = check.number(data, field, getattr(TemplateStyle, field))
        if not low <= number <= high:
            check.fail(field, f"moet tussen {low:g} en {high:g} liggen / out of range")
            number = float(getattr(TemplateStyle, field))
        changes[field] = number
    for field in _COLOURS:
        colour = check.text(data, field).lstrip("#")
        if not _HEX.match(colour):
            check.fail(field, "kleur als RRGGBB, bv. 1F3A5F / colour as RRGGBB")
            colour = str(getattr(TemplateStyle, field))
        changes[field] = colour.upper()
    style = TemplateStyle(
        name=name,
        label_nl=check.text(data, "label_nl"),
        label_en=check.text(data, "label_en"),
        font=font,  # type: ignore[arg-type]
        heading_style=heading,  # type: ignore[arg-type]
        heading_upper=check.boolean(data, "heading_upper", True),
    )
    return replace(style, **changes)


def read_template(folder: Path) -> tuple[TemplateStyle, list[Problem]]:
    """One template folder -> its style and every problem found."""
    problems: list[Problem] = []
    path = folder / META_FILE
    try:
        data = read_toml(path)
    except DataFileError as exc:
        return TemplateStyle(name=folder.name), list(exc.problems)
    check = EntryChecker(str(path), "", problems)
    style = _style(folder.name, data, check)
    return style, problems


def check_templates(directory: Path | None = None) -> list[Problem]:
    """Problems in every template; fewer than three templates is a problem too."""
    root = directory or data_dir("cv_templates")
    names = list_templates(root)
    problems: list[Problem] = []
    if len(names) < 3:
        problems.append(
            Problem(str(root), "", "", "minstens drie sjablonen nodig / needs at least 3 templates")
        )
    for name in names:
        problems.extend(read_template(root / name)[1])
    return problems


@lru_cache(maxsize=16)
def load_template(name: str, directory: Path | None = None) -> TemplateStyle:
    """The validated style by name; UnknownTemplateError or DataFileError otherwise."""
    root = directory or data_dir("cv_templates")
    available = list_templates(root)
    if name not in available:
        raise UnknownTemplateError(name, available)
    style, problems = read_template(root / name)
    if problems:
        raise DataFileError(problems)
    return style
