"""A `Table` as an SVG bar chart, with a text alternative that states its numbers.

Charts compare the year columns of a table's rows (sub-rows and totals left out). Matplotlib is
imported only when a chart is drawn, without pyplot, and each distinct chart is drawn once: the
same table gives the same bytes (fixed hash salt, no date in the metadata).
"""

from __future__ import annotations

import hashlib
import io
import os
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from generator.figures.table import Cell, Money, Row, Share, Table
from generator.views.cells import NOT_AVAILABLE, cell_text, count_text, money_text
from generator.views.svg_text import with_title

# Okabe and Ito's palette, told apart with every common colour-vision deficiency.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
# Colour is never the only cue and never the only edge: each year's bars also have their own
# hatching, and every bar a dark outline, which keeps 3:1 against the white background even for
# the palette's lighter colours (WCAG 1.4.1 Use of colour, 1.4.11 Non-text contrast).
HATCHES = ("", "///", "...", "\\\\\\", "xx", "--", "++")
EDGE = "#1a1a1a"
HASH_SALT = "candour"
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
        if row.is_total:
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
    """The chart's SVG, from `cache` (a folder) when an identical chart was drawn before.

    The key covers the chart's data, this module's code and matplotlib's version, so a change to
    any of them draws afresh. A cache that cannot be read or written is simply not used.
    """
    if cache is None:
        return draw(data)
    from importlib.metadata import version

    code = Path(__file__).read_bytes()
    key = hashlib.sha256(repr(data).encode() + code + version("matplotlib").encode()).hexdigest()
    path = cache / f"{key[:32]}.svg"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    svg = draw(data)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(svg, encoding="utf-8")
        partial.replace(path)
    except OSError:
        pass
    return svg


LABEL_WIDTH = 28  # characters a category label wraps at
CHAR_INCHES = 0.08  # a generous 10-point character width: browsers draw the text in their own fonts
BAR_INCHES = 0.22
WIDTH_INCHES = 6.4


@lru_cache(maxsize=512)
def draw(data: ChartData) -> str:
    """Horizontal grouped bars, a value label on each, categories top to bottom in table order.

    The layout is worked out from the number of bars and the length of the labels rather than by
    measuring text (tight_layout), which would draw every chart twice.
    """
    import matplotlib
    from matplotlib.figure import Figure

    style = {
        "svg.hashsalt": HASH_SALT, "svg.fonttype": "none", "font.size": 10,
        "font.family": "sans-serif", "axes.spines.top": False, "axes.spines.right": False,
        "axes.spines.bottom": False,
    }
    labels = [textwrap.fill(name, LABEL_WIDTH) for name in data.categories]
    count = len(data.series)
    lines = sum(max(1, label.count("\n") + 1) for label in labels)
    plot_height = max(len(labels) * (BAR_INCHES * count + 0.15), lines * 0.18)
    top, bottom = 0.45, 0.1
    height = plot_height + top + bottom
    left = 0.25 + CHAR_INCHES * max(len(line) for label in labels for line in label.split("\n"))
    with matplotlib.rc_context(style):
        figure = Figure(figsize=(WIDTH_INCHES, height))
        figure.set_facecolor("white")
        figure.subplots_adjust(left=left / WIDTH_INCHES, right=1 - 0.5 / WIDTH_INCHES,
                               top=1 - top / height, bottom=bottom / height)
        axes = figure.add_subplot()
        group = 0.8
        bar_height = group / count
        positions = range(len(labels))
        for order, item in enumerate(data.series):
            offsets = [p - group / 2 + bar_height * (order + 0.5) for p in positions]
            values = [bar.value if bar.value is not None else 0 for bar in item.bars]
            bars = axes.barh(offsets, values, height=bar_height * 0.9, label=item.heading,
                             color=PALETTE[order % len(PALETTE)], hatch=HATCHES[order % len(HATCHES)],
                             edgecolor=EDGE, linewidth=0.6)
            axes.bar_label(bars, labels=[bar.label for bar in item.bars], padding=2, fontsize=9)
        axes.set_yticks(list(positions), labels)
        axes.tick_params(axis="y", length=0)
        axes.invert_yaxis()
        axes.set_ylim(len(labels) - 0.5, -0.5)
        biggest = max((bar.value or 0 for item in data.series for bar in item.bars), default=0)
        axes.set_xlim(0, (biggest or 1) * 1.15)
        axes.xaxis.set_visible(False)
        figure.legend(loc="upper left", bbox_to_anchor=(left / WIDTH_INCHES, 1), frameon=False,
                      ncols=min(count, 4), fontsize=9, borderaxespad=0.3)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return with_title(buffer.getvalue(), data.title, chart_description(data))
