"""The document guard against careless and hostile input, through the real document path.

    python -m bench.guard_adversarial [--verbose]

Every attempt puts one text (bench/guard_cases.py, plus look-alike and invisible-character
disguises of banned words) into one field of a real profile, vacancy or CLI option, and asks
services.documents for a CV, letter, pitch or interview sheet (docx, pdf, txt; nl and en),
exactly as `jobmatch cv/letter/pitch/interview` do. Written files are read back (python-docx
parts, pypdf) and checked for the smuggled text. Innocent sentences from ordinary CVs go
through the same path. Prints: attempts, attempts written with the smuggled text (goal 0),
innocent sentences blocked (goal <= 2 %), and seconds per document.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench import guard_cases as cases
from jobmatch.datafiles.guard import ENV_ORGANISATIONS
from jobmatch.domain.errors import GuardError
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.vacancies import Extraction

BASE = Path(__file__).resolve().parents[1] / "tests/data/profiles/eszter-hu-horeca.json"
COMBOS = [
    ("cv", "docx"),
    ("cv", "pdf"),
    ("letter", "docx"),
    ("letter", "pdf"),
    ("letter", "txt"),
    ("pitch", "txt"),
    ("pitch", "docx"),
    ("pitch", "pdf"),
    ("interview", "txt"),
    ("interview", "docx"),
    ("interview", "pdf"),
]
FIELDS = [
    "competencies[0].evidence",
    "experiences[0].description",
    "experiences[0].title",
    "experiences[1].neutral_line",
    "education[0].title",
    "contact.city",
    "languages[1].language",
    "interests[0]",
    "certificates[0]",
    "digital_skills[0]",
    "name",
    "cv.motivation",
    "vacancy.title",
    "options.employer",
    "options.contact",
]
LETTER_ONLY = {"cv.motivation", "vacancy.title", "options.employer", "options.contact"}
SMALL_CAPS = dict(zip("abcdefghijklmnoprstuvwyz", "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", strict=True))
Transform = Callable[[str], str]


def _shift(base_lower: int, base_upper: int) -> Transform:
    def apply(word: str) -> str:
        return "".join(
            chr(base_lower + ord(c) - 97)
            if "a" <= c <= "z"
            else chr(base_upper + ord(c) - 65)
            if "A" <= c <= "Z"
            else c
            for c in word
        )

    return apply


def _inside(mark: str) -> Transform:
    return lambda word: word[:2] + mark + word[2:]


DISGUISES: dict[str, Transform] = {
    "cyrillic": lambda w: w.translate(str.maketrans("aeopcxyisSEOPCH", "аеорсхуіѕЅЕОРСН")),
    "greek": lambda w: w.translate(str.maketrans("oiOEHIKMNPTXYZ", "οιΟΕΗΙΚΜΝΡΤΧΥΖ")),
    "fullwidth": lambda w: "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in w),
    "math bold": _shift(0x1D41A, 0x1D400),
    "math script": _shift(0x1D4EA, 0x1D4D0),
    "small capitals": lambda w: "".join(SMALL_CAPS.get(c, c) for c in w),
    "circled": lambda w: "".join(chr(0x24D0 + ord(c) - 97) if "a" <= c <= "z" else c for c in w),
    "zero-width space": _inside("\u200b"),
    "soft hyphen": _inside("\u00ad"),
    "zero-width joiner": _inside("\u200d"),
    "word joiner": _inside("\u2060"),
    "variation selector": _inside("\ufe0f"),
    "hangul filler": _inside("\u3164"),
    "mongolian separator": _inside("\u180e"),
    "tag character": _inside("\U000e0041"),
    "unicode hyphen": _inside("\u2010"),
    "non-breaking hyphen": _inside("\u2011"),
    "combining accent": _inside("\u0301"),
    "right-to-left override": lambda w: "\u202e" + w[::-1] + "\u202c",
    "bidi isolate": lambda w: "\u2066" + w + "\u2069",
}


def attempts() -> Iterator[tuple[str, str]]:
    """(class, text) for every smuggling attempt."""
    for text in cases.PLAIN_WORDS:
        yield "plain word", text
    for text in cases.YEARS_AND_AGES:
        yield "year or age", text
    for name, transform in DISGUISES.items():
        for word in cases.DISGUISE_WORDS:
            yield f"look-alike/invisible: {name}", f"Ik werkte bij {transform(word)}."
    for text in cases.DOTTED_AND_LEET:
        yield "dotted/spaced/digits", text
    for text in cases.SECOND_ROUND_ATTEMPTS:
        yield "second round", text


def _set(raw: dict[str, Any], field: str, text: str) -> None:
    if field == "name":
        raw["name"] = text
    elif field == "contact.city":
        raw["contact"]["city"] = text
    elif field == "cv.motivation":
        raw.setdefault("cv", {})["motivation"] = text
    elif field in ("interests[0]", "certificates[0]", "digital_skills[0]"):
        raw[field[:-3]] = [text]
    else:
        head, key = field.split(".")
        name, index = head[:-1].split("[")
        raw[name][int(index)][key] = text


def make(kind: str, fmt: str, *, raw: dict[str, Any], field: str, text: str, lang: str) -> bytes:
    """One document through services.documents, as the CLI makes it; raises GuardError."""
    from jobmatch.datafiles.lexicon import load_lexicon
    from jobmatch.services.documents import make_cv, make_letter, make_sheet

    raw = copy.deepcopy(raw)
    options = {"employer": None, "contact_name": None}
    title = "Medewerker receptie"
    if field == "vacancy.title":
        title = text
    elif field.startswith("options."):
        options["employer" if field.endswith("employer") else "contact_name"] = text
    elif field:
        _set(raw, field, text)
    profile = profile_from_dict(raw)
    lexicon = load_lexicon()
    vacancy = Extraction(source="bench", title=title)
    common: dict[str, Any] = {"profile": profile, "lexicon": lexicon, "lang": lang, "fmt": fmt}
    if kind == "cv":
        return make_cv(**common).data
    if kind == "letter":
        return make_letter(**common, vacancy=vacancy, **options).data
    return make_sheet(kind=kind, **common, vacancy=vacancy).data  # type: ignore[arg-type]


def smuggled_back(data: bytes, fmt: str, text: str) -> bool:
    """Is the attempt's text (normalised) in the written file, read back independently?"""
    from jobmatch.datafiles.guard_confusables import confusables_table
    from jobmatch.documents.inspect import text_parts
    from jobmatch.domain.guard import fold

    table = confusables_table()
    written = " ".join(fold(" ".join(text_parts(data, fmt).values()), table).split())
    needle = " ".join(fold(text, table).strip(" .!").split())
    return needle in written


