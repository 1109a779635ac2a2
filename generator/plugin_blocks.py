"""A generated page's HTML blocks, kept out of Python-Markdown's way in an MkDocs build.

The blocks come from `generator.published` with their links published and sanitised; the plugin
lifts each out of the page's Markdown before MkDocs renders it (Python-Markdown need not walk every
cell of a big table) and puts it back in the page's HTML afterwards, then tells MkDocs the ids the
blocks give and the anchors they link to, so that MkDocs checks those with the page's own.
"""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from generator.pages.blocks import LostBlock, anchors, lifted, restored
from generator.published import BlockLink


class PageBlocks:
    """The HTML blocks lifted from each page's Markdown, kept until its content is made."""

    def __init__(self) -> None:
        self.kept: dict[str, list[str]] = {}  # src path -> the page's blocks

    def lift(self, markdown: str, page: Page) -> str:
        skeleton, self.kept[page.file.src_uri] = lifted(markdown)
        return skeleton

    def restore(self, html: str, page: Page, links: Sequence[BlockLink], files: Files) -> str:
        """The page's content with its blocks back in place, their anchors and their links to
        anchors made known to MkDocs, which checks them with the page's own."""
        blocks = self.kept.pop(page.file.src_uri, [])
        try:
            html = restored(html, blocks)
        except LostBlock as lost:
            raise PluginError(f"candour: {page.file.src_uri}: {lost}") from None
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= anchors(blocks)
        if page.links_to_anchors is not None:
            for link in links:
                target = files.get_file_from_path(link.target)
                if target is not None:
                    page.links_to_anchors.setdefault(target, {}).setdefault(link.fragment, link.written)
        return html
