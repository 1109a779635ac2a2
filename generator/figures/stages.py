"""Tables of a procedure with more than one stage (Wales, Scotland, England's children's procedure):

- the stages table: complaints received at each stage in the year, how they reached it (escalated
  from the stage before, or straight to it), how many of each stage's responses were within that
  stage's target, how many are still open, and the complaints the ombudsman received;
- outcomes by stage: each stage's outcomes with their shares, and upheld in full or in part.

A stage is counted in the reporting year in which it was received, whichever year the complaint
was first received in; a complaint that reached two stages is counted at each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from generator.counting import (
    DIRECT,
    ESCALATED,
    OMBUDSMAN_ROW,
    OUTSTANDING,
    STAGE_OPEN,
    TOTAL,
    UPHELD_IN_FULL_OR_PART,
    stage_outcome_rows,
    stage_rows,
)
from generator.figures.basis import CASES, YearBasis
from generator.figures.counts import ColumnSpec, RowSpec, Tally, build_table, shares_column, tally_published
from generator.figures.ombudsman_counts import ombudsman_named
from generator.figures.table import Cell, Column, Share, Table
from generator.language import N_, _
from generator.model import Case, CaseStage, Organisation, Records, Stage
from generator.model.bilingual import in_language
from generator.workingdays import Region, working_days_between

STAGES_NOTE = N_("A complaint that reached more than one stage is counted at each stage it reached, in the "
                  "year that stage was received, so the stages do not add up to the number of complaints.")


def received_at(basis: YearBasis, stage: Stage) -> list[tuple[Case, CaseStage]]:
    return [(case, step) for case, step in basis.stages if step.stage == stage.id]


def stage_days(step: CaseStage, region: Region) -> int | None:
    return working_days_between(step.started, step.responded, region) if step.responded else None


def stage_cells(organisation: Organisation, stage: Stage, steps: Sequence[CaseStage]) -> dict[str, Cell]:
    """The stage's rows, counted as validate counts a history record's (`counting.stage_rows`),
    and the share of its answers within its target."""
    region = Region.of(organisation)
    counted = Counter(row for step in steps
                      for row in stage_rows(stage.id, step.route, step.responded is not None))
    cells: dict[str, Cell] = {key: counted[key] for key in (
        stage.id, f"{stage.id}:{ESCALATED}", f"{stage.id}:{DIRECT}", f"{stage.id}:{STAGE_OPEN}")}
    responded = [step for step in steps if step.responded is not None]
    in_time = [step for step in responded if (stage_days(step, region) or 0) <= stage.respond_working_days]
    cells[f"{stage.id}:within-target"] = Share(len(in_time), len(responded)) if responded else None
    return cells


def stage_column(organisation: Organisation, basis: YearBasis) -> ColumnSpec:
    cells: dict[str, Cell] = {}
    if basis.source == CASES or basis.stages:
        for stage in organisation.stages:
            cells |= stage_cells(organisation, stage, [step for _, step in received_at(basis, stage)])
        cells[OMBUDSMAN_ROW] = len(basis.ombudsman_received)
    else:
        cells = published_cells(organisation, basis)
        if basis.history and basis.history.ombudsman_received is not None:
            cells.setdefault(OMBUDSMAN_ROW, basis.history.ombudsman_received)
    return ColumnSpec(Column(basis.year, basis.year, basis.year, "mixed"), cells.get)


def published_cells(organisation: Organisation, basis: YearBasis) -> dict[str, Cell]:
    """A year's stages as its history record published them: each count, or the percentage printed
    instead of it. A count of a stage's answers within its target is shown as a share of that
    stage's answers, as a year of records shows it, when the record gives the answers (the stage's
    complaints and those still open); else as the count published."""
    published = tally_published(basis, "stages")
    cells = {key: published.cell(key) for key in {*published.counts, *published.percentages}}
    for stage in organisation.stages:
        within = published.count(f"{stage.id}:within-target")
        received, still_open = published.count(stage.id), published.count(f"{stage.id}:{STAGE_OPEN}")
        if within is not None and received is not None and still_open is not None and received > still_open:
            cells[f"{stage.id}:within-target"] = Share(within, received - still_open)
    return cells


def row_specs(organisation: Organisation) -> list[RowSpec]:
    specs = []
    for index, stage in enumerate(organisation.stages):
        specs.append(RowSpec(stage.id, _("%(stage)s: complaints received", stage=in_language(stage.name))))
        if index:
            specs += [RowSpec(f"{stage.id}:{ESCALATED}", _("Escalated from the stage before"), level=1),
                      RowSpec(f"{stage.id}:{DIRECT}", _("Came straight to this stage"), level=1)]
        specs += [
            RowSpec(f"{stage.id}:within-target",
                    _("Answered within %(days)s working days (share of answers)",
                      days=stage.respond_working_days), level=1),
            RowSpec(f"{stage.id}:{STAGE_OPEN}", _("Still open"), level=1),
        ]
    specs.append(RowSpec(OMBUDSMAN_ROW, _("Complaints the %(ombudsman)s received",
                                          ombudsman=ombudsman_named(organisation))))
    return specs


def stages_table(records: Records, years: Sequence[YearBasis]) -> Table | None:
    organisation = records.organisation
    if len(organisation.stages) < 2:
        return None
    columns = [basis.once("stages", stage_column, organisation, basis) for basis in years]
    return build_table(
        "stages", _("Complaints at each stage of the procedure"), _("Stage"), row_specs(organisation),
        columns, [], definition="stages", notes=[_(STAGES_NOTE)],
        chart=None, total_label=None, adds_up=False,
    )


# Outcomes by stage ----------------------------------------------------------------------------

def stage_outcomes(organisation: Organisation, basis: YearBasis) -> Tally:
    """Each stage's outcomes in the year as rows `<stage>:<outcome>`; the total is every stage
    received, and each stage's own count is its row `<stage>`."""
    if basis.source != CASES and not basis.stages:
        return tally_published(basis, "outcomes_by_stage")
    counts: dict[str, int | None] = {}
    upheld = organisation.upheld_outcomes
    for stage in organisation.stages:
        counts |= {stage.id: 0, f"{stage.id}:{UPHELD_IN_FULL_OR_PART}": 0}
        for _case, step in received_at(basis, stage):
            for key in stage_outcome_rows(stage.id, step.responded is not None, step.outcome, upheld):
                counts[key] = (counts.get(key) or 0) + 1
    return Tally(basis.year, CASES, counts, sum(1 for _ in basis.stages))


