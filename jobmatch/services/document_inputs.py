"""The guard at input: every text that can reach a document, checked before composing.

`check_document_inputs(profile, vacancy, options)` is the one function the CLI and, later,
the web forms call. It returns one Problem per field (JSON path in `where`, e.g.
"experiences[1].description", "vacancy.title", "options.employer"):
- characters that have no business in a CV (bidi controls, private use, variation selectors,
  tag characters, fillers) are refused in every field, with the field named;
- every field that a document may print is scanned with the document guard (organisation
  names, words about the past, ages always; dates and years except in the date fields
  `experiences[i].duration` and `.period`, which are printed only when the participant opted
  in, and then the final-file guard allows exactly those texts).
Experiences of kind personal-services are never printed: only their neutral line is scanned
(their title and description may of course describe the past).

The final file is still read back by the guard (services/documents.py): this check names the
field early, the final check proves the file clean.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from jobmatch.datafiles.guard import load_guard_config
from jobmatch.domain.errors import GuardError, Problem
from jobmatch.domain.guard import GuardConfig, scan_text
from jobmatch.domain.guard_text import refused_characters
from jobmatch.domain.guard_words import Lemmatise
from jobmatch.domain.profiles import Profile
from jobmatch.domain.vacancies import Extraction

DocumentKind = Literal["cv", "letter", "pitch", "interview"]
SOURCE = "invoer / input"
PRIVATE_KIND = "personal-services"


@dataclass(frozen=True)
class DocumentOptions:
    """What the user chose besides profile and vacancy (CLI options, form fields)."""

    kind: DocumentKind = "cv"
    employer: str | None = None
    contact_name: str | None = None


class InputRefusedError(GuardError):
    """One or more input fields were refused; `problems` name each field."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        shown = "\n".join(str(problem) for problem in self.problems[:8])
        more = f"\n(+{len(self.problems) - 8})" if len(self.problems) > 8 else ""
        super().__init__(
            "Document tegengehouden: pas deze velden aan / "
            "document blocked, please change these fields:\n"
            f"{shown}{more}"
        )


# (path, text, printed, date field)
Field = tuple[str, str, bool, bool]


def _profile_fields(profile: Profile) -> Iterator[Field]:
    yield "name", profile.name, True, False
    contact = profile.contact
    for key in ("email", "phone", "city"):
        yield f"contact.{key}", getattr(contact, key), True, False
    # Never printed (used for distances), and a postcode like 2011 is not a year.
    yield "contact.postcode", contact.postcode, False, False
    for i, skill in enumerate(profile.languages):
        yield f"languages[{i}].language", skill.language, True, False
        yield f"languages[{i}].level", skill.level, True, False
    for i, exp in enumerate(profile.experiences):
        printed = exp.kind != PRIVATE_KIND
        yield f"experiences[{i}].title", exp.title, printed, False
        yield f"experiences[{i}].description", exp.description, printed, False
        yield f"experiences[{i}].neutral_line", exp.neutral_line, True, False
        yield f"experiences[{i}].duration", exp.duration, True, True
        yield f"experiences[{i}].period", exp.period, True, True
    for i, competency in enumerate(profile.competencies):
        yield f"competencies[{i}].evidence", competency.evidence, True, False
    for i, education in enumerate(profile.education):
        yield f"education[{i}].title", education.title, True, False
        yield f"education[{i}].level", education.level, True, False
    for key in ("certificates", "digital_skills", "interests"):
        for i, text in enumerate(getattr(profile, key)):
            yield f"{key}[{i}]", text, True, False
    yield "cv.motivation", profile.cv.motivation, True, False


def _other_fields(vacancy: Extraction | None, options: DocumentOptions) -> Iterator[Field]:
    if vacancy is not None:
        yield "vacancy.title", vacancy.title, True, False
        yield "vacancy.location", vacancy.location or "", True, False
    yield "options.employer", options.employer or "", True, False
    yield "options.contact", options.contact_name or "", True, False


