"""Table: complaints acknowledged within the target (3 working days), later, or with no date recorded."""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures.basis import YearBasis
from generator.figures.counts import RowSpec, build_table, shares_column, tally_year
from generator.figures.outcomes import first_stage
from generator.figures.table import Table
from generator.language import _
from generator.model import Case, Organisation, Records
from generator.model.bilingual import in_language
from generator.model.organisation import lower
from generator.workingdays import Region, working_days_between

IN_TIME = "in-time"
LATE = "late"
NOT_RECORDED = "not-recorded"


def acknowledgement_target(organisation: Organisation, stage_id: str) -> int:
    """The acknowledgement target of the stage a complaint started at: a complaint that went
    straight to a later stage is acknowledged against that stage's own target."""
    stage = next((stage for stage in organisation.stages if stage.id == stage_id), None)
    own = stage.acknowledge_working_days if stage and stage is not organisation.stages[0] else None
    return own or organisation.acknowledge_working_days


def acknowledgement_key(case: Case, region: Region, organisation: Organisation) -> str:
    stage = first_stage(case)
    if stage is None or stage.acknowledged is None:
        return NOT_RECORDED
    target = acknowledgement_target(organisation, stage.stage)
    return IN_TIME if working_days_between(stage.started, stage.acknowledged, region) <= target else LATE


def later_stage_notes(organisation: Organisation) -> list[str]:
    """Where a later stage has its own acknowledgement target, say which a complaint that went
    straight to it is held to."""
    return [_("A complaint that went straight to %(stage)s is acknowledged against that stage's "
              "target of %(days)s working days.", stage=in_language(stage.name),
              days=stage.acknowledge_working_days)
            for stage in organisation.stages[1:]
            if stage.acknowledge_working_days not in (None, organisation.acknowledge_working_days)]


def acknowledgements_table(records: Records, years: Sequence[YearBasis]) -> Table:
    organisation = records.organisation
    region = Region.of(organisation)
    target = organisation.acknowledge_working_days

    def key_of(case: Case) -> str:
        return acknowledgement_key(case, region, organisation)

    tallies = [basis.once("acknowledgements", tally_year, basis, "acknowledgements", basis.complaints, key_of)
               for basis in years]
    specs = [
        RowSpec(IN_TIME, _("Acknowledged within %(days)s working days", days=target)),
        RowSpec(LATE, _("Acknowledged after more than %(days)s working days", days=target)),
        RowSpec(NOT_RECORDED, _("No acknowledgement date recorded")),
    ]
    return build_table(
        "acknowledgements", _("Acknowledgement of %(complaints)s",
                              complaints=lower(records.organisation.complaints_name)),
        "Acknowledged", specs, [shares_column(t) for t in tallies], tallies, definition="acknowledgement",
        notes=later_stage_notes(organisation),
    )
