"""Published report tables as rows of text: for the PDF, the CSV export and a web page.

A table in the report JSON has organisations as rows and categories as columns. For reading
it is turned on its side: one line per category, one column per organisation and the total
(one organisation: just the count). Works on the JSON only, so a frozen report renders the same.
"""

from __future__ import annotations

import csv
import io
from typing import Any

TOTAL = "totaal"
LEGEND = (
    '"< 10": 1 tot 9 deelnemers (of een verborgen 0) / 1 to 9 participants (or a hidden 0); '
    '"x": verborgen zodat een klein aantal niet uit de totalen te berekenen is / hidden so '
    "that a small number cannot be worked out from the totals"
)


def display_rows(table: dict[str, Any]) -> list[list[str]]:
    """Header line plus one line per category (and the total line for a breakdown)."""
    if table.get("withheld"):
        return []
    organisations = list(table["rows"])
    single = len(organisations) == 1
    header = ["categorie", "aantal"] if single else ["categorie", *organisations, TOTAL]
    lines = [header]
    for k, category in enumerate(table["columns"]):
        per_org = [] if single else [str(row[k]) for row in table["cells"]]
        lines.append([category, *per_org, str(table["totals"][k])])
    return lines


def table_csv(table: dict[str, Any]) -> str:
    """One table as CSV (comma-separated, UTF-8, header line first)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    rows = display_rows(table)
    if not rows:
        writer.writerow([table["title"], "niet gepubliceerd: minder dan 10 / withheld: under 10"])
    writer.writerows(rows)
    return out.getvalue()


def report_csv(content: dict[str, Any]) -> str:
    """All tables of a report in one CSV: columns tabel, categorie, organisation(s), totaal."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["rapport", content["title"]])
    if content.get("note"):
        writer.writerow(["opmerking / note", content["note"]])
    writer.writerow(["niet meegeteld / not counted", content["not_counted"]])
    for table in content["tables"]:
        rows = display_rows(table)
        if not rows:
            writer.writerow([table["title"], "niet gepubliceerd / withheld"])
            continue
        writer.writerow(["tabel", *rows[0]])
        for line in rows[1:]:
            writer.writerow([table["title"], *line])
    writer.writerow(["legenda", LEGEND])
    return out.getvalue()
