"""Table: the council's ombudsman cases by service area, in the ombudsman section: cases the
ombudsman received in the year, those it decided in the year (whenever received), and those it
upheld after a detailed investigation, each counted the ombudsman's way (`ombudsman_counts`).

A case that names only its group of services (`service_group`) is counted on a row of that group;
one that names neither, on the row of cases whose service is not recorded. Rows are the
organisation's service areas in its file's order, then the groups: only those with a case.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.counting import group_id
from generator.figures.basis import YearBasis
from generator.figures.ombudsman_counts import OmbudsmanWay, has_records
from generator.figures.table import Column, Row, Table
from generator.language import _
from generator.model import OmbudsmanCase, Records
from generator.years import reporting_year

SERVICES_TABLE = "ombudsman_service_areas"
NOT_RECORDED = "not-recorded"
GROUP = "group:"  # the row key of cases that name only a group: 'group:adults'


def service_of(case: OmbudsmanCase) -> str:
    """The row a case is counted on."""
    if case.service_area:
        return case.service_area
    return f"{GROUP}{case.service_group}" if case.service_group else NOT_RECORDED


def services_table(records: Records, years: Sequence[YearBasis]) -> Table | None:
    year = years[0].year
    if not has_records(records, year):
        return None  # a year kept only as a history record has no cases to count by service
    organisation = records.organisation
    way = OmbudsmanWay(organisation)
    received = [case for case in records.ombudsman_cases if case.year == year]
    decided = [case for case in records.ombudsman_cases
               if case.decided is not None and reporting_year(case.decided) == year]
    upheld = [case for case in decided if way.investigated(case) and way.upheld(case)]
    named = {service_of(case) for case in (*received, *decided)}
    labels = {area.id: area.name for area in organisation.service_areas}
    labels |= {f"{GROUP}{group_id(group)}": _("%(group)s (the group only)", group=group)
               for group in organisation.service_groups}
    keys = [key for key in labels if key in named]
    keys += sorted(key for key in named if key not in labels and key != NOT_RECORDED)  # validate refuses
    keys += [NOT_RECORDED] if NOT_RECORDED in named else []
    labels[NOT_RECORDED] = _("Service not recorded")

    def counted(cases: Sequence[OmbudsmanCase], key: str) -> int:
        return sum(1 for case in cases if service_of(case) == key)

    rows = [Row(key, labels.get(key, key),
                tuple(counted(cases, key) for cases in (received, decided, upheld))) for key in keys]
    rows.append(Row("total", _("Total"), (len(received), len(decided), len(upheld)), is_total=True))
    columns = (Column("received", _("Received by the ombudsman"), year, "count"),
               Column("decided", _("Decided by the ombudsman"), year, "count"),
               Column("upheld", _("Upheld after a detailed investigation"), year, "count"))
    return Table(
        SERVICES_TABLE, 0, _("The council's ombudsman cases by service area, %(year)s", year=year),
        _("Service area"), columns, tuple(rows),
        notes=(_("From the council's own ombudsman case records: received by the date the ombudsman "
                 "received a complaint, decided and upheld by the date it decided, whichever year it "
                 "was received in. A case the council never heard of has no service area here."),),
        definition="ombudsman-statistics", chart=None,
    )
