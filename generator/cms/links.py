"""Addresses in the records editor, for the site's "Edit" links.

Decap CMS opens a record at `admin/index.html#/collections/<collection>/entries/<file name>`, and
a collection at `.../collections/<collection>`; each collection is one kind's reporting year
(generator.cms.config), which a record's id names: C-2019-0007 is filed under 2019-20.
"""

from __future__ import annotations

from generator.years import year_label

EDITOR_PAGE = "admin/index.html"  # from the top of the site
_FOLDERS = {"case": "cases", "ombudsman": "ombudsman", "compliment": "compliments", "action": "actions"}


def year_of(record_id: str) -> str | None:
    """'C-2019-0007' -> '2019-20'; None for an id that names no year."""
    parts = record_id.split("-")
    return year_label(int(parts[1])) if len(parts) == 3 and parts[1].isdigit() else None


def collection_address(kind: str, year: str) -> str:
    return f"{EDITOR_PAGE}#/collections/{_FOLDERS[kind]}-{year}"


def record_address(kind: str, record_id: str) -> str | None:
    """Where the editor opens a record, from the top of the site; None for an id without a year."""
    year = year_of(record_id)
    return f"{collection_address(kind, year)}/entries/{record_id}" if year else None
