"""The officers' section: one page linking the pages written for the council's own staff.

The record model by example and the figure names for writers are reference for officers who keep
the records and write the commentary, not reading for the public. They are kept out of the public
menu and out of search (their `search: exclude` front matter), and reached from this page.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from generator.language import _
from generator.pages.environment import render
from generator.sitefiles import SiteFile

OFFICERS_PAGE = "officers.md"
FIGURE_NAMES_PAGE = "figures.md"
RECORDS_GUIDE_FOLDER = "records-guide/"  # hand-written pages for officers, under docs/
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def officer_pages(pages: Collection[str], hand_written: Mapping[str, str]) -> list[dict[str, str]]:
    """Each officers' page the site has, with its title: the records guide's pages (their first
    heading), then the figure names."""
    found = []
    for path in sorted(p for p in hand_written if p.startswith(RECORDS_GUIDE_FOLDER)):
        heading = _HEADING.search(hand_written[path])
        found.append({"path": path, "title": heading[1] if heading else path})
    if FIGURE_NAMES_PAGE in pages:
        found.append({"path": FIGURE_NAMES_PAGE, "title": _("Figure names for writers")})
    return found


def officers_page(pages: Collection[str], hand_written: Mapping[str, str]) -> SiteFile | None:
    """The officers' page, or None when the site has no page for officers."""
    listed = officer_pages(pages, hand_written)
    if not listed:
        return None
    return SiteFile(OFFICERS_PAGE, render("officers.md.j2", pages=listed))
