"""Keep the English catalogue complete: extract the Dutch messages, merge them into en/messages.po.

    python tools/i18n.py            # extract + merge, list what still needs English
    python tools/i18n.py --check    # exit 1 if any message lacks English (the tests do this too)
    python tools/i18n.py --fill F.json   # add English from a {"Dutch": "English"} file

Add translations by editing jobmatch/web/translations/en/LC_MESSAGES/messages.po.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "jobmatch/web/translations/en/LC_MESSAGES/messages.po"
POT = ROOT / "build/messages.pot"


def extract() -> None:
    POT.parent.mkdir(exist_ok=True)
    keywords = ["-k", "_l", "-k", "lazy_gettext"]
    base = ["pybabel", "extract", "-F", "babel.cfg", *keywords, "--no-location", "--sort-output"]
    subprocess.run([*base, "-o", str(POT), "."], cwd=ROOT, check=True)
    subprocess.run(
        ["pybabel", "update", "-i", str(POT), "-d", "jobmatch/web/translations", "-l", "en",
         "--no-fuzzy-matching", "--ignore-obsolete"],
        cwd=ROOT, check=True,
    )  # fmt: skip


def fill(path: Path) -> None:
    import json

    from babel.messages.pofile import write_po

    english = json.loads(path.read_text(encoding="utf-8"))
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id and message.id in english:
            message.string = english[message.id]
            message.flags.discard("fuzzy")
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=100)


def missing() -> list[str]:
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    return [str(m.id) for m in catalog if m.id and (not m.string or m.fuzzy)]


if __name__ == "__main__":
    if "--fill" in sys.argv:
        fill(Path(sys.argv[sys.argv.index("--fill") + 1]))
    elif "--check" not in sys.argv:
        extract()
    gaps = missing()
    for message in gaps:
        print("no English:", message)
    sys.exit(1 if gaps and "--check" in sys.argv else 0)
