"""Tables: who made the complaint (their relationship to the person receiving care), and advocacy:
complaints made by an advocacy service or with an advocate's help."""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures.basis import CASES, HISTORY, NOT_REPORTED, YearBasis
from generator.figures.counts import (
    RowSpec,
    Tally,
    build_table,
    count_column,
    tally_items,
    tally_published,
    taxonomy_table,
)
from generator.figures.table import Table
from generator.language import _
from generator.model import Case, Organisation, Records

ADVOCACY_SERVICE = "advocacy-service"
ADVOCATE = "advocate"


def complainants_table(records: Records, years: Sequence[YearBasis]) -> Table:
    return taxonomy_table("complainants", _("Who made the complaint"), _("Person making the complaint"),
                          records.organisation.relationships, lambda case: case.complainant, years,
                          "complainants")


def advocacy_relationships(organisation: Organisation) -> set[str]:
    return {term.id for term in organisation.relationships if term.extra.get("advocacy") is True}


def advocacy_key(case: Case, services: set[str]) -> str | None:
    if case.complainant in services:
        return ADVOCACY_SERVICE
    return ADVOCATE if case.advocate else None


def advocacy_tally(organisation: Organisation, basis: YearBasis) -> Tally:
    services = advocacy_relationships(organisation)
    if basis.source == CASES:
        helped = [case for case in basis.complaints if advocacy_key(case, services)]
        return tally_items(basis.year, helped, lambda case: advocacy_key(case, services))
    published = tally_published(basis, "complainants")
    listed = [published.count(term) for term in sorted(services)]
    if published.source != HISTORY or all(count is None for count in listed):
        return Tally(basis.year, NOT_REPORTED)
    # Earlier reports said who complained, not whether an advocate helped: no total.
    return Tally(basis.year, HISTORY, {ADVOCACY_SERVICE: sum(c for c in listed if c is not None)}, None)


def advocacy_table(records: Records, years: Sequence[YearBasis]) -> Table:
    tallies = [basis.once("advocacy", advocacy_tally, records.organisation, basis) for basis in years]
    specs = [RowSpec(ADVOCACY_SERVICE, _("Made by an advocacy service")),
             RowSpec(ADVOCATE, _("Made with an advocate's help"))]
    return build_table(
        "advocacy", _("Complaints with advocacy"), _("Advocacy"), specs, [count_column(t) for t in tallies],
        tallies, definition="advocacy", chart=None, total_label=_("Complaints with advocacy"),
    )
