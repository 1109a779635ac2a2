"""Small-number suppression: counts too small to publish safely become `Suppressed` (shown as c).

With the organisation's `disclosure.threshold` set to t (0, the default, or 1 turns it off):

1. Primary: every count from 1 to t - 1 is hidden, in every column of people counted (counts
   and shares; customers served, money and working days are left alone). Zero is shown: it
   says that nobody is in the cell, which identifies no one.
2. Secondary: a hidden count must not be recoverable by subtraction. Wherever rows add up to a
   figure shown on the page (the rows of a table to its total, the sub-rows of a row to that
   row) and only one of them is hidden, the next-smallest non-zero count among them is hidden
   too; when there is none, the figure they add up to is hidden instead.
3. The same count shown in two tables (the same row and column, the same number) is hidden in
   both when it is hidden in either, and step 2 runs again, until nothing changes.
4. Figures worked out from a hidden count (a rate per 1,000, a change on the year before) are
   hidden with it, and every table with a hidden cell says so in a note.

This runs on a year's tables before anything reads them, so tables, charts, CSV files, the
named figures and the prose that cites them all see the same suppressed cells.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from generator.figures.table import Cell, Change, Rate, Share, Suppressed, Table
from generator.language import _

COUNTED = ("count", "share", "mixed")  # column measures whose cells count people
Position = tuple[int, int]  # (row index, column index)


def note(threshold: int) -> str:
    return _("Counts from 1 to %(largest)s are shown as c (confidential) so that no one can be identified "
             "from them. Where a hidden count could be worked out from a total, another count is hidden too.",
             largest=threshold - 1)


def count_of(cell: Cell) -> int | None:
    """The number of people a cell counts, if it is a count."""
    if isinstance(cell, Share):
        return cell.part
    if isinstance(cell, int) and not isinstance(cell, bool):
        return cell
    return None


def is_small(value: int | None, threshold: int) -> bool:
    return value is not None and 0 < value < threshold


def suppressed(tables: Sequence[Table], threshold: int) -> tuple[Table, ...]:
    """The tables with small counts, and counts that would give them away, suppressed."""
    if threshold < 2:
        return tuple(tables)
    hidden = [_primary(table, threshold) for table in tables]
    links = _links(tables)
    changed = True
    while changed:
        changed = False
        for table, cells in zip(tables, hidden, strict=True):
            changed |= _secondary(table, cells)
        changed |= _linked(links, hidden)
    return tuple(_apply(table, cells, threshold) for table, cells in zip(tables, hidden, strict=True))


def _counted(table: Table) -> list[int]:
    return [index for index, column in enumerate(table.columns) if column.measure in COUNTED]


def _primary(table: Table, threshold: int) -> set[Position]:
    return {
        (row_index, column)
        for row_index, row in enumerate(table.rows)
        for column in _counted(table)
        if is_small(count_of(row.cells[column]), threshold)
    }


def _groups(table: Table) -> list[tuple[int | None, list[int]]]:
    """Each set of rows that adds up to a row shown: (the row they add up to, the rows)."""
    total = next((index for index, row in enumerate(table.rows) if row.is_total), None)
    top: list[int] = []
    children: dict[int, list[int]] = defaultdict(list)
    parent: int | None = None
    combined: list[tuple[int | None, list[int]]] = []
    for index, row in enumerate(table.rows):
        if row.parts:  # it adds up rows of its own: one more sum a hidden count must not leak from
            combined.append((index, [i for i, other in enumerate(table.rows) if other.key in row.parts]))
            continue
        if row.is_total:
            continue
        if row.is_heading:
            parent = None
        elif row.level == 0 or parent is None:
            top.append(index)
            parent = index if row.level == 0 else None
        else:
            children[parent].append(index)
    return [(total, top), *children.items(), *combined]


def _secondary(table: Table, hidden: set[Position]) -> bool:
    """Hide one more count wherever a single hidden count could be found by subtraction."""
    changed = False
    for column in _counted(table):
        for parent, members in _groups(table):
            if parent is None or (parent, column) in hidden:
                continue
            if count_of(table.rows[parent].cells[column]) is None:
                continue
            if sum((member, column) in hidden for member in members) != 1:
                continue
            shown = [
                (value, member) for member in members
                if (member, column) not in hidden
                and (value := count_of(table.rows[member].cells[column])) is not None and value > 0
            ]
            hidden.add((min(shown)[1], column) if shown else (parent, column))
            changed = True
    return changed


Link = tuple[str, str, int]  # (row key, column key, count): the same figure in several tables


def _links(tables: Sequence[Table]) -> dict[Link, list[tuple[int, Position]]]:
    links: dict[Link, list[tuple[int, Position]]] = defaultdict(list)
    for number, table in enumerate(tables):
        for row_index, row in enumerate(table.rows):
            for column in _counted(table):
                value = count_of(row.cells[column])
                if value:
                    links[(row.key, table.columns[column].key, value)].append((number, (row_index, column)))
    return {link: places for link, places in links.items() if len({n for n, _ in places}) > 1}


def _linked(links: dict[Link, list[tuple[int, Position]]], hidden: list[set[Position]]) -> bool:
    changed = False
    for places in links.values():
        if any(position in hidden[number] for number, position in places):
            for number, position in places:
                if position not in hidden[number]:
                    hidden[number].add(position)
                    changed = True
    return changed


def _apply(table: Table, hidden: set[Position], threshold: int) -> Table:
    """The table with hidden cells, and the figures worked out from them, suppressed."""
    rows = []
    for row_index, row in enumerate(table.rows):
        cells = tuple(
            Suppressed(isinstance(cell, Share)) if _withheld(table, (row_index, column), threshold, hidden)
            else cell
            for column, cell in enumerate(row.cells)
        )
        rows.append(replace(row, cells=cells))
    if not any(isinstance(cell, Suppressed) for row in rows for cell in row.cells):
        return table
    return replace(table, rows=tuple(rows), notes=(*table.notes, note(threshold)))


def _withheld(table: Table, position: Position, threshold: int, hidden: set[Position]) -> bool:
    """A hidden count, or a figure worked out from one: a rate from the year's count, a change."""
    if position in hidden:
        return True
    row_index, column = position
    cell = table.rows[row_index].cells[column]
    if isinstance(cell, Change):
        return is_small(cell.before, threshold) or is_small(cell.after, threshold)
    if not isinstance(cell, Rate):
        return False
    year = table.columns[column].year
    return is_small(cell.count, threshold) or any(
        (row_index, other) in hidden
        for other, each in enumerate(table.columns)
        if each.year == year and each.measure in COUNTED
    )
