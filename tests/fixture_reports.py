"""Reading a fixture council's report for the per-fixture tests: each table as {row key: cell}."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from generator.figures.report import YearReport, year_report
from generator.figures.table import Cell
from generator.model import Records
from generator.records import load_records

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@cache
def fixture(name: str) -> Records:
    return load_records(FIXTURES / name)


@cache
def report(name: str, year: str) -> YearReport:
    return year_report(fixture(name), year)


def column(name: str, year: str, table_id: str, column_key: str | None = None) -> dict[str, Cell]:
    """One column of a table of a fixture's report (the report's year unless another is named)."""
    table = report(name, year).table(table_id)
    index = [column.key for column in table.columns].index(column_key or year)
    return {row.key: row.cells[index] for row in table.rows}


def table_ids(name: str, year: str) -> list[str]:
    return [table.id for table in report(name, year).tables]
