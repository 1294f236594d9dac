"""Write a lexicon back to competencies/<cluster>.toml: one term per line, so a change is a
one-line diff. Files are written to a temporary folder, read back and checked like
`jobmatch check-data`, and only then moved into place (all or nothing)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from jobmatch.datafiles.lexicon import CORE_IDS_FILE, read_lexicon
from jobmatch.domain.competencies import CLUSTERS, Competency, Lexicon
from jobmatch.domain.errors import DataFileError

SCALARS = ("id", "cluster", "label_nl", "label_en", "definition_nl", "definition_en")
LISTS = ("terms_nl", "terms_en", "stems_nl", "exclude_nl", "evidence_nl", "evidence_en")


def _string(value: str) -> str:
    # A TOML basic string accepts the escapes json.dumps writes (\" \\ \n \t \uXXXX).
    return json.dumps(value, ensure_ascii=False)


def competency_toml(competency: Competency) -> str:
    data: dict[str, Any] = asdict(competency)
    lines = ["[[competency]]"]
    lines += [f"{name} = {_string(data[name])}" for name in SCALARS]
    for name in LISTS:
        values = data[name]
        if not values:
            continue
        lines.append(f"{name} = [")
        lines += [f"    {_string(value)}," for value in values]
        lines.append("]")
    return "\n".join(lines) + "\n"


def _header(path: Path) -> str:
    if not path.exists():
        return ""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return "\n".join(lines) + "\n\n" if lines else ""


def write_lexicon(lexicon: Lexicon, directory: Path) -> list[Path]:
    """Replace the cluster files in `directory` by the lexicon; returns the files written."""
    with tempfile.TemporaryDirectory(dir=directory.parent) as temp:
        staging = Path(temp)
        if (directory / CORE_IDS_FILE).exists():
            shutil.copy(directory / CORE_IDS_FILE, staging / CORE_IDS_FILE)
        for cluster in CLUSTERS:
            entries = [competency_toml(c) for c in lexicon if c.cluster == cluster]
            text = _header(directory / f"{cluster}.toml") + "\n".join(entries)
            (staging / f"{cluster}.toml").write_text(text, encoding="utf-8")
        _, problems = read_lexicon(staging)
        if problems:
            raise DataFileError(problems)
        written = []
        for cluster in CLUSTERS:
            target = directory / f"{cluster}.toml"
            os.replace(staging / f"{cluster}.toml", target)
            written.append(target)
    return written
