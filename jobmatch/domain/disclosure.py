"""Can a hidden cell of a published count table be worked out from what is shown?

A table is a set of cells (the counts and their totals) and a set of sums: "these cells add up
to that total cell". Shown cells are known numbers; hidden cells are unknowns. A hidden cell
is *recoverable* when either

1. linear algebra pins it down: some combination of the sums gives its exact value (a row with
   one hidden cell, but also a hidden cell that only follows from adding and subtracting several
   rows and columns). Checked exactly with fractions: the cell's unit vector lies in the row
   space of the sums restricted to the hidden cells; or
2. the bounds pin it down: a reader knows "< 10" means 0–9 and "x" means 10 or more; pushing
   those bounds through every sum until nothing changes leaves one possible value.

Check 2 is bound propagation, not a full integer program: it finds the usual interval leaks
(a hidden "x" next to a "< 10" in a row of 11) but a search over all integer solutions could
in rare cases narrow a cell further. The property test measures this against a linear program.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

Cell = tuple[int, int]  # (row, column); -1 is a total
Sum = tuple[tuple[Cell, ...], Cell]  # (the cells that are added, the total cell)
MAX_ROUNDS = 200


def _components(hidden: set[Cell], sums: Sequence[Sum]) -> list[tuple[set[Cell], list[Sum]]]:
    """Groups of hidden cells that share sums (solved separately: small systems are fast)."""
    parent: dict[Cell, Cell] = {cell: cell for cell in hidden}

    def find(cell: Cell) -> Cell:
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    for members, total in sums:
        unknown = [cell for cell in (*members, total) if cell in hidden]
        for other in unknown[1:]:
            parent[find(other)] = find(unknown[0])
    groups: dict[Cell, tuple[set[Cell], list[Sum]]] = {}
    for cell in hidden:
        groups.setdefault(find(cell), (set(), []))[0].add(cell)
    for one_sum in sums:
        members, total = one_sum
        unknown = [cell for cell in (*members, total) if cell in hidden]
        if unknown:
            groups[find(unknown[0])][1].append(one_sum)
    return list(groups.values())


def _rref_pinned(cells: list[Cell], rows: list[list[Fraction]]) -> set[Cell]:
    """Cells whose reduced row has no other non-zero entry: their value follows exactly."""
    pivot_row = 0
    pivots: list[tuple[int, int]] = []
    width = len(cells)
    for column in range(width):
        found = next((r for r in range(pivot_row, len(rows)) if rows[r][column] != 0), None)
        if found is None:
            continue
        rows[pivot_row], rows[found] = rows[found], rows[pivot_row]
        lead = rows[pivot_row][column]
        rows[pivot_row] = [value / lead for value in rows[pivot_row]]
        for r, row in enumerate(rows):
            if r != pivot_row and row[column] != 0:
                factor = row[column]
                rows[r] = [a - factor * b for a, b in zip(row, rows[pivot_row], strict=True)]
        pivots.append((pivot_row, column))
        pivot_row += 1
    return {
        cells[column]
        for r, column in pivots
        if all(value == 0 for c, value in enumerate(rows[r]) if c != column)
    }


def exactly_recoverable(hidden: Iterable[Cell], sums: Sequence[Sum]) -> set[Cell]:
    """Hidden cells whose exact value follows from the sums: exact fractions, any sums."""
    hidden_set = set(hidden)
    pinned: set[Cell] = set()
    for group, group_sums in _components(hidden_set, sums):
        cells = sorted(group)
        index = {cell: i for i, cell in enumerate(cells)}
        rows: list[list[Fraction]] = []
        for members, total in group_sums:
            row = [Fraction(0)] * len(cells)
            for cell in members:
                if cell in index:
                    row[index[cell]] += 1
            if total in index:
                row[index[total]] -= 1
            rows.append(row)
        pinned |= _rref_pinned(cells, rows)
    return pinned


def _bridges(edges: list[tuple[int, int]], nodes: int) -> set[int]:
    """Indexes of the edges that lie on no cycle (iterative Tarjan, parallel edges allowed)."""
    adjacent: list[list[tuple[int, int]]] = [[] for _ in range(nodes)]
    for k, (a, b) in enumerate(edges):
        adjacent[a].append((b, k))
        adjacent[b].append((a, k))
    order, low = [-1] * nodes, [0] * nodes
    found: set[int] = set()
    counter = 0
    for root in range(nodes):
        if order[root] != -1:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack = [(root, -1, iter(adjacent[root]))]
        while stack:
            node, via, neighbours = stack[-1]
            step = next(neighbours, None)
            if step is None:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        found.add(via)
                continue
            other, edge = step
            if edge == via:
                continue
            if order[other] == -1:
                order[other] = low[other] = counter
                counter += 1
                stack.append((other, edge, iter(adjacent[other])))
            else:
                low[node] = min(low[node], order[other])
    return found


def linearly_recoverable(hidden: Iterable[Cell], sums: Sequence[Sum]) -> set[Cell]:
    """Hidden cells whose exact value follows from the shown cells and the sums.

    Fast path for tables, where every cell lies in at most two sums (its row and its column):
    give the total of each sum a minus sign and every sum reads "these cells add up to 0";
    the hidden cells are the edges of a graph whose nodes are the sums (a cell in one sum
    only is tied to a shared free node). A set of values that leaves every sum unchanged is
    a flow around cycles of that graph, so a hidden cell is pinned exactly when its edge lies
    on no cycle: a bridge. Other shapes use `exactly_recoverable`.
    """
    hidden_list = sorted(set(hidden))
    where: dict[Cell, list[int]] = {cell: [] for cell in hidden_list}
    for k, (members, total) in enumerate(sums):
        for cell in (*members, total):
            if cell in where:
                where[cell].append(k)
    if any(len(places) > 2 for places in where.values()):
        return exactly_recoverable(hidden_list, sums)
    free = len(sums)
    edges = [(p[0], p[1] if len(p) > 1 else free) for p in where.values()]
    bridges = _bridges(edges, free + 1)
    return {cell for k, cell in enumerate(hidden_list) if k in bridges}


Bounds = dict[Cell, tuple[int, int | None]]  # (lowest, highest or None for no upper bound)


def _tighten(bounds: Bounds, members: Sequence[Cell], total: Cell) -> bool:
    """One pass of `sum(members) == total` over the bounds; True if any bound moved."""
    changed = False
    low_sum = sum(bounds[cell][0] for cell in members)
    highs = [bounds[cell][1] for cell in members]
    high_sum = None if None in highs else sum(h for h in highs if h is not None)
    t_low, t_high = bounds[total]
    new_total = (max(t_low, low_sum), _min(t_high, high_sum))
    if new_total != bounds[total]:
        bounds[total], changed = new_total, True
    t_low, t_high = bounds[total]
    for cell in members:
        low, high = bounds[cell]
        rest_low = low_sum - low
        rest_high = None if high_sum is None or high is None else high_sum - high
        new_high = _min(high, None if t_high is None else t_high - rest_low)
        new_low = max(low, 0 if rest_high is None else t_low - rest_high)
        if (new_low, new_high) != (low, high):
            bounds[cell], changed = (new_low, new_high), True
    return changed


def _min(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    return a if b is None else min(a, b)


def propagate_bounds(start: Mapping[Cell, tuple[int, int | None]], sums: Sequence[Sum]) -> Bounds:
    """The bounds a reader can derive for every cell (shown cells have low == high)."""
    bounds: Bounds = dict(start)
    for _ in range(MAX_ROUNDS):
        changed = False
        for members, total in sums:
            changed = _tighten(bounds, members, total) or changed
        if not changed:
            break
    return bounds


def recoverable(
    shown: Mapping[Cell, int], hidden: Mapping[Cell, tuple[int, int | None]], sums: Sequence[Sum]
) -> set[Cell]:
    """Hidden cells a reader can work out exactly (linear algebra or bounds).

    `shown` maps shown cells to their numbers; `hidden` maps hidden cells to the bounds their
    label gives away ((0, 9) for "< 10", (10, None) for "x").
    """
    start: dict[Cell, tuple[int, int | None]] = {cell: (v, v) for cell, v in shown.items()}
    start.update(hidden)
    bounds = propagate_bounds(start, sums)
    by_bounds = {cell for cell in hidden if bounds[cell][0] == bounds[cell][1]}
    return by_bounds | linearly_recoverable(hidden, sums)
