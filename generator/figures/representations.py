"""Table: every representation considered, by what became of it (formal complaint, request for
service, withdrawn, ineligible and redirected), with the ineligible ones by where they were sent."""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures.basis import CASES, YearBasis
from generator.figures.counts import (
    NOT_RECORDED,
    RowSpec,
    Tally,
    build_table,
    count_column,
    tally_items,
    tally_published,
)
from generator.figures.table import Table
from generator.model import Case, Organisation, Records

COMPLAINTS = "complaints"
WITHDRAWN = "withdrawn"
INELIGIBLE = "ineligible"
# Kinds a published table always lists; enquiries and concerns get rows only when there are some.
MAIN_ROWS = (
    RowSpec(COMPLAINTS, "Formal complaints accepted"),
    RowSpec("request-for-service", "Requests for service"),
)
OCCASIONAL_ROWS = (RowSpec("enquiry", "Enquiries"), RowSpec("concern", "Concerns resolved informally"))


def representation_key(case: Case) -> str:
    """The row a case counts in: withdrawn and ineligible whatever its kind, else its kind."""
    if case.disposition in (WITHDRAWN, INELIGIBLE):
        return case.disposition
    return COMPLAINTS if case.kind == "complaint" else case.kind


def redirection_key(case: Case) -> str | None:
    """Sub-row key under 'ineligible': where an ineligible case was redirected."""
    if case.disposition != INELIGIBLE:
        return None
    return f"{INELIGIBLE}:{case.redirected_to or NOT_RECORDED}"


def tally(basis: YearBasis) -> Tally:
    if basis.source != CASES:
        return tally_published(basis, "representations")
    counted = tally_items(basis.year, basis.cases, representation_key)
    redirected = tally_items(basis.year, basis.cases, redirection_key)
    counts = {**counted.counts, **{k: v for k, v in redirected.counts.items() if k != NOT_RECORDED}}
    return Tally(basis.year, CASES, counts, counted.total)


def row_specs(organisation: Organisation, tallies: Sequence[Tally]) -> list[RowSpec]:
    occasional = [spec for spec in OCCASIONAL_ROWS if any(t.count(spec.key) for t in tallies)]
    specs = [*MAIN_ROWS, *occasional, RowSpec(WITHDRAWN, "Withdrawn or not pursued"),
             RowSpec(INELIGIBLE, "Ineligible or redirected")]
    if any(tally.source == CASES for tally in tallies):
        routes = organisation.redirections
        specs += [RowSpec(f"{INELIGIBLE}:{term.id}", term.name, level=1) for term in routes]
        if any(tally.count(f"{INELIGIBLE}:{NOT_RECORDED}") for tally in tallies):
            specs.append(RowSpec(f"{INELIGIBLE}:{NOT_RECORDED}", "Route not recorded", level=1))
    return specs


def representations_table(records: Records, years: Sequence[YearBasis]) -> Table:
    organisation = records.organisation
    tallies = [basis.once("representations", tally, basis) for basis in years]
    return build_table(
        "representations", "Representations considered", "What became of the representation",
        row_specs(organisation, tallies), [count_column(t) for t in tallies], tallies,
        definition="representation", total_label="Total representations considered",
    )
