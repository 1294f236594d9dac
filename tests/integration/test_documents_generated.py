"""50 generated participants x every template x DOCX and PDF x nl and en, end to end.

For each: the guard passes on the final file; the text read back (python-docx, every
paragraph; pypdf) holds every chosen competency label and no year; the PDF text follows
reading order (each heading before its content).
"""

from __future__ import annotations

import io
import re

import docx
import pytest
from pypdf import PdfReader

from jobmatch.datafiles.guard import load_guard_config
from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.datafiles.templates import list_templates
from jobmatch.domain.cv import choose_competencies, compose_cv
from jobmatch.domain.document import Document
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.profiles import Profile
from jobmatch.services.documents import build_document
from tests.factories import make_profiles

N_PROFILES = 50
YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-3]\d)(?!\d)")


@pytest.fixture(scope="module")
def profiles() -> list[Profile]:
    found = [profile_from_dict(raw) for raw in make_profiles(N_PROFILES * 2, seed=20261128)]
    # Dates only when the participant opted in; the "no year" check is for the others.
    return [p for p in found if p.cv.date_policy == "none" and not p.cv.letter_date][:N_PROFILES]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold()


def read_back(data: bytes, fmt: str) -> str:
    if fmt == "pdf":
        return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def assert_reading_order(document: Document, text: str) -> None:
    """Each heading appears after the previous block's text and before its own content."""
    flat = squash(text)
    position = 0
    for block in document.blocks:
        piece = block.items[0] if block.kind == "bullets" and block.items else block.text
        needle = squash(piece)[:30].strip()
        if not needle:
            continue
        found = flat.find(needle, position)
        assert found >= 0, (needle, flat[position : position + 200])
        position = found


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("template", ["helder", "warm", "compact"])
def test_generated_cvs_pass_guard_and_read_back(
    profiles: list[Profile], template: str, lang: str, fmt: str
) -> None:
    assert template in list_templates()
    lexicon = load_lexicon()
    guard = load_guard_config()
    assert len(profiles) == N_PROFILES
    for profile in profiles:
        document = compose_cv(profile, lexicon, lang=lang)  # type: ignore[arg-type]
        rendered = build_document(document=document, fmt=fmt, template=template, guard_config=guard)  # type: ignore[arg-type]
        text = read_back(rendered.data, fmt)
        for chosen in choose_competencies(profile, lexicon, lang=lang):  # type: ignore[arg-type]
            assert squash(chosen.label) in squash(text), (profile.name, chosen.label)
        assert not YEAR.search(text), (profile.name, YEAR.search(text))
        assert squash(profile.name) in squash(text)
        if fmt == "pdf":
            assert_reading_order(document, text)
        assert rendered.filename.isascii() and rendered.filename.startswith("cv")
