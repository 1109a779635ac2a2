"""Table: formal complaints by service area, with customers served and the rate per 1,000 customers."""

from __future__ import annotations

from collections.abc import Sequence

from generator.counting import group_id
from generator.figures.basis import CASES, HISTORY, NOT_REPORTED, YearBasis
from generator.figures.counts import (
    TOTAL,
    ColumnSpec,
    RowSpec,
    Tally,
    base_note,
    build_table,
    change_column,
    not_recorded_row,
    shares_column,
    tally_items,
    tally_published,
    year_columns,
)
from generator.figures.table import Cell, Column, Rate, Table
from generator.language import _, listed
from generator.model import Organisation, Records, ServiceArea
from generator.model.bilingual import in_language
from generator.model.organisation import lower


def tally(organisation: Organisation, basis: YearBasis) -> Tally:
    if basis.source != CASES:
        return with_groups(organisation, published_with_groups(organisation, basis))
    counted = tally_items(basis.year, basis.complaints, lambda case: case.service_area)
    return with_groups(organisation, counted)


def group_key(group: str) -> str:
    """'Prevention and Wellbeing' -> 'group:prevention-and-wellbeing', a row key that reads well in CSV."""
    return f"group:{group_id(group)}"


def row_specs(organisation: Organisation) -> list[RowSpec]:
    """Areas in taxonomy order, each group of areas under a row with the group's name: with two
    groups or more (adults, children) that row is the group's subtotal, else a heading."""
    specs: list[RowSpec] = []
    group: str | None = None
    subtotals = len(organisation.service_groups) > 1
    for area in organisation.service_areas:
        if area.group and area.group != group:
            specs.append(RowSpec(group_key(area.group), area.group, is_heading=not subtotals))
        group = area.group
        specs.append(RowSpec(area.id, area.name, level=1 if subtotals and area.group else 0))
    return specs


def published_with_groups(organisation: Organisation, basis: YearBasis) -> Tally:
    """A history year's service areas, with its published service groups (keyed by group id)."""
    areas = tally_published(basis, "service_areas")
    groups = tally_published(basis, "service_groups")
    if groups.source != HISTORY:
        return areas
    published = [group for group in organisation.service_groups if group_id(group) in groups.counts]
    counts = {**areas.counts, **{group_key(group): groups.count(group_id(group)) for group in published}}
    if areas.source == HISTORY:
        return Tally(basis.year, HISTORY, counts, areas.total, areas.faults)
    return Tally(basis.year, HISTORY, counts, groups.total, groups.faults)


def with_groups(organisation: Organisation, tally: Tally) -> Tally:
    """Add each group's subtotal: the sum of its areas, when each area's count is known."""
    if len(organisation.service_groups) < 2:
        return tally
    counts = dict(tally.counts)
    for group in organisation.service_groups:
        if group_key(group) in counts:
            continue  # a history record published it
        parts = [tally.count(area.id) for area in organisation.service_areas if area.group == group]
        counts[group_key(group)] = None if any(part is None for part in parts) else sum(
            part or 0 for part in parts)
    return Tally(tally.year, tally.source, counts, tally.total, tally.faults)


def area_customers(organisation: Organisation, year: str) -> dict[str, int | None]:
    """Customers served by each area in the year, and by each group when every area's is known."""
    served = {area.id: area.customers.get(year) for area in organisation.service_areas}
    for group in organisation.service_groups:
        parts = [served[area.id] for area in organisation.service_areas if area.group == group]
        served[group_key(group)] = None if any(part is None for part in parts) else sum(
            part or 0 for part in parts)
    return served


def total_customers(organisation: Organisation, basis: YearBasis) -> int | None:
    """Customers served in the year: the sum over areas where known, else the history record's figure."""
    known = [area.customers[basis.year] for area in organisation.service_areas
             if area.customers.get(basis.year) is not None]
    if known:
        return sum(known)
    return basis.history.customers if basis.history else None


def customers_column(organisation: Organisation, basis: YearBasis) -> ColumnSpec:
    by_area = area_customers(organisation, basis.year)
    total = total_customers(organisation, basis)

    def cell(key: str) -> Cell:
        return total if key == TOTAL else by_area.get(key)

    # No `year`: the year columns are the complaint counts, which a chart compares.
    return ColumnSpec(Column("customers", _("Customers %(year)s", year=basis.year), None, "customers"), cell)


def rate_column(organisation: Organisation, basis: YearBasis, tally: Tally) -> ColumnSpec:
    by_area = area_customers(organisation, basis.year)
    total = total_customers(organisation, basis)

    def cell(key: str) -> Cell:
        count = tally.total if key == TOTAL else tally.count(key)
        base = total if key == TOTAL else by_area.get(key)
        return Rate(count, base or None) if count is not None else None

    heading = _("%(year)s per 1,000 customers", year=basis.year)
    return ColumnSpec(Column(f"{basis.year} rate", heading, basis.year, "rate"), cell)


def former_names(areas: Sequence[ServiceArea]) -> list[str]:
    return [_("%(area)s was formerly known as %(names)s.", area=area.name,
              names=listed([in_language(name) or name for name in area.formerly]))
            for area in areas if area.formerly]


def area_notes(areas: Sequence[ServiceArea]) -> list[str]:
    """Each area's published note (`note` in the organisation file), after the area's name."""
    return [f"{in_language(area.name)}: {in_language(area.note)}" for area in areas if area.note]


def service_areas_table(records: Records, years: Sequence[YearBasis]) -> Table:
    organisation = records.organisation
    tallies = [basis.once("service_areas", tally, organisation, basis) for basis in years]
    # Customers served, when the organisation file gives them for the year (else nothing to show).
    served = [customers_column(organisation, years[0])] if total_customers(organisation, years[0]) else []
    columns = [*served, *year_columns(organisation, tallies)]
    columns += [rate_column(organisation, basis, t) for basis, t in zip(years, tallies, strict=True)
                if t.source != NOT_REPORTED and total_customers(organisation, basis) is not None]
    specs = not_recorded_row(row_specs(organisation), tallies)
    return build_table(
        "service_areas", _("%(complaints)s by service area", complaints=organisation.complaints_name),
        _("Service area"), specs, columns,
        tallies,
        definition="rate-per-1000",
        notes=[*base_note(organisation,
                          _("the %(complaints)s", complaints=lower(organisation.complaints_name))),
               *former_names(organisation.service_areas), *area_notes(organisation.service_areas)],
    )


def complaints_per_1000(organisation: Organisation, basis: YearBasis, tally: Tally) -> Rate | None:
    """The year's complaints per 1,000 customers served, when both are known."""
    if tally.total is None:
        return None
    return Rate(tally.total, total_customers(organisation, basis))



def service_groups_table(records: Records, years: Sequence[YearBasis]) -> Table | None:
    """Formal complaints by service group (adults, children), each with its share and the change
    on the year before; left out unless the areas are in two groups or more."""
    organisation = records.organisation
    if len(organisation.service_groups) < 2:
        return None
    tallies = [basis.once("service_areas", tally, organisation, basis) for basis in years]
    specs = [RowSpec(group_key(group), group) for group in organisation.service_groups]
    tallies = [Tally(t.year, t.source, t.counts, t.total, t.faults) for t in tallies]
    columns = [shares_column(t) for t in tallies]
    if len(tallies) > 1:
        columns.append(change_column(tallies[1], tallies[0]))
    return build_table(
        "service_groups", _("%(complaints)s by service group", complaints=organisation.complaints_name),
        _("Service group"), specs,
        columns, tallies,
        definition="service-area",
    )
