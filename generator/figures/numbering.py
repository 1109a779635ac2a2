"""Stable table numbers: a table keeps its number in every year's report of a site.

Numbering each report's tables 1, 2, 3 in turn gave one number to different tables in different
years (Table 5 was the themes in 2019-20 and response times in 2018-19). Instead each table is
numbered by its identity: its place among all the tables any year of the site shows, in the
report's order. A year without one of them leaves its number out and says so (`Absent`), and the
others keep theirs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from generator.figures.table import Table


@dataclass(frozen=True)
class Absent:
    """A table other years' reports show, left out of this year's: nothing was recorded for it."""

    number: int
    id: str
    title: str


class HasTables(Protocol):
    @property
    def tables(self) -> tuple[Table, ...]: ...


Report = TypeVar("Report", bound=HasTables)


def table_order(reports: Sequence[HasTables]) -> list[Table]:
    """Every table id any report shows, once, in report order: where two reports order their tables
    differently, a table comes after the tables it follows in the report that first shows it."""
    order: list[Table] = []
    seen: set[str] = set()
    for report in reports:
        for position, table in enumerate(report.tables):
            if table.id in seen:
                continue
            before = {t.id for t in report.tables[:position]}
            # after the last table already placed that this report shows before it
            at = max((i + 1 for i, placed in enumerate(order) if placed.id in before), default=0)
            order.insert(at, table)
            seen.add(table.id)
    return order


def numbered_alike(reports: Sequence[Report]) -> list[tuple[Report, tuple[Absent, ...]]]:
    """Each report with its tables numbered as every other report numbers them, and the tables it
    leaves out."""
    every = table_order(reports)
    numbers = {table.id: number for number, table in enumerate(every, start=1)}
    numbered = []
    for report in reports:
        shown = {table.id for table in report.tables}
        tables = tuple(replace(table, number=numbers[table.id]) for table in report.tables)
        absent = tuple(Absent(numbers[t.id], t.id, t.title) for t in every if t.id not in shown)
        numbered.append((replace(report, tables=tables), absent))  # type: ignore[type-var]
    return numbered
