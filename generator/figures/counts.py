"""Count tables: rows of counts for each compared year, a total row, and the checks that go with them.

Every section module builds its table here, so all tables share one layout and one invariant:
for a year counted from records, the rows add up to the total (a broken sum is a bug and raises).
A year shown from history keeps its published total; where its rows do not add up, or the
history record states a fault, the table carries a note saying so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from generator.counting import NOT_RECORDED, TOTAL
from generator.figures.basis import CASES, HISTORY, NOT_REPORTED, YearBasis
from generator.figures.table import Cell, Change, Column, Percent, Row, Share, Table
from generator.language import N_, _
from generator.model import Case, Organisation, Term
from generator.model.bilingual import in_language

TOTAL_LABEL = N_("Total")  # a total row's label where a table gives none of its own

Item = TypeVar("Item")


class TotalsDoNotAddUp(AssertionError):
    """Rows counted from records do not add up to their total: a bug in the figures, not in the data."""


@dataclass(frozen=True)
class RowSpec:
    key: str
    label: str
    level: int = 0
    is_heading: bool = False
    parts: tuple[str, ...] = ()  # a combined row: the keys of the rows it adds up, outside any sum


@dataclass(frozen=True)
class Tally:
    """One year's counts for a table: a count per row key, and the total the table shows."""

    year: str
    source: str  # CASES, HISTORY or NOT_REPORTED
    counts: Mapping[str, int | None] = field(default_factory=dict)
    total: int | None = None
    faults: tuple[str, ...] = ()  # what the history record says is wrong with the published table
    percentages: Mapping[str, Percent] = field(default_factory=dict)  # printed without counts

    def cell(self, key: str) -> Cell:
        """A row's count, or the percentage a report printed instead of it."""
        count = self.count(key)
        return self.percentages.get(key) if count is None else count

    def count(self, key: str) -> int | None:
        if self.source == CASES:
            return self.counts.get(key, 0)
        return self.counts.get(key)  # a row a published table did not list was not reported


def tally_items(year: str, items: Iterable[Item], key_of: Callable[[Item], str | None]) -> Tally:
    """Count records by the row each belongs to; a record without one counts as 'not recorded'."""
    listed = list(items)
    counts = Counter(key_of(item) or NOT_RECORDED for item in listed)
    return Tally(year, CASES, dict(counts), len(listed))


def tally_published(basis: YearBasis, table: str) -> Tally:
    """A year's counts as its history record published them, or 'not reported'."""
    published = basis.published(table)
    if published is None:
        return Tally(basis.year, NOT_REPORTED)
    percentages = {key: Percent(value, published.base) for key, value in published.percentages.items()
                   if value is not None}
    total = published.total if published.total is not None else published.base
    return Tally(basis.year, HISTORY, dict(published.rows), total, basis.faults(table), percentages)


def not_recorded_row(specs: Sequence[RowSpec], tallies: Sequence[Tally]) -> list[RowSpec]:
    """The specs, plus a 'Not recorded' row when some year has records without a value."""
    if any(tally.source == CASES and tally.count(NOT_RECORDED) for tally in tallies):
        return [*specs, RowSpec(NOT_RECORDED, _("Not recorded"))]
    return list(specs)


# Columns ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ColumnSpec:
    column: Column
    cell: Callable[[str], Cell]  # row key (or TOTAL) -> cell


def count_column(tally: Tally) -> ColumnSpec:
    def cell(key: str) -> Cell:
        return tally.total if key == TOTAL else tally.cell(key)

    return ColumnSpec(Column(tally.year, tally.year, tally.year, "count"), cell)


def shares_column(tally: Tally) -> ColumnSpec:
    """Each row as its count and share of the year's total ('8 (23%)'); the total row a plain count."""

    def cell(key: str) -> Cell:
        if key == TOTAL:
            return tally.total
        part = tally.count(key)
        if part is None or not tally.total:
            return tally.cell(key)
        return Share(part, tally.total)

    return ColumnSpec(Column(tally.year, tally.year, tally.year, "share"), cell)


def change_column(before: Tally, after: Tally) -> ColumnSpec:
    """The change of each row from one year to the next, as a signed percentage of the year before
    (None where either year did not report the row, or the year before had none)."""

    def cell(key: str) -> Cell:
        old = before.total if key == TOTAL else before.count(key)
        new = after.total if key == TOTAL else after.count(key)
        return Change(old, new) if old and new is not None else None

    heading = _("Change on %(year)s", year=before.year)
    return ColumnSpec(Column(f"change {before.year} to {after.year}", heading, None, "change"), cell)


def year_columns(organisation: Organisation, tallies: Sequence[Tally]) -> list[ColumnSpec]:
    """Each compared year's counts, with each row's share of the year's total when the
    organisation shows shares, then the change on the year before when it shows changes (and
    the year before reported the table)."""
    columns = [shares_column(t) if organisation.shares else count_column(t) for t in tallies]
    if organisation.changes and len(tallies) > 1 and tallies[1].source != NOT_REPORTED:
        columns.append(change_column(tallies[1], tallies[0]))
    return columns


