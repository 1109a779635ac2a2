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

from generator.figures.table import Cell, Money, Row, Share, Table
from generator.views.cells import NOT_AVAILABLE, cell_text, count_text, money_text
from generator.views.chart_cache import read_cached, write_cached

CHARTED_MEASURES = ("count", "share", "money")


@dataclass(frozen=True)
class Bar:
    value: float | None  # None: not reported that year, no bar drawn
    label: str


@dataclass(frozen=True)
class Series:
    heading: str  # the year
    bars: tuple[Bar, ...]  # one per category


@dataclass(frozen=True)
class ChartData:
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    money: bool = False
    title: str = ""  # 'Bar chart of table 3, ...': the SVG's <title>, and the start of its alt text


def _bar(cell: Cell) -> Bar:
    if isinstance(cell, Share):
        return Bar(cell.part, count_text(cell.part))
    if isinstance(cell, Money):
        return Bar(float(Decimal(cell.amount)), money_text(cell))
    if isinstance(cell, int) and not isinstance(cell, bool):
        return Bar(cell, count_text(cell))
    return Bar(None, NOT_AVAILABLE if cell is None else cell_text(cell))


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


def _year_columns(table: Table) -> dict[str, int]:
    """For each year, the column to chart: its counts (or shares, as counts), else its money."""
    chosen: dict[str, int] = {}
    for measure in CHARTED_MEASURES:
        for index, column in enumerate(table.columns):
            if column.year is not None and column.year not in chosen and column.measure == measure:
                chosen[column.year] = index
    order = [column.year for column in table.columns]
    return dict(sorted(chosen.items(), key=lambda item: order.index(item[0])))


def chart_data(table: Table) -> ChartData | None:
    """What the chart of a table shows, or None when it has no chart or nothing to draw."""
    if table.chart != "bars":
        return None
    rows = charted_rows(table)
    chosen = _year_columns(table)
    series = tuple(
        Series(table.columns[index].heading, tuple(_bar(row.cells[index]) for row in rows))
        for index in chosen.values()
    )
    if not rows or not any(bar.value is not None for item in series for bar in item.bars):
        return None
    money = any(isinstance(row.cells[index], Money) for row in rows for index in chosen.values())
    title = f"Bar chart of table {table.number}, {table.title}"
    return ChartData(tuple(row.label for row in rows), series, money, title)


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
    return "; ".join(parts) + "."


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
