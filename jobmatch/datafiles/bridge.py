"""Load and check competencies/bridge.toml, discovery.toml and guard.toml.

`check_bridge` is run by `jobmatch check-data`: every referenced competency id must exist in
the lexicon, every question must be there in all seven languages, and no evidence sentence or
neutral line may contain a word that reveals the past (guard.toml plus a few hint words).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from jobmatch.datafiles.lexicon import CORE_IDS_FILE, read_lexicon
from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.reading import EntryChecker, read_csv_rows, read_toml
from jobmatch.datafiles.wordguard import GUARD_FILE, WordGuard, check_guard, read_guard
from jobmatch.domain.discovery import (
    DISCOVERY_LANGUAGES,
    Bridge,
    BridgeRule,
    CompetencyHint,
    DiscoveryQuestion,
    KindDefaults,
)
from jobmatch.domain.errors import DataFileError, Problem
from jobmatch.domain.profiles import EXPERIENCE_KINDS

__all__ = [
    "BRIDGE_FILE",
    "DISCOVERY_FILE",
    "GUARD_FILE",
    "WordGuard",
    "check_bridge",
    "check_guard",
    "load_bridge",
    "read_bridge",
]

BRIDGE_FILE = "bridge.toml"
DISCOVERY_FILE = "discovery.toml"
T = TypeVar("T")


def _clean(check: EntryChecker, guard: WordGuard, field: str, text: str) -> None:
    hits = guard.find(text)
    if hits:
        check.fail(field, f"woord dat het verleden verraadt / word revealing the past: {hits}")


def _ids(check: EntryChecker, entry: dict[str, Any], field: str, known: Collection[str]) -> None:
    value = entry.get(field)
    ids = value if isinstance(value, list) else [value]
    unknown = [cid for cid in ids if cid not in known]
    if unknown:
        check.fail(field, f"onbekende competentie / unknown competency id: {unknown}")


def _strength(check: EntryChecker, entry: dict[str, Any], default: float) -> float:
    value = check.number(entry, "strength", default)
    if not 0.0 < value <= 1.0:
        check.fail("strength", "moet tussen 0 en 1 liggen / must be between 0 and 1")
        return default
    return value


def _rule(entry: dict[str, Any], check: EntryChecker, guard: WordGuard) -> BridgeRule:
    rule = BridgeRule(
        id=check.text(entry, "id"),
        kinds=check.texts(entry, "kinds"),
        patterns_nl=check.texts(entry, "patterns_nl"),
        patterns_en=check.texts(entry, "patterns_en"),
        competencies=check.texts(entry, "competencies", minimum=1),
        evidence_nl=check.text(entry, "evidence_nl"),
        evidence_en=check.text(entry, "evidence_en"),
        strength=_strength(check, entry, 0.8),
    )
    if not rule.patterns:
        check.fail(
            "patterns_nl", "minstens één patroon nodig / needs at least one pattern (nl or en)"
        )
    for kind in rule.kinds:
        if kind not in EXPERIENCE_KINDS:
            check.fail(
                "kinds", f"onbekende soort / unknown kind {kind!r}: {', '.join(EXPERIENCE_KINDS)}"
            )
    _clean(check, guard, "evidence_nl", rule.evidence_nl)
    _clean(check, guard, "evidence_en", rule.evidence_en)
    return rule


def _hint(entry: dict[str, Any], check: EntryChecker, guard: WordGuard) -> CompetencyHint:
    hint = CompetencyHint(
        id=check.text(entry, "id"),
        strength=_strength(check, entry, 0.6),
        evidence_nl=check.text(entry, "evidence_nl"),
        evidence_en=check.text(entry, "evidence_en"),
    )
    _clean(check, guard, "evidence_nl", hint.evidence_nl)
    _clean(check, guard, "evidence_en", hint.evidence_en)
    return hint


def _kind(entry: dict[str, Any], check: EntryChecker, guard: WordGuard) -> KindDefaults:
    kind = check.text(entry, "kind")
    if kind and kind not in EXPERIENCE_KINDS:
        check.fail("kind", f"onbekende soort / unknown kind: {', '.join(EXPERIENCE_KINDS)}")
    suggests = entry.get("suggests", [])
    hints = tuple(
        _hint(
            raw, EntryChecker(check.source, f"{check.where}.suggests[{i}]", check.problems), guard
        )
        for i, raw in enumerate(suggests if isinstance(suggests, list) else [])
        if isinstance(raw, dict)
    )
    defaults = KindDefaults(
        kind=kind,
        suggests=hints,
        neutral_lines_nl=check.texts(entry, "neutral_lines_nl"),
        neutral_lines_en=check.texts(entry, "neutral_lines_en"),
    )
    for line in defaults.neutral_lines_nl + defaults.neutral_lines_en:
        _clean(check, guard, "neutral_lines", line)
    return defaults


def _question(entry: dict[str, Any], check: EntryChecker, guard: WordGuard) -> DiscoveryQuestion:
    raw_text = entry.get("text", {})
    text = (
        {k: v.strip() for k, v in raw_text.items() if isinstance(v, str)}
        if isinstance(raw_text, dict)
        else {}
    )
    missing = [lang for lang in DISCOVERY_LANGUAGES if not text.get(lang)]
    if missing:
        check.fail("text", f"vertaling ontbreekt / translation missing: {', '.join(missing)}")
    question = DiscoveryQuestion(
        id=check.text(entry, "id"),
        competencies=check.texts(entry, "competencies", minimum=1),
        evidence_nl=check.text(entry, "evidence_nl"),
        evidence_en=check.text(entry, "evidence_en"),
        text=text,
        strength=_strength(check, entry, 0.75),
    )
    for lang in ("nl", "en"):
        _clean(check, guard, f"text.{lang}", question.text.get(lang, ""))
    _clean(check, guard, "evidence_nl", question.evidence_nl)
    _clean(check, guard, "evidence_en", question.evidence_en)
    return question


def _table(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    """The TOML file, or None (with the problem noted) when it is missing or broken."""
    if not path.exists():
        problems.append(Problem(str(path), "", "", "bestand ontbreekt / file is missing"))
        return None
    try:
        return read_toml(path)
    except DataFileError as exc:
        problems.extend(exc.problems)
        return None


def _entries(
    path: Path, data: dict[str, Any] | None, key: str, problems: list[Problem]
) -> list[tuple[dict[str, Any], str]]:
    if data is None:
        return []
    entries = data.get(key, [])
    if not isinstance(entries, list) or not entries:
        problems.append(
            Problem(
                str(path), "", key, "lijst ontbreekt of is leeg / needs a non-empty array of tables"
            )
        )
        return []
    return [
        (entry, f"{key}[{i}] {entry.get('id', entry.get('kind', '?'))}")
        for i, entry in enumerate(entries)
        if isinstance(entry, dict)
    ]


def _checked(
    path: Path,
    data: dict[str, Any] | None,
    key: str,
    build: Callable[[dict[str, Any], EntryChecker, WordGuard], T],
    context: tuple[Collection[str], WordGuard, list[Problem]],
) -> list[T]:
    """Every [[key]] entry built and checked, its competency ids against the known ones."""
    known, guard, out = context
    found = []
    for entry, where in _entries(path, data, key, out):
        check = EntryChecker(str(path), where, out)
        found.append(build(entry, check, guard))
        _ids(check, entry, "competencies", known)
    return found


def _kinds(
    path: Path,
    data: dict[str, Any] | None,
    context: tuple[Collection[str], WordGuard, list[Problem]],
) -> dict[str, KindDefaults]:
    known, guard, out = context
    kinds = {}
    for entry, where in _entries(path, data, "kind", out):
        defaults = _kind(entry, EntryChecker(str(path), where, out), guard)
        unknown = [h.id for h in defaults.suggests if h.id not in known]
        if unknown:
            message = f"onbekende competentie / unknown competency id: {unknown}"
            out.append(Problem(str(path), where, "suggests", message))
        kinds[defaults.kind] = defaults
    return kinds


def read_bridge(directory: Path, known_ids: Collection[str]) -> tuple[Bridge, list[Problem]]:
    """Bridge rules, kind defaults and questions, with every problem found."""
    problems: list[Problem] = []
    guard = WordGuard(read_guard(directory, []))
    bridge_path, context = directory / BRIDGE_FILE, (known_ids, guard, problems)
    bridge_data = _table(bridge_path, problems)  # rules and kinds: read (and reported) once
    rules = _checked(bridge_path, bridge_data, "rule", _rule, context)
    kinds = _kinds(bridge_path, bridge_data, context)
    discovery_path = directory / DISCOVERY_FILE
    questions = _checked(
        discovery_path, _table(discovery_path, problems), "question", _question, context
    )
    for label, ids in (("rule", [r.id for r in rules]), ("question", [q.id for q in questions])):
        for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(
                Problem(str(directory), duplicate, "id", f"dubbele id / duplicate {label} id")
            )
    return Bridge(tuple(rules), kinds, tuple(questions)), problems


def _known_ids(directory: Path) -> set[str]:
    lexicon, _ = read_lexicon(directory)
    core = directory / CORE_IDS_FILE
    core_ids = {row["id"] for row in read_csv_rows(core)} if core.exists() else set()
    return set(lexicon.ids) | core_ids


def check_bridge(directory: Path) -> list[Problem]:
    """All problems in bridge.toml, discovery.toml and guard.toml of `directory`."""
    _, problems = read_bridge(directory, _known_ids(directory))
    return problems + check_guard(directory)


@lru_cache(maxsize=4)
def load_bridge(directory: Path | None = None) -> Bridge:
    """The validated bridge (cached per process); raises DataFileError on any problem."""
    folder = directory or data_dir("competencies")
    bridge, problems = read_bridge(folder, _known_ids(folder))
    if problems:
        raise DataFileError(problems)
    return bridge
