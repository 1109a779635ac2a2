"""A `Table` as an SVG bar chart, with a text alternative that states its numbers.

Charts compare the year columns of a table's rows (sub-rows and totals left out). Matplotlib is
imported only when a chart is drawn (`generator.views.bar_chart`), and each distinct chart is drawn
once in a process, or fetched from the on-disk cache an earlier build left: the same table gives the
same bytes (fixed hash salt, no date in the metadata).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from generator.figures.table import Cell, Column, Money, Percent, Rate, Row, Share, Table
from generator.language import N_, _
from generator.model.bilingual import in_language
from generator.views.cells import (
    cell_text,
    count_text,
    exact_percent,
    money_text,
    not_available,
    percent,
    percent_text,
    rate_text,
    rate_value,
)
from generator.views.chart_cache import read_cached, write_cached

# What a chart shows: where a table gives rates (complaints per 1,000 customers) or shares (8 of
# 35 upheld), the table's point is the rate or the share, and counts would mislead when the years'
# totals differ; else counts, else money. One measure for the whole chart.
UNITS = {"share": N_("Per cent of the year's total"), "money": N_("Pounds")}  # translated where shown
# With more categories than this, the chart shows the report's own year alone (the table keeps
# every year): three bars a category would make it taller than a printed page at readable size.
MANY_CATEGORIES = 12


@dataclass(frozen=True)
class Bar:
    value: float | None  # None: not reported that year, no bar drawn
    label: str


@dataclass(frozen=True)
class Series:
    heading: str  # the year
    bars: tuple[Bar, ...]  # one per category
    year: str | None = None  # the reporting year, which picks the series' colour and hatching


@dataclass(frozen=True)
class ChartData:
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    money: bool = False
    title: str = ""  # 'Bar chart of table 3, ...': the SVG's <title>, and the start of its alt text
    unit: str = ""  # what the bars measure when not a count: 'Per cent of the year's total'


def _bar(cell: Cell, measure: str) -> Bar:
    if isinstance(cell, Percent) and measure == "share":  # a published average beside our shares
        return Bar(float(cell.value), cell_text(cell))
    if isinstance(cell, Share) and measure == "share":
        exact = exact_percent(cell)
        return Bar(None if exact is None else float(exact), percent_text(percent(cell)))
    if isinstance(cell, Share):
        return Bar(cell.part, count_text(cell.part))
    if isinstance(cell, Rate):
        value = rate_value(cell)
        return Bar(None if value is None else float(value), rate_text(cell))
    if isinstance(cell, Money):
        return Bar(float(Decimal(cell.amount)), money_text(cell))
    if isinstance(cell, int) and not isinstance(cell, bool):
        return Bar(cell, count_text(cell))
    return Bar(None, not_available() if cell is None else cell_text(cell))


def charted_rows(table: Table) -> list[Row]:
    """The rows that make up the total: not totals, headings or sub-rows of another row.

    A level-1 row under a group heading counts on its own; under a level-0 row it is a part of it.
    """
    rows: list[Row] = []
    parent_counted = False
    for row in table.rows:
        if row.is_total or row.parts:  # a combined row repeats bars already drawn
            continue
        if row.is_heading:
            parent_counted = False
        elif row.level == 0 or not parent_counted:
            rows.append(row)
            parent_counted = row.level == 0
    return rows


def _year_columns(table: Table) -> tuple[str, dict[str, int]]:
    """The measure charted, and for each year the column holding it, in the table's order.

    A rate or a share is charted only when every year the table counts has one: a chart never mixes
    units, so a table with shares for one year alone is charted in counts (a share's count).
    """
    def columns(measures: tuple[str, ...]) -> dict[str, int]:
        chosen: dict[str, int] = {}
        for index, column in enumerate(table.columns):
            if column.year is not None and column.year not in chosen and column.measure in measures:
                chosen[column.year] = index
        return chosen

    counted = columns(("count", "share", "rate"))
    for measure in ("rate", "share"):
        chosen = columns((measure,))
        if chosen and chosen.keys() == counted.keys():
            return measure, chosen
    counts = {year: index for year, index in columns(("count",)).items()}
    for year, index in columns(("share",)).items():
        counts.setdefault(year, index)
    if counts:
        order = list(counted)
        return "count", dict(sorted(counts.items(), key=lambda item: order.index(item[0])))
    return "money", columns(("money",))


def _unit(measure: str, column: Column) -> str:
    """What the bars measure, in words: a rate's column heading without its year."""
    if measure == "rate":
        words = column.heading.replace(column.year or "", "").strip()
        return words[:1].upper() + words[1:]
    return _(UNITS[measure]) if measure in UNITS else ""


def chart_data(table: Table) -> ChartData | None:
    """What the chart of a table shows, or None when it has no chart or nothing to draw.

    A year with nothing reported in the table (every bar n/a) is left out of the chart.
    """
    if table.chart != "bars":
        return None
    rows = charted_rows(table)
    measure, chosen = _year_columns(table)
    every = (
        Series(table.columns[index].year or table.columns[index].heading,
               tuple(_bar(row.cells[index], measure) for row in rows), table.columns[index].year)
        for index in chosen.values()
    )
    # A year with nothing reported is left out; one whose figures are all withheld (c) stays.
    series = tuple(item for item in every if any(bar.label != not_available() for bar in item.bars))
    if len(rows) > MANY_CATEGORIES:
        series = series[:1]
    if not rows or not series:
        return None
    money = measure == "money"
    title = _("Bar chart of table %(number)s, %(title)s", number=table.number, title=table.title)
    unit = _unit(measure, table.columns[next(iter(chosen.values()))])
    # Each category in the language being written: a service area's Welsh name on the Welsh site.
    return ChartData(tuple(str(in_language(row.label)) for row in rows), series, money, title, unit)


def chart_alt(table: Table, data: ChartData | None = None) -> str:
    """The chart in words: every bar's number, category by category."""
    data = data or chart_data(table)
    if data is None:
        return ""
    return f"{data.title}. {chart_description(data)}"


def chart_description(data: ChartData) -> str:
    """Every bar's number, category by category: the SVG's <desc>."""
    parts = []
    for index, category in enumerate(data.categories):
        values = ", ".join(f"{item.heading} {item.bars[index].label}" for item in data.series)
        parts.append(f"{category}: {values}")
    return (f"{data.unit}. " if data.unit else "") + "; ".join(parts) + "."


def chart_svg(table: Table, cache: Path | None = None) -> str | None:
    data = chart_data(table)
    return None if data is None else drawn(data, cache)


def drawn(data: ChartData, cache: Path | None = None) -> str:
    """The chart's SVG: drawn earlier in the process, else from `cache` (a folder) when an identical
    chart was drawn by an earlier build, else drawn now (and kept in `cache`).

    A cache that cannot be read or written is simply not used, and a kept chart is believed only
    with its seal (see `chart_cache`): one planted in the folder is drawn again.
    """
    if cache is None:
        return draw(data)
    path = cached_path(cache, data)
    svg = DRAWN.get(data)
    kept = svg is not None and path.exists()  # drawn in this process, and in the cache already
    if svg is None:
        svg = read_cached(path)  # None unless this machine's Candour sealed these bytes
        kept = svg is not None
    if svg is None:
        svg = draw(data)
    DRAWN.keep(data, svg)
    if not kept:
        write_cached(path, svg)
    return svg


def cached_path(cache: Path, data: ChartData) -> Path:
    """The chart's file in `cache`, named from its data, the drawing code and matplotlib's version,
    so a change to any of them draws afresh."""
    key = hashlib.sha256(repr(data).encode() + _drawing_code()).hexdigest()
    return cache / f"{key[:32]}.svg"


@lru_cache(maxsize=1)
def _drawing_code() -> bytes:
    from importlib.metadata import version

    folder = Path(__file__).parent
    modules = (folder / name for name in ("chart.py", "bar_chart.py", "svg_text.py"))
    return b"".join(module.read_bytes() for module in modules) + version("matplotlib").encode()


KEPT = 512  # charts remembered in the process (about 40 years of reports), for `mkdocs serve`


class DrawnCharts:
    """The SVG of each chart drawn in this process (or by its workers), the oldest forgotten first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._svgs: OrderedDict[ChartData, str] = OrderedDict()

    def get(self, data: ChartData) -> str | None:
        svg = self._svgs.get(data)
        if svg is not None:
            self._svgs.move_to_end(data)
        return svg

    def keep(self, data: ChartData, svg: str) -> None:
        self._svgs[data] = svg
        self._svgs.move_to_end(data)
        while len(self._svgs) > self.size:
            self._svgs.popitem(last=False)

    def clear(self) -> None:
        self._svgs.clear()


DRAWN = DrawnCharts(KEPT)


def draw(data: ChartData) -> str:
    """The chart's SVG, drawn once in the process however often it is asked for."""
    svg = DRAWN.get(data)
    if svg is None:
        from generator.views.bar_chart import render  # matplotlib: only when a chart is drawn

        svg = render(data)
        DRAWN.keep(data, svg)
    return svg
