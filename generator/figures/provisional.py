"""What a provisional year's report leaves out: every change on the year before.

A year is provisional until the organisation file lists it as published (`is_provisional`). Its
records are still coming in, so a change on the year before would measure how much of the year
is recorded, not a rise or a fall: one complaint in April against a whole year's 35 reads "-97%".
Marking such a figure "provisional" would still print it for a headline to quote, so the report
gives none: the change columns are left out of its tables (each table says why in a note) and
the named changes (`complaints_change`, ...) have no value, as for a year with no year before.
Its counts stay, side by side with the earlier years' under a heading marked provisional.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from generator.figures.table import Cell, Table
from generator.language import _
from generator.model import Records

CHANGE = "change"  # the measure of a change column (figures.counts.change_column)
CHANGE_SUFFIX = "_change"  # the ending of every named change (figures.named, figures.council_names)


def is_provisional(records: Records, year: str) -> bool:
    """A year is provisional until the organisation file lists it as published; a year kept as a
    history record holds a published report's own figures, so it is final."""
    return year not in records.organisation.published and all(h.year != year for h in records.histories)


def no_change_note(year: str) -> str:
    return _("No change on the year before is given: the %(year)s figures are provisional, so a "
             "change would show how much of the year is recorded so far, not a rise or a fall.", year=year)


def without_changes(tables: Sequence[Table], year: str) -> list[Table]:
    """The tables of a provisional year's report with their change columns left out."""
    return [without_change_columns(table, year) for table in tables]


def without_change_columns(table: Table, year: str) -> Table:
    kept = [index for index, column in enumerate(table.columns) if column.measure != CHANGE]
    if len(kept) == len(table.columns):
        return table
    rows = tuple(replace(row, cells=tuple(row.cells[index] for index in kept)) for row in table.rows)
    return replace(table, columns=tuple(table.columns[index] for index in kept), rows=rows,
                   notes=(*table.notes, no_change_note(year)))


def figures_without_changes(figures: dict[str, Cell]) -> dict[str, Cell]:
    """The named figures of a provisional year: every change without a value."""
    return {name: None if name.endswith(CHANGE_SUFFIX) else value for name, value in figures.items()}
