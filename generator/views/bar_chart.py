"""A chart's bars drawn by matplotlib (without pyplot) into SVG.

Imported only when a chart is drawn. Each chart builds the fewest artists matplotlib needs: plain
rectangles for the bars, plain text for the values and the category names. `barh`, `bar_label`
and tick labels would draw the same picture, but `barh` works out the data limits again for every
bar (the chart sets its limits itself) and every tick label brings a tick line, a grid line and a
second label with it; together they were about a third of the time each chart took.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

import matplotlib
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import offset_copy

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
STYLE = {
    "svg.hashsalt": HASH_SALT, "svg.fonttype": "none", "font.size": 10,
    "font.family": "sans-serif", "axes.spines.top": False, "axes.spines.right": False,
    "axes.spines.bottom": False,
}

LABEL_WIDTH = 28  # characters a category label wraps at
CHAR_INCHES = 0.08  # a generous 10-point character width: browsers draw the text in their own fonts
BAR_INCHES = 0.22
WIDTH_INCHES = 6.4
GROUP = 0.8  # of each category's height, shared by its bars
LABEL_PAD = 3.5  # points between the axis and a category name, as matplotlib pads a tick label
VALUE_PAD = 2  # points between a bar's end and its value


def render(data: ChartData) -> str:
    """Horizontal grouped bars, a value label on each, categories top to bottom in table order.

    The layout is worked out from the number of bars and the length of the labels rather than by
    measuring text (tight_layout), which would draw every chart twice.
    """
    labels = [textwrap.fill(name, LABEL_WIDTH) for name in data.categories]
    lines = sum(max(1, label.count("\n") + 1) for label in labels)
    plot_height = max(len(labels) * (BAR_INCHES * len(data.series) + 0.15), lines * 0.18)
    top, bottom = 0.45, 0.1
    height = plot_height + top + bottom
    left = 0.25 + CHAR_INCHES * max(len(line) for label in labels for line in label.split("\n"))
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(WIDTH_INCHES, height))
        figure.set_facecolor("white")
        figure.subplots_adjust(left=left / WIDTH_INCHES, right=1 - 0.5 / WIDTH_INCHES,
                               top=1 - top / height, bottom=bottom / height)
        axes = figure.add_subplot()
        firsts = [year_bars(axes, order, item, len(data.series)) for order, item in enumerate(data.series)]
        axes.add_artist(CategoryNames(axes, labels))
        axes.set_yticks([])
        axes.set_ylim(len(labels) - 0.5, -0.5)  # the first category at the top
        biggest = max((bar.value or 0 for item in data.series for bar in item.bars), default=0)
        axes.set_xlim(0, (biggest or 1) * 1.15)
        axes.xaxis.set_visible(False)
        figure.legend(firsts, [item.heading for item in data.series], loc="upper left",
                      bbox_to_anchor=(left / WIDTH_INCHES, 1), frameon=False,
                      ncols=min(len(data.series), 4), fontsize=9, borderaxespad=0.3)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return with_title(buffer.getvalue(), data.title, chart_description(data))


def year_bars(axes: Axes, order: int, item: Series, count: int) -> Rectangle:
    """One year's bars, each with its value written past its end; returns the first, for the legend."""
    share = GROUP / count
    thickness = share * 0.9
    past_end = {
        True: offset_copy(axes.transData, axes.figure, x=VALUE_PAD, y=0, units="points"),
        False: offset_copy(axes.transData, axes.figure, x=-VALUE_PAD, y=0, units="points"),
    }
    drawn = []
    for position, bar in enumerate(item.bars):
        middle = position - GROUP / 2 + share * (order + 0.5)
        length = bar.value if bar.value is not None else 0
        rectangle = Rectangle((0, middle - thickness / 2), length, thickness,
                              facecolor=PALETTE[order % len(PALETTE)], edgecolor=EDGE, linewidth=0.6,
                              hatch=HATCHES[order % len(HATCHES)] or None)
        axes.add_artist(rectangle)  # not add_patch: that widens the data limits, set by hand here
        drawn.append(rectangle)
        (_, low), (end, high) = rectangle.get_bbox().get_points()
        rightwards = length >= 0
        axes.text(end, (low + high) / 2, bar.label, transform=past_end[rightwards],
                  ha="left" if rightwards else "right", va="center", fontsize=9, clip_on=False)
    return drawn[0]


class CategoryNames(Artist):
    """The category names left of the axis, placed by the y axis's own tick-label transform.

    They are drawn in one group named like a tick's, so the SVG still tells the axis's text from
    the values written on the bars.
    """

    def __init__(self, axes: Axes, labels: Sequence[str]) -> None:
        super().__init__()
        where, vertical, horizontal = axes.get_yaxis_text1_transform(LABEL_PAD)
        self.names = [
            Text(0, position, label, transform=where, ha=horizontal, va=vertical, fontsize="medium",
                 clip_on=False)
            for position, label in enumerate(labels)
        ]
        for name in self.names:
            name.set_figure(axes.figure)

    def draw(self, renderer: RendererBase) -> None:
        renderer.open_group("ytick", self.get_gid())
        for name in self.names:
            name.draw(renderer)
        renderer.close_group("ytick")