def run(verbose: bool) -> dict[str, Any]:
    raw = json.loads(BASE.read_text(encoding="utf-8"))
    outcome: Counter[str] = Counter()
    written: list[str] = []
    started, documents = time.perf_counter(), 0
    for number, (kind_of_attempt, text) in enumerate(attempts()):
        for repeat in range(2 if kind_of_attempt == "plain word" else 1):
            field = FIELDS[(number + repeat * 7) % len(FIELDS)]
            combos = [c for c in COMBOS if c[0] == "letter"] if field in LETTER_ONLY else COMBOS
            kind, fmt = combos[(number + repeat) % len(combos)]
            lang = ("nl", "en")[number % 2]
            documents += 1
            try:
                data = make(kind, fmt, raw=raw, field=field, text=text, lang=lang)
            except GuardError:
                outcome["blocked"] += 1
                continue
            outcome["written"] += 1
            leaked = smuggled_back(data, fmt, text)
            outcome["written with the smuggled text"] += leaked
            written.append(f"{kind_of_attempt} | {kind}/{fmt} | {field} | {text!r} | {leaked}")
    opt_in = opted_in_attempts(raw)
    outcome["blocked"] += opt_in.count(False)
    outcome["written"] += opt_in.count(True)
    outcome["written with the smuggled text"] += opt_in.count(True)
    innocent_blocked, innocent_total, why = innocent(raw)
    elapsed = time.perf_counter() - started
    return {
        "attempts": sum(outcome[k] for k in ("blocked", "written")),
        "outcome": outcome,
        "written": written if verbose else written[:20],
        "innocent_total": innocent_total,
        "innocent_blocked": innocent_blocked,
        "innocent_why": why,
        "seconds_per_document": elapsed / (documents + innocent_total + len(opt_in)),
    }


