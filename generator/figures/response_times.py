"""Tables: how long first-stage responses took in working days (in bands), and a summary: the share
within the response target, the median, and how many were still open."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from statistics import median

from generator.counting import STILL_OPEN, response_band, response_bands
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
from generator.language import N_, _
from generator.model import Case, Organisation, Records
from generator.workingdays import Region, working_days_between

Band = tuple[str, str, int | None]  # (row key, label, most working days; None for the last band)


def bands_of(organisation: Organisation) -> tuple[Band, ...]:
    """The bands follow the first stage's response target (20 days: 0-20, 21-40, ... over 100)."""
    return response_bands(organisation.stages[0].respond_working_days)


def response_days(case: Case, region: Region) -> int | None:
    """Working days from the start of the first stage to its response; None while still open."""
    stage = first_stage(case)
    if stage is None or stage.responded is None:
        return None
    return working_days_between(stage.started, stage.responded, region)


def at_first_stage(case: Case, organisation: Organisation) -> bool:
    """A complaint the first-stage tables count: one whose first stage is the procedure's first
    (or with no stage recorded yet). One that went straight to a later stage (Scotland's direct
    Stage 2) is counted at that stage only, against that stage's target (`stage_response_times`)."""
    stage = first_stage(case)
    return stage is None or stage.stage == organisation.stages[0].id


def days_taken(basis: YearBasis, organisation: Organisation) -> tuple[int | None, ...]:
    """The first-stage response time of each of the year's complaints at the first stage (None:
    still open), counted once."""
    return basis.once("response_days", _days_taken, basis.complaints, organisation)


def _days_taken(complaints: Sequence[Case], organisation: Organisation) -> tuple[int | None, ...]:
    region = Region.of(organisation)
    return tuple(response_days(case, region) for case in complaints if at_first_stage(case, organisation))


def tally(basis: YearBasis, organisation: Organisation, bands: Sequence[Band]) -> Tally:
    return basis.once("response_times", _tally, basis, organisation, bands)


def _tally(basis: YearBasis, organisation: Organisation, bands: Sequence[Band]) -> Tally:
    if basis.source == CASES:
        taken = days_taken(basis, organisation)
        return tally_items(basis.year, taken, lambda days: response_band(days, bands))
    published = tally_published(basis, "response_times")
    still_open = basis.published("response_times")
    counts = {**published.counts, STILL_OPEN: still_open.extra.get("still_open") if still_open else None}
    return Tally(published.year, published.source, counts, published.total, published.faults,
                 published.percentages)


def response_times_table(records: Records, years: Sequence[YearBasis]) -> Table:
    bands = bands_of(records.organisation)
    tallies = [tally(basis, records.organisation, bands) for basis in years]
    specs = [*(RowSpec(key, label) for key, label, _ in bands), RowSpec(STILL_OPEN, _("Still open"))]
    return build_table(
        "response_times", _("First-stage response times in working days"), _("Working days taken"), specs,
        [count_column(t) for t in tallies], tallies, definition="response-bands",
        notes=still_open_notes(tallies, STILL_OPEN, N_("they are counted as still open, not in a band")),
    )


# The summary ----------------------------------------------------------------------------------

def within_target(tally: Tally, target: int, bands: Sequence[Band]) -> Share | None:
    """Responses within the target, as a share of responses, from the bands when they allow it."""
    edges = [most for _, _, most in bands]
    if target not in edges or tally.total is None:
        return None
    counts = {key: tally.count(key) for key, _, _ in bands}
    if any(count is None for count in counts.values()):
        return None
    inside = sum(counts[key] or 0 for key, _, most in bands if most is not None and most <= target)
    return Share(inside, sum(count or 0 for count in counts.values()))


def within_target_of_days(days_taken: Sequence[int | None], target: int) -> Share:
    taken = [days for days in days_taken if days is not None]
    return Share(sum(1 for days in taken if days <= target), len(taken))


def median_days(days_taken: Sequence[int | None]) -> Days | None:
    taken = [days for days in days_taken if days is not None]
    return Days(Decimal(str(median(taken)))) if taken else None


def summary_column(basis: YearBasis, tally: Tally, organisation: Organisation, target: int,
                   bands: Sequence[Band]) -> ColumnSpec:
    if basis.source == CASES:
        taken = days_taken(basis, organisation)
        cells: dict[str, Cell] = {
            "within-target": within_target_of_days(taken, target), "median": median_days(taken),
        }
    else:
        cells = {"within-target": within_target(tally, target, bands), "median": None}
    cells[STILL_OPEN] = tally.count(STILL_OPEN)
    return ColumnSpec(Column(basis.year, basis.year, basis.year, "mixed"), cells.get)


def response_summary_table(records: Records, years: Sequence[YearBasis]) -> Table:
    organisation = records.organisation
    target = organisation.respond_working_days
    bands = bands_of(organisation)
    tallies = [tally(basis, organisation, bands) for basis in years]
    specs = [
        RowSpec("within-target",
                _("Responded within %(days)s working days (share of responses)", days=target)),
        RowSpec("median", _("Median working days to respond")),
        RowSpec(STILL_OPEN, _("Still open")),
    ]
    columns = [basis.once("response_summary", summary_column, basis, t, organisation, target, bands)
               for basis, t in zip(years, tallies, strict=True)]
    return build_table(
        "response_summary", _("Response times at a glance"), _("Measure"), specs, columns, tallies,
        definition="within-target", chart=None, total_label=None, adds_up=False,
    )

