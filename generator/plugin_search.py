"""What the site's search reads of a generated page: its words, without its tables of figures.

Material's search parses every page's HTML in Python to index it, and on a large council most of a
generated page is tables: a report's figures for three years, the tracker's lists of actions. A
search that lists a page because a cell holds "12" finds nothing a reader is looking for, and each
action already has a page of its own that search finds. So, for generated pages only, the search
plugin is shown the page without its tables, and the page is put back whole before the theme
renders it: headings (the tables' titles among them), prose, chart descriptions, quotes and case
studies are all indexed as before. A page written by hand in `docs/` is indexed as written.
"""

from __future__ import annotations

import re

from mkdocs.structure.pages import Page

# Candour's own tables are never nested, and their HTML is its own (sanitised, in one shape).
_TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL)


class SearchedText:
    """Each generated page's whole content, kept while search reads it without its tables."""

    def __init__(self) -> None:
        self.whole: dict[str, str] = {}  # src path -> the page's content

    def before_search(self, page: Page) -> None:
        if page.content and "<table" in page.content:
            self.whole[page.file.src_uri] = page.content
            page.content = _TABLE.sub("", page.content)

    def after_search(self, page: Page) -> None:
        whole = self.whole.pop(page.file.src_uri, None)
        if whole is not None:
            page.content = whole
