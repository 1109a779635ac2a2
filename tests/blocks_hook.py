"""MkDocs hooks for a test site built from generated pages written to disk, without the candour
plugin: each page's HTML blocks skip Python-Markdown and come back with their links resolved, as
the plugin has them do. The site must be built in the process that made the pages (the blocks'
fences carry a secret drawn in each process)."""

from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from generator.plugin import PageBlocks

_BLOCKS = PageBlocks()


def on_page_markdown(markdown: str, *, page: Page, config: object, files: Files) -> str:
    return _BLOCKS.lift(markdown, page)


def on_page_content(html: str, *, page: Page, config: object, files: Files) -> str:
    return _BLOCKS.restore(html, page, files)