def stage_share_column(organisation: Organisation, tally: Tally) -> ColumnSpec:
    """Each outcome as a share of the complaints received at its stage."""
    plain = shares_column(tally)  # for its column

    def cell(key: str) -> Cell:
        if key == TOTAL:
            return tally.total
        stage = key.split(":", 1)[0]
        part, whole = tally.count(key), tally.count(stage)
        if ":" not in key:
            return part
        if part is None or not whole:
            return part
        return Share(part, whole)

    return ColumnSpec(plain.column, cell)


def outcomes_by_stage_table(records: Records, years: Sequence[YearBasis]) -> Table | None:
    organisation = records.organisation
    if len(organisation.stages) < 2:
        return None
    tallies = [basis.once("outcomes_by_stage", stage_outcomes, organisation, basis) for basis in years]
    upheld = [term.id for term in organisation.outcomes if term.id in organisation.upheld_outcomes]
    specs = []
    for stage in organisation.stages:
        specs.append(RowSpec(stage.id, stage.name))
        specs += [RowSpec(f"{stage.id}:{term.id}", term.name, level=1) for term in organisation.outcomes]
        specs.append(RowSpec(f"{stage.id}:{OUTSTANDING}", _("Still outstanding"), level=1))
        if len(upheld) > 1:
            specs.append(RowSpec(f"{stage.id}:{UPHELD_IN_FULL_OR_PART}", _("Upheld in full or in part"),
                                 level=1, parts=tuple(f"{stage.id}:{outcome}" for outcome in upheld)))
    return build_table(
        "outcomes_by_stage", _("Outcomes at each stage"), _("Stage and outcome"), specs,
        [stage_share_column(organisation, t) for t in tallies], tallies, definition="outcome",
        notes=[_(STAGES_NOTE)], total_label=_("Stages received"), chart=None,
    )
