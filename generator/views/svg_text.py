"""A chart's title and description inside its SVG, for anyone who opens the chart on its own.

On the page a chart is an <img> whose alt text states its numbers, and the table beside it holds
them all; the SVG file itself should say the same when it is opened, downloaded or embedded
elsewhere. `role="img"` with `aria-labelledby` makes assistive technology read the title and
description when the SVG is placed inline.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

_SVG_OPENING = re.compile(r"<svg\b[^>]*>")


def with_title(svg: str, title: str, description: str, name: str = "chart") -> str:
    """The SVG with <title> and <desc> as the first children of its root element.

    `name` makes the two element ids unique when several charts share a page.
    """
    opening = _SVG_OPENING.search(svg)
    if opening is None:
        raise ValueError("not an SVG document: no <svg> element")
    title_id, desc_id = f"{name}-title", f"{name}-desc"
    root = opening[0][:-1].rstrip("/").rstrip()
    root += f' role="img" aria-labelledby={quoteattr(f"{title_id} {desc_id}")}>'
    children = (
        f"\n <title id={quoteattr(title_id)}>{escape(title)}</title>"
        f"\n <desc id={quoteattr(desc_id)}>{escape(description)}</desc>"
    )
    return svg[: opening.start()] + root + children + svg[opening.end():]
