"""The shortcuts taken for speed give the same answers as the plain per-line code."""

from __future__ import annotations

import random
import re

from jobmatch.nlp.asked import _Bounds, _clause, _segment
from jobmatch.nlp.clauses import Scan, parts_matching, parts_with
from jobmatch.nlp.hours_salary import salary
from jobmatch.nlp.sections import _LONG_RUN, break_long_runs
from jobmatch.nlp.shifts import shift_hits

WORDS = ["je", "maar", "wel", "but", "klant", "Nederlands", "mbo", "WO", "avond", "10:30", "€"]
MARKS = [". ", ", ", "; ", "! ", "? ", ": ", " ", " ", "\u00a0", "-", "x" * 70]


def _random_text(rng: random.Random, pieces: int) -> str:
    return "".join(rng.choice(WORDS) + rng.choice(MARKS) for _ in range(pieces))


def test_line_bounds_match_the_per_hit_search() -> None:
    rng = random.Random(5)
    for _ in range(200):
        line = _random_text(rng, rng.randint(1, 120))  # some lines over 300 characters
        bounds = _Bounds(line)
        for start in range(0, len(line), 7):
            end = min(len(line), start + rng.randint(1, 12))
            assert bounds.segment(start, start + 1) == _segment(line, start, start + 1)
            assert bounds.clause(start, end) == _clause(line, start, end)


def test_parts_with_finds_exactly_the_parts_holding_a_word() -> None:
    rng = random.Random(8)
    words = ("mbo", "avond", "nederlands", "€")
    for _ in range(200):
        parts = [_random_text(rng, rng.randint(0, 6)) for _ in range(rng.randint(0, 8))]
        expected = {i: p for i, p in enumerate(parts) if any(w in p.lower() for w in words)}
        assert parts_with(words, parts) == expected
        assert parts_with(words, Scan(parts)) == expected


def test_whole_words_and_odd_lowercasing() -> None:
    assert parts_with(("wo",), ["hij woont hier", "een WO-opleiding"], frozenset({"wo"})) == {
        1: "een WO-opleiding"
    }
    # 'İ' lowercases to two characters: offsets would shift, so each part is tested alone
    assert parts_with(("mbo",), ["İİİ", "een MBO diploma"]) == {1: "een MBO diploma"}


def test_parts_matching_is_the_per_part_search() -> None:
    clock = re.compile(r"\d[.:]\d\d")
    parts = ["van 10:30", "geen tijd", "tot 22.00 uur", "İ 9:15"]
    assert parts_matching(clock, parts) == {0: parts[0], 2: parts[2], 3: parts[3]}


def test_break_long_runs_only_changes_long_runs() -> None:
    rng = random.Random(2)
    for _ in range(300):
        text = _random_text(rng, rng.randint(0, 20))
        assert break_long_runs(text) == (_LONG_RUN.sub(r"\g<0> ", text) if len(text) > 60 else text)


def test_requirement_prefilters_keep_their_answers() -> None:
    assert salary(["Salaris: 2.450 - 2.915 per maand"]) == (2450.0, 2915.0, "month")
    assert salary(["Je werkt 24 uur"]) == (None, None, None)
    assert [name for name, _ in shift_hits(["Je werkt van 18:00 tot 23:30", "Geen tijden"])] == [
        "evening"
    ]


def test_word_starts_are_the_regex_match_starts() -> None:
    from jobmatch.nlp.extract import _WORD, word_starts

    rng = random.Random(11)
    alphabet = "ab-_1é .,\n'x"
    for _ in range(500):
        lower = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        expected = [(m.group(0), m.start()) for m in _WORD.finditer(lower)]
        assert list(word_starts(lower, _WORD.findall(lower))) == expected, repr(lower)


def test_nice_to_have_clauses_are_still_found() -> None:
    from jobmatch.nlp.clauses import required_clauses

    lines = [
        "Je hebt rijbewijs B. Ervaring met Excel is een pre.",
        "Een prettige werkplek en presenteren voor groepen",
        "Pre's: BHV, EHBO",
        "Dutch preferably at B1 level",
        "You have a car. Forklift licence is a plus",
    ]
    assert list(required_clauses(lines)) == [
        "Je hebt rijbewijs B",
        "Een prettige werkplek en presenteren voor groepen",
        "You have a car",
    ]
