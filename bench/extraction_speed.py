"""Extraction throughput on synthetic postings, next to a bare spaCy tokenizer pass.

    python -m bench.extraction_speed [--texts 2000] [--write]

The texts do not repeat sentences (issue 13): every sentence is drawn from templates with
varied slots (places, numbers, products, names, times) and kept only if it is new, so caches
keyed on sentences or texts do not flatter the figures. Reports words/s and the ratio to a
bare `spacy.blank("nl")` pass over the same texts in the same run (target <= 2x).

Runs the measurement in a fresh subprocess so that load time and peak memory (RSS) are those
of a process that only extracts. `--write` puts the figures under "## Extraction" in
docs/benchmarks.md (other sections are left alone).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
TARGET_WORDS = 250
ROUNDS = 3

HEADINGS = (
    ("Wat ga je doen?", "Dit ga je doen", "Jouw taken"),
    ("Wat breng je mee?", "Dit breng je mee•", "Wie ben jij?", "Wat vragen wij?"),
    ("Wat bieden wij?", "Dit krijg je", "Arbeidsvoorwaarden"),
    ("Over ons", "Wie zijn wij?"),
    ("Interesse?", "Solliciteren"),
)
TASKS = (
    "Je ontvangt gasten en zorgt dat ze zich welkom voelen.",
    "Je helpt klanten aan de kassa en maakt aan het eind van de dag de kas op.",
    "Je maakt kamers, badkamers en gangen grondig schoon.",
    "Je beantwoordt vragen van klanten via telefoon, mail en chat.",
    "Je legt afspraken vast in ons planningssysteem.",
    "Je vult de schappen aan en houdt de winkel netjes.",
    "Je werkt samen met een hecht team van collega's.",
    "Je begeleidt cliënten bij hun dagelijkse activiteiten.",
    "Je verzamelt orders met een handscanner en laadt de vrachtwagens.",
    "You welcome guests and answer their questions in English.",
)
REQUIREMENTS = (
    "Je bent klantvriendelijk, stressbestendig en flexibel inzetbaar.",
    "Je werkt zelfstandig en nauwkeurig, ook als het druk is.",
    "Je spreekt goed Nederlands (B1) en Engels is een pluspunt.",
    "Je bent beschikbaar in het weekend en op doordeweekse avonden.",
    "Een afgerond mbo-diploma niveau 2 is een voordeel.",
    "Je hebt rijbewijs B en een VOG.",
    "Je bent een echte teamspeler met een positieve werkhouding.",
    "Ervaring met Excel en Outlook is een pre.",
    "Je kunt goed tegen fysiek werk en tilt tot 20 kilo.",
    "You are a reliable team player with excellent communication skills.",
)
OFFERS = (
    "Een salaris tussen € 2.450 en € 2.915 bruto per maand (obv 38 uur).",
    "€ 14,50 bruto per uur plus reiskostenvergoeding.",
    "Een contract voor 24 - 32 uur per week.",
    "Flexibele werktijden en een gastvrije werkplek.",
    "Korting op je boodschappen en een fietsplan.",
)
ABOUT = (
    "Wij zijn een familiebedrijf in Den Haag met 120 medewerkers.",
    "Ons hotel ligt aan zee en heeft 140 kamers.",
    "Wij werken met een gezellig en divers team aan goede zorg in Leiden.",
)


def synthetic_texts(count: int, seed: int = 7) -> list[str]:
    """`count` postings of about TARGET_WORDS words with headings, bullets and emoji."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = [rng.choice(ABOUT)]
        pools = (TASKS, REQUIREMENTS, OFFERS, ABOUT, ("Stuur je cv naar vacatures@example.nl.",))
        words = len(parts[0].split())
        while words < TARGET_WORDS:
            for heading, pool in zip(HEADINGS, pools, strict=True):
                parts.append(rng.choice(heading))
                words += len(parts[-1].split())
                bullet = rng.choice(("• ", "- ", "* ", "✅ ", ""))
                for _ in range(rng.randint(1, 3)):
                    parts.append(bullet + rng.choice(pool))
                    words += len(parts[-1].split())
                if words >= TARGET_WORDS:
                    break
        texts.append("\n".join(parts))
    return texts


