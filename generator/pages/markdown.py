"""Text from records made safe for Markdown pages: nothing a record says becomes markup.

Python-Markdown honours a backslash before each of its special characters, and HTML entities
stand for '&', '<' and '>', so escaped text reads exactly as written whatever it contains.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_SPACE = re.compile(r"\s+")


def escape_markdown(text: object) -> Markup:
    """Text for a Markdown paragraph, table cell or link text, on one line."""
    if isinstance(text, Markup):
        return text
    flat = _SPACE.sub(" ", str(text)).strip()
    return Markup(_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False)))


def paragraphs(text: object) -> list[Markup]:
    """Each paragraph (blank-line separated) of a longer text, escaped."""
    blocks = re.split(r"\n\s*\n", str(text).strip())
    return [escape_markdown(block) for block in blocks if block.strip()]


def escape_attribute(text: object) -> Markup:
    """Text for an HTML attribute or raw HTML element."""
    return Markup(html.escape(_SPACE.sub(" ", str(text)).strip(), quote=True))


def slug(text: str) -> str:
    """An anchor made of lower-case words: 'Service areas' -> 'service-areas'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
