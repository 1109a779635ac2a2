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
    build_table,
    count_column,
    not_recorded_row,
    tally_items,
    tally_published,
)
from generator.figures.table import Table
from generator.model import Compliment, Records

COMPLIMENTS = "compliments"


def received_in(records: Records, year: str) -> list[Compliment]:
    return [item for item in records.compliments if item.year == year]


def by_team(records: Records, basis: YearBasis) -> Tally:
    received = received_in(records, basis.year)
    if received or basis.source == CASES:
        return tally_items(basis.year, received, lambda item: item.team)
    return tally_published(basis, COMPLIMENTS)


def compliments_table(records: Records, years: Sequence[YearBasis]) -> Table:
    teams = [by_team(records, basis) for basis in years]
    tallies = [Tally(t.year, t.source, {COMPLIMENTS: t.total}, t.total) for t in teams]
    return build_table(
        "compliments", "Compliments received", "Compliments", [RowSpec(COMPLIMENTS, "Compliments received")],
        [count_column(t) for t in tallies], tallies, definition="compliments", total_label=None,
    )


def compliments_by_team_table(records: Records, years: Sequence[YearBasis]) -> Table:
    tallies = [by_team(records, basis) for basis in years]
    specs = [RowSpec(area.id, area.name) for area in records.organisation.service_areas]
    return build_table(
        "compliments_by_team", "Compliments by team", "Team", not_recorded_row(specs, tallies),
        [count_column(t) for t in tallies], tallies, definition="compliments",
    )
