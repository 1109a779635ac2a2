"""What the report's tables count, written once for the check stage and the figures.

`candour validate` compares a history record with the case records of its year, and the site
counts the same case records into its tables: both read these definitions, so validate can never
refuse a year for figures the site itself shows, nor accept one it would show differently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

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


# How a case reached a stage, and the stages-table row of a stage not yet answered.
ESCALATED = "escalated"  # from the stage before
DIRECT = "direct"  # straight to this stage
STAGE_OPEN = "open"
# Outcomes counted as "upheld in full or in part" when the organisation file does not mark them.
UPHELD_BY_DEFAULT = frozenset({"upheld", "partially-upheld"})


def is_counted_complaint(kind: str | None, disposition: str | None) -> bool:
    """A formal complaint accepted into the procedure: what the outcome, service, stage and
    response tables count (a record without a disposition was accepted)."""
    return kind == "complaint" and (disposition or "accepted") == "accepted"


def is_upheld(outcome_id: str, marked: object) -> bool:
    """Whether an outcome counts as upheld in full or in part: as its `upheld` says, else by default."""
    return marked is True if isinstance(marked, bool) else outcome_id in UPHELD_BY_DEFAULT


def stage_route(index: int, written: str | None) -> str:
    """How a case reached its stage at `index`: as written, else straight to the first and
    escalated to any later one."""
    return written or (ESCALATED if index else DIRECT)


def stage_rows(stage: str, route: str, answered: bool) -> tuple[str, ...]:
    """The stages-table rows a stage received in the year counts in: the stage, how it was
    reached, and still open until it is answered. (The year is the stage's own: the date it was
    received, `started`, else the case's date received.)"""
    rows = (stage, f"{stage}:{route}")
    return rows if answered else (*rows, f"{stage}:{STAGE_OPEN}")


def stage_outcome_rows(stage: str, answered: bool, outcome: str | None, upheld: frozenset[str]
                       ) -> tuple[str, ...]:
    """The outcomes-by-stage rows a stage received in the year counts in: the stage, its outcome
    (or still outstanding), and upheld in full or in part when its outcome is one of `upheld`."""
    rows = (stage, f"{stage}:{outcome_row(answered, outcome)}")
    return (*rows, f"{stage}:{UPHELD_IN_FULL_OR_PART}") if answered and outcome in upheld else rows


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


def response_band(days: int | None, bands: Sequence[tuple[str, str, int | None]]) -> str:
    """The band a response time falls in (`response_bands`); still open when not answered."""
    if days is None:
        return STILL_OPEN
    return next(key for key, _, most in bands if most is None or days <= most)
