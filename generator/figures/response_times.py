"""Tables: how long first-stage responses took in working days (in bands), and a summary: the share
within the response target, the median, and how many were still open."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from statistics import median

from generator.figures.basis import CASES, YearBasis
from generator.figures.counts import (
    ColumnSpec,
    RowSpec,
    Tally,
    build_table,
    count_column,
    tally_items,
    tally_published,
)
from generator.figures.outcomes import first_stage, still_open_notes
from generator.figures.table import Cell, Column, Days, Share, Table
from generator.model import Case, Records
from generator.workingdays import Region, working_days_between

# (row key, label, most working days in the band); the last band has no upper limit.
BANDS: tuple[tuple[str, str, int | None], ...] = (
    ("0-20", "20 working days or less", 20),
    ("21-40", "21 to 40 working days", 40),
    ("41-60", "41 to 60 working days", 60),
    ("61-80", "61 to 80 working days", 80),
    ("81-100", "81 to 100 working days", 100),
    ("over-100", "Over 100 working days", None),
)
STILL_OPEN = "still-open"


def response_days(case: Case, region: Region) -> int | None:
    """Working days from the start of the first stage to its response; None while still open."""
    stage = first_stage(case)
    if stage is None or stage.responded is None:
        return None
    return working_days_between(stage.started, stage.responded, region)


def band(days: int | None) -> str:
    if days is None:
        return STILL_OPEN
    return next(key for key, _, most in BANDS if most is None or days <= most)


def days_taken(basis: YearBasis, region: Region) -> tuple[int | None, ...]:
    """Each of the year's complaints' first-stage response time (None: still open), counted once."""
    return basis.once("response_days", _days_taken, basis.complaints, region)


def _days_taken(complaints: Sequence[Case], region: Region) -> tuple[int | None, ...]:
    return tuple(response_days(case, region) for case in complaints)


def tally(basis: YearBasis, region: Region) -> Tally:
    return basis.once("response_times", _tally, basis, region)


def _tally(basis: YearBasis, region: Region) -> Tally:
    if basis.source == CASES:
        return tally_items(basis.year, days_taken(basis, region), band)
    published = tally_published(basis, "response_times")
    still_open = basis.published("response_times")
    counts = {**published.counts, STILL_OPEN: still_open.extra.get("still_open") if still_open else None}
    return Tally(published.year, published.source, counts, published.total, published.faults)


def response_times_table(records: Records, years: Sequence[YearBasis]) -> Table:
    region = Region.of(records.organisation)
    tallies = [tally(basis, region) for basis in years]
    specs = [*(RowSpec(key, label) for key, label, _ in BANDS), RowSpec(STILL_OPEN, "Still open")]
    return build_table(
        "response_times", "First-stage response times in working days", "Working days taken", specs,
        [count_column(t) for t in tallies], tallies, definition="response-bands",
        notes=still_open_notes(tallies, STILL_OPEN, "they are counted as still open, not in a band"),
    )


# The summary ----------------------------------------------------------------------------------

def within_target(tally: Tally, target: int) -> Share | None:
    """Responses within the target, as a share of responses, from the bands when they allow it."""
    edges = [most for _, _, most in BANDS]
    if target not in edges or tally.total is None:
        return None
    counts = {key: tally.count(key) for key, _, _ in BANDS}
    if any(count is None for count in counts.values()):
        return None
    inside = sum(counts[key] or 0 for key, _, most in BANDS if most is not None and most <= target)
    return Share(inside, sum(count or 0 for count in counts.values()))


def within_target_of_days(days_taken: Sequence[int | None], target: int) -> Share:
    taken = [days for days in days_taken if days is not None]
    return Share(sum(1 for days in taken if days <= target), len(taken))


def median_days(days_taken: Sequence[int | None]) -> Days | None:
    taken = [days for days in days_taken if days is not None]
    return Days(Decimal(str(median(taken)))) if taken else None


def summary_column(basis: YearBasis, tally: Tally, region: Region, target: int) -> ColumnSpec:
    if basis.source == CASES:
        taken = days_taken(basis, region)
        cells: dict[str, Cell] = {
            "within-target": within_target_of_days(taken, target), "median": median_days(taken),
        }
    else:
        cells = {"within-target": within_target(tally, target), "median": None}
    cells[STILL_OPEN] = tally.count(STILL_OPEN)
    return ColumnSpec(Column(basis.year, basis.year, basis.year, "mixed"), cells.get)


def response_summary_table(records: Records, years: Sequence[YearBasis]) -> Table:
    region = Region.of(records.organisation)
    target = records.organisation.respond_working_days
    tallies = [tally(basis, region) for basis in years]
    specs = [
        RowSpec("within-target", f"Responded within {target} working days (share of responses)"),
        RowSpec("median", "Median working days to respond"),
        RowSpec(STILL_OPEN, "Still open"),
    ]
    columns = [basis.once("response_summary", summary_column, basis, t, region, target)
               for basis, t in zip(years, tallies, strict=True)]
    return build_table(
        "response_summary", "Response times at a glance", "Measure", specs, columns, tallies,
        definition="within-target", chart=None, total_label=None, adds_up=False,
    )

