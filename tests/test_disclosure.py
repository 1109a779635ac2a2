"""Small-number suppression: small counts become c, and no hidden count can be worked out."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from generator.figures.disclosure import COUNTED, count_of, note, suppressed
from generator.figures.report import YearReport, report_years, year_report
from generator.figures.table import Change, Column, Rate, Row, Share, Suppressed, Table
from generator.model import Records
from generator.records import load_records
from generator.views.chart import chart_alt, chart_data
from generator.views.html_table import table_html
from generator.views.open_data import table_csv

PROJECT = Path(__file__).resolve().parent.parent
C = Suppressed()
CS = Suppressed(share=True)  # a share withheld
YEARS = (Column("2019-20", "2019-20", "2019-20"), Column("2018-19", "2018-19", "2018-19"))


def table(*rows: Row, columns: tuple[Column, ...] = YEARS) -> Table:
    return Table("outcomes", 1, "Outcomes", "Outcome", columns, rows)


def cells(result: Table) -> list[tuple[object, ...]]:
    return [row.cells for row in result.rows]


def test_off_by_default_and_at_one() -> None:
    small = table(Row("a", "A", (1, 2)), Row("total", "Total", (1, 2), is_total=True))
    assert suppressed([small], 0) == (small,)
    assert suppressed([small], 1) == (small,)


def test_counts_below_the_threshold_are_hidden_and_zero_is_shown() -> None:
    result = suppressed([table(
        Row("a", "A", (1, 0)), Row("b", "B", (2, 7)), Row("c", "C", (5, 3)), Row("d", "D", (9, 4)),
        Row("total", "Total", (17, 14), is_total=True),
    )], 3)[0]
    # 2019-20: 1 and 2 hidden, two of them, so the total gives nothing away.
    # 2018-19: nothing small; zero stays.
    assert cells(result) == [(C, 0), (C, 7), (5, 3), (9, 4), (17, 14)]
    assert result.notes == (note(3),)


def test_one_hidden_count_hides_the_next_smallest_beside_it() -> None:
    result = suppressed([table(
        Row("a", "A", (1, 10)), Row("b", "B", (0, 20)), Row("c", "C", (6, 30)), Row("d", "D", (4, 40)),
        Row("total", "Total", (11, 100), is_total=True),
    )], 3)[0]
    # 0 is not chosen (hiding it would tell nothing); 4 is the next smallest.
    assert cells(result) == [(C, 10), (0, 20), (6, 30), (C, 40), (11, 100)]


def test_with_nothing_else_to_hide_the_total_is_hidden() -> None:
    result = suppressed([table(
        Row("a", "A", (2, 5)), Row("b", "B", (0, 5)), Row("total", "Total", (2, 10), is_total=True),
    )], 3)[0]
    assert cells(result) == [(C, 5), (0, 5), (C, 10)]


def test_sub_rows_add_up_to_their_row() -> None:
    result = suppressed([table(
        Row("cat", "Category", (12, 5)), Row("x", "x", (1, 5), level=1), Row("y", "y", (11, 0), level=1),
        Row("other", "Other", (8, 5)), Row("total", "Total", (20, 10), is_total=True),
    )], 3)[0]
    # The sub-row 1 is hidden, so its sister 11 is too; the rows of the total are all shown.
    assert cells(result) == [(12, 5), (C, 5), (C, 0), (8, 5), (20, 10)]


def test_shares_rates_and_changes_go_with_their_counts() -> None:
    columns = (Column("2019-20", "2019-20", "2019-20", "share"),
               Column("rate", "per 1,000", "2019-20", "rate"), Column("change", "change", None, "mixed"))
    result = suppressed([table(
        Row("a", "A", (Share(2, 20), Rate(2, 1000), Change(2, 9))),
        Row("b", "B", (Share(18, 20), Rate(18, 1000), Change(10, 12))),
        Row("total", "Total", (20, Rate(20, 1000), None), is_total=True),
        columns=columns,
    )], 3)[0]
    # a is hidden, b with it (else 20 - 18 gives a away), and the rates of both; a's change too.
    assert cells(result) == [(CS, C, C), (CS, C, Change(10, 12)), (20, Rate(20, 1000), None)]


def test_a_count_hidden_in_one_table_is_hidden_where_it_is_repeated() -> None:
    complainants = Table("complainants", 1, "Who", "Who", YEARS[:1], (
        Row("advocacy-service", "Advocacy", (4,)), Row("parent", "Parent", (2,)), Row("son", "Son", (9,)),
        Row("sibling", "Sibling", (2,)), Row("total", "Total", (17,), is_total=True)))
    advocacy = Table("advocacy", 2, "Advocacy", "Advocacy", YEARS[:1], (
        Row("advocacy-service", "By a service", (4,)), Row("advocate", "With an advocate", (1,)),
        Row("total", "Total", (5,), is_total=True)))
    first, second = suppressed([complainants, advocacy], 3)
    # 4 is hidden beside the 1 in the advocacy table, so it is hidden in the complainants table too.
    assert cells(second) == [(C,), (C,), (5,)]
    assert cells(first)[0] == (C,)


def test_a_suppressed_cell_reads_c_in_the_table_csv_and_chart() -> None:
    result = suppressed([table(
        Row("a", "A", (Share(1, 9), 4)), Row("b", "B", (Share(8, 9), 4)),
        Row("total", "Total", (9, 8), is_total=True),
        columns=(Column("2019-20", "2019-20", "2019-20", "share"), YEARS[1]),
    )], 3)[0]
    assert "<td>c</td>" in table_html(result, "t")
    assert table_csv(result).splitlines()[1:3] == ["a,A,c,c,4", "b,B,c,c,4"]
    data = chart_data(result)
    assert data is not None and [bar.value for bar in data.series[0].bars] == [None, None]
    assert chart_alt(result, data).endswith("A: 2019-20 c, 2018-19 4; B: 2019-20 c, 2018-19 4.")


# -- the demo records with the threshold at 3 --------------------------------------------------


@cache
def demo(threshold: int) -> tuple[Records, tuple[YearReport, ...]]:
    records = load_records(PROJECT)
    records = replace(records, organisation=replace(records.organisation, disclosure_threshold=threshold))
    return records, tuple(year_report(records, year) for year in report_years(records))


def test_the_demo_reproduces_the_published_tables_with_the_setting_off() -> None:
    _, reports = demo(0)
    assert load_records(PROJECT).organisation.disclosure_threshold == 0  # as the demo ships
    assert not any(isinstance(cell, Suppressed) for r in reports for t in r.tables for row in t.rows
                   for cell in row.cells)


def _counted_cells(table: Table) -> list[tuple[Row, int, object]]:
    return [(row, index, row.cells[index]) for row in table.rows
            for index, column in enumerate(table.columns) if column.measure in COUNTED]


@pytest.mark.parametrize("threshold", [3, 5])
def test_no_small_count_is_published_in_any_table_csv_chart_or_figure(threshold: int) -> None:
    _, reports = demo(threshold)
    hidden = 0
    for report in reports:
        for each in report.tables:
            for row, _, cell in _counted_cells(each):
                assert not 0 < (count_of(cell) or 0) < threshold, (report.year, each.id, row.key)
                hidden += isinstance(cell, Suppressed)
            counted = {column.key for column in each.columns if column.measure in COUNTED}
            for line in csv.DictReader(io.StringIO(table_csv(each).encode().decode("utf-8-sig"))):
                for key in counted:
                    value = line[key]
                    assert not (value.isdigit() and 0 < int(value) < threshold), (each.id, line)
            data = chart_data(each)
            if data is not None and not data.unit:  # a chart of counts (not of shares or rates)
                for series in data.series:
                    assert not any(bar.value is not None and 0 < bar.value < threshold for bar in series.bars)
            if any(isinstance(c, Suppressed) for row in each.rows for c in row.cells):
                assert note(threshold) in each.notes
        for name, figure in report.figures.items():
            assert not 0 < (count_of(figure) or 0) < threshold, name
    assert hidden > 20


@pytest.mark.parametrize("threshold", [3, 5])
def test_no_hidden_count_can_be_worked_out_from_a_total(threshold: int) -> None:
    from generator.figures.disclosure import _groups

    _, reports = demo(threshold)
    for report in reports:
        for each in report.tables:
            for index, column in enumerate(each.columns):
                if column.measure not in COUNTED:
                    continue
                for parent, members in _groups(each):
                    if parent is None or count_of(each.rows[parent].cells[index]) is None:
                        continue
                    hidden = [m for m in members if isinstance(each.rows[m].cells[index], Suppressed)]
                    assert len(hidden) != 1, (report.year, each.id, column.key, each.rows[hidden[0]].key)


def test_a_combined_row_cannot_give_away_a_hidden_part() -> None:
    # Upheld 1 is hidden; with partially upheld 5 and "upheld in full or in part" 6 both shown,
    # 6 - 5 would give it away: the smallest other part is hidden too.
    rows = (
        Row("upheld", "Upheld", (Share(1, 10), Share(4, 10))),
        Row("partially-upheld", "Partially upheld", (Share(5, 10), Share(3, 10))),
        Row("not-upheld", "Not upheld", (Share(4, 10), Share(3, 10))),
        Row("combined", "Upheld in full or in part", (Share(6, 10), Share(7, 10)),
            parts=("upheld", "partially-upheld")),
        Row("total", "Total", (10, 10), is_total=True),
    )
    result = cells(suppressed([table(*rows)], 3)[0])
    assert result[0] == (CS, Share(4, 10))
    assert result[1][0] == CS  # partially upheld hidden with it, so 6 - 5 cannot be worked out
    assert result[3][0] == Share(6, 10)
