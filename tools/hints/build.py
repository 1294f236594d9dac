"""Write the workshop hint catalogues (hu, es, ro, pt, th) from the JSON files beside this one."""

from __future__ import annotations

import json
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

HERE = Path(__file__).resolve().parent
TRANSLATIONS = HERE.parents[1] / "jobmatch" / "web" / "translations"

for source in sorted(HERE.glob("*.json")):
    lang = source.stem
    catalog = Catalog(locale=lang, project="jobmatch", charset="utf-8")
    for msgid, text in json.loads(source.read_text(encoding="utf-8")).items():
        catalog.add(msgid, text)
    target = TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        write_po(handle, catalog, width=100)
    print(f"{lang}: {len(catalog)} hints -> {target.relative_to(HERE.parents[1])}")
