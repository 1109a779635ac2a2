"""Views: cells formatted once, tables as HTML, CSV open data, SVG charts with their text."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ElementTree
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from generator.figures.table import Change, Column, Days, Money, Rate, Row, Share, Table
from generator.views.cells import cell_text, prose_text
from generator.views.chart import DRAWN, chart_alt, chart_data, chart_svg, draw, drawn
from generator.views.html_table import table_html
from generator.views.open_data import table_csv

YEARS = ("2019-20", "2018-19", "2017-18")


def year_columns(measure: str = "count") -> tuple[Column, ...]:
    return tuple(Column(year, year, year, measure) for year in YEARS)


def outcomes_table(upheld: int = 8) -> Table:
    rows = (
        Row("upheld", "Upheld", (Share(upheld, 35), Share(11, 30), Share(10, 39))),
        Row("partially-upheld", "Partially upheld", (Share(14, 35), Share(9, 30), Share(21, 39))),
        Row("not-upheld", "Not upheld", (Share(20 - upheld, 35), Share(10, 30), Share(8, 39))),
        Row("outstanding", "Still outstanding", (Share(1, 35), Share(0, 30), None)),
        Row("total", "Total", (35, 30, 39), is_total=True),
    )
    return Table("outcomes", 2, "Outcomes of formal complaints", "Outcome", year_columns("share"), rows,
                 notes=("2017-18 as published: a fault.",), definition="outcome")


def areas_table() -> Table:
    columns = (Column("customers", "Customers 2019-20", "2019-20", "customers"), *year_columns(),
               Column("2019-20 rate", "2019-20 per 1,000", "2019-20", "rate"))
    rows = (
        Row("group:prevention", "Prevention & <Wellbeing>", (None,) * 5, is_heading=True),
        Row("chester", "Chester, E. Port & Rural", (3975, 19, 12, 20, Rate(19, 3975)), level=1),
        Row("finance", "Client Finance", (0, 1, 1, 1, Rate(1, None)), level=1),
        Row("subject", "A category", (5, 4, 3, 2, None)),
        Row("sub", "A sub-subject of it", (1, 1, 1, 1, None), level=1),
        Row("total", "Total", (18535, 25, 17, 24, Rate(25, 18535)), is_total=True),
    )
    return Table("service_areas", 3, "Complaints by service area", "Service area", columns, rows)


# Cells -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "text"), [
    (None, "n/a"),
    (0, "0"),
    (18535, "18,535"),
    (Share(8, 35), "8 (23%)"),
    (Share(8, 39), "8 (21%)"),  # 20.5% rounds half up, once
    (Share(1, 8), "1 (13%)"),  # 12.5%: half up, not to even
    (Share(0, 0), "0"),
    (Money(Decimal("2900")), "£2,900"),
    (Money(Decimal("2900.5")), "£2,900.50"),
    (Money(Decimal("250.00")), "£250"),
    (Rate(19, 3975), "4.8"),
    (Rate(1, None), "n/a"),
    (Rate(1, 0), "n/a"),
    (Change(30, 35), "+17%"),
    (Change(136, 93), "-32%"),
    (Change(30, 30), "0%"),
    (Change(0, 5), "n/a"),
    (Days(Decimal("40.5")), "40.5"),
    (Days(Decimal("12")), "12"),
    ("text", "text"),
])
def test_cell_text(cell, text):
    assert cell_text(cell) == text


def test_prose_shows_a_share_as_its_percentage_alone():
    assert prose_text(Share(8, 35)) == "23%"
    assert prose_text(35) == "35"
    assert prose_text(None) == "n/a"


# HTML table ------------------------------------------------------------------------------------

def parsed(table: Table) -> BeautifulSoup:
    return BeautifulSoup(table_html(table, "table-x"), "html.parser")


def test_table_has_scoped_headers_and_is_labelled_by_its_heading():
    soup = parsed(outcomes_table())
    assert soup.table["aria-labelledby"] == "table-x"
    assert [th.get_text() for th in soup.thead.find_all("th")] == ["Outcome", *YEARS]
    assert all(th["scope"] == "col" for th in soup.thead.find_all("th"))
    first = soup.tbody.find("tr")
    assert first.th["scope"] == "row"
    assert [td.get_text() for td in first.find_all("td")] == ["8 (23%)", "11 (37%)", "10 (26%)"]


def test_total_row_is_marked_and_bold():
    total = parsed(outcomes_table()).find("tr", class_="candour-total")
    assert total.th.strong.get_text() == "Total"
    assert [td.strong.get_text() for td in total.find_all("td")] == ["35", "30", "39"]


def test_none_is_not_available_and_percentages_are_rounded_once():
    rows = parsed(outcomes_table()).tbody.find_all("tr")
    assert rows[2].find_all("td")[2].get_text() == "8 (21%)"
    assert rows[3].find_all("td")[2].get_text() == "n/a"


def test_headings_sub_rows_and_escaping():
    soup = parsed(areas_table())
    heading = soup.find("tr", class_="candour-heading")
    assert heading.th["scope"] == "rowgroup"
    assert heading.th["colspan"] == "6"
    assert heading.th.get_text() == "Prevention & <Wellbeing>"  # escaped, not markup
    assert "<Wellbeing>" not in table_html(areas_table(), "x")
    assert soup.find("tr", class_="candour-level-1").th.get_text() == "Chester, E. Port & Rural"
    cells = [td.get_text() for td in soup.find_all("tr")[2].find_all("td")]
    assert cells == ["3,975", "19", "12", "20", "4.8"]


# CSV -------------------------------------------------------------------------------------------

def read_csv(text: str) -> list[list[str]]:
    """The CSV as a spreadsheet reads the file's bytes: UTF-8 with its byte-order mark."""
    return list(csv.reader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"))))


def test_csv_has_stable_columns_and_unformatted_numbers():
    rows = read_csv(table_csv(outcomes_table()))
    assert rows[0] == ["id", "label", "2019-20", "2019-20 %", "2018-19", "2018-19 %", "2017-18", "2017-18 %"]
    assert rows[1] == ["upheld", "Upheld", "8", "22.9", "11", "36.7", "10", "25.6"]
    assert rows[4] == ["outstanding", "Still outstanding", "1", "2.9", "0", "0.0", "", ""]
    assert rows[5] == ["total", "Total", "35", "", "30", "", "39", ""]


def test_csv_rates_money_and_thousands():
    rows = read_csv(table_csv(areas_table()))
    assert rows[0] == ["id", "label", "customers", "2019-20", "2018-19", "2017-18", "2019-20 rate"]
    assert rows[2] == ["chester", "Chester, E. Port & Rural", "3975", "19", "12", "20", "4.78"]
    assert rows[3][-1] == ""
    money = Table("remedies", 1, "Remedies", "Reason", (Column("amount", "Amount", "2019-20", "money"),),
                  (Row("a", "Distress, £ and “quotes”", (Money(Decimal("2900.5")),)),))
    assert read_csv(table_csv(money))[1] == ["a", "Distress, £ and “quotes”", "2900.50"]


# Charts ----------------------------------------------------------------------------------------

def test_chart_shows_counted_rows_of_each_year():
    table = areas_table()
    counts = Table(**{**table.__dict__, "columns": table.columns[:4],
                      "rows": tuple(Row(r.key, r.label, r.cells[:4], r.level, r.is_total, r.is_heading)
                                    for r in table.rows)})
    data = chart_data(counts)
    assert data.categories == ("Chester, E. Port & Rural", "Client Finance", "A category")
    assert [series.heading for series in data.series] == list(YEARS)
    assert [series.year for series in data.series] == list(YEARS)
    assert [bar.value for bar in data.series[0].bars] == [19, 1, 4]
    assert data.unit == ""


def test_chart_of_a_table_with_rates_for_one_year_alone_is_in_counts():
    data = chart_data(areas_table())
    assert [series.heading for series in data.series] == list(YEARS) and data.unit == ""
    assert [bar.value for bar in data.series[0].bars] == [19, 1, 4]


def test_chart_of_rates_for_every_year_draws_the_rates_without_a_bar_for_n_a():
    rates = (Column(f"{y} rate", f"{y} per 1,000 customers", y, "rate") for y in YEARS[:2])
    columns = (*year_columns(), *rates)
    years = (YEARS[0], YEARS[1])
    rows = (
        Row("chester", "Chester", (19, 12, Rate(19, 3975), Rate(12, 3900))),
        Row("finance", "Client Finance", (1, 1, Rate(1, None), Rate(1, None))),
        Row("total", "Total", (20, 13, Rate(20, 3975), Rate(13, 3900)), is_total=True),
    )
    table = Table("areas", 3, "Areas", "Area", tuple(c for c in columns if c.year in years), rows)
    data = chart_data(table)
    assert data.unit == "Per 1,000 customers"
    assert [series.heading for series in data.series] == list(years)
    assert [bar.label for bar in data.series[1].bars] == ["3.1", "n/a"]  # 12 of 3,900; no customers
    assert data.series[0].bars[0].value == pytest.approx(19000 / 3975)
    assert data.series[0].bars[1].value is None


def test_chart_of_shares_draws_the_shares():
    data = chart_data(outcomes_table())
    assert data.unit == "Per cent of the year's total"
    assert [bar.label for bar in data.series[0].bars] == ["23%", "40%", "34%", "3%"]  # 8, 14, 12 and 1 of 35
    assert data.series[0].bars[0].value == pytest.approx(800 / 35)
    assert data.series[2].bars[3].value is None and data.series[2].bars[3].label == "n/a"


def test_a_year_with_nothing_reported_is_left_out_of_the_chart():
    table = outcomes_table()
    rows = tuple(Row(r.key, r.label, (*r.cells[:2], None), r.level, r.is_total) for r in table.rows)
    data = chart_data(Table(**{**table.__dict__, "rows": rows}))
    assert [series.heading for series in data.series] == ["2019-20", "2018-19"]


def test_no_chart_when_the_table_asks_for_none():
    table = outcomes_table()
    assert chart_data(Table(**{**table.__dict__, "chart": None})) is None
    assert chart_svg(Table(**{**table.__dict__, "chart": None})) is None


def test_alt_text_states_every_number():
    alt = chart_alt(outcomes_table())
    assert alt.startswith("Bar chart of table 2, Outcomes of formal complaints.")
    assert "Per cent of the year's total. Upheld: 2019-20 23%, 2018-19 37%, 2017-18 26%" in alt
    assert "Still outstanding: 2019-20 3%, 2018-19 0%, 2017-18 n/a" in alt
    assert "Total" not in alt


def test_same_table_gives_byte_identical_svg():
    first = chart_svg(outcomes_table())
    DRAWN.clear()
    second = chart_svg(outcomes_table())
    assert first == second
    assert first.startswith("<?xml")
    assert "<dc:date>" not in first
    assert chart_svg(outcomes_table(upheld=9)) != first


def test_svg_labels_the_bars_and_keeps_text_as_text():
    svg = chart_svg(outcomes_table())
    for label in ("Partially upheld", "2019-20", ">40%<", ">54%<"):
        assert label in svg


def test_chart_cache_returns_the_same_svg(tmp_path):
    data = chart_data(outcomes_table())
    first = drawn(data, tmp_path)
    assert len(list(tmp_path.glob("*.svg"))) == 1
    assert drawn(data, tmp_path) == first == draw(data)


def test_svg_keeps_category_names_with_the_axis_and_values_by_the_bars():
    svg = ElementTree.fromstring(chart_svg(outcomes_table()).encode())
    namespace = "{http://www.w3.org/2000/svg}"
    axis_groups = [g for g in svg.iter(f"{namespace}g") if (g.get("id") or "").startswith("ytick")]
    on_axis = {"".join(text.itertext()) for g in axis_groups for text in g.iter(f"{namespace}text")}
    every = ["".join(text.itertext()) for text in svg.iter(f"{namespace}text")]
    assert on_axis == {"Upheld", "Partially upheld", "Not upheld", "Still outstanding"}
    assert {"23%", "40%", "34%", "3%", "n/a"} <= set(every) - on_axis

    def patches(svg: ElementTree.Element) -> int:
        return len([g for g in svg.iter(f"{namespace}g") if (g.get("id") or "").startswith("patch_")])

    # 2017-18's 'still outstanding' is n/a: it has no bar, where a count of 0 has one
    table = outcomes_table()
    rows = tuple(Row(r.key, r.label, (*r.cells[:2], r.cells[2] or Share(0, 39)), r.level, r.is_total)
                 for r in table.rows)
    reported = ElementTree.fromstring(chart_svg(Table(**{**table.__dict__, "rows": rows})).encode())
    assert patches(svg) == patches(reported) - 1


def test_a_year_looks_the_same_in_every_report():
    from generator.views.bar_chart import HATCHES, PALETTE, year_look

    assert year_look(0, "2019-20") == year_look(2, "2019-20")
    years = ("2021-22", "2020-21", "2019-20", "2018-19")
    looks = [year_look(order, year) for order, year in enumerate(years)]
    assert len({colour for colour, _ in looks}) == len({hatch for _, hatch in looks}) == 4
    assert year_look(1, None) == (PALETTE[1], HATCHES[1])
