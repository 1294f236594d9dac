"""Writing faults in generated letters, pitches, interview sheets and CVs (issue 14).

    python -m bench.documents_prose [--per-profile 3]

Reads the 20 profiles and 30 postings with messy titles in tests/data/prose/ (written for
this bench: some profiles have only personal-services experience, some none), makes for each
profile and each of `--per-profile` postings a letter, a pitch, an interview sheet and a
tailored CV in Dutch and English, every template in turn, through the one document path
(compose -> render -> sanitise -> guard), and prints the share of documents with each fault
class of `jobmatch.domain.prose` (goal: 0 %) and how many the guard stopped.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobmatch.datafiles.guard import load_guard_config
from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.datafiles.postings import read_posting
from jobmatch.domain.competencies import Lang, Lexicon
from jobmatch.domain.cv import compose_cv
from jobmatch.domain.document import Document
from jobmatch.domain.guard import DocumentBlockedError
from jobmatch.domain.interview import compose_interview
from jobmatch.domain.letter import compose_letter
from jobmatch.domain.pitch import compose_pitch
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.profiles import Profile
from jobmatch.domain.prose import FAULTS, faults
from jobmatch.domain.titles import clean_title
from jobmatch.domain.vacancies import Extraction
from jobmatch.services.documents import FORMATS, build_document, dates_opted_in
from jobmatch.services.extraction import extract_posting

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "prose"
TEMPLATES = ("helder", "compact", "warm")
KINDS = ("letter", "pitch", "interview", "cv")
EXAMPLES = 2  # example sentences printed per fault class


def _compose(
    kind: str, profile: Profile, lexicon: Lexicon, vacancy: Extraction, lang: Lang
) -> Document:
    if kind == "letter":
        return compose_letter(profile, lexicon, vacancy=vacancy, lang=lang)
    if kind == "pitch":
        return compose_pitch(profile, lexicon, vacancy=vacancy, lang=lang)
    if kind == "interview":
        return compose_interview(profile, lexicon, vacancy=vacancy, lang=lang)
    return compose_cv(profile, lexicon, vacancy=vacancy, lang=lang)


@dataclass
class Tally:
    """Documents made, with a fault, stopped by the guard; faults by class and by kind."""

    total: int = 0
    faulty: int = 0
    blocked: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: {f: [] for f in FAULTS})

    def add(self, found: set[str], kind: str, where: str) -> None:
        self.total += 1
        self.faulty += bool(found)
        self.counts.update(found)
        self.by_kind.update((kind, fault) for fault in found)
        for fault in found:
            if len(self.examples[fault]) < EXAMPLES:
                self.examples[fault].append(where)


def _build(document: Document, profile: Profile, template: str, fmt: str, guard: Any) -> bool:
    """True when the document passes render, sanitiser and guard."""
    try:
        build_document(
            document=document,
            fmt=fmt,  # type: ignore[arg-type]
            template=template,
            guard_config=guard,
            allow_dates=dates_opted_in(profile),
        )
    except DocumentBlockedError:
        return False
    return True


def run(profiles: list[Profile], postings: list[Extraction], per_profile: int) -> Tally:
    lexicon = load_lexicon()
    guard = load_guard_config()
    tally = Tally()
    langs: tuple[Lang, ...] = ("nl", "en")
    for index, profile in enumerate(profiles):
        for step in range(per_profile):
            vacancy = postings[(index * per_profile + step) % len(postings)]
            job = clean_title(vacancy.title)
            for lang in langs:
                for number, kind in enumerate(KINDS):
                    document = _compose(kind, profile, lexicon, vacancy, lang)
                    where = f"{profile.name} / {vacancy.title} / {kind} {lang}"
                    tally.add(faults(document.plain_text(), lang, job), kind, where)
                    template = TEMPLATES[(index + step + number) % len(TEMPLATES)]
                    fmt = FORMATS[(index + number) % len(FORMATS)]
                    tally.blocked += not _build(document, profile, template, fmt, guard)
    return tally


def report(tally: Tally) -> None:
    total = tally.total or 1
    for fault in FAULTS:
        count = tally.counts[fault]
        kinds = ", ".join(
            f"{k} {tally.by_kind[(k, fault)]}" for k in KINDS if tally.by_kind[(k, fault)]
        )
        print(
            f"  {fault:<10} {100 * count / total:5.1f} %  ({count}){'  ' + kinds if kinds else ''}"
        )
        for example in tally.examples[fault]:
            print(f"      e.g. {example}")
    print(f"  any fault  {100 * tally.faulty / total:5.1f} %  ({tally.faulty})")
    print(f"  blocked by the guard: {tally.blocked} of {tally.total}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--per-profile", type=int, default=3, help="postings per profile")
    args = parser.parse_args()
    started = time.perf_counter()
    profiles = [
        profile_from_dict(json.loads(p.read_text("utf-8")))
        for p in sorted((DATA / "profiles").glob("*.json"))
    ]
    postings = [extract_posting(read_posting(p)) for p in sorted((DATA / "postings").glob("*.txt"))]
    tally = run(profiles, postings, args.per_profile)
    print(
        f"{tally.total} documents ({len(profiles)} profiles, {len(postings)} postings, "
        f"{', '.join(KINDS)}; nl+en; templates {', '.join(TEMPLATES)}) in "
        f"{time.perf_counter() - started:.1f} s"
    )
    report(tally)


if __name__ == "__main__":
    main()
