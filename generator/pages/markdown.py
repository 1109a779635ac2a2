"""Text from records made safe for Markdown pages: nothing a record says becomes markup.

Python-Markdown honours a backslash before each of its special characters, and HTML entities
stand for '&', '<' and '>', so escaped text reads exactly as written whatever it contains.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from markupsafe import Markup

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_SPACE = re.compile(r"\s+")


def escape_markdown(text: object) -> Markup:
    """Text for a Markdown paragraph, table cell or link text, on one line."""
    if isinstance(text, Markup):
        return text
    flat = _SPACE.sub(" ", str(text)).strip()
    return Markup(_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False)))


def split_paragraphs(text: object) -> list[str]:
    """Each paragraph (blank-line separated) of a longer text."""
    return [block for block in re.split(r"\n\s*\n", str(text).strip()) if block.strip()]


def paragraphs(text: object) -> list[Markup]:
    """Each paragraph of a longer text, escaped."""
    return [escape_markdown(block) for block in split_paragraphs(text)]


def escape_attribute(text: object) -> Markup:
    """Text for an HTML attribute or raw HTML element."""
    return Markup(html.escape(_SPACE.sub(" ", str(text)).strip(), quote=True))


def segment(text: object) -> Markup:
    """One part of a link target, so an id can never break out of the link."""
    return Markup(quote(str(text), safe=""))


def slug(text: str) -> str:
    """An anchor made of lower-case words: 'Service areas' -> 'service-areas'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
