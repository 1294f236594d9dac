"""Small-cell protection for published count tables (the yearly report, the dashboard).

The rules, in the order they are applied:

1. A table whose total is below MIN_COUNT is withheld: nothing but its title is shown.
2. Categories (columns) whose total is 1–9 are merged: with each other and then with the
   smallest other category for categories without an order (named "a + b", or "overige" for
   more than MAX_NAMED), with a neighbour for ordered ones (age bands: "25–34 t/m 35–44").
   Columns named in `keep_apart` ("onbekend") and columns with 0 are never merged.
3. Every cell with 1–9 (totals included) is hidden and shown as "< 10" (primary suppression).
4. Secondary suppression: while a hidden cell can be worked out from what is shown (see
   `disclosure.recoverable`), one more cell in a sum with that cell is hidden, the cheapest
   first: a 0 or a small count before a large one, a count before a total. A hidden cell below
   10 reads "< 10" (true, also for a hidden 0); a hidden cell of 10 or more reads "x".
5. If no cell is left to hide, the table is withheld.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jobmatch.domain.disclosure import Cell, Sum, recoverable

MIN_COUNT = 10
SMALL_LABEL = "< 10"
HIDDEN_LABEL = "x"
OTHER_LABEL = "overige"
MAX_NAMED = 3  # a merged group of up to 3 categories is named after them, else "overige"
Shown = int | str  # a number, or SMALL_LABEL / HIDDEN_LABEL
TOTAL = -1  # the row or column index of a total


@dataclass(frozen=True)
class CountTable:
    """Counts per row (e.g. organisation) and column (e.g. age band), before protection."""

    title: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    row_totals: bool = True  # the columns add up per row (a breakdown, not separate measures)
    ordered: bool = False
    keep_apart: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class ProtectedTable:
    """What may be published. `cells[r][c]`; `TOTAL` indexes in `value()` give the totals."""

    title: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    shown: dict[tuple[int, int], Shown]
    row_totals: bool
    withheld: bool = False
    merged: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def value(self, row: int, column: int) -> Shown:
        return self.shown[(row, column)]

    def to_json(self) -> dict[str, object]:
        keys = self._column_keys()
        body = (
            []
            if self.withheld
            else [[self.shown[(r, c)] for c in keys] for r in range(len(self.rows))]
        )
        return {
            "title": self.title,
            "withheld": self.withheld,
            "rows": list(self.rows),
            "columns": list(self.columns) + (["totaal"] if self.row_totals else []),
            "cells": [] if self.withheld else body,
            "totals": []
            if self.withheld
            else [self.shown[(TOTAL, c)] for c in self._column_keys()],
            "merged": {label: list(parts) for label, parts in self.merged.items()},
        }

    def _column_keys(self) -> list[int]:
        return list(range(len(self.columns))) + ([TOTAL] if self.row_totals else [])


def table_sums(rows: int, columns: int, row_totals: bool) -> list[Sum]:
    """The sums a reader knows hold: every column adds up to its total, and (for a breakdown)
    every row to its row total and the row totals to the grand total."""
    sums: list[Sum] = [(tuple((r, c) for r in range(rows)), (TOTAL, c)) for c in range(columns)]
    if row_totals:
        sums += [(tuple((r, c) for c in range(columns)), (r, TOTAL)) for r in range(rows)]
        sums.append((tuple((TOTAL, c) for c in range(columns)), (TOTAL, TOTAL)))
        sums.append((tuple((r, TOTAL) for r in range(rows)), (TOTAL, TOTAL)))
    return sums


def all_values(table: CountTable) -> dict[Cell, int]:
    """Every cell with its true count, totals included."""
    values: dict[Cell, int] = {}
    for r, row in enumerate(table.counts):
        for c, count in enumerate(row):
            values[(r, c)] = count
        if table.row_totals:
            values[(r, TOTAL)] = sum(row)
    for c in range(len(table.columns)):
        values[(TOTAL, c)] = sum(row[c] for row in table.counts)
    if table.row_totals:
        values[(TOTAL, TOTAL)] = sum(sum(row) for row in table.counts)
    return values


def _merge_columns(table: CountTable, groups: list[list[int]], labels: list[str]) -> CountTable:
    counts = tuple(tuple(sum(row[i] for i in group) for group in groups) for row in table.counts)
    return CountTable(
        table.title,
        table.rows,
        tuple(labels),
        counts,
        table.row_totals,
        table.ordered,
        table.keep_apart,
    )


def _column_total(table: CountTable, column: int) -> int:
    return sum(row[column] for row in table.counts)


def merge_small(table: CountTable) -> tuple[CountTable, dict[str, tuple[str, ...]]]:
    """Merge categories whose total is 1–9 (rule 2); returns the table and what was merged."""
    groups = [[i] for i in range(len(table.columns))]
    movable = [table.columns[i] not in table.keep_apart for i in range(len(table.columns))]
    while True:
        current = _merge_columns(table, groups, ["" for _ in groups])
        totals = [_column_total(current, i) for i in range(len(groups))]
        small = [i for i, t in enumerate(totals) if 0 < t < MIN_COUNT and movable[groups[i][0]]]
        # Columns with 0 stay as they are: merging with them hides nothing.
        candidates = [i for i in range(len(groups)) if movable[groups[i][0]] and totals[i] > 0]
        if not small or len(candidates) < 2:
            break
        target = small[0]
        if table.ordered:
            pos = candidates.index(target)
            neighbours = [candidates[p] for p in (pos - 1, pos + 1) if 0 <= p < len(candidates)]
            other = min(neighbours, key=lambda i: totals[i])
        elif len(small) > 1:
            other = small[1]
        else:
            other = min((i for i in candidates if i != target), key=lambda i: totals[i])
        low, high = sorted((target, other))
        groups[low] = sorted(groups[low] + groups[high])
        del groups[high]
    labels: list[str] = []
    merged: dict[str, tuple[str, ...]] = {}
    for group in groups:
        parts = tuple(table.columns[i] for i in group)
        label = parts[0] if len(parts) == 1 else _merged_label(parts, table.ordered)
        labels.append(label)
        if len(parts) > 1:
            merged[label] = parts
    return _merge_columns(table, groups, labels), merged


def _merged_label(parts: tuple[str, ...], ordered: bool) -> str:
    if ordered:
        return f"{parts[0]} t/m {parts[-1]}"
    return " + ".join(parts) if len(parts) <= MAX_NAMED else OTHER_LABEL


def _hidden_bounds(
    values: dict[Cell, int], hidden: set[Cell]
) -> dict[Cell, tuple[int, int | None]]:
    return {
        cell: (0, MIN_COUNT - 1) if values[cell] < MIN_COUNT else (MIN_COUNT, None)
        for cell in hidden
    }


def exposed_cells(values: dict[Cell, int], hidden: set[Cell], sums: list[Sum]) -> set[Cell]:
    shown = {cell: v for cell, v in values.items() if cell not in hidden}
    return recoverable(shown, _hidden_bounds(values, hidden), sums)


def _cost(cell: Cell, values: dict[Cell, int]) -> tuple[int, int, int]:
    is_total = int(TOTAL in cell)
    value = values[cell]
    return (is_total, int(value >= MIN_COUNT), value)


def _next_cell(
    exposed: Cell, values: dict[Cell, int], hidden: set[Cell], sums: list[Sum]
) -> Cell | None:
    """The cheapest shown cell in a sum with the exposed cell (fewest hidden members first)."""
    with_cell = [(members, total) for members, total in sums if exposed in (*members, total)]
    with_cell.sort(key=lambda s: sum(1 for c in (*s[0], s[1]) if c in hidden))
    for members, total in with_cell:
        candidates = [c for c in (*members, total) if c not in hidden]
        if candidates:
            return min(candidates, key=lambda c: _cost(c, values))
    return None


def choose_hidden(values: dict[Cell, int], sums: list[Sum]) -> set[Cell] | None:
    """Primary plus secondary suppression; None when the table cannot be protected."""
    hidden = {cell for cell, v in values.items() if 0 < v < MIN_COUNT}
    while True:
        exposed = exposed_cells(values, hidden, sums)
        if not exposed:
            return hidden
        extra = _next_cell(min(exposed, key=repr), values, hidden, sums)
        if extra is None:
            return None
        hidden.add(extra)


def protect(table: CountTable) -> ProtectedTable:
    """Apply rules 1–5 to a table."""
    merged_table, merged = merge_small(table)
    values = all_values(merged_table)
    grand = _table_total(merged_table, values)
    sums = table_sums(len(merged_table.rows), len(merged_table.columns), table.row_totals)
    hidden = choose_hidden(values, sums) if grand >= MIN_COUNT else None
    if hidden is None:
        return ProtectedTable(
            table.title,
            merged_table.rows,
            merged_table.columns,
            {},
            table.row_totals,
            withheld=True,
            merged=merged,
        )
    shown: dict[tuple[int, int], Shown] = {}
    for cell, value in values.items():
        if cell in hidden:
            shown[cell] = SMALL_LABEL if value < MIN_COUNT else HIDDEN_LABEL
        else:
            shown[cell] = value
    return ProtectedTable(
        table.title, merged_table.rows, merged_table.columns, shown, table.row_totals, merged=merged
    )


def _table_total(table: CountTable, values: dict[Cell, int]) -> int:
    """The table's total: the grand total, or the largest column total for separate measures."""
    if table.row_totals:
        return values[(TOTAL, TOTAL)]
    return max((values[(TOTAL, c)] for c in range(len(table.columns))), default=0)
