"""bridge.toml is read once: a missing or broken file is one problem, not two (review find)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jobmatch.datafiles.bridge import BRIDGE_FILE, check_bridge
from jobmatch.datafiles.paths import data_dir


@pytest.fixture
def competencies(tmp_path: Path) -> Path:
    target = tmp_path / "competencies"
    shutil.copytree(data_dir("competencies"), target)
    return target


def test_a_missing_bridge_file_is_reported_once(competencies: Path) -> None:
    (competencies / BRIDGE_FILE).unlink()
    problems = [p for p in check_bridge(competencies) if p.source.endswith(BRIDGE_FILE)]
    assert [p.message for p in problems] == ["bestand ontbreekt / file is missing"]


def test_a_broken_bridge_file_is_reported_once(competencies: Path) -> None:
    (competencies / BRIDGE_FILE).write_text("[[rule]\nid = ", encoding="utf-8")
    problems = [p for p in check_bridge(competencies) if p.source.endswith(BRIDGE_FILE)]
    assert len(problems) == 1 and "TOML" in problems[0].message


def test_rules_and_kinds_still_come_from_the_one_file(competencies: Path) -> None:
    assert check_bridge(competencies) == []
    bridge = competencies / BRIDGE_FILE
    bridge.write_text(bridge.read_text("utf-8").replace("[[kind]]", "[[kindx]]"), "utf-8")
    messages = [(p.field, p.message) for p in check_bridge(competencies)]
    assert ("kind", "lijst ontbreekt of is leeg / needs a non-empty array of tables") in messages
