"""Table: each stage of a two-stage procedure (Wales): complaints that reached it, how many were
answered within that stage's target, and its outcomes. Left out for a single-stage procedure."""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures.basis import CASES, YearBasis
from generator.figures.counts import (
    ColumnSpec,
    RowSpec,
    TotalsDoNotAddUp,
    build_table,
    tally_published,
)
from generator.figures.table import Cell, Column, Share, Table
from generator.model import Case, CaseStage, Organisation, Records, Stage
from generator.workingdays import Region, working_days_between

OPEN = "open"


def reached(cases: Sequence[Case], stage: Stage) -> list[CaseStage]:
    return [step for case in cases for step in case.stages if step.stage == stage.id]


def stage_cells(organisation: Organisation, stage: Stage, steps: Sequence[CaseStage]) -> dict[str, Cell]:
    region = Region.of(organisation)
    responded = [step for step in steps if step.responded is not None]
    in_time = [step for step in responded
               if working_days_between(step.started, step.responded, region) <= stage.respond_working_days]
    cells: dict[str, Cell] = {
        stage.id: len(steps),
        f"{stage.id}:within-target": Share(len(in_time), len(responded)) if responded else None,
        f"{stage.id}:{OPEN}": len(steps) - len(responded),
    }
    for outcome in organisation.outcomes:
        cells[f"{stage.id}:{outcome.id}"] = sum(1 for step in responded if step.outcome == outcome.id)
    check_stage(stage, cells, [f"{stage.id}:{o.id}" for o in organisation.outcomes])
    return cells


def check_stage(stage: Stage, cells: dict[str, Cell], outcome_keys: Sequence[str]) -> None:
    """Every complaint that reached a stage is open or has one of the outcomes."""
    parts = [cells[f"{stage.id}:{OPEN}"], *(cells[key] for key in outcome_keys)]
    if sum(part for part in parts if isinstance(part, int)) != cells[stage.id]:
        raise TotalsDoNotAddUp(
            f"stages: {stage.id} outcomes and open cases do not add up to {cells[stage.id]}")


def stage_column(organisation: Organisation, basis: YearBasis) -> ColumnSpec:
    cells: dict[str, Cell] = {}
    if basis.source == CASES:
        for stage in organisation.stages:
            cells |= stage_cells(organisation, stage, reached(basis.complaints, stage))
    return ColumnSpec(Column(basis.year, basis.year, basis.year, "mixed"), cells.get)


def row_specs(organisation: Organisation) -> list[RowSpec]:
    specs = []
    for stage in organisation.stages:
        specs += [
            RowSpec(stage.id, f"{stage.name}: complaints"),
            RowSpec(f"{stage.id}:within-target",
                    f"Answered within {stage.respond_working_days} working days (share of answers)", level=1),
            *(RowSpec(f"{stage.id}:{o.id}", o.name, level=1) for o in organisation.outcomes),
            RowSpec(f"{stage.id}:{OPEN}", "Still open", level=1),
        ]
    return specs


def stages_table(records: Records, years: Sequence[YearBasis]) -> Table | None:
    organisation = records.organisation
    if len(organisation.stages) < 2:
        return None
    tallies = [tally_published(basis, "stages") for basis in years]
    columns = [basis.once("stages", stage_column, organisation, basis) for basis in years]
    return build_table(
        "stages", "Complaints at each stage of the procedure", "Stage", row_specs(organisation),
        columns, tallies, definition="stages",
        chart=None, total_label=None, adds_up=False,
    )
