"""Table: formal complaints by service area, with customers served and the rate per 1,000 customers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.figures.basis import CASES, NOT_REPORTED, YearBasis
from generator.figures.counts import (
    TOTAL,
    ColumnSpec,
    RowSpec,
    Tally,
    build_table,
    count_column,
    not_recorded_row,
    tally_items,
    tally_published,
)
from generator.figures.table import Cell, Column, Rate, Table
from generator.model import Organisation, Records, ServiceArea


def tally(basis: YearBasis) -> Tally:
    if basis.source != CASES:
        return tally_published(basis, "service_areas")
    return tally_items(basis.year, basis.complaints, lambda case: case.service_area)


def slug(name: str) -> str:
    """'Prevention and Wellbeing' -> 'prevention-and-wellbeing', for a row key that reads well in CSV."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def row_specs(organisation: Organisation) -> list[RowSpec]:
    """Areas in taxonomy order; each group of areas under a heading row with the group's name."""
    specs: list[RowSpec] = []
    group: str | None = None
    for area in organisation.service_areas:
        if area.group and area.group != group:
            specs.append(RowSpec(f"group:{slug(area.group)}", area.group, is_heading=True))
        group = area.group
        specs.append(RowSpec(area.id, area.name))
    return specs


def area_customers(organisation: Organisation, year: str) -> dict[str, int | None]:
    return {area.id: area.customers.get(year) for area in organisation.service_areas}


def total_customers(organisation: Organisation, basis: YearBasis) -> int | None:
    """Customers served in the year: the sum over areas where known, else the history record's figure."""
    known = [count for count in area_customers(organisation, basis.year).values() if count is not None]
    if known:
        return sum(known)
    return basis.history.customers if basis.history else None


def customers_column(organisation: Organisation, basis: YearBasis) -> ColumnSpec:
    by_area = area_customers(organisation, basis.year)
    total = total_customers(organisation, basis)

    def cell(key: str) -> Cell:
        return total if key == TOTAL else by_area.get(key)

    # No `year`: the year columns are the complaint counts, which a chart compares.
    return ColumnSpec(Column("customers", f"Customers {basis.year}", None, "customers"), cell)


def rate_column(organisation: Organisation, basis: YearBasis, tally: Tally) -> ColumnSpec:
    by_area = area_customers(organisation, basis.year)
    total = total_customers(organisation, basis)

    def cell(key: str) -> Cell:
        count = tally.total if key == TOTAL else tally.count(key)
        base = total if key == TOTAL else by_area.get(key)
        return Rate(count, base or None) if count is not None else None

    heading = f"{basis.year} per 1,000 customers"
    return ColumnSpec(Column(f"{basis.year} rate", heading, basis.year, "rate"), cell)


def former_names(areas: Sequence[ServiceArea]) -> list[str]:
    return [f"{area.name} was formerly known as {' and '.join(area.formerly)}."
            for area in areas if area.formerly]


def area_notes(areas: Sequence[ServiceArea]) -> list[str]:
    """Each area's published note (`note` in the organisation file), after the area's name."""
    return [f"{area.name}: {area.note}" for area in areas if area.note]


def service_areas_table(records: Records, years: Sequence[YearBasis]) -> Table:
    organisation = records.organisation
    tallies = [basis.once("service_areas", tally, basis) for basis in years]
    columns = [customers_column(organisation, years[0]), *(count_column(t) for t in tallies)]
    columns += [rate_column(organisation, basis, t) for basis, t in zip(years, tallies, strict=True)
                if t.source != NOT_REPORTED and total_customers(organisation, basis) is not None]
    specs = not_recorded_row(row_specs(organisation), tallies)
    return build_table(
        "service_areas", "Formal complaints by service area", "Service area", specs, columns, tallies,
        definition="rate-per-1000",
        notes=[*former_names(organisation.service_areas), *area_notes(organisation.service_areas)],
    )


def complaints_per_1000(organisation: Organisation, basis: YearBasis, tally: Tally) -> Rate | None:
    """The year's complaints per 1,000 customers served, when both are known."""
    if tally.total is None:
        return None
    return Rate(tally.total, total_customers(organisation, basis))

