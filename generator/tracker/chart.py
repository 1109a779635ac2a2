"""The overview's chart: actions in each theme by RAG rating, as SVG that is identical, byte for
byte, for the same records and as-of date. Its numbers are also given as text and as a table."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from functools import lru_cache

from generator.language import _
from generator.model.bilingual import in_language
from generator.tracker.facets import Facet
from generator.tracker.rag import RAG_NAMES, RAG_ORDER

# Colour is never the only cue: each rating also has its own hatching and its name in the legend.
_STYLE = {
    "red": {"color": "#b3261e", "hatch": "///"},
    "amber": {"color": "#f2a900", "hatch": "..."},
    "green": {"color": "#2e7d32", "hatch": ""},
}
# Drawn for a phone first, as the report's charts are (generator/views/bar_chart.py): 4.6 inches
# wide with 12-point text, each theme's name on its own lines above its bar so the bar keeps the
# whole width. On a 375 px phone the text is drawn at about 12 CSS px, and printed at 12 pt; more
# themes make the chart taller, never its text smaller. Text stays text (fonttype none), so a
# printed page carries the chart's words as words.
FONT_POINTS = 12
WIDTH_INCHES = 4.6
LABEL_WIDTH = 44  # characters a theme's name wraps at: the chart's width at 12 points
LINE_INCHES = 0.22  # one line of a theme's name
BAR_INCHES = 0.3
GAP_INCHES = 0.16  # between one theme's bar and the next theme's name
TOP_INCHES = 0.45  # the legend
BOTTOM_INCHES = 0.62  # the axis's numbers and its name
LEFT_INCHES, RIGHT_INCHES = 0.08, 0.2
_SETTINGS = {
    "svg.hashsalt": "candour-tracker",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.size": FONT_POINTS,
    "hatch.color": "#ffffff",
}


# ((theme, count of each rating in RAG_ORDER), ...), (each rating's name in RAG_ORDER, the axis's name)
Shown = tuple[tuple[tuple[str, tuple[int, ...]], ...], tuple[str, ...]]
AXIS_NAME = "Number of actions"


def themes_by_rag_svg(themes: Sequence[Facet]) -> str:
    """A horizontal stacked bar per theme with actions, in taxonomy order from the top."""
    return drawn(themes_by_rag_shown(themes))


def themes_by_rag_shown(themes: Sequence[Facet]) -> Shown:
    """What the chart shows, as plain values so that it can be drawn in another process: each
    theme with actions and its count of each rating, and the chart's words (each rating's name,
    the axis's), all in the language being written here, never in the drawing process's."""
    # The names in the language being written, as plain text: the Welsh chart is drawn, not the English kept.
    bars = tuple((str(in_language(facet.name)), tuple(facet.rag_counts[rag] for rag in RAG_ORDER))
                 for facet in themes if facet.actions)
    return bars, (*(str(_(RAG_NAMES[rag])) for rag in RAG_ORDER), str(AXIS_NAME))


@lru_cache(maxsize=8)  # under `mkdocs serve` most rebuilds leave the ratings as they were
def drawn(chart: Shown) -> str:
    """The chart of (theme, count of each rating in RAG_ORDER), top to bottom, with its words.

    The layout is worked out in inches from the number of themes and the length of their names
    (the y axis runs in inches from the top), so that a long list only makes the chart taller.
    """
    import matplotlib  # imported here: a build that draws no chart never pays for it
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure
    from matplotlib.transforms import blended_transform_factory

    shown, words = chart
    names = [textwrap.wrap(name, LABEL_WIDTH) or [""] for name, _ in shown]
    tops, position = [], 0.0
    for lines in names:
        tops.append(position)
        position += LINE_INCHES * len(lines) + BAR_INCHES + GAP_INCHES
    height = position + TOP_INCHES + BOTTOM_INCHES
    with matplotlib.rc_context(_SETTINGS):
        figure = Figure(figsize=(WIDTH_INCHES, height))
        FigureCanvasSVG(figure)
        figure.subplots_adjust(left=LEFT_INCHES / WIDTH_INCHES, right=1 - RIGHT_INCHES / WIDTH_INCHES,
                               top=1 - TOP_INCHES / height, bottom=BOTTOM_INCHES / height)
        axes = figure.add_subplot()
        axes.set_ylim(position or 1, 0)  # no themes: an empty chart, not a singular axis
        middles = [top + LINE_INCHES * len(lines) + BAR_INCHES / 2
                   for top, lines in zip(tops, names, strict=True)]
        left = [0] * len(shown)
        for order, rag in enumerate(RAG_ORDER):
            counts = [ratings[order] for _, ratings in shown]
            bars = axes.barh(middles, counts, height=BAR_INCHES, left=left, label=words[order],
                             edgecolor="#222222", linewidth=0.6, **_STYLE[rag])
            # Each part labelled with its count, dark on a white patch so it reads over any colour
            # or hatching: colour is never the only way to read the numbers.
            axes.bar_label(bars, labels=[str(count) if count else "" for count in counts],
                           label_type="center", fontsize=FONT_POINTS, color="#000000",
                           bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"})
            left = [a + b for a, b in zip(left, counts, strict=True)]
        axes.set_xlim(0, max(left, default=0) or 1)
        where = blended_transform_factory(axes.transAxes, axes.transData)
        for top, lines in zip(tops, names, strict=True):
            axes.text(0, top + LINE_INCHES * 0.1, "\n".join(lines), transform=where, ha="left", va="top",
                      fontsize=FONT_POINTS, linespacing=1.15, clip_on=False)
        axes.set_yticks([])
        axes.set_xlabel(words[-1], fontsize=FONT_POINTS)
        axes.tick_params(axis="x", labelsize=FONT_POINTS)
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.spines[["top", "right", "left"]].set_visible(False)
        figure.legend(loc="upper left", bbox_to_anchor=(0, 1), frameon=False, ncols=3,
                      fontsize=FONT_POINTS, borderaxespad=0.2, handlelength=1.6, columnspacing=1.2)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def themes_by_rag_text(themes: Sequence[Facet]) -> str:
    """The chart's numbers in words, for its text alternative."""
    parts = []
    for facet in themes:
        if not facet.actions:
            continue
        counts = ", ".join(f"{facet.rag_counts[rag]} {_(RAG_NAMES[rag]).lower()}" for rag in RAG_ORDER)
        total = len(facet.actions)
        parts.append(f"{in_language(facet.name)}: {total} action{'s' if total != 1 else ''} ({counts})")
    return "; ".join(parts) + "." if parts else "There are no actions."
