"""Sections of real-looking postings: run-together headings, bullets, emoji, repeated blocks."""

from __future__ import annotations

from jobmatch.nlp.sections import MAX_CHARS, clean_item, normalise, split_sections

POSTING = """Hotel aan zee zoekt een collega.

Wat ga je doen?
* Je maakt kamers schoon
Dit breng je mee• Je werkt netjes• Ervaring is een pluspunt
Dit krijg je
💶 € 14,00 bruto per uur
Over Hotel Zeezicht
Hotel Zeezicht is een familiebedrijf met veertig jaar ervaring aan de kust.
Hotel Zeezicht is een familiebedrijf met veertig jaar ervaring aan de kust.
Solliciteren? Mail ons je cv.
"""


def _by_section(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in split_sections(text):
        found.setdefault(line.section, []).append(clean_item(line.text))
    return found


def test_headings_bullets_and_run_together_headings_are_split() -> None:
    found = _by_section(POSTING)
    assert found["intro"] == ["Hotel aan zee zoekt een collega."]
    assert found["tasks"] == ["Je maakt kamers schoon"]
    assert found["requirements"] == ["Je werkt netjes", "Ervaring is een pluspunt"]
    assert found["offers"] == ["€ 14,00 bruto per uur"]
    assert found["apply"] == ["Mail ons je cv."]


def test_repeated_employer_block_is_kept_once() -> None:
    assert len(_by_section(POSTING)["employer"]) == 1


def test_english_headings() -> None:
    text = "About the job\n- Welcome guests\nWhat we offer: free coffee\nHow to apply\nMail us"
    found = _by_section(text)
    assert found["tasks"] == ["Welcome guests"]
    assert found["offers"] == ["free coffee"]
    assert found["apply"] == ["Mail us"]


def test_content_line_starting_like_a_heading_is_not_a_heading() -> None:
    found = _by_section("Wat breng je mee?\nInteresse in techniek is een pré")
    assert found["requirements"] == ["Interesse in techniek is een pré"]


def test_nice_to_have_heading_marks_its_lines() -> None:
    lines = split_sections("Pluspunten\n- Je hebt een rijbewijs")
    assert [line.nice_section for line in lines] == [True]


def test_one_line_posting_and_empty_text() -> None:
    assert [line.section for line in split_sections("Afwasser gezocht, start direct!")] == ["intro"]
    assert split_sections("") == []


def test_very_long_text_is_capped() -> None:
    text = "Je bent klantvriendelijk. " * (MAX_CHARS // 10)
    assert len(normalise(text)) == MAX_CHARS


def test_huge_runs_without_spaces_are_broken_up() -> None:
    assert max(len(word) for word in normalise("a" * 1000).split()) == 60


def test_html_left_overs_and_markdown_headings() -> None:
    text = (
        "<p><b>Wat ga je doen?</b></p><ul><li>Je maakt kamers schoon&nbsp;</li></ul>\n"
        "**Dit krijg je**\n- Bedrijfskleding"
    )
    found = _by_section(text)
    assert found["tasks"] == ["Je maakt kamers schoon"]
    assert found["offers"] == ["Bedrijfskleding"]
