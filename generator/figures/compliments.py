"""Tables: compliments received in each year, and by team.

A year is counted from compliment records when it has any (or has case records, so none means
none); otherwise from its history record.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures.basis import CASES, YearBasis
from generator.figures.counts import (
    RowSpec,
    Tally,
    base_note,
    build_table,
    count_column,
    not_recorded_row,
    tally_items,
    tally_published,
    year_columns,
)
from generator.figures.service_areas import row_specs, with_groups
from generator.figures.table import Table
from generator.language import N_, _
from generator.model import Records

COMPLIMENTS = "compliments"


def by_team(basis: YearBasis) -> Tally:
    """Counted once a year, for both tables of every report that compares the year."""
    return basis.once(COMPLIMENTS, _by_team, basis)


def _by_team(basis: YearBasis) -> Tally:
    if basis.compliments or basis.source == CASES:
        return tally_items(basis.year, basis.compliments, lambda item: item.team)
    return tally_published(basis, COMPLIMENTS)


def compliments_table(records: Records, years: Sequence[YearBasis]) -> Table:
    teams = [by_team(basis) for basis in years]
    tallies = [Tally(t.year, t.source, {COMPLIMENTS: t.total}, t.total) for t in teams]
    return build_table(
        "compliments", _("Compliments received"), _("Compliments"),
        [RowSpec(COMPLIMENTS, _("Compliments received"))],
        [count_column(t) for t in tallies], tallies, definition="compliments", total_label=None,
    )


def compliments_by_team_table(records: Records, years: Sequence[YearBasis]) -> Table:
    """With two service groups or more, each group's subtotal heads its teams."""
    organisation = records.organisation
    tallies = [with_groups(organisation, by_team(basis)) for basis in years]
    grouped = len(organisation.service_groups) > 1
    specs = row_specs(organisation) if grouped else [RowSpec(area.id, area.name)
                                                     for area in organisation.service_areas]
    return build_table(
        "compliments_by_team", _("Compliments by team"), _("Team"), not_recorded_row(specs, tallies),
        year_columns(organisation, tallies), tallies, definition="compliments",
        notes=base_note(organisation, N_("the compliments received")),
    )