_SUBJECTS = ("Je", "Jij", "Samen met een collega", "Met het team", "Als nieuwe kracht")
_VERBS = (
    ("helpt", "klanten bij"),
    ("ontvangt", "gasten in"),
    ("maakt", "ruimtes schoon in"),
    ("vult", "schappen aan in"),
    ("plant", "afspraken voor"),
    ("verzorgt", "cliënten in"),
    ("verzamelt", "orders voor"),
    ("beantwoordt", "vragen over"),
    ("bezorgt", "pakketten in"),
    ("kookt", "maaltijden voor"),
)
_THINGS = (
    *("fietsen", "meubels", "kleding", "boeken", "tuinplanten", "verf", "schoenen", "koffie"),
    *("brood", "medicijnen", "telefoons", "speelgoed", "tegels", "lampen", "kaas", "bloemen"),
)
_WHEN = ("op maandag", "in het weekend", "'s avonds", "vroeg in de ochtend", "na de lunch")
_TRAITS = (
    *("klantvriendelijk", "nauwkeurig", "stressbestendig", "flexibel", "zorgzaam", "punctueel"),
    *("zelfstandig", "behulpzaam", "geduldig", "creatief", "sportief", "rustig", "eerlijk"),
)
_EMPLOYERS = ("winkel", "hotel", "zorgcentrum", "magazijn", "kantoor", "restaurant", "bakkerij")


def _places() -> list[str]:
    from jobmatch.datafiles.geo import load_pc4_index

    return sorted({point.municipality for point in load_pc4_index().postcodes.values()})


def _sentence(rng: random.Random, places: list[str], section: int) -> str:
    place, thing = rng.choice(places), rng.choice(_THINGS)
    if section == 0:
        verb, rest = rng.choice(_VERBS)
        return f"{rng.choice(_SUBJECTS)} {verb} {rest} {thing} in {place} {rng.choice(_WHEN)}."
    if section == 1:
        a, b = rng.sample(_TRAITS, 2)
        years = rng.randint(1, 9)
        return f"Je bent {a} en {b}, en je hebt {years} jaar ervaring met {thing} in {place}."
    if section == 2:
        low, hours = rng.randint(2100, 3400), rng.randint(12, 38)
        high = low + rng.randint(100, 900)
        pay = f"€ {low:,} tot € {high:,}".replace(",", ".")
        return f"Een salaris van {pay} bruto bij {hours} uur in {place}."
    size, since = rng.randint(8, 900), rng.randint(1950, 2024)
    shop = rng.choice(_EMPLOYERS)
    return f"Ons {shop} in {place} verkoopt {thing} met {size} collega's sinds {since}."


def varied_texts(count: int, seed: int = 7) -> list[str]:
    """`count` postings of about TARGET_WORDS words in which no sentence occurs twice."""
    rng = random.Random(seed)
    places = _places()
    seen: set[str] = set()
    texts = []
    for _ in range(count):
        parts: list[str] = []
        words = 0
        while words < TARGET_WORDS:
            for section, heading in enumerate(HEADINGS[:4]):
                parts.append(rng.choice(heading))
                bullet = rng.choice(("• ", "- ", "* ", "✅ ", ""))
                for _ in range(rng.randint(1, 3)):
                    sentence = _sentence(rng, places, section)
                    while sentence in seen:
                        sentence = _sentence(rng, places, section)
                    seen.add(sentence)
                    parts.append(bullet + sentence)
                words = sum(len(p.split()) for p in parts)
        texts.append("\n".join(parts))
    return texts


