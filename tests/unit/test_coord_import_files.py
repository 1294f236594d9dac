"""Import files: Dutch Excel CSV variants, JSON-LD pages, and a clear message for bad input."""

from __future__ import annotations

import codecs
import json

import pytest

from jobmatch.datafiles.import_files import MAX_IMPORT_BYTES, ImportFileError
from jobmatch.domain.imports import parse_date
from jobmatch.services.imports import csv_template, preview_file

ROWS = [("Kok", "Je kookt voor gasten in ons café.", "Café Één", "31-12-2026")]


def _csv(delimiter: str, rows: list[tuple[str, ...]] = ROWS) -> str:
    lines = [delimiter.join(("titel", "tekst", "werkgever", "sluitingsdatum"))]
    lines += [delimiter.join(row) for row in rows]
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (_csv(";").encode("cp1252"), "cp1252"),
        (codecs.BOM_UTF8 + _csv(";").encode("utf-8"), "utf-8-sig"),
        (_csv(",").encode("utf-8"), "utf-8"),
    ],
)
def test_dutch_excel_csv_variants_read_the_same(raw: bytes, encoding: str) -> None:
    preview = preview_file(kind="vacancies", filename="v.csv", raw=raw)
    assert len(preview.ok_rows) == 1 and not preview.problem_rows
    fields = preview.ok_rows[0].fields
    assert fields["employer"] == "Café Één"
    assert fields["closing_date"] == "2026-12-31"
    assert encoding in preview.notes[0]


def test_rows_with_problems_say_what_is_wrong_per_row() -> None:
    rows = [*ROWS, ("", "tekst", "A", "2026-02-30"), ("Schoonmaker", "Je maakt schoon.", "B", "")]
    preview = preview_file(kind="vacancies", filename="v.csv", raw=_csv(";", rows).encode())
    assert [row.line for row in preview.ok_rows] == [2, 4]
    (bad,) = preview.problem_rows
    assert bad.line == 3
    assert {problem.field for problem in bad.problems} == {"title", "closing_date"}
    assert "2026-02-30" in bad.problems[1].message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-12-31", "2026-12-31"),
        ("31-12-2026", "2026-12-31"),
        ("3/4/2026", "2026-04-03"),
        ("31.12.2026", "2026-12-31"),
        ("1 maart 2027", "2027-03-01"),
        ("2026-12-31T23:59:00+01:00", "2026-12-31"),
        ("12/31/2026", None),
        ("volgende week", None),
        ("31-12-26", None),
    ],
)
def test_dates_in_odd_formats(value: str, expected: str | None) -> None:
    parsed = parse_date(value)
    assert (parsed.isoformat() if parsed else None) == expected


@pytest.mark.parametrize(
    ("raw", "filename", "words"),
    [
        (b"PK\x03\x04" + b"\x00" * 100, "vacatures.csv", "Excel"),
        (b"abc\x00\x01\x02" * 50, "vacatures.csv", "binair"),
        (b"titel|tekst\nKok|Koken\n", "vacatures.csv", "één kolom"),
        (b"titel;werkgever\nKok;A\n", "vacatures.csv", "ontbreken: text"),
        (b"<html><body><h1>Kok</h1></body></html>", "pagina.html", "JSON-LD"),
        (b'<script type="application/ld+json">{"@type": "JobPosting",</script>', "p.html", "JSON"),
        (b'{"@type": "Organization", "name": "X"}', "x.json", "JobPosting"),
        (b"   \n", "leeg.csv", "leeg"),
    ],
)
def test_bad_files_give_one_clear_message(raw: bytes, filename: str, words: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        preview_file(kind="vacancies", filename=filename, raw=raw)
    message = str(caught.value)
    assert words in message and " / " in message  # Dutch first, then English


def test_a_file_over_the_limit_is_refused_before_reading() -> None:
    raw = b"titel;tekst\n" + b"x" * (MAX_IMPORT_BYTES + 1)
    with pytest.raises(ImportFileError, match="te groot"):
        preview_file(kind="vacancies", filename="groot.csv", raw=raw)


def test_jsonld_inside_a_saved_page() -> None:
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Medewerker bediening",
        "description": "<p>Wat ga je doen?</p><ul><li>Gasten ontvangen</li></ul>",
        "hiringOrganization": {"@type": "Organization", "name": "Brasserie Demo"},
        "validThrough": "2027-01-15T00:00",
        "jobLocation": {"address": {"postalCode": "2511 CV", "addressLocality": "Den Haag"}},
    }
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, posting]}
    page = f'<html><script type="application/ld+json">{json.dumps(graph)}</script></html>'
    preview = preview_file(kind="vacancies", filename="p.html", raw=page.encode())
    (row,) = preview.ok_rows
    assert row.fields["employer"] == "Brasserie Demo"
    assert row.fields["text"] == "Wat ga je doen?\n- Gasten ontvangen"
    assert (row.fields["pc4"], row.fields["closing_date"]) == ("2511", "2027-01-15")


def test_template_reads_back_as_a_valid_import() -> None:
    for kind in ("vacancies", "training"):
        raw = csv_template(kind)
        assert raw.startswith(codecs.BOM_UTF8)
        preview = preview_file(kind=kind, filename="t.csv", raw=raw, known_competencies=())
        assert len(preview.ok_rows) == 1, preview.to_json()


def test_training_kinds_in_dutch_words() -> None:
    raw = b"titel;soort;aanbieder\nTaal;taalcursus;Taalhuis\nX;onzin;Y\n"
    preview = preview_file(kind="training", filename="t.csv", raw=raw)
    assert preview.ok_rows[0].fields["kind"] == "language-course"
    assert preview.problem_rows[0].problems[0].field == "kind"
