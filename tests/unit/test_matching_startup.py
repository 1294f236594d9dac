"""CLI start-up stays light: importing the command group must not load scikit-learn or spaCy
(they are imported inside the commands that need them)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("sklearn", "spacy")
PROBE = (
    "import json, sys; import jobmatch.cli; "
    "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
)


def test_importing_the_cli_loads_neither_sklearn_nor_spacy() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True
    )
    loaded = set(json.loads(done.stdout))
    assert "jobmatch" in loaded and "click" in loaded
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_help_lists_both_rank_commands_without_heavy_imports() -> None:
    probe = (
        "import sys; from jobmatch.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print('HEAVY', sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert "rank-participants" in done.stdout and "  rank " in done.stdout
    assert done.stdout.rstrip().endswith("HEAVY []")
