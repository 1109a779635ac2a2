"""Table: outcomes of the year's formal complaints at the stage `counting.OUTCOME_STAGE` names, each
with its share, and the complaints upheld in full or in part (shares computed from the counts,
never by adding two rounded shares)."""

from __future__ import annotations

from collections.abc import Sequence

from generator.counting import NOT_RECORDED, OUTCOME_STAGE, OUTSTANDING, UPHELD_IN_FULL_OR_PART, outcome_row
from generator.figures.basis import CASES, YearBasis
from generator.figures.counts import (
    RowSpec,
    Tally,
    build_table,
    shares_column,
    tally_items,
    tally_published,
)
from generator.figures.table import Table
from generator.language import N_, _, ngettext
from generator.model import Case, CaseStage, Organisation, Records
from generator.model.organisation import lower


def first_stage(case: Case) -> CaseStage | None:
    return case.stages[0] if case.stages else None


def counted_stage(case: Case) -> CaseStage | None:
    """The stage whose outcome the outcomes table counts."""
    return case.stages[OUTCOME_STAGE] if len(case.stages) > OUTCOME_STAGE else None


def outcome_key(case: Case) -> str:
    stage = counted_stage(case)
    return outcome_row(stage is not None and stage.responded is not None, stage.outcome if stage else None)


def with_upheld_in_full_or_part(organisation: Organisation, tally: Tally) -> Tally:
    """Add the combined row: the sum of the upheld outcomes' counts, when each of them is known."""
    parts = [tally.count(outcome) for outcome in sorted(organisation.upheld_outcomes)]
    if not parts or any(part is None for part in parts):
        return tally
    counts = {**tally.counts, UPHELD_IN_FULL_OR_PART: sum(part or 0 for part in parts)}
    return Tally(tally.year, tally.source, counts, tally.total, tally.faults)


def tally(organisation: Organisation, basis: YearBasis) -> Tally:
    if basis.source != CASES:
        return with_upheld_in_full_or_part(organisation, tally_published(basis, "outcomes"))
    return with_upheld_in_full_or_part(organisation, tally_items(basis.year, basis.complaints, outcome_key))


def still_open_notes(tallies: Sequence[Tally], key: str, what: str) -> list[str]:
    """Say how many of a records year's complaints were still open when the records were read."""
    notes = []
    for tally in tallies:
        count = tally.count(key) if tally.source == CASES else 0
        if count:
            notes.append(ngettext(
                "%(year)s: %(num)s complaint was still open when these figures were produced; %(what)s.",
                "%(year)s: %(num)s complaints were still open when these figures were produced; %(what)s.",
                count, year=tally.year, num=count, what=_(what)))
    return notes


def combined_row(organisation: Organisation) -> list[RowSpec]:
    """'Upheld in full or in part' after the outcomes it combines, when there are two or more."""
    upheld = [term.id for term in organisation.outcomes if term.id in organisation.upheld_outcomes]
    if len(upheld) < 2:
        return []
    return [RowSpec(UPHELD_IN_FULL_OR_PART, _("Upheld in full or in part"), parts=tuple(upheld))]


def outcomes_table(records: Records, years: Sequence[YearBasis]) -> Table:
    organisation = records.organisation
    tallies = [basis.once("outcomes", tally, organisation, basis) for basis in years]
    specs = [RowSpec(term.id, term.name) for term in organisation.outcomes]
    specs.append(RowSpec(OUTSTANDING, _("Still outstanding")))
    if any(t.source == CASES and t.count(NOT_RECORDED) for t in tallies):
        specs.append(RowSpec(NOT_RECORDED, _("Responded, outcome not recorded")))
    specs += combined_row(organisation)
    several = len(organisation.stages) > 1  # then each complaint's first stage is the one counted
    complaints = lower(organisation.complaints_name)
    title = (_("Outcomes of %(complaints)s at the first stage", complaints=complaints) if several
             else _("Outcomes of %(complaints)s", complaints=complaints))
    return build_table(
        "outcomes", title, _("Outcome"), specs,
        [shares_column(t) for t in tallies], tallies, definition="outcome",
        notes=still_open_notes(tallies, OUTSTANDING, N_("their outcome is not yet known")),
    )
