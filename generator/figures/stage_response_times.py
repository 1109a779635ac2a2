"""Table, for a procedure of more than one stage: how long each stage's responses took, in bands
that follow that stage's own response target (Scotland: 0-5 days at the frontline, 0-20 at the
investigation), with the responses still open.

Each stage is counted in the year it was received, as in the stages table. A complaint that went
straight to a later stage is counted at that stage only, against that stage's target; the
first-stage tables (`response_times`) leave it out.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.counting import STILL_OPEN, response_band, response_bands
from generator.figures.basis import CASES, YearBasis
from generator.figures.counts import RowSpec, Tally, build_table, count_column
from generator.figures.stages import received_at, stage_days
from generator.figures.table import Table
from generator.language import _
from generator.model import Organisation, Records
from generator.model.bilingual import in_language
from generator.workingdays import Region


def stage_tally(organisation: Organisation, basis: YearBasis) -> Tally:
    """Rows `<stage>` (received at it), `<stage>:<band>` and `<stage>:still-open`; the total is
    every stage received in the year. A year kept as history did not publish this table."""
    if basis.source != CASES and not basis.stages:
        return Tally(basis.year, basis.source)
    region = Region.of(organisation)
    counts: dict[str, int | None] = {}
    for stage in organisation.stages:
        bands = response_bands(stage.respond_working_days)
        steps = [step for _, step in received_at(basis, stage)]
        counts[stage.id] = len(steps)
        for step in steps:
            key = f"{stage.id}:{response_band(stage_days(step, region), bands)}"
            counts[key] = (counts.get(key) or 0) + 1
    return Tally(basis.year, CASES, counts, sum(1 for _ in basis.stages))


def row_specs(organisation: Organisation) -> list[RowSpec]:
    specs = []
    for stage in organisation.stages:
        specs.append(RowSpec(stage.id, _("%(stage)s (target %(days)s working days)",
                                         stage=in_language(stage.name), days=stage.respond_working_days)))
        specs += [RowSpec(f"{stage.id}:{key}", label, level=1)
                  for key, label, _ in response_bands(stage.respond_working_days)]
        specs.append(RowSpec(f"{stage.id}:{STILL_OPEN}", _("Still open"), level=1))
    return specs


def stage_response_times_table(records: Records, years: Sequence[YearBasis]) -> Table | None:
    organisation = records.organisation
    if len(organisation.stages) < 2:
        return None
    tallies = [basis.once("stage_response_times", stage_tally, organisation, basis) for basis in years]
    return build_table(
        "stage_response_times", _("Response times at each stage, in working days"),
        _("Stage and working days taken"), row_specs(organisation), [count_column(t) for t in tallies],
        tallies,
        definition="stage-response-bands",
        notes=[_("A complaint that went straight to a later stage is counted at that stage only, against "
                 "that stage's target.")],
        total_label=_("Stages received"), chart=None,
    )
