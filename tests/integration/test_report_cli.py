"""`jobmatch report` through click on both databases; files read back (json, csv, pypdf)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from sqlmodel import Session

from jobmatch.cli import main
from jobmatch.documents.charts import chart_svg
from tests.integration.test_report_service import GROUPS, YEAR, add_organisation


@pytest.fixture
def cli_env(
    session: Session, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    add_organisation(session, "noord", GROUPS)
    monkeypatch.setenv("JOBMATCH_DATABASE_URL", database_url)
    monkeypatch.setenv("JOBMATCH_SECRET_KEY", "k" * 40)
    return tmp_path


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["report", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def test_json_and_csv_carry_the_same_counts(cli_env: Path) -> None:
    code, _, errors = run("--year", YEAR, "--format", "json", "-o", cli_env / "r.json")
    assert code == 0, errors
    data = json.loads((cli_env / "r.json").read_text("utf-8"))
    head = next(t for t in data["tables"] if t["key"] == "kerncijfers")
    assert dict(zip(head["columns"], head["totals"], strict=True))["uitgestroomd"] == 12
    assert "deelnemer / participant" in errors  # data problems for the coordinator, on stderr
    assert run("--year", YEAR, "--format", "csv", "-o", cli_env / "r.csv")[0] == 0
    rows = list(csv.reader(io.StringIO((cli_env / "r.csv").read_text("utf-8"))))
    assert ["Kerncijfers", "uitgestroomd", "12"] in [r[:3] for r in rows]


def test_pdf_has_tables_charts_fonts_and_clean_metadata(cli_env: Path) -> None:
    code, _, errors = run("--year", YEAR, "--format", "pdf", "-o", cli_env / "r.pdf")
    assert code == 0, errors
    reader = PdfReader(cli_env / "r.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    for title in ("Jaarrapportage 2024", "Kerncijfers", "Leeftijd", "Woongemeente", "< 10"):
        assert title in text
    assert "'s-Gravenhage" in text  # the bar label of the chart, drawn next to its table
    assert set(reader.metadata or {}) == {"/Title", "/Author"}
    assert reader.metadata["/Title"] == "Jaarrapportage 2024"
    raw = (cli_env / "r.pdf").read_bytes()
    assert b"ReportLab" not in raw and b"reportlab" not in raw
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    embedded = ("DejaVu", "Liberation", "Carlito", "JM-")  # the package's own TTFs, subset
    assert fonts and all(any(f in name for f in embedded) for name in fonts), fonts
    descriptors = [
        font.get_object()["/FontDescriptor"].get_object()
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    ]
    assert all("/FontFile2" in descriptor for descriptor in descriptors)  # embedded TTF


def test_publish_freezes_and_a_rerun_prints_the_stored_version(
    cli_env: Path, session: Session
) -> None:
    code, out, errors = run(
        "--year", YEAR, "--format", "json", "-o", cli_env / "a.json", "--publish"
    )
    assert code == 0, errors
    assert "sha256" in out
    add_organisation(session, "later", GROUPS)
    code, out2, _ = run("--year", YEAR, "--format", "json", "-o", cli_env / "b.json")
    assert code == 0 and "sha256" in out2
    assert (cli_env / "a.json").read_bytes() == (cli_env / "b.json").read_bytes()


def test_bad_input_is_one_clear_line(cli_env: Path) -> None:
    code, _, errors = run(
        "--year", YEAR, "--format", "pdf", "-o", cli_env / "r.pdf", "--organisation", "x"
    )
    assert code == 2 and "Onbekende organisatie" in errors and "Traceback" not in errors
    code, _, errors = run("--year", YEAR, "--format", "pdf", "-o", cli_env / "r.csv")
    assert code == 2 and ".pdf" in errors
    assert not (cli_env / "r.csv").exists()
    code, _, _ = run("--year", "19", "--format", "pdf", "-o", cli_env / "r.pdf")
    assert code == 2


def test_the_chart_renders_to_svg_with_the_same_labels() -> None:
    t = {
        "title": "Leeftijd",
        "withheld": False,
        "rows": ["a"],
        "columns": ["< 25", "25–34", "totaal"],
        "cells": [["< 10", 30, 35]],
        "totals": ["< 10", 30, 35],
    }
    svg = chart_svg(t)
    assert svg.startswith("<svg") and "25–34" in svg and "&lt; 10" in svg
    assert "<title>Leeftijd</title>" in svg
    other = chart_svg({**t, "title": "Woongemeente"})
    clip = re.search(r'id="(clip-[0-9a-f]+)"', svg)
    assert clip and clip.group(1) not in other  # several charts inline on one page
