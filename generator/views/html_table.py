"""A `Table` as an accessible HTML table: header cells scoped, sub-rows indented, totals marked."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from generator.figures.table import Share, Table
from generator.views.cells import apportioned_percents, cell_text

Position = tuple[int, int]  # (row index, column index)


def shown_percents(table: Table) -> dict[Position, int]:
    """The percentage each share shows, apportioned where shares of one whole make it up.

    Shares are grouped by column, row level and whole (a column of outcomes for one year); a group
    whose parts add to its whole is apportioned so it sums to 100. Rows are tried the same way
    for tables laid out with years down the side.
    """
    shown: dict[Position, int] = {}
    for by_column in (True, False):
        groups: dict[tuple[int, int, int], list[Position]] = defaultdict(list)
        for row_index, row in enumerate(table.rows):
            if row.is_total:
                continue
            for column_index, cell in enumerate(row.cells):
                if isinstance(cell, Share) and cell.whole > 0 and cell.part >= 0:
                    line = column_index if by_column else row_index
                    groups[(line, row.level, cell.whole)].append((row_index, column_index))
        for (_line, _level, whole), positions in groups.items():
            positions = [position for position in positions if position not in shown]
            shares = [_share(table, position) for position in positions]
            if len(shares) > 1 and sum(share.part for share in shares) == whole:
                shown.update(zip(positions, apportioned_percents(shares), strict=True))
    return shown


def _share(table: Table, position: Position) -> Share:
    cell = table.rows[position[0]].cells[position[1]]
    assert isinstance(cell, Share)
    return cell


def table_html(table: Table, labelled_by: str) -> str:
    """The table as HTML; `labelled_by` is the id of the heading that names it."""
    percents = shown_percents(table)
    lines = [f'<table aria-labelledby="{escape(labelled_by)}">', "<thead>", "<tr>"]
    lines.append(f'<th scope="col">{escape(table.row_heading)}</th>')
    lines += [f'<th scope="col">{escape(column.heading)}</th>' for column in table.columns]
    lines += ["</tr>", "</thead>", "<tbody>"]
    for row_index, row in enumerate(table.rows):
        classes = []
        if row.is_total:
            classes.append("candour-total")
        if row.level:
            classes.append(f"candour-level-{row.level}")
        row_class = f' class="{" ".join(classes)}"' if classes else ""
        label = escape(row.label)
        if row.is_heading:
            span = len(table.columns) + 1
            lines.append(f'<tr class="candour-heading"><th scope="rowgroup" colspan="{span}">{label}</th>')
            lines.append("</tr>")
            continue
        lines.append(f"<tr{row_class}>")
        lines.append(f'<th scope="row">{f"<strong>{label}</strong>" if row.is_total else label}</th>')
        for column_index, cell in enumerate(row.cells):
            text = escape(cell_text(cell, percents.get((row_index, column_index))))
            lines.append(f"<td>{f'<strong>{text}</strong>' if row.is_total else text}</td>")
        lines.append("</tr>")
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)
