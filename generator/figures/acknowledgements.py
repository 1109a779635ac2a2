"""Table: complaints acknowledged within the target (3 working days), later, or with no date recorded."""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures.basis import YearBasis
from generator.figures.counts import RowSpec, build_table, shares_column, tally_year
from generator.figures.outcomes import first_stage
from generator.figures.table import Table
from generator.language import _
from generator.model import Case, Records
from generator.model.organisation import lower
from generator.workingdays import Region, working_days_between

IN_TIME = "in-time"
LATE = "late"
NOT_RECORDED = "not-recorded"


def acknowledgement_key(case: Case, region: Region, target: int) -> str:
    stage = first_stage(case)
    if stage is None or stage.acknowledged is None:
        return NOT_RECORDED
    return IN_TIME if working_days_between(case.received, stage.acknowledged, region) <= target else LATE


def acknowledgements_table(records: Records, years: Sequence[YearBasis]) -> Table:
    region = Region.of(records.organisation)
    target = records.organisation.acknowledge_working_days

    def key_of(case: Case) -> str:
        return acknowledgement_key(case, region, target)

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
    )
