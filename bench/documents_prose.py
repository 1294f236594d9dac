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
from pathlib import Path

from jobmatch.datafiles.guard import load_guard_config
from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.datafiles.postings import read_posting
from jobmatch.domain.cv import compose_cv
from jobmatch.domain.document import Document
from jobmatch.domain.guard import DocumentBlockedError
from jobmatch.domain.interview import compose_interview
from jobmatch.domain.letter import compose_letter
from jobmatch.domain.pitch import compose_pitch
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.prose import FAULTS, faults
from jobmatch.domain.titles import clean_title
from jobmatch.services.documents import FORMATS, build_document, dates_opted_in
from jobmatch.services.extraction import extract_posting

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "prose"
TEMPLATES = ("helder", "compact", "warm")
LANGS = ("nl", "en")
KINDS = ("letter", "pitch", "interview", "cv")
EXAMPLES = 2  # example sentences printed per fault class


def _compose(kind: str, profile, lexicon, vacancy, lang: str) -> Document:  # type: ignore[no-untyped-def]
    if kind == "letter":
        return compose_letter(profile, lexicon, vacancy=vacancy, lang=lang)
    if kind == "pitch":
        return compose_pitch(profile, lexicon, vacancy=vacancy, lang=lang)
    if kind == "interview":
        return compose_interview(profile, lexicon, vacancy=vacancy, lang=lang)
    return compose_cv(profile, lexicon, vacancy=vacancy, lang=lang)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-profile", type=int, default=3, help="postings per profile")
    args = parser.parse_args()
    started = time.perf_counter()
    lexicon = load_lexicon()
    guard = load_guard_config()
    profiles = [
        profile_from_dict(json.loads(p.read_text("utf-8")))
        for p in sorted((DATA / "profiles").glob("*.json"))
    ]
    postings = [extract_posting(read_posting(p)) for p in sorted((DATA / "postings").glob("*.txt"))]
    counts: Counter[str] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    examples: dict[str, list[str]] = {fault: [] for fault in FAULTS}
    total = blocked = faulty = 0
    for index, profile in enumerate(profiles):
        for step in range(args.per_profile):
            vacancy = postings[(index * args.per_profile + step) % len(postings)]
            job = clean_title(vacancy.title)
            for lang in LANGS:
                for number, kind in enumerate(KINDS):
                    document = _compose(kind, profile, lexicon, vacancy, lang)
                    total += 1
                    found = faults(document.plain_text(), lang, job)
                    counts.update(found)
                    faulty += bool(found)
                    by_kind.update((kind, fault) for fault in found)
                    for fault in found:
                        if len(examples[fault]) < EXAMPLES:
                            examples[fault].append(
                                f"{profile.name} / {vacancy.title} / {kind} {lang}"
                            )
                    template = TEMPLATES[(index + step + number) % len(TEMPLATES)]
                    fmt = FORMATS[(index + number) % len(FORMATS)]
                    try:
                        build_document(
                            document=document,
                            fmt=fmt,
                            template=template,
                            guard_config=guard,
                            allow_dates=dates_opted_in(profile),
                        )
                    except DocumentBlockedError:
                        blocked += 1
    seconds = time.perf_counter() - started
    print(
        f"{total} documents ({len(profiles)} profiles, {len(postings)} postings, "
        f"{', '.join(KINDS)}; nl+en; templates {', '.join(TEMPLATES)}) in {seconds:.1f} s"
    )
    for fault in FAULTS:
        share = 100 * counts[fault] / total if total else 0.0
        kinds = ", ".join(f"{k} {by_kind[(k, fault)]}" for k in KINDS if by_kind[(k, fault)])
        print(f"  {fault:<10} {share:5.1f} %  ({counts[fault]}){'  ' + kinds if kinds else ''}")
        for example in examples[fault]:
            print(f"      e.g. {example}")
    print(f"  any fault  {100 * faulty / total if total else 0.0:5.1f} %  ({faulty})")
    print(f"  blocked by the guard: {blocked} of {total}")


if __name__ == "__main__":
    main()
