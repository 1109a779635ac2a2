"""Table: every representation considered, by what became of it: each kind the council records
(formal complaints accepted, informal complaints, enquiries, requests for service), withdrawn, and
ineligible and redirected (with where they were sent)."""

from __future__ import annotations

from collections.abc import Sequence

from generator.counting import COMPLAINTS, INELIGIBLE, NOT_RECORDED, WITHDRAWN, representation_row
from generator.figures.basis import CASES, YearBasis
from generator.figures.counts import (
    RowSpec,
    Tally,
    base_note,
    build_table,
    tally_items,
    tally_published,
    year_columns,
)
from generator.figures.table import Table
from generator.language import N_, _
from generator.model import Case, Organisation, Records
from generator.model.bilingual import in_language


def representation_key(case: Case) -> str:
    """The row a case counts in: withdrawn and ineligible whatever its kind, else its kind."""
    return representation_row(case.kind, case.disposition)


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


def kind_rows(organisation: Organisation, tallies: Sequence[Tally]) -> list[RowSpec]:
    """A row for each kind the council records; when its file lists none, formal complaints and
    requests for service always, and any other kind in a year that has some."""
    rows = []
    for kind in organisation.kinds:
        key = COMPLAINTS if kind.id == "complaint" else kind.id
        used = any(t.count(key) for t in tallies)
        if organisation.kinds_listed or kind.id in ("complaint", "request-for-service") or used:
            name = in_language(kind.name) or kind.name
            rows.append(RowSpec(key, _("%(kind)s accepted", kind=name) if kind.id == "complaint" else name))
    return rows


def row_specs(organisation: Organisation, tallies: Sequence[Tally]) -> list[RowSpec]:
    specs = [*kind_rows(organisation, tallies), RowSpec(WITHDRAWN, _("Withdrawn or not pursued")),
             RowSpec(INELIGIBLE, _("Ineligible or redirected"))]
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
        "representations", _("Representations considered"), _("What became of the representation"),
        row_specs(organisation, tallies), year_columns(organisation, tallies), tallies,
        definition="representation", total_label=_("Total representations considered"),
        notes=base_note(organisation, N_("all representations considered")),
    )
