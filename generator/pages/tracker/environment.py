"""The Jinja2 environment of the tracker's Markdown pages, and the helpers its templates call.

Every value from a record passes through `escape_markdown` (the finalize step) or
`escape_attribute`, so whatever an officer types reaches the reader as plain text.
"""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.language import _
from generator.language import install as install_gettext
from generator.model.bilingual import shown
from generator.pages.markdown import escape_attribute, escape_markdown, segment
from generator.template_bytecode import keep_compiled
from generator.tracker.facets import FACET_KINDS, FACET_NAMES, Facets
from generator.tracker.rag import RAG_NAMES, RAG_ORDER
from generator.tracker.timescales import long_date, timescale_text

PACKAGE = Path(__file__).resolve().parents[2]


def _finalize(value: object) -> object:
    value = shown(value)  # a council's text in the language being written
    if value is None:
        return ""
    return value if isinstance(value, Markup) else escape_markdown(value)


def link(text: object, target: str) -> Markup:
    return Markup(f"[{escape_markdown(shown(text))}]({target})")


def title_text(text: str) -> Markup:
    """A page title for the front matter: navigation and the browser tab do not escape it, so
    it keeps no character that means anything in HTML, and is quoted for YAML."""
    cleaned = str(shown(text)).replace("&", "and")
    return Markup(json.dumps("".join(c for c in cleaned if c not in "<>\"'`{}\\")))


def tracker_environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(PACKAGE / "templates" / "tracker"), autoescape=True,
        finalize=_finalize, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    environment.filters.update(attr=lambda value: escape_attribute(shown(value)),
                               seg=segment,  # a link's part: one in every language
                               page_title=title_text, shown=shown)
    environment.globals.update(
        link=link, long_date=long_date, timescale_text=timescale_text,
        rag_names={rag: _(name) for rag, name in RAG_NAMES.items()},  # in the language being written
        rag_order=RAG_ORDER, facet_names={kind: _(name) for kind, name in FACET_NAMES.items()}, markup=Markup,
    )
    # The environment escapes for HTML after its finalize step has escaped for Markdown.
    install_gettext(environment, lambda value: Markup.escape(_finalize(value)))
    return keep_compiled(environment)


def facets_json(facets: Facets) -> str:
    """The filter choices the script offers: only those some action has."""
    choices = {
        kind: {"label": _(FACET_NAMES[kind]),
               "options": [[facet.id, facet.name] for facet in facets.of(kind) if facet.actions]}
        for kind in FACET_KINDS
    }
    choices["rag"] = {"label": "RAG", "options": [[rag, _(RAG_NAMES[rag])] for rag in RAG_ORDER]}
    return json.dumps(choices, ensure_ascii=False, sort_keys=False)


def asset(name: str) -> str:
    return (PACKAGE / "assets" / name).read_text(encoding="utf-8")
