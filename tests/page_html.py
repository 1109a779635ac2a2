"""A generated page's Markdown as the site shows it: its HTML blocks lifted out, the rest rendered by
Python-Markdown, the blocks put back (links left as written), as the plugin does before sanitising."""

from __future__ import annotations

import re

import markdown

from generator.pages.blocks import lifted, restored

EXTENSIONS = ("tables", "attr_list", "md_in_html", "admonition", "toc")


def page_html(text: str) -> str:
    skeleton, blocks = lifted(re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL))
    return restored(markdown.markdown(skeleton, extensions=list(EXTENSIONS)), blocks, lambda url: url)


def skeleton(text: str) -> str:
    """The Markdown Python-Markdown reads: the page without its blocks."""
    return lifted(text)[0]
