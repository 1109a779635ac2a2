"""A `Table` as an accessible HTML table: header cells scoped, sub-rows indented, totals marked.

Written one element a line, attributes in alphabetical order: the form Python-Markdown gave the
table when it read it, so pages read the same whether or not Markdown sees the table.
"""

from __future__ import annotations

from collections.abc import Collection
from html import escape

from generator.figures.table import Table
from generator.model.bilingual import in_language
from generator.views.cells import cell_text

TEXT = "text"  # the measure of a column of words (figures.table.Column)


def table_html(table: Table, labelled_by: str, provisional: Collection[str] = ()) -> str:
    """The table as HTML; `labelled_by` is the id of the heading that names it. A column of a
    `provisional` year says so in its heading, so it is never read as final beside the others."""
    lines = [f'<table aria-labelledby="{escape(labelled_by)}">', "<thead>", "<tr>"]
    lines.append(f'<th scope="col">{escape(table.row_heading)}</th>')
    for column in table.columns:
        marked = " (provisional)" if column.year in provisional else ""
        lines.append(f'<th scope="col">{escape(column.heading)}{marked}</th>')
    lines += ["</tr>", "</thead>", "<tbody>"]
    for row in table.rows:
        classes = []
        if row.is_total:
            classes.append("candour-total")
        if row.level:
            classes.append(f"candour-level-{row.level}")
        row_class = f' class="{" ".join(classes)}"' if classes else ""
        label = escape(str(in_language(row.label)))  # a service area's Welsh name on the Welsh site
        if row.is_heading:
            span = len(table.columns) + 1
            # The heading spans the table, so it cannot stay in view as the table scrolls sideways;
            # its words can (candour.css makes the span sticky).
            heading = f'<th colspan="{span}" scope="rowgroup"><span>{label}</span></th>'
            lines += ['<tr class="candour-heading">', heading, "</tr>"]
            continue
        lines.append(f"<tr{row_class}>")
        lines.append(f'<th scope="row">{f"<strong>{label}</strong>" if row.is_total else label}</th>')
        for column, cell in zip(table.columns, row.cells, strict=True):
            text = escape(cell_text(cell))
            # A column of words (the ombudsman reconciliation's "Why") wraps like running text;
            # figures stay on one line, aligned right (candour.css).
            opening = '<td class="candour-words">' if column.measure == TEXT else "<td>"
            lines.append(f"{opening}{f'<strong>{text}</strong>' if row.is_total else text}</td>")
        lines.append("</tr>")
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)
