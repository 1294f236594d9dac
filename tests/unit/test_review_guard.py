"""Invisible characters inside a word do not hide it from the guard (review find)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main
from jobmatch.datafiles.guard import load_guard_config
from jobmatch.datafiles.paths import data_dir
from jobmatch.domain.guard import GuardConfig, scan_text

CONFIG = GuardConfig(past_words=("escort", "prostitutie"), organisations=("Stichting Fier",))
INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\ufe0f"]


@pytest.mark.parametrize("mark", INVISIBLE)
def test_an_invisible_mark_inside_a_past_word_is_still_found(mark: str) -> None:
    text = f"Ik werkte in een es{mark}cortbureau en in de prosti{mark}tutie."
    found = {(f.word, f.kind) for f in scan_text({"body": text}, CONFIG)}
    assert found == {("escortbureau", "past"), ("prostitutie", "past")}


@pytest.mark.parametrize("mark", ["\u00ad", "\u200b"])
def test_an_invisible_mark_inside_a_year_or_name_is_still_found(mark: str) -> None:
    text = f"Bij Stichting Fi{mark}er van 20{mark}15 tot 2019."
    kinds = {f.kind for f in scan_text({"body": text}, CONFIG)}
    assert {"organisation", "date"} <= kinds


def test_text_without_such_words_stays_clean() -> None:
    text = "Ik ben gast\u00advrij en werk graag met mensen.\u200b"
    assert scan_text({"body": text}, load_guard_config()) == []


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_cv_with_a_soft_hyphen_in_a_past_word_is_blocked(tmp_path: Path, fmt: str) -> None:
    data = json.loads((data_dir("vacancies") / "participants" / "reka-hu.json").read_text("utf-8"))
    data["competencies"][0]["evidence"] = "Ik werkte in een es\u00adcortbureau."
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    target = tmp_path / f"cv.{fmt}"
    result = CliRunner().invoke(
        main, ["cv", "--profile", str(profile), "--format", fmt, "-o", str(target)]
    )
    assert result.exit_code == 2, result.output
    assert "escortbureau" in result.output and not target.exists()
