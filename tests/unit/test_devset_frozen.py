"""The held-out third of the issue-13 dev set (tests/data/devset/heldout/) is frozen.

`heldout.sha256` lists the sha256 of every held-out file (`sha256sum` format). Any change,
addition or removal there fails this test: the held-out figures are only honest if nobody tunes
on them or edits them after seeing errors. New postings go to `tune/`.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

DEVSET = Path(__file__).resolve().parents[1] / "data" / "devset"
MANIFEST = DEVSET / "heldout.sha256"
ROOT = Path(__file__).resolve().parents[2]
CEFR = {"A1", "A2", "B1", "B2", "C1", "C2"}
EDUCATION = {"none", "MBO 1", "MBO 2", "MBO 3", "MBO 4", "HBO", "WO"}
SHIFTS = {"evening", "night", "weekend", "irregular"}


def _manifest() -> dict[str, str]:
    entries = {}
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        entries[name.lstrip("*")] = digest
    return entries


def _on_disk() -> dict[str, str]:
    return {
        path.relative_to(DEVSET).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted((DEVSET / "heldout").rglob("*"))
        if path.is_file()
    }


def test_heldout_files_are_exactly_the_manifest() -> None:
    listed, present = _manifest(), _on_disk()
    assert sorted(set(present) - set(listed)) == [], "held-out file added after freezing"
    assert sorted(set(listed) - set(present)) == [], "held-out file removed after freezing"


def test_heldout_files_are_unchanged() -> None:
    listed, present = _manifest(), _on_disk()
    changed = sorted(name for name in listed if present.get(name, listed[name]) != listed[name])
    assert changed == [], f"held-out files changed after freezing: {changed}"


def test_manifest_catches_a_changed_byte(tmp_path: Path) -> None:
    """The check above is real: one changed byte gives another digest."""
    name, digest = next(iter(_manifest().items()))
    copy = tmp_path / "copy"
    copy.write_bytes((DEVSET / name).read_bytes() + b" ")
    assert hashlib.sha256(copy.read_bytes()).hexdigest() != digest


def _core_ids() -> set[str]:
    with (ROOT / "competencies" / "core-competencies.csv").open(encoding="utf-8") as fh:
        return {row["id"] for row in csv.DictReader(fh)}


@pytest.mark.parametrize("part", ["tune", "heldout"])
def test_every_posting_has_valid_labels_and_meta(part: str) -> None:
    folder = DEVSET / part
    texts = sorted(folder.glob("*.txt"))
    assert texts, f"no postings in {part}/"
    with (folder / "meta.csv").open(encoding="utf-8") as fh:
        meta = {row["file"]: row for row in csv.DictReader(fh)}
    assert set(meta) == {p.name for p in texts}
    ids = _core_ids()
    for text in texts:
        lines = text.read_text(encoding="utf-8").split("\n")
        assert lines[0].strip() and lines[1] == "", f"{text.name}: title line, blank line"
        label = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
        must, nice = set(label["competencies"]["must"]), set(label["competencies"]["nice"])
        assert must | nice <= ids and not must & nice, text.name
        req = label["requirements"]
        assert req["dutch_level"] in CEFR | {None}, text.name
        assert req["education_level"] in EDUCATION | {None}, text.name
        assert set(req["shifts"]) <= SHIFTS, text.name
        assert req["salary_unit"] in {"hour", "month", "year", None}, text.name
        assert isinstance(label["out_of_reach"], bool), text.name
        assert bool(label["out_of_reach_reason"]) == label["out_of_reach"], text.name


def test_both_parts_hold_out_of_reach_postings_and_the_set_is_big_enough() -> None:
    counts = {}
    for part in ("tune", "heldout"):
        labels = [json.loads(p.read_text(encoding="utf-8")) for p in (DEVSET / part).glob("*.json")]
        counts[part] = (len(labels), sum(label["out_of_reach"] for label in labels))
    total = sum(n for n, _ in counts.values())
    assert total >= 150
    assert all(out > 0 for _, out in counts.values())
    assert sum(out for _, out in counts.values()) * 3 >= total
