"""The Jinja2 environments the page templates render in: text from records escaped by default.

In a Markdown template (`*.md.j2`) every `{{ value }}` is escaped for Markdown unless it is already
markup (a rendered table, a link built here): a quote containing '*' or '<script>' reads as written
and never becomes markup. An HTML template (`html/*.html.j2`) renders a block of a page that
Python-Markdown skips (see `blocks`): there every value is escaped for HTML, quotes included.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from generator.language import install as install_gettext
from generator.model.bilingual import shown
from generator.pages.blocks import html_block
from generator.pages.markdown import (
    escape_attribute,
    escape_markdown,
    paragraphs,
    segment,
    split_paragraphs,
)
from generator.template_bytecode import keep_compiled
from generator.views.cells import cell_text


def _finalizer(escape: Callable[[object], str]) -> Callable[[object], object]:
    """What a template prints: markup as it is, a whole number as written, anything else escaped."""

    def finalize(value: object) -> object:
        value = shown(value)  # a council's text in the language being written
        if hasattr(value, "__html__"):
            return Markup(value.__html__())
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return escape(value)

    return finalize


_finalize = _finalizer(escape_markdown)  # for Markdown pages
_finalize_html = _finalizer(escape_attribute)  # for HTML blocks


def _url(value: object) -> Markup:
    return Markup(escape_attribute(quote(str(value), safe="/#:.?=&%-_~")))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined, autoescape=False, finalize=_finalize,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["html"] = lambda value: escape_attribute(shown(value))
    env.filters["shown"] = shown  # a council's text in the language being written, to slice or join
    env.filters["paragraphs"] = lambda text: paragraphs(shown(text))
    env.filters["url"] = _url
    env.filters["cell"] = lambda cell: Markup(escape_markdown(cell_text(cell)))
    install_gettext(env, lambda value: escape_markdown(shown(value)))
    return keep_compiled(env)


@cache
def html_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined, autoescape=False, finalize=_finalize_html,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["paragraphs"] = lambda text: [escape_attribute(part)
                                              for part in split_paragraphs(shown(text))]
    env.filters["url"] = _url
    env.filters["segment"] = segment  # a part of a link: the same in every language
    install_gettext(env, lambda value: escape_attribute(shown(value)))
    return keep_compiled(env)


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


def render_block(template: str, **context: object) -> Markup:
    """An HTML template rendered as a block of a Markdown page that Python-Markdown skips."""
    return html_block(html_environment().get_template(template).render(**context).strip("\n"))