def _field_problems(
    path: str, text: str, date_field: bool, config: GuardConfig, lemmatise: Lemmatise | None
) -> Iterator[Problem]:
    findings = scan_text(
        {path: text}, config, allowed_dates=(text,) if date_field else (), lemmatise=lemmatise
    )
    for finding in findings:
        what = str(finding).rsplit(" in ", 1)[0]  # "'2019' (jaartal / year)"
        message = (
            f"{what}: kan het verleden verraden, schrijf het anders of laat het weg / "
            "may reveal the past, please rephrase or leave it out"
        )
        yield Problem(SOURCE, path, "", message)


def check_document_inputs(
    profile: Profile,
    vacancy: Extraction | None,
    options: DocumentOptions,
    *,
    guard_config: GuardConfig | None = None,
    lemmatise: Lemmatise | None = None,
) -> list[Problem]:
    """Every problem in the texts that may reach a document; empty when all is fine."""
    config = guard_config or load_guard_config()
    problems: list[Problem] = []
    fields = [*_profile_fields(profile), *_other_fields(vacancy, options)]
    for path, text, printed, date_field in fields:
        if not text:
            continue
        for refused in refused_characters(text):
            message = f"teken niet toegestaan / character not allowed: {refused}"
            problems.append(Problem(SOURCE, path, "", message))
        if printed:
            problems.extend(_field_problems(path, text, date_field, config, lemmatise))
    return problems


def opted_in_dates(
    kind: DocumentKind, profile: Profile, *, lang: str = "nl", today: date | None = None
) -> tuple[str, ...]:
    """The texts in which this document may show dates or years (per document, per field).

    CV: the periods with date policy "exact", the durations with "durations". Letter: only
    its own date line when `cv.letter_date` is on. Pitch and interview sheet: none.
    """
    options = profile.cv
    if kind == "cv" and options.date_policy in ("exact", "durations"):
        key = "period" if options.date_policy == "exact" else "duration"
        return tuple(getattr(exp, key) for exp in profile.experiences if getattr(exp, key))
    if kind == "letter" and options.letter_date and today is not None:
        from jobmatch.domain.letter import date_line

        city = profile.contact.city if "city" in options.show_contact else ""
        return (date_line(today, "en" if lang == "en" else "nl", city),)
    return ()


def refuse_bad_inputs(
    profile: Profile,
    vacancy: Extraction | None,
    options: DocumentOptions,
    *,
    guard_config: GuardConfig | None = None,
) -> None:
    """Raise InputRefusedError naming each field, before anything is composed."""
    problems = check_document_inputs(
        profile, vacancy, options, guard_config=guard_config, lemmatise=guard_lemmatiser()
    )
    if problems:
        raise InputRefusedError(problems)


def guard_lemmatiser() -> Lemmatise:
    """The extractor's Dutch lemmatiser (lookup table + suffix rules), loaded once."""
    from jobmatch.nlp.lemmatize import lemma

    return lemma


def organisation_warnings(names: tuple[str, ...], known: tuple[str, ...] = ()) -> list[str]:
    """Configured names that are also ordinary words ("Hoop", "Anker"), matched in any case.

    Such a name blocks every CV with that word. Write it in capitals when the organisation
    does ("HOOP": then only capitals match) or list it under case_sensitive_organisations.
    `known` are names already listed there (no warning).
    """
    from jobmatch.domain.guard import is_acronym
    from jobmatch.nlp.pipeline import get_lemmas

    lemmas = get_lemmas()
    warnings = []
    for name in names:
        words = name.casefold().split()
        if name in known or not words or any(is_acronym(word) for word in name.split()):
            continue
        if all(lemmas.is_known(word) or lemmas.is_known(lemmas(word)) for word in words):
            warnings.append(
                f"'{name}' is ook een gewoon woord: elke tekst met dit woord wordt "
                "tegengehouden; schrijf de naam in hoofdletters of zet hem bij "
                f"case_sensitive_organisations / '{name}' is also an ordinary word"
            )
    return warnings


def check_organisation_names(directory: Path) -> list[Problem]:
    """`jobmatch check-data`: warn about ordinary words among the configured names."""
    from jobmatch.datafiles.guard import ENV_ORGANISATIONS, load_guard_config

    config = load_guard_config(directory)
    source = f"{ENV_ORGANISATIONS} / guard.toml"
    return [
        Problem(source, "", "organisations", f"waarschuwing / warning: {text}")
        for text in organisation_warnings(config.organisations, config.case_sensitive_organisations)
    ]
