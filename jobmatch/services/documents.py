"""One path for every document that leaves the building: compose -> render -> sanitise -> guard.

`build_document` turns any composed Document into bytes (docx, pdf or txt) and refuses
(GuardError, nothing returned) when the guard finds anything in the final file.
`make_cv`, `make_letter`, `make_pitch` and `make_interview` compose first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from jobmatch.datafiles.guard import load_guard_config
from jobmatch.datafiles.guard_confusables import confusables_table
from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.datafiles.templates import load_template
from jobmatch.domain.competencies import Lang, Lexicon
from jobmatch.domain.cv import compose_cv
from jobmatch.domain.document import Document
from jobmatch.domain.errors import JobmatchError
from jobmatch.domain.guard import DocumentBlockedError, GuardConfig, fold, scan_text
from jobmatch.domain.interview import compose_interview
from jobmatch.domain.letter import compose_letter
from jobmatch.domain.pitch import compose_pitch
from jobmatch.domain.profiles import Profile
from jobmatch.domain.vacancies import Extraction
from jobmatch.services.document_inputs import (
    DocumentKind,
    DocumentOptions,
    opted_in_dates,
    refuse_bad_inputs,
)

Format = Literal["docx", "pdf", "txt"]
FORMATS: tuple[Format, ...] = ("docx", "pdf", "txt")
MIMETYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "txt": "text/plain; charset=utf-8",
}
DEFAULT_TEMPLATE = "helder"
_FOLD = str.maketrans({"ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ı": "i"})


@dataclass(frozen=True)
class RenderedFile:
    filename: str
    mimetype: str
    data: bytes


def neutral_filename(stem: str, fmt: str) -> str:
    """ASCII-folded, lower case: 'cv-Őrsi' -> 'cv-orsi.pdf'; never empty.

    Built from the guard's normalised text (look-alikes and invisible characters resolved),
    so the name shows what the guard checked; build_document guards the name too.
    """
    folded = fold(stem, confusables_table()).replace("|", "i").translate(_FOLD)
    # A word that is still partly in another script is left out whole ("Ирина" would
    # otherwise become "pa"): the name is neutral rather than half a name.
    words = re.split(r"[\W_]+", folded)
    clean = "-".join(w for w in words if w and w.isascii() and w.isalnum()).lower()
    return f"{clean or 'document'}.{fmt}"


def plain_text(document: Document) -> str:
    """Text for a .txt file: one blank line between blocks, bullets as '- item'."""
    pieces = []
    for block in document.blocks:
        if block.kind == "bullets":
            pieces.append("\n".join(f"- {item}" for item in block.items if item.strip()))
        elif block.text.strip():
            pieces.append(block.text.upper() if block.kind == "heading" else block.text)
    return "\n\n".join(piece for piece in pieces if piece)


def _render(document: Document, fmt: Format, template: str) -> bytes:
    from jobmatch.documents.sanitize import clean_text

    if fmt == "txt":
        return (clean_text(plain_text(document)) + "\n").encode("utf-8")
    style = load_template(template)
    if fmt == "docx":
        from jobmatch.documents.docx import render_docx
        from jobmatch.documents.pdf import fit
        from jobmatch.documents.sanitize import sanitize_docx

        raw = render_docx(document, fit(document, style)[1])  # the PDF's spacing: same pages
        return sanitize_docx(raw, author=document.author, title=document.title, lang=document.lang)
    from jobmatch.documents.pdf import render_pdf
    from jobmatch.documents.sanitize import sanitize_pdf

    return sanitize_pdf(render_pdf(document, style), author=document.author, title=document.title)


def guard_bytes(
    data: bytes,
    fmt: Format,
    config: GuardConfig,
    *,
    allow_dates: bool = False,
    document: Document | None = None,
    allowed_dates: tuple[str, ...] = (),
    filename: str = "",
) -> None:
    """Raise GuardError naming each word and where, if the file reveals anything.

    The composed text is scanned too ("document text"): the PDF may break a very long word
    or leave out characters the font lacks, so the file alone is not enough.
    """
    from jobmatch.documents.inspect import text_parts
    from jobmatch.nlp.lemmatize import lemma

    parts = text_parts(data, fmt)
    if document is not None:
        parts["document text"] = "\n".join([document.title, document.author, plain_text(document)])
    if filename:
        parts["file name"] = filename
    findings = scan_text(
        parts, config, allow_dates=allow_dates, allowed_dates=allowed_dates, lemmatise=lemma
    )
    if findings:
        raise DocumentBlockedError(findings)


def build_document(
    *,
    document: Document,
    fmt: Format,
    template: str = DEFAULT_TEMPLATE,
    guard_config: GuardConfig | None = None,
    allow_dates: bool = False,
    allowed_dates: tuple[str, ...] = (),
) -> RenderedFile:
    """Render, sanitise and guard one document; GuardError if anything is found.

    Ages are always checked; dates and years pass only with `allow_dates` or inside one of
    the `allowed_dates` texts (the fields the participant opted in for, this document only).
    """
    if fmt not in FORMATS:
        raise JobmatchError(f"Onbekend formaat / unknown format: {fmt} ({', '.join(FORMATS)})")
    data = _render(document, fmt, template)
    config = guard_config or load_guard_config()
    name = neutral_filename(document.filename_stem, fmt)
    guard_bytes(
        data,
        fmt,
        config,
        allow_dates=allow_dates,
        document=document,
        allowed_dates=allowed_dates,
        filename=name,
    )
    return RenderedFile(name, MIMETYPES[fmt], data)


def dates_opted_in(profile: Profile) -> bool:
    """The participant chose to show durations, periods or a letter date."""
    return profile.cv.date_policy != "none" or profile.cv.letter_date


def _make(
    compose: Callable[..., Document],
    *,
    kind: DocumentKind,
    profile: Profile,
    lexicon: Lexicon | None = None,
    fmt: Format,
    template: str,
    guard_config: GuardConfig | None,
    **compose_args: Any,
) -> RenderedFile:
    lexicon = load_lexicon() if lexicon is None else lexicon
    options = DocumentOptions(kind, compose_args.get("employer"), compose_args.get("contact_name"))
    refuse_bad_inputs(profile, compose_args.get("vacancy"), options, guard_config=guard_config)
    document = compose(profile, lexicon, **compose_args)
    lang, today = compose_args.get("lang", "nl"), compose_args.get("today")
    return build_document(
        document=document,
        fmt=fmt,
        template=template,
        guard_config=guard_config,
        allowed_dates=opted_in_dates(kind, profile, lang=lang, today=today),
    )


def make_cv(
    *,
    profile: Profile,
    lexicon: Lexicon | None = None,
    lang: Lang = "nl",
    vacancy: Extraction | None = None,
    template: str = DEFAULT_TEMPLATE,
    fmt: Format = "pdf",
    guard_config: GuardConfig | None = None,
) -> RenderedFile:
    """The competency CV, optionally tailored to one vacancy."""
    return _make(
        compose_cv,
        kind="cv",
        profile=profile,
        lexicon=lexicon,
        fmt=fmt,
        template=template,
        guard_config=guard_config,
        lang=lang,
        vacancy=vacancy,
    )


def make_letter(
    *,
    profile: Profile,
    lexicon: Lexicon | None = None,
    vacancy: Extraction,
    lang: Lang = "nl",
    template: str = DEFAULT_TEMPLATE,
    fmt: Format = "pdf",
    guard_config: GuardConfig | None = None,
    employer: str | None = None,
    contact_name: str | None = None,
) -> RenderedFile:
    """The cover letter (sollicitatiebrief) for one vacancy; today's date only if opted in."""
    return _make(
        compose_letter,
        kind="letter",
        profile=profile,
        lexicon=lexicon,
        fmt=fmt,
        template=template,
        guard_config=guard_config,
        lang=lang,
        vacancy=vacancy,
        employer=employer,
        contact_name=contact_name,
        today=date.today(),
    )


def make_sheet(
    *,
    kind: Literal["pitch", "interview"],
    profile: Profile,
    lexicon: Lexicon | None = None,
    lang: Lang = "nl",
    vacancy: Extraction | None = None,
    template: str = DEFAULT_TEMPLATE,
    fmt: Format = "txt",
    guard_config: GuardConfig | None = None,
) -> RenderedFile:
    """The elevator pitch or the interview preparation sheet."""
    return _make(
        compose_pitch if kind == "pitch" else compose_interview,
        kind=kind,
        profile=profile,
        lexicon=lexicon,
        fmt=fmt,
        template=template,
        guard_config=guard_config,
        lang=lang,
        vacancy=vacancy,
    )
