"""The overview's chart: actions in each theme by RAG rating, as SVG that is identical, byte for
byte, for the same records and as-of date. Its numbers are also given as text and as a table."""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache

from generator.model.bilingual import in_language
from generator.tracker.facets import Facet
from generator.tracker.rag import RAG_NAMES, RAG_ORDER

# Colour is never the only cue: each rating also has its own hatching and its name in the legend.
_STYLE = {
    "red": {"color": "#b3261e", "hatch": "///"},
    "amber": {"color": "#f2a900", "hatch": "..."},
    "green": {"color": "#2e7d32", "hatch": ""},
}
_SETTINGS = {
    "svg.hashsalt": "candour-tracker",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "hatch.color": "#ffffff",
}


def themes_by_rag_svg(themes: Sequence[Facet]) -> str:
    """A horizontal stacked bar per theme with actions, in taxonomy order from the top."""
    # The names in the language being written, as plain text: the Welsh chart is drawn, not the English kept.
    shown = tuple((str(in_language(facet.name)), tuple(facet.rag_counts[rag] for rag in RAG_ORDER))
                  for facet in themes if facet.actions)
    return _drawn(shown)


@lru_cache(maxsize=8)  # under `mkdocs serve` most rebuilds leave the ratings as they were
def _drawn(shown: tuple[tuple[str, tuple[int, ...]], ...]) -> str:
    """The chart of (theme, count of each rating in RAG_ORDER), top to bottom."""
    import matplotlib  # imported here: a build that draws no chart never pays for it
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_SETTINGS):
        figure = Figure(figsize=(7.5, 0.5 * len(shown) + 1.4))
        FigureCanvasSVG(figure)
        axes = figure.add_subplot()
        positions = range(len(shown))
        left = [0] * len(shown)
        for order, rag in enumerate(RAG_ORDER):
            counts = [ratings[order] for _, ratings in shown]
            bars = axes.barh(positions, counts, left=left, label=RAG_NAMES[rag], edgecolor="#222222",
                             linewidth=0.6, **_STYLE[rag])
            # Each part labelled with its count, dark on a white patch so it reads over any colour
            # or hatching: colour is never the only way to read the numbers.
            axes.bar_label(bars, labels=[str(count) if count else "" for count in counts],
                           label_type="center", fontsize=10, color="#000000",
                           bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"})
            left = [a + b for a, b in zip(left, counts, strict=True)]
        axes.set_yticks(list(positions), [name for name, _ in shown])
        axes.invert_yaxis()
        axes.set_xlabel("Number of actions")
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(loc="lower right", frameon=False, ncols=3, bbox_to_anchor=(1.0, 1.0))
        figure.tight_layout()
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def themes_by_rag_text(themes: Sequence[Facet]) -> str:
    """The chart's numbers in words, for its text alternative."""
    parts = []
    for facet in themes:
        if not facet.actions:
            continue
        counts = ", ".join(f"{facet.rag_counts[rag]} {RAG_NAMES[rag].lower()}" for rag in RAG_ORDER)
        total = len(facet.actions)
        parts.append(f"{in_language(facet.name)}: {total} action{'s' if total != 1 else ''} ({counts})")
    return "; ".join(parts) + "." if parts else "There are no actions."