def base_note(organisation: Organisation, base: str) -> list[str]:
    """The note that says what a table's shares are of, when it shows them."""
    if not organisation.shares:
        return []
    return [_("Each share is of %(base)s in the year (the total row).", base=_(base))]


# The table ----------------------------------------------------------------------------------

def build_table(
    table_id: str, title: str, row_heading: str, specs: Sequence[RowSpec], columns: Sequence[ColumnSpec],
    tallies: Sequence[Tally], *, definition: str, notes: Sequence[str] = (), chart: str | None = "bars",
    total_label: str | None = TOTAL_LABEL, adds_up: bool = True,
) -> Table:
    """Lay out a count table, after checking that each year counted from records adds up.

    `adds_up=False` is for tables whose rows overlap (themes, summaries): no check, no fault notes.
    """
    for tally in tallies:
        if adds_up and tally.source == CASES:
            check_adds_up(table_id, specs, tally)
    rows = [_row(spec, columns) for spec in specs]
    if total_label:
        label = _(total_label) if total_label == TOTAL_LABEL else total_label  # the default, translated here
        rows.append(Row(TOTAL, label, tuple(col.cell(TOTAL) for col in columns), is_total=True))
    return Table(
        id=table_id, number=0, title=title, row_heading=row_heading,
        columns=tuple(col.column for col in columns), rows=tuple(rows),
        notes=tuple(notes), faults=tuple(history_notes(specs, tallies)) if adds_up else (),
        definition=definition, chart=chart,
    )


def _row(spec: RowSpec, columns: Sequence[ColumnSpec]) -> Row:
    cells = tuple(None if spec.is_heading else col.cell(spec.key) for col in columns)
    return Row(spec.key, spec.label, cells, level=spec.level, is_heading=spec.is_heading, parts=spec.parts)


def structure(specs: Sequence[RowSpec]) -> tuple[list[str], dict[str, list[str]]]:
    """The rows that add up to the total, and the sub-rows that add up to each of them.

    A level-1 row under a counted row is part of it; under a heading (or at the top) it counts
    towards the total itself.
    """
    tops: list[str] = []
    children: dict[str, list[str]] = {}
    parent: str | None = None
    for spec in specs:
        if spec.parts:
            continue  # a combined row repeats others: it is in no sum
        if spec.is_heading:
            parent = None
        elif spec.level == 0 or parent is None:
            tops.append(spec.key)
            parent = spec.key if spec.level == 0 else None
            children[spec.key] = []
        else:
            children[parent].append(spec.key)
    return tops, children


def rows_sum(keys: Iterable[str], tally: Tally) -> int:
    return sum(tally.count(key) or 0 for key in keys)


def check_adds_up(table_id: str, specs: Sequence[RowSpec], tally: Tally) -> None:
    tops, children = structure(specs)
    if rows_sum(tops, tally) != tally.total:
        raise TotalsDoNotAddUp(
            f"{table_id} {tally.year}: the rows add up to {rows_sum(tops, tally)}, the total is {tally.total}"
        )
    for parent, keys in children.items():
        if keys and rows_sum(keys, tally) != tally.count(parent):
            raise TotalsDoNotAddUp(
                f"{table_id} {tally.year}: the rows under {parent} add up to {rows_sum(keys, tally)}, "
                f"not {tally.count(parent)}"
            )


def history_notes(specs: Sequence[RowSpec], tallies: Sequence[Tally]) -> list[str]:
    """For each year shown as published: the faults its history record states, as the officer wrote
    them, and a note when its rows, every one published, do not add up to its total.

    A row not published (None) is never added as 0, so a table with one has no sum to check; nor
    does a year that published only its total.
    """
    tops, _children = structure(specs)
    notes = []
    for tally in tallies:
        if tally.source != HISTORY:
            continue
        published = [tally.count(key) for key in tops if key in tally.counts]
        complete = bool(published) and all(count is not None for count in published)
        added = sum(count or 0 for count in published)
        if tally.total is not None and complete and added != tally.total:
            notes.append(_("%(year)s as published: the rows add up to %(added)s but the published total "
                           "was %(total)s.", year=tally.year, added=added, total=tally.total))
        # The officer's note in the language being written (its Welsh on the Welsh site).
        notes.extend(_("%(year)s as published: %(fault)s", year=tally.year, fault=in_language(fault))
                     for fault in tally.faults)
    return notes


def tally_year(basis: YearBasis, table: str, items: Iterable[Item], key_of: Callable[[Item], str | None]
               ) -> Tally:
    """Count the year's records when it has case records, else take its history record's table."""
    if basis.source == CASES:
        return tally_items(basis.year, items, key_of)
    return tally_published(basis, table)


def taxonomy_table(table_id: str, title: str, row_heading: str, terms: Sequence[Term],
                   key_of: Callable[[Case], str | None], years: Sequence[YearBasis],
                   definition: str) -> Table:
    """A count of the year's complaints by one taxonomy, every term a row (zero rows kept)."""
    tallies = [basis.once(table_id, tally_year, basis, table_id, basis.complaints, key_of) for basis in years]
    specs = not_recorded_row([RowSpec(term.id, term.name) for term in terms], tallies)
    return build_table(table_id, title, row_heading, specs, [count_column(t) for t in tallies], tallies,
                       definition=definition)
