"""The domain layer imports the standard library only (DESIGN.md §2)."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import jobmatch.domain

HEAVY = ("flask", "sqlmodel", "sqlalchemy", "spacy", "sklearn", "alembic", "numpy")

SCRIPT = """
import importlib, json, pkgutil, sys
import jobmatch.domain
names = [m.name for m in pkgutil.iter_modules(jobmatch.domain.__path__, "jobmatch.domain.")]
for name in names:
    importlib.import_module(name)
print(json.dumps({"modules": names, "loaded": sorted(set(sys.modules))}))
"""


def test_importing_every_domain_module_loads_no_framework() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    expected = [m.name for m in pkgutil.iter_modules(jobmatch.domain.__path__)]
    assert len(report["modules"]) == len(expected) >= 5
    roots = {name.split(".")[0] for name in report["loaded"]}
    assert not roots & set(HEAVY), f"domain imported {sorted(roots & set(HEAVY))}"


def test_importing_the_cli_does_not_load_database_or_web() -> None:
    script = "import sys, jobmatch.cli; print(sorted({m.split('.')[0] for m in sys.modules}))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    loaded = set(json.loads(result.stdout.replace("'", '"')))
    assert not loaded & {"flask", "sqlmodel", "sqlalchemy", "alembic", "waitress"}
