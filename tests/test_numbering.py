"""A table keeps its number in every year's report of a site; a year without it says so (issue 16
point 7)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.figures.numbering import Absent, numbered_alike, table_order
from generator.figures.table import Table
from generator.records import load_records
from generator.site import year_reports

PROJECT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Report:
    tables: tuple[Table, ...]


def tables(*ids: str) -> tuple[Table, ...]:
    return tuple(Table(table_id, 0, f"Title of {table_id}", "Row", (), ()) for table_id in ids)


def test_numbers_follow_every_years_tables_in_report_order() -> None:
    newest, older = Report(tables("a", "b", "c", "e")), Report(tables("a", "d", "e"))
    assert [t.id for t in table_order([newest, older])] == ["a", "d", "b", "c", "e"]
    (first, first_absent), (second, second_absent) = numbered_alike([newest, older])
    assert [(t.id, t.number) for t in first.tables] == [("a", 1), ("b", 3), ("c", 4), ("e", 5)]
    assert [(t.id, t.number) for t in second.tables] == [("a", 1), ("d", 2), ("e", 5)]
    assert first_absent == (Absent(2, "d", "Title of d"),)
    assert second_absent == (Absent(3, "b", "Title of b"), Absent(4, "c", "Title of c"))


def test_the_demo_reports_number_each_table_alike() -> None:
    reports = {report.year: report for report in year_reports(load_records(PROJECT))}
    numbers = {year: {t.id: t.number for t in report.tables} for year, report in reports.items()}
    # response times are table 6 every year, though 2018-19 and 2017-18 have no themes table (5)
    assert numbers["2019-20"]["response_times"] == numbers["2018-19"]["response_times"] == 6
    assert numbers["2017-18"]["response_times"] == 6
    assert numbers["2019-20"]["themes"] == 5 and "themes" not in numbers["2018-19"]
    assert Absent(5, "themes", reports["2019-20"].table("themes").title) in reports["2018-19"].absent
    assert reports["2019-20"].absent == ()
    for year, report in reports.items():
        shown = [t.number for t in report.tables] + [a.number for a in report.absent]
        assert sorted(shown) == list(range(1, len(shown) + 1)), year  # every number, once
