"""What the report's tables count, written once for the check stage and the figures.

`candour validate` compares a history record with the case records of its year, and the site
counts the same case records into its tables: both read these definitions, so validate can never
refuse a year for figures the site itself shows, nor accept one it would show differently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Row keys Candour gives rows of its own in tables whose other rows are an organisation's ids.
TOTAL = "total"
NOT_RECORDED = "not-recorded"
OUTSTANDING = "outstanding"
STILL_OPEN = "still-open"
UPHELD_IN_FULL_OR_PART = "upheld-in-full-or-in-part"
OMBUDSMAN_ROW = "ombudsman"
COMPLAINTS = "complaints"
WITHDRAWN = "withdrawn"
INELIGIBLE = "ineligible"

# The ids no entry of a list may take, because a table that lists its ids has a row of its own
# by that name: (list as organisation.yaml names it, where it is) -> reserved ids.
RESERVED_IDS: Mapping[str, frozenset[str]] = {
    "service_areas": frozenset({TOTAL, NOT_RECORDED}),
    "subjects": frozenset({TOTAL, NOT_RECORDED}),
    "receipt_points": frozenset({TOTAL, NOT_RECORDED}),
    "receipt_methods": frozenset({TOTAL, NOT_RECORDED}),
    "relationships": frozenset({TOTAL, NOT_RECORDED}),
    "outcomes": frozenset({TOTAL, NOT_RECORDED, OUTSTANDING, UPHELD_IN_FULL_OR_PART}),
    "ombudsman_decisions": frozenset({TOTAL, NOT_RECORDED}),
    "redirections": frozenset({NOT_RECORDED}),
    "stages": frozenset({TOTAL, OMBUDSMAN_ROW}),
}

# The outcomes table counts each formal complaint by the outcome of this stage (the first): the
# finding most complaints end with, and one every complaint has once it is answered.
OUTCOME_STAGE = 0


def outcome_row(responded: bool, outcome: str | None) -> str:
    """The outcomes-table row of a complaint whose counted stage has (or has not) been answered."""
    if not responded:
        return OUTSTANDING
    return outcome or NOT_RECORDED


def representation_row(kind: str | None, disposition: str | None) -> str:
    """The representations-table row of a case: withdrawn and ineligible whatever its kind, a
    formal complaint accepted as 'complaints', anything else by its kind."""
    if disposition in (WITHDRAWN, INELIGIBLE):
        return str(disposition)
    return COMPLAINTS if kind == "complaint" else str(kind)


def group_id(name: str) -> str:
    """A service group's name as an id, for history records and row keys: 'Adults' -> 'adults'."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


BANDS = 6  # response-time bands: five of the target's width, then everything longer


def response_bands(target: int) -> tuple[tuple[str, str, int | None], ...]:
    """The response-time bands for a stage's target in working days: (row key, label, most days in
    the band; None for the last). A 20-day target gives 0-20, 21-40, ... 81-100 and over 100."""
    bands: list[tuple[str, str, int | None]] = [(f"0-{target}", f"{target} working days or less", target)]
    for band in range(1, BANDS - 1):
        low, high = band * target + 1, (band + 1) * target
        bands.append((f"{low}-{high}", f"{low} to {high} working days", high))
    last = (BANDS - 1) * target
    bands.append((f"over-{last}", f"Over {last} working days", None))
    return tuple(bands)