def opted_in_attempts(raw: dict[str, Any]) -> list[bool]:
    """Opting into dates for one document or field never lets an age or another year through."""
    results = []
    texts = ["Ik ben 45 jaar oud, geboren op 12-03-1979.", "In 2019, ben ik begonnen."]
    for text in texts:
        for kind, fmt in (("letter", "pdf"), ("cv", "docx"), ("letter", "txt")):
            dated = copy.deepcopy(raw)
            dated["cv"] = {"letter_date": True, "date_policy": "exact"}
            dated["experiences"][0]["period"] = "2016 - 2019"
            try:
                make(kind, fmt, raw=dated, field="competencies[0].evidence", text=text, lang="nl")
                results.append(True)
            except GuardError:
                results.append(False)
    return results


def innocent(raw: dict[str, Any]) -> tuple[int, int, list[str]]:
    blocked: list[str] = []
    sentences = cases.INNOCENT
    shown = 0
    for number, text in enumerate(sentences):
        kind, fmt = COMBOS[number % len(COMBOS)]
        try:
            data = make(kind, fmt, raw=raw, field="competencies[0].evidence", text=text, lang="nl")
        except GuardError as exc:
            blocked.append(f"{text!r}: {str(exc)[:160]}")
            continue
        shown += smuggled_back(data, fmt, text)
    print(f"innocent sentences written word for word in the file: {shown} of {len(sentences)}")
    # The participant's own opted-in periods are shown on her CV.
    dated = copy.deepcopy(raw)
    dated["cv"] = {"date_policy": "exact", "letter_date": True}
    dated["experiences"][0]["period"] = "2016 - 2019"
    for kind, fmt in (("cv", "pdf"), ("cv", "docx"), ("letter", "pdf")):
        try:
            make(kind, fmt, raw=dated, field="", text="", lang="nl")
        except GuardError as exc:
            blocked.append(f"opted-in period on {kind}/{fmt}: {str(exc)[:160]}")
    return len(blocked), len(sentences) + 3, blocked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every written attempt")
    parser.add_argument(
        "--final-only",
        action="store_true",
        help="switch the input check off: how much the guard on the final file catches alone",
    )
    args = parser.parse_args()
    os.environ[ENV_ORGANISATIONS] = cases.ENV_ORGANISATIONS
    if args.final_only:
        from unittest import mock

        with mock.patch("jobmatch.services.documents.refuse_bad_inputs"):
            result = run(args.verbose)
        print("input check switched off: the guard on the final file alone")
    else:
        result = run(args.verbose)
    outcome = result["outcome"]
    share = 100 * result["innocent_blocked"] / result["innocent_total"]
    print(f"attempts: {result['attempts']} (blocked {outcome['blocked']})")
    print(f"attempts written: {outcome['written']}")
    print(f"attempts written with the smuggled text: {outcome['written with the smuggled text']}")
    for line in result["written"]:
        print(f"  written: {line}")
    print(
        f"innocent sentences blocked: {result['innocent_blocked']} of "
        f"{result['innocent_total']} ({share:.1f} %)"
    )
    for line in result["innocent_why"]:
        print(f"  blocked: {line}")
    print(f"seconds per document (mean, all kinds): {result['seconds_per_document']:.3f}")


if __name__ == "__main__":
    main()
