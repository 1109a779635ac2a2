"""A `Table` as CSV open data: stable columns, UTF-8, numbers unformatted.

Columns: `id` (the row's taxonomy id or measure), `label`, then one column per table column named
by its key ('2019-20', 'customers'). A column of shares gives two: the counts under its key and
the percentages under '<key> %'. Counts are whole numbers; a share or a change is a percentage to
one decimal place, computed from the counts (not from the rounded figure on the page); a rate is
per 1,000 to two decimal places; money is in pounds with no symbol or separators; working days
are as computed. A figure not reported is left empty; a count withheld so that no one can be
identified is c.

The file starts with a UTF-8 byte-order mark, so that Excel reads it as UTF-8 (without one, it
guesses the Windows code page and '£' or 'é' come out garbled). A text cell (an id, a label, a
column name) is written on one line, and one that a spreadsheet would read as a formula, because
it begins with =, +, - or @, is written with a leading apostrophe, as OWASP advises against CSV
injection: a label such as '=HYPERLINK(...)' from the organisation file stays text. Numbers are
never changed: a negative change is written -12.5 and stays a number.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

from generator.figures.table import Cell, Change, Days, Money, Percent, Points, Rate, Share, Suppressed, Table
from generator.model.bilingual import in_language
from generator.views.cells import CONFIDENTIAL, exact_percent, half_up, points_value, rate_value

BYTE_ORDER_MARK = "\ufeff"
# What makes a spreadsheet read a cell as a formula (with the full-width forms some read the same).
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")


_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def text_cell(text: object) -> str:
    """Text for a cell on one line, as the page shows it (a carriage return in a label would
    otherwise split its row), and never read as a formula: one that would be starts with an
    apostrophe."""
    written = _SPACE.sub(" ", _CONTROL.sub("", str(text))).strip()
    return f"'{written}" if written.startswith(FORMULA_STARTS) else written


def _share_percent(cell: Cell) -> str:
    if isinstance(cell, Suppressed):
        return CONFIDENTIAL
    exact = exact_percent(cell) if isinstance(cell, Share) else None
    return "" if exact is None else str(half_up(exact, 1))


def csv_value(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Suppressed):
        return CONFIDENTIAL
    if isinstance(cell, Share):
        return str(cell.part)
    if isinstance(cell, Change):
        if not cell.before:
            return ""
        return str(half_up(Decimal(cell.after - cell.before) * 100 / Decimal(cell.before), 1))
    if isinstance(cell, Rate):
        value = rate_value(cell)
        return "" if value is None else str(half_up(value, 2))
    if isinstance(cell, Percent):
        return f"{cell.value.normalize():f}%"  # a printed percentage, not a count: marked as one
    if isinstance(cell, Points):
        points = points_value(cell)
        return "" if points is None else str(half_up(points, 1))
    if isinstance(cell, Money | Days):
        amount = Decimal(cell.amount if isinstance(cell, Money) else cell.value)
        return str(int(amount)) if amount == amount.to_integral_value() else str(half_up(amount, 2))
    if isinstance(cell, int | float | Decimal) and not isinstance(cell, bool):
        return str(cell)
    return text_cell(cell)


def _has_shares(table: Table, index: int) -> bool:
    return any(isinstance(row.cells[index], Share) or (isinstance(row.cells[index], Suppressed)
               and row.cells[index].share) for row in table.rows)


def csv_header(table: Table) -> list[str]:
    header = ["id", "label"]
    for index, column in enumerate(table.columns):
        header += [column.key, f"{column.key} %"] if _has_shares(table, index) else [column.key]
    return [text_cell(name) for name in header]


def table_csv(table: Table) -> str:
    """The table as the text of a CSV file, byte-order mark first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(csv_header(table))
    with_percent = [_has_shares(table, index) for index in range(len(table.columns))]
    for row in table.rows:
        line = [text_cell(row.key), text_cell(str(in_language(row.label)))]
        for index, cell in enumerate(row.cells):
            line.append(csv_value(cell))
            if with_percent[index]:
                line.append(_share_percent(cell))
        writer.writerow(line)
    return BYTE_ORDER_MARK + buffer.getvalue()
