"""Pre-rendered HTML in a generated page: Python-Markdown skips it, and it is put back after.

The big parts of a report or tracker page (tables with their charts, quotes, case studies, lists of
actions) are written as HTML once, where the page is made, so Python-Markdown need not walk every
cell of them. In the page's Markdown each sits between two comments carrying a secret drawn afresh
in each process, so no text from a record can open or close one: record text is escaped where it
enters Markdown (no '<' survives), and could not know the secret if it did. The MkDocs plugin
`lifted`s each out for a one-word placeholder paragraph before Python-Markdown reads the page and
`restored`s it in place of that paragraph afterwards, once the rest of the page is sanitised (each
block was sanitised where it was made). Headings stay Markdown, so the table of contents,
permalinks and anchors are made as before.

A block's links (`href`, `src`) are written as Markdown would have them, relative to the page's
source file (`../methodology.md#median`); `generator.published` gives each its published address
(`linked`) and sanitises the block before any engine sees it. Text in a block is always escaped
with quotes (`escape_attribute`), so an attribute written by a record can never be mistaken for
one of these links. For an engine without Candour's plugin, `plain_blocks` swaps each fence for a
`<div>` that Python-Markdown passes through as raw HTML.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from html import escape, unescape

from markupsafe import Markup

_SECRET = secrets.token_hex(16)
_OPEN = f"<!--candour-html {_SECRET}-->"
_CLOSE = f"<!--/candour-html {_SECRET}-->"
_FENCED = re.compile(f"{re.escape(_OPEN)}\n(.*?)\n{re.escape(_CLOSE)}", re.DOTALL)
# Letters and digits only, alone in a paragraph: Markdown passes it through as '<p>word</p>'.
_PLACEHOLDER = "candourhtml" + _SECRET + "n{}"
_PLACED = re.compile(f"<p>candourhtml{_SECRET}n(\\d+)</p>")
_LINK = re.compile(r'(?<=\s)(href|src)="([^"]*)"')
_ID = re.compile(r'\sid="([^"]*)"')


class LostBlock(Exception):
    """A block's placeholder did not come out of Markdown as a paragraph of its own."""


def html_block(html: str) -> Markup:
    """`html` fenced for a Markdown page; the template puts it on lines of its own, at the top
    level (not indented in a list or admonition), with a blank line before and after."""
    return Markup(f"{_OPEN}\n{html}\n{_CLOSE}")


def lifted(markdown: str) -> tuple[str, list[str]]:
    """The page's Markdown with each fenced block swapped for a placeholder, and the blocks."""
    blocks: list[str] = []

    def placeholder(match: re.Match[str]) -> str:
        blocks.append(match[1])
        return _PLACEHOLDER.format(len(blocks) - 1)

    return _FENCED.sub(placeholder, markdown), blocks


def fenced_blocks(markdown: str) -> list[str]:
    """The page's blocks, in order."""
    return _FENCED.findall(markdown)


def with_blocks(markdown: str, blocks: list[str]) -> str:
    """The page with its blocks, in order, replaced by `blocks` (still fenced)."""
    replacements = iter(blocks)
    return _FENCED.sub(lambda match: html_block(next(replacements)), markdown)


def plain_blocks(markdown: str) -> str:
    """The page with each block's fence swapped for a `<div>`: Python-Markdown passes an HTML
    element that starts a line after a blank one through as it is, to its closing tag, blank lines
    and all, and so do the engines built on it."""
    return _FENCED.sub(lambda match: f'<div class="candour-block">\n{match[1]}\n</div>', markdown)


def linked(block: str, address: Callable[[str], str]) -> str:
    """`block` with each link (`href`, `src`) as `address` gives it for the link as written."""
    return _LINK.sub(lambda link: f'{link[1]}="{escape(address(unescape(link[2])))}"', block)


def restored(html: str, blocks: list[str], address: Callable[[str], str] | None = None) -> str:
    """The HTML Markdown made of a lifted page, with every block back in its place.

    `address`, when given, turns a link as written into its published form (the blocks of
    `generator.published` have theirs published already). Raises LostBlock if a placeholder is
    missing, repeated or left anywhere but its own paragraph, or a fence was never lifted (written
    where `lifted` cannot see it, such as indented).
    """
    placed: set[int] = set()

    def block(match: re.Match[str]) -> str:
        number = int(match[1])
        if number >= len(blocks) or number in placed:
            raise LostBlock(f"block {number} placed twice or never made")
        placed.add(number)
        return blocks[number] if address is None else linked(blocks[number], address)

    # One pass: a block's own text is never searched for placeholders.
    whole = _PLACED.sub(block, html)
    if len(placed) != len(blocks) or html.count(_SECRET) != len(placed):
        raise LostBlock(f"{len(blocks) - len(placed)} of {len(blocks)} blocks lost by Markdown")
    return whole


def anchors(blocks: list[str]) -> set[str]:
    """The ids the blocks give elements, which links may point at."""
    return {unescape(found) for block in blocks for found in _ID.findall(block)}
