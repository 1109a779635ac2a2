"""A chart's bars drawn by matplotlib (without pyplot) into SVG.

Imported only when a chart is drawn. Each chart builds the fewest artists matplotlib needs: plain
rectangles for the bars, plain text for the values and the category names. `barh`, `bar_label`
and tick labels would draw the same picture, but `barh` works out the data limits again for every
bar (the chart sets its limits itself) and every tick label brings a tick line, a grid line and a
second label with it; together they were about a third of the time each chart took.

Drawn for a phone first: the chart is narrow (4.6 inches) with 12-point text, and each category's
name sits on its own line above its bars rather than beside them, so the bars keep the whole
width. On a 375 px phone the text is drawn at about 12 CSS px; printed at its own size, at 12 pt.
A chart grows only in height with more rows, never shrinks its text.
"""

from __future__ import annotations

import io
import textwrap
import threading
from collections.abc import Sequence

import matplotlib
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import blended_transform_factory, offset_copy

from generator.views.chart import ChartData, Series, chart_description
from generator.views.svg_text import with_title

# Okabe and Ito's palette, told apart with every common colour-vision deficiency.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
# Colour is never the only cue and never the only edge: each year's bars also have their own
# hatching, and every bar a dark outline, which keeps 3:1 against the white background even for
# the palette's lighter colours (WCAG 1.4.1 Use of colour, 1.4.11 Non-text contrast).
HATCHES = ("", "///", "...", "\\\\\\", "xx", "--", "++")
EDGE = "#1a1a1a"
HASH_SALT = "candour"
FONT_POINTS = 12  # every word on the chart
STYLE = {
    "svg.hashsalt": HASH_SALT, "svg.fonttype": "none", "font.size": FONT_POINTS,
    "font.family": "sans-serif", "axes.spines.top": False, "axes.spines.right": False,
    "axes.spines.bottom": False, "hatch.linewidth": 0.8,
}

WIDTH_INCHES = 4.6
LABEL_WIDTH = 44  # characters a category name wraps at: the chart's width at 12 points
LINE_INCHES = 0.22  # one line of a category name
BAR_INCHES = 0.24  # the room for each year's bar
GAP_INCHES = 0.14  # between one category's bars and the next one's name
VALUE_PAD = 3  # points between a bar's end and its value
LEFT, RIGHT = 0.08, 0.75  # inches beside the bars: the axis line, and room for the longest value


def year_look(order: int, year: str | None) -> tuple[str, str]:
    """A year's colour and hatching, the same in every report (2019-20 always looks the same):
    any few years in a row differ in both. A column without a year goes by its place."""
    start = year[:4] if year else ""
    index = int(start) if start.isdigit() else order
    return PALETTE[index % len(PALETTE)], HATCHES[index % len(HATCHES)]


def render(data: ChartData) -> str:
    """Grouped horizontal bars, categories top to bottom in table order, each bar's value past its
    end; a year with no figure for a category has no bar, only the words of the table (n/a).

    The layout is worked out from the number of bars and the length of the names rather than by
    measuring text (tight_layout), which would draw every chart twice. The y axis runs in inches
    from the top, so each part is placed by its height.
    """
    names = [textwrap.wrap(name, LABEL_WIDTH) or [""] for name in data.categories]
    block = BAR_INCHES * len(data.series)
    tops, position = [], 0.0
    for lines in names:
        tops.append(position)
        position += LINE_INCHES * len(lines) + block + GAP_INCHES
    unit_inches = LINE_INCHES if data.unit else 0.0
    top, bottom = 0.42 + unit_inches, 0.05
    height = position + top + bottom
    with matplotlib.rc_context(STYLE):
        figure, axes = _canvas()
        added: list[Artist] = []  # every artist of this chart, taken off the canvas after it
        try:
            figure.set_size_inches(WIDTH_INCHES, height)
            figure.subplots_adjust(left=LEFT / WIDTH_INCHES, right=1 - RIGHT / WIDTH_INCHES,
                                   top=1 - top / height, bottom=bottom / height)
            axes.set_ylim(position, 0)  # inches from the top
            biggest = max((bar.value or 0 for item in data.series for bar in item.bars), default=0)
            axes.set_xlim(0, biggest or 1)
            starts = [t + LINE_INCHES * len(lines) for t, lines in zip(tops, names, strict=True)]
            handles = [year_bars(axes, order, item, starts, added) for order, item in enumerate(data.series)]
            added.append(axes.add_artist(CategoryNames(axes, names, tops)))
            legend_top = 1 - unit_inches / height
            if data.unit:
                added.append(figure.text(LEFT / WIDTH_INCHES, 1 - 0.04 / height, data.unit, ha="left",
                                         va="top", fontsize=FONT_POINTS))
            added.append(figure.legend(
                handles, [item.heading for item in data.series], loc="upper left",
                bbox_to_anchor=(0, legend_top), frameon=False, ncols=min(len(data.series), 3),
                fontsize=FONT_POINTS, borderaxespad=0.2, handlelength=1.6, columnspacing=1.2))
            buffer = io.StringIO()
            figure.savefig(buffer, format="svg", metadata={"Date": None})
        finally:
            _clear(figure, axes, added)
    return with_title(buffer.getvalue(), data.title, chart_description(data))


