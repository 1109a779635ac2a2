"""The last line of defence: the HTML of a generated page's content, sanitised with nh3.

Text from records is escaped where it enters Markdown and HTML; this removes anything that
escaping missed. What a report or tracker page legitimately holds (headings, tables, figures,
links, images, admonitions, tabs) is kept; scripts, event handlers, `javascript:` links, frames,
forms, styles other than text alignment, and comments are not. Only the content area is cleaned:
the theme's own scripts live outside it. A script tag that loads one of the site's own generated
scripts (the tracker's filter) is the one script kept.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection

import nh3

from generator.last_build import LastBuild

_NOT_CONTENT = {"area", "map", "article", "aside", "footer", "header", "nav"}
CONTENT_TAGS = frozenset(nh3.ALLOWED_TAGS - _NOT_CONTENT) | {
    "input", "label", "button", "output", "caption", "col", "colgroup", "tfoot",
}
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "role", "tabindex", "lang", "dir", "hidden"},
    "a": {"href", "download", "hreflang"},
    "img": {"src", "alt", "loading", "width", "height", "decoding"},
    "th": {"colspan", "rowspan", "scope", "headers", "style"},
    "td": {"colspan", "rowspan", "headers", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "details": {"open"},
    "time": {"datetime"},
    "data": {"value"},
    "abbr": {"title"},
    "input": {"type", "name", "checked", "disabled", "value"},
    "label": {"for"},
    "button": {"type", "disabled", "value"},
    "output": {"for"},
}
# The only style a Markdown table writes: the alignment of its columns.
STYLE_PROPERTIES = {"text-align"}
# Only these kinds of link: web pages, email and telephone. Relative links are always allowed.
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_CLEANER = nh3.Cleaner(
    tags=set(CONTENT_TAGS),
    clean_content_tags={"script", "style", "template", "iframe", "object", "embed", "noscript"},
    attributes=ATTRIBUTES,
    generic_attribute_prefixes={"data-", "aria-"},
    url_schemes=URL_SCHEMES,
    strip_comments=True,
    link_rel=None,
    filter_style_properties=STYLE_PROPERTIES,
)
_SCRIPT_TAG = re.compile(r'<script src="(?P<src>[^"<>]+)"(?: defer)?></script>')
_KEEP = "\ue000candour-script-{}\ue001"
_KEPT = re.compile("\ue000candour-script-(\\d+)\ue001")


def sanitised(html: str, own_scripts: Collection[str] = ()) -> str:
    """`html` (a page's content) with nothing executable left in it.

    `own_scripts` are the file names of scripts the site itself generated: a plain
    `<script src="...">` loading one of them, by relative path, is kept exactly as written.
    """
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        source = match["src"]
        if ":" in source or source.startswith("//") or source.rsplit("/", 1)[-1] not in own_scripts:
            return ""
        kept.append(match[0])
        return _KEEP.format(len(kept) - 1)

    # The private-use characters marking a kept script never come from Markdown; any already in
    # the page are removed first so that no text can pose as one.
    html = _SCRIPT_TAG.sub(keep, _KEPT.sub("", html))
    cleaned = _CLEANER.clean(html)
    return _KEPT.sub(lambda match: kept[int(match[1])], cleaned)


class SanitisedPages:
    """`sanitised`, remembering the pages of the last build: under `mkdocs serve` a one-record change
    leaves most pages as they were, and cleaning 400 pages again is most of a rebuild's own work."""

    def __init__(self) -> None:
        self.pages: LastBuild[str] = LastBuild()

    def next_build(self) -> None:
        self.pages.next_build()

    def page(self, html: str, own_scripts: Collection[str] = ()) -> str:
        key = (hashlib.sha256(html.encode("utf-8")).digest(), frozenset(own_scripts))
        return self.pages.made(key, lambda: sanitised(html, own_scripts))
