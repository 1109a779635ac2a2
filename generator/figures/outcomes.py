"""Table: outcomes of the year's formal complaints at the first stage, each with its share."""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures.basis import CASES, YearBasis
from generator.figures.counts import (
    NOT_RECORDED,
    RowSpec,
    Tally,
    build_table,
    shares_column,
    tally_items,
    tally_published,
)
from generator.figures.table import Table
from generator.model import Case, CaseStage, Records

OUTSTANDING = "outstanding"


def first_stage(case: Case) -> CaseStage | None:
    return case.stages[0] if case.stages else None


def is_open(case: Case) -> bool:
    """Still awaiting its first-stage response."""
    stage = first_stage(case)
    return stage is None or stage.responded is None


def outcome_key(case: Case) -> str:
    stage = first_stage(case)
    if stage is None or stage.responded is None:
        return OUTSTANDING
    return stage.outcome or NOT_RECORDED


def tally(basis: YearBasis) -> Tally:
    if basis.source != CASES:
        return tally_published(basis, "outcomes")
    return tally_items(basis.year, basis.complaints, outcome_key)


def still_open_notes(tallies: Sequence[Tally], key: str, what: str) -> list[str]:
    """Say how many of a records year's complaints were still open when the records were read."""
    notes = []
    for tally in tallies:
        count = tally.count(key) if tally.source == CASES else 0
        if count:
            noun = "complaint was" if count == 1 else "complaints were"
            notes.append(f"{tally.year}: {count} {noun} still open when these figures were produced; "
                         f"{what}.")
    return notes


def outcomes_table(records: Records, years: Sequence[YearBasis]) -> Table:
    organisation = records.organisation
    tallies = [basis.once("outcomes", tally, basis) for basis in years]
    specs = [RowSpec(term.id, term.name) for term in organisation.outcomes]
    specs.append(RowSpec(OUTSTANDING, "Still outstanding"))
    if any(t.source == CASES and t.count(NOT_RECORDED) for t in tallies):
        specs.append(RowSpec(NOT_RECORDED, "Responded, outcome not recorded"))
    return build_table(
        "outcomes", "Outcomes of formal complaints", "Outcome", specs,
        [shares_column(t) for t in tallies], tallies,
        definition="outcome", notes=still_open_notes(tallies, OUTSTANDING, "their outcome is not yet known"),
    )