# The figure and axes of this thread's last chart, kept for its next. Making an Axes (its axis,
# ticks and spines) was a sixth of each chart's time, though every chart's axes are alike: only
# the size, the limits and the artists on them differ, and those are set for every chart. The
# same chart drawn on a kept canvas and on a new one is the same SVG, byte for byte.
_KEPT = threading.local()


def _canvas() -> tuple[Figure, Axes]:
    """The kept figure and axes, or new ones (made under the chart's style)."""
    if getattr(_KEPT, "canvas", None) is None:
        figure = Figure(figsize=(WIDTH_INCHES, 1))
        figure.set_facecolor("white")
        axes = figure.add_subplot()
        axes.set_yticks([])
        axes.xaxis.set_visible(False)
        _KEPT.canvas = (figure, axes)
    return _KEPT.canvas


def _clear(figure: Figure, axes: Axes, added: list[Artist]) -> None:
    """Take a chart's artists off the canvas; a canvas that is not then as it was made is not kept,
    so no chart ever shows anything of another."""
    try:
        for artist in added:
            artist.remove()
    except (ValueError, NotImplementedError):
        pass
    if figure.legends or figure.texts or axes.artists or axes.patches or axes.texts or axes.lines:
        _KEPT.canvas = None


def year_bars(axes: Axes, order: int, item: Series, starts: Sequence[float], added: list[Artist]
              ) -> Rectangle:
    """One year's bars under each category's name, each with its value written past its end;
    returns a bar of the year's look, for the legend."""
    colour, hatch = year_look(order, item.year)
    thickness = BAR_INCHES * 0.8
    past_end = {
        True: offset_copy(axes.transData, axes.figure, x=VALUE_PAD, y=0, units="points"),
        False: offset_copy(axes.transData, axes.figure, x=-VALUE_PAD, y=0, units="points"),
    }
    look = {"facecolor": colour, "edgecolor": EDGE, "linewidth": 0.6, "hatch": hatch or None}
    for start, bar in zip(starts, item.bars, strict=True):
        middle = start + BAR_INCHES * (order + 0.5)
        length = bar.value if bar.value is not None else 0
        if bar.value is not None:  # n/a: no bar at all, not one of no length
            # add_artist, not add_patch: that widens the data limits, set by hand here
            added.append(axes.add_artist(Rectangle((0, middle - thickness / 2), length, thickness, **look)))
        rightwards = length >= 0
        added.append(axes.text(length, middle, bar.label, transform=past_end[rightwards],
                               ha="left" if rightwards else "right", va="center_baseline",
                               fontsize=FONT_POINTS, clip_on=False))
    return Rectangle((0, 0), 1, 1, **look)


class CategoryNames(Artist):
    """Each category's name on the line above its bars, from the axis's left edge.

    They are drawn in one group named like a tick's, so the SVG still tells the axis's text from
    the values written on the bars.
    """

    def __init__(self, axes: Axes, names: Sequence[Sequence[str]], tops: Sequence[float]) -> None:
        super().__init__()
        where = blended_transform_factory(axes.transAxes, axes.transData)
        self.names = [
            Text(0, top + LINE_INCHES * 0.15, "\n".join(lines), transform=where, ha="left", va="top",
                 fontsize=FONT_POINTS, linespacing=1.15, clip_on=False)
            for top, lines in zip(tops, names, strict=True)
        ]
        for name in self.names:
            name.set_figure(axes.figure)

    def draw(self, renderer: RendererBase) -> None:
        renderer.open_group("ytick", self.get_gid())
        for name in self.names:
            name.draw(renderer)
        renderer.close_group("ytick")