def _child(count: int) -> dict[str, Any]:
    started = time.perf_counter()
    import spacy

    from jobmatch.domain.vacancies import Posting
    from jobmatch.nlp.extract import compiled, default_lexicon
    from jobmatch.nlp.pipeline import get_nlp
    from jobmatch.services.extraction import extract_posting

    get_nlp()
    compiled(default_lexicon())
    extract_posting(Posting("warm-up", "Medewerker", "Je bent klantvriendelijk."))
    load_seconds = time.perf_counter() - started
    texts = varied_texts(count)
    bare = spacy.blank("nl")
    tokenizer_seconds = extract_seconds = float("inf")
    for _ in range(ROUNDS):  # alternate, keep the best of each: the machine is shared
        started = time.perf_counter()
        for text in texts:
            bare(text)
        tokenizer_seconds = min(tokenizer_seconds, time.perf_counter() - started)
        started = time.perf_counter()
        for index, text in enumerate(texts):
            extract_posting(Posting(f"synthetic-{index}.txt", "Vacature", text))
        extract_seconds = min(extract_seconds, time.perf_counter() - started)
    return {
        "texts": count,
        "words": sum(len(t.split()) for t in texts),
        "words_per_text": round(sum(len(t.split()) for t in texts) / count),
        "load_seconds": load_seconds,
        "tokenizer_seconds": tokenizer_seconds,
        "extract_seconds": extract_seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def report(figures: dict[str, Any]) -> list[str]:
    rate = figures["texts"] / figures["extract_seconds"]
    ratio = figures["extract_seconds"] / figures["tokenizer_seconds"]
    tokenizer_rate = figures["texts"] / figures["tokenizer_seconds"]
    words_rate = figures["words"] / figures["extract_seconds"]
    bare_words = figures["words"] / figures["tokenizer_seconds"]
    return [
        f"- {figures['texts']} synthetic postings of ~{figures['words_per_text']} words, "
        f"no sentence repeated, one process, one core; best of {ROUNDS} alternating rounds",
        f"- **{words_rate:,.0f} words/s** extracted; bare tokenizer {bare_words:,.0f} words/s",
        f"- extraction: {figures['extract_seconds']:.2f} s = **{rate:,.0f} texts/s** "
        "(target >= 1,000)",
        f'- bare `spacy.blank("nl")` tokenizer, same texts, same run: '
        f"{figures['tokenizer_seconds']:.2f} s = {tokenizer_rate:,.0f}"
        f" texts/s; extraction takes **{ratio:.2f}x** its time (target <= 2x)",
        f"- pipeline load (import spaCy, lookup table, lexicon matchers, first text): "
        f"**{figures['load_seconds']:.2f} s** (target <= 3 s)",
        f"- peak RSS of the fresh process: **{figures['peak_rss_mb']:.0f} MB** (target <= 300 MB)",
        f"- machine load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} "
        "cores (shared with other work; absolute rates scale with it, the ratio much less)",
    ]


def write_section(lines: list[str]) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    command = "Command: `python -m bench.extraction_speed --write`"
    section = "## Extraction\n\n" + command + "\n\n" + "\n".join(lines) + "\n"
    section = section.replace("\n## ", "\n#### ")  # the quality report's own titles
    pattern = re.compile(r"^## Extraction\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOC.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--write", action="store_true", help="write docs/benchmarks.md")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.texts)))
        return
    command = [
        sys.executable,
        "-m",
        "bench.extraction_speed",
        "--child",
        "--texts",
        str(args.texts),
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    lines = ["### Speed", "", *report(json.loads(output.stdout.strip().splitlines()[-1]))]
    print("\n".join(lines))
    if args.write:
        write_section([*lines, "", *SPEED_CHANGES, "", *quality_lines()])


SPEED_CHANGES = (
    "Speed round (2026-11-29, was 597 texts/s, 1.48x the bare tokenizer): spaCy's tokenizer",
    "stops caching for the rest of a text as soon as one chunk hits one of its ~4,600 Dutch",
    "special cases (spaCy issue #1250; 'bijv.', 'o.a.', even a lone space), so almost every",
    "word was split again by the prefix, suffix and infix rules. `jobmatch/nlp/tokenizer.py`",
    "(`CachedTokenizer`, set as `nlp.tokenizer`) keeps spaCy's own tokenization but caches it",
    "per whitespace chunk (bounded, 50,000 chunks) with the lemma ids, and builds the Doc from",
    "orth ids; a test compares its tokens with spaCy's on dev-set texts and random odd input.",
    "The rest of the time was per-line Python and regex work: requirement patterns now run only",
    "on lines that hold one of their key words (one substring scan of the joined text),",
    "sentence and clause breaks are found once per line, the matchers read the token",
    "attributes once per doc as columns (numpy's `tolist()` of many short rows was slow), stem",
    "hits are placed with `find()` instead of a second regex pass, headings try only the",
    "heading group the pre-test found, salary patterns only lines with a money word. The",
    "extraction output is identical to before on the 46 dev postings, the 37 demo postings",
    "and 300 synthetic ones (compared field by field), so the quality figures below are",
    "unchanged. The 1,000 texts/s target is met only when the shared machine is quiet: runs in",
    "the last hour gave 852 to 1,004 texts/s, always 0.86-0.93x the time of the bare tokenizer",
    "in the same run (which itself moved between 790 and 900 texts/s with the other engineers'",
    "load). What is left is spread over plain Python work per line and per hit",
    "(section headings ~20 %, requirement patterns ~25 %, lexicon matchers and hit filtering",
    "~35 %, tokens ~10 %), none above a fifth. A per-line memo (postings share headings and",
    "boilerplate) was left out: on these synthetic texts, built from ~40 sentences, it would",
    "mostly measure the memo.",
)

CHANGES = (
    "Precision round (2026-11-29): competency micro P/R/F1 went from all 0.874/0.869/0.871,",
    "tune 0.914/0.967/0.940, holdout 0.839/0.792/0.815 to the figures below. What changed,",
    "each a general rule with its own unit test on sentences written for it (not dev-set text):",
    "what the candidate *receives* is not asked ('je krijgt een training ...', 'je wordt",
    "ingewerkt', 'ruimte voor eigen initiatief', the rest of a 'Je krijgt X, Y en Z' list,",
    "'doorgroeien naar', 'kun je bij ons halen'); a one-word hit that describes the workplace",
    "or the manager ('een klantvriendelijk team', 'een coachende leidinggevende') is not asked;",
    "in the intro, words before the employer's 'zoekt' (company and department names) do not",
    "count; words with a second everyday meaning need context or exclude that meaning (precies,",
    "fit, sap, typen, nagels, kappen, sanitair, ontvangst, exact, verzorgd, handhaven, inkoop,",
    "'lossen op', 'treedt op', 'grijpt in', 'zet bestellingen door', 'past de planning aan',",
    "'Zie jij je kans?', 'Nieuwsgierig geworden?', 'cv en motivatie', 'fouten maken mag');",
    "fixed phrases and unrelated compounds are excluded (Sociale Hygiëne, 'VOG overleggen',",
    "'zelfstandig ondernemer', 'onder aansturing van', 'de teamleider', verwarmingssystemen,",
    "persoonsgebonden budget, onderhandelbaar); working next to colleagues ('met je team') is",
    "not asked teamwork, and paying in cash is not cash management (README convention).",
    "Recall: Dutch separable verbs and verb-final phrases match when the verb moves to second",
    "place ('je stuurt het team aan', 'aan te sturen', 'je maakt de kassa op', 'je helpt ze op",
    "weg'); common heading variants ('Wat wij bieden', 'Wat verwachten wij van jou?', 'Dit ben",
    "jij', 'Nieuwsgierig geworden?') start their section; common Dutch and English phrasings",
    "were added (invoelingsvermogen, 'tegen drukte', 'geeft leiding', 'volgens een checklist',",
    "'lift up to 20 kg', 'handle cash'). The 37 demo postings in vacancies/jobs (not part of",
    "the dev set) were read as a second check for false hits. Caveat: the tune half is near its",
    "ceiling (most of its remaining false positives are judgement calls in the labels), so the",
    "holdout half is the honest figure, and its precision (0.87) is still below the 0.90",
    "target: unseen postings will score closer to the holdout than to the tune half.",
)


def quality_lines() -> list[str]:
    """The dev-set figures of bench.extraction_quality, for the same section."""
    from bench.extraction_quality import DEV_DIR, evaluate, split_of

    labels = json.loads((DEV_DIR / "labels.json").read_text(encoding="utf-8"))
    names = sorted(labels)
    lines = [
        "### Quality (dev set, `python -m bench.extraction_quality`)",
        "",
        "The tune half was inspected while improving the lexicon and rules; the holdout half's",
        "competency errors were never looked at (its requirement-field errors were, once).",
        "",
        *CHANGES,
        "",
        "```",
    ]
    for title, subset in (
        ("all", names),
        ("tune half", [n for n in names if split_of(n) == "tune"]),
        ("holdout half", [n for n in names if split_of(n) == "holdout"]),
    ):
        lines.extend(evaluate(subset, labels).report(title))
        lines.append("")
    return [*lines[:-1], "```"]


if __name__ == "__main__":
    main()
