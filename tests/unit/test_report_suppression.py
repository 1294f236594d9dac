"""Small-cell protection: property tests over random populations, checked independently.

The checks here do not reuse jobmatch.domain.disclosure: they rebuild the sums from the
published JSON and test recoverability with numpy's matrix rank (linear combinations of any
rows, columns and totals) and, on a smaller sample, with a linear program per hidden cell
(scipy), which also uses what the labels give away ("< 10" = 0–9, "x" = 10 or more).
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from jobmatch.domain.disclosure import exactly_recoverable, linearly_recoverable
from jobmatch.domain.suppression import (
    HIDDEN_LABEL,
    MIN_COUNT,
    SMALL_LABEL,
    CountTable,
    merge_small,
    protect,
)
from jobmatch.domain.yearly import OUTCOMES, PHASES, Facts, yearly_tables

COUNT = st.one_of(st.integers(0, 12), st.integers(0, 60))


@st.composite
def tables(draw: st.DrawFn) -> CountTable:
    n_rows = draw(st.integers(1, 4))
    n_columns = draw(st.integers(1, 6))
    counts = tuple(tuple(draw(COUNT) for _ in range(n_columns)) for _ in range(n_rows))
    columns = tuple(f"k{i}" for i in range(n_columns))
    keep = frozenset({columns[-1]}) if draw(st.booleans()) else frozenset()
    return CountTable(
        title="t",
        rows=tuple(f"r{i}" for i in range(n_rows)),
        columns=columns,
        counts=counts,
        row_totals=draw(st.booleans()),
        ordered=draw(st.booleans()),
        keep_apart=keep,
    )


def grid(table: CountTable) -> tuple[dict[tuple[int, int], int], list[tuple[list[Any], Any]]]:
    """True values of the merged table (totals at index -1) and the sums a reader knows."""
    merged, _ = merge_small(table)
    values: dict[tuple[int, int], int] = {}
    n_rows, n_columns = len(merged.rows), len(merged.columns)
    for r, row in enumerate(merged.counts):
        for c, count in enumerate(row):
            values[(r, c)] = count
    sums: list[tuple[list[Any], Any]] = []
    for c in range(n_columns):
        values[(-1, c)] = sum(merged.counts[r][c] for r in range(n_rows))
        sums.append(([(r, c) for r in range(n_rows)], (-1, c)))
    if table.row_totals:
        for r in range(n_rows):
            values[(r, -1)] = sum(merged.counts[r])
            sums.append(([(r, c) for c in range(n_columns)], (r, -1)))
        values[(-1, -1)] = sum(values[(r, -1)] for r in range(n_rows))
        sums.append(([(-1, c) for c in range(n_columns)], (-1, -1)))
        sums.append(([(r, -1) for r in range(n_rows)], (-1, -1)))
    return values, sums


def published(table: CountTable) -> dict[tuple[int, int], Any]:
    """The published JSON read back into cells (totals at index -1)."""
    data = protect(table).to_json()
    cells: dict[tuple[int, int], Any] = {}
    if data["withheld"]:
        assert data["cells"] == data["totals"] == []
        return cells
    n_columns = len(data["columns"]) - (1 if table.row_totals else 0)
    keys = [*range(n_columns), -1] if table.row_totals else list(range(n_columns))
    for r, row in enumerate(data["cells"]):
        for key, shown in zip(keys, row, strict=True):
            cells[(r, key)] = shown
    for key, shown in zip(keys, data["totals"], strict=True):
        cells[(-1, key)] = shown
    return cells


def system(
    values: dict[tuple[int, int], int], sums: list[tuple[list[Any], Any]], hidden: list[Any]
) -> tuple[np.ndarray, np.ndarray]:
    """A x = b over the hidden cells, the shown ones moved to the right-hand side."""
    index = {cell: i for i, cell in enumerate(hidden)}
    matrix = np.zeros((len(sums), len(hidden)))
    rhs = np.zeros(len(sums))
    for k, (members, total) in enumerate(sums):
        for cell, sign in [*((m, 1.0) for m in members), (total, -1.0)]:
            if cell in index:
                matrix[k, index[cell]] += sign
            else:
                rhs[k] -= sign * values[cell]
    return matrix, rhs


def check_published(table: CountTable) -> tuple[dict[Any, int], list[Any], list[Any], Any]:
    values, sums = grid(table)
    cells = published(table)
    if protect(table).withheld:
        assert cells == {}
        return values, sums, [], cells
    assert set(cells) == set(values)
    for cell, shown in cells.items():
        if isinstance(shown, int):
            assert shown == values[cell], "a published number differs from the data"
            assert not 0 < shown < MIN_COUNT, f"published small cell {cell}={shown}"
        elif shown == SMALL_LABEL:
            assert values[cell] < MIN_COUNT
        else:
            assert shown == HIDDEN_LABEL and values[cell] >= MIN_COUNT
    total = (
        values[(-1, -1)] if table.row_totals else max(v for c, v in values.items() if c[0] == -1)
    )
    assert total >= MIN_COUNT, "a table with a total below 10 was published"
    hidden = [cell for cell, shown in cells.items() if not isinstance(shown, int)]
    return values, sums, hidden, cells


def assert_nothing_recoverable(table: CountTable) -> None:
    values, sums, hidden, _ = check_published(table)
    if not hidden:
        return
    matrix, _ = system(values, sums, hidden)
    rank = np.linalg.matrix_rank(matrix) if matrix.size else 0
    for i, cell in enumerate(hidden):
        unit = np.zeros(len(hidden))
        unit[i] = 1.0
        stacked = np.vstack([matrix, unit])
        assert np.linalg.matrix_rank(stacked) > rank, f"{cell} follows from the totals"


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_no_small_cell_is_published_or_linearly_recoverable(table: CountTable) -> None:
    assert_nothing_recoverable(table)


PLACES = ("Delft", "Leiden", "Gouda", "Rijswijk", "Westland", None)
PERSON = st.tuples(
    st.integers(0, 2),  # organisation
    st.sampled_from([None, 2022, 2023, 2024, 2024, 2024]),  # entry year
    st.sampled_from([None, None, 2023, 2024, 2024, 2025]),  # exit year
    st.sampled_from([None, "uitgevallen", "uitgestroomd", "uitgestroomd"]),
    st.sampled_from([*OUTCOMES, None]),
    st.one_of(st.none(), st.integers(1950, 2012)),  # birth year (2012: too young, unknown)
    st.sampled_from(PLACES),
    st.sampled_from(PLACES),
    st.sampled_from(PHASES),
)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PERSON, max_size=90))
def test_random_populations_publish_no_small_or_recoverable_cell(people: list[Any]) -> None:
    facts = [
        Facts(i, f"org{org}", entry and date(entry, 3, 1), exit_ and date(exit_, 6, 1), reason,
              outcome, born, home, work, phase)
        for i, (org, entry, exit_, reason, outcome, born, home, work, phase) in enumerate(people)
    ]  # fmt: skip
    tables, problems, not_counted = yearly_tables(facts, 2024, ["org0", "org1", "org2"])
    placed = sum(
        1 for f in facts if f.entry_date and (not f.exit_date or f.exit_date >= f.entry_date)
    )
    assert not_counted == len(facts) - placed
    assert not_counted == sum(1 for p in problems if p.code in ("no-entry", "exit-before-entry"))
    for _, table in tables:
        assert_nothing_recoverable(table)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_no_hidden_cell_is_pinned_by_the_labels_and_totals(table: CountTable) -> None:
    values, sums, hidden, cells = check_published(table)
    if not hidden:
        return
    matrix, rhs = system(values, sums, hidden)
    bounds = [(0, MIN_COUNT - 1) if cells[c] == SMALL_LABEL else (MIN_COUNT, None) for c in hidden]
    for i, cell in enumerate(hidden):
        goal = np.zeros(len(hidden))
        goal[i] = 1.0
        low = linprog(goal, A_eq=matrix, b_eq=rhs, bounds=bounds, method="highs")
        high = linprog(-goal, A_eq=matrix, b_eq=rhs, bounds=bounds, method="highs")
        assert low.status == 0
        if high.status == 3:  # unbounded above: certainly not pinned
            continue
        integers = math.floor(-high.fun + 1e-6) - math.ceil(low.fun - 1e-6) + 1
        assert integers >= 2, f"{cell} is pinned to {low.fun}"


def test_a_single_small_cell_in_a_row_takes_a_partner_with_it() -> None:
    table = CountTable("t", ("a", "b"), ("x", "y", "z"), ((12, 3, 20), (15, 14, 11)))
    cells = published(table)
    row_a = [cells[(0, c)] for c in range(3)]
    assert row_a.count(SMALL_LABEL) + row_a.count(HIDDEN_LABEL) >= 2
    column_y = [cells[(r, 1)] for r in (0, 1)]
    assert all(not isinstance(v, int) for v in column_y), "3 + 14 = 17 would give the 3 away"


def test_a_table_under_ten_is_withheld() -> None:
    table = CountTable("t", ("a",), ("x", "y"), ((4, 5),))
    assert protect(table).withheld
    assert protect(table).to_json()["cells"] == []


def test_small_age_bands_merge_with_a_neighbour_and_unknown_stays_apart() -> None:
    table = CountTable(
        "t",
        ("a",),
        ("<25", "25–34", "35–44", "onbekend"),
        ((3, 20, 15, 12),),
        ordered=True,
        keep_apart=frozenset({"onbekend"}),
    )
    result = protect(table)
    assert result.columns == ("<25 t/m 25–34", "35–44", "onbekend")
    assert [result.value(0, c) for c in range(3)] == [23, 15, 12]


def test_small_municipalities_are_merged_into_overige() -> None:
    names = ("Delft", "Leiden", "Gouda", "Lisse", "Katwijk", "Wassenaar")
    table = CountTable("t", ("a",), names, ((30, 4, 3, 0, 2, 1),))
    result = protect(table)
    assert result.columns == ("Delft", "overige", "Lisse")
    assert result.merged == {"overige": ("Leiden", "Gouda", "Katwijk", "Wassenaar")}
    assert result.value(0, 1) == 10
    assert result.value(0, 2) == 0


def test_two_small_categories_merge_under_their_own_names() -> None:
    table = CountTable("t", ("a",), ("contact", "uitvoering", "nazorg"), ((3, 15, 0),))
    result = protect(table)
    assert result.columns == ("contact + uitvoering", "nazorg")
    assert [result.value(0, c) for c in range(2)] == [18, 0]


@settings(max_examples=400, deadline=None)
@given(tables(), st.randoms(use_true_random=False))
def test_the_graph_fast_path_agrees_with_exact_fractions(table: CountTable, rng: Any) -> None:
    values, sums = grid(table)
    cells = sorted(values)
    hidden = {cell for cell in cells if rng.random() < 0.5}
    typed = [(tuple(members), total) for members, total in sums]
    assert linearly_recoverable(hidden, typed) == exactly_recoverable(hidden, typed)
