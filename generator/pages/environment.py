"""The Jinja2 environment the page templates render in: text from records escaped by default.

Every `{{ value }}` is escaped for Markdown unless it is already markup (a rendered table, a link
built here): a quote containing '*' or '<script>' reads as written and never becomes markup.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from generator.pages.markdown import escape_attribute, escape_markdown, paragraphs
from generator.views.cells import cell_text


def _finalize(value: object) -> object:
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return escape_markdown(value)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined, autoescape=False, finalize=_finalize,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["html"] = escape_attribute
    env.filters["paragraphs"] = paragraphs
    env.filters["url"] = lambda value: Markup(escape_attribute(quote(str(value), safe="/#:.?=&%-_~")))
    env.filters["cell"] = lambda cell: Markup(escape_markdown(cell_text(cell)))
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
