"""Table: extensions, stage by stage: how many responses had more time agreed with the complainant,
and how many of those were sent within the time agreed (the extension's own working days, else
the stage's extended target)."""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures.basis import CASES, YearBasis
from generator.figures.counts import ColumnSpec, RowSpec, build_table
from generator.figures.table import Cell, Column, Share, Table
from generator.language import _
from generator.model import CaseStage, Organisation, Records, Stage
from generator.workingdays import Region, working_days_between

EXTENDED = "extended"
WITHIN_EXTENDED = "within-extended"


def extended_limit(step: CaseStage, stage: Stage) -> int | None:
    """The time agreed for an extended response, in working days from the stage's start."""
    if step.extension is None:
        return None
    return step.extension.agreed_working_days or stage.extended_working_days


def extension_cells(organisation: Organisation, basis: YearBasis) -> dict[str, Cell]:
    if basis.source != CASES and not basis.stages:
        return {}
    region = Region.of(organisation)
    cells: dict[str, Cell] = {}
    for stage in organisation.stages:
        extended = [step for _, step in basis.stages if step.stage == stage.id and step.extension]
        answered = [step for step in extended if step.responded is not None]
        within = [step for step in answered if (limit := extended_limit(step, stage)) is not None
                  and working_days_between(step.started, step.responded, region) <= limit]
        cells[f"{stage.id}:{EXTENDED}"] = len(extended)
        cells[f"{stage.id}:{WITHIN_EXTENDED}"] = Share(len(within), len(answered)) if answered else None
    return cells


def extensions_table(records: Records, years: Sequence[YearBasis]) -> Table | None:
    """Left out when no compared year has an extension at any stage."""
    organisation = records.organisation
    columns = [ColumnSpec(Column(b.year, b.year, b.year, "mixed"),
                          b.once("extensions", extension_cells, organisation, b).get) for b in years]
    if not any(column.cell(f"{stage.id}:{EXTENDED}") for column in columns for stage in organisation.stages):
        return None
    several = len(organisation.stages) > 1
    specs = []
    for stage in organisation.stages:
        extended = (_("%(stage)s: responses with more time agreed", stage=stage.name) if several
                    else _("responses with more time agreed"))
        specs += [
            RowSpec(f"{stage.id}:{EXTENDED}", extended),
            RowSpec(f"{stage.id}:{WITHIN_EXTENDED}",
                    _("Answered within the time agreed (share of those answered)"), level=1),
        ]
    return build_table(
        "extensions", _("Extensions agreed with the complainant"), _("Stage"), specs, columns, [],
        definition="extensions", chart=None, total_label=None, adds_up=False,
    )
