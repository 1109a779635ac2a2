"""Tables: complaints by primary subject (categories with their sub-subjects), and the other themes
complaints raised."""

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
    tally_year,
)
from generator.figures.table import Table
from generator.language import _
from generator.model import Case, Organisation, Records, Subject


def subjects_of(organisation: Organisation, category: str) -> list[Subject]:
    return [subject for subject in organisation.subjects if subject.category == category]


def row_specs(organisation: Organisation) -> list[RowSpec]:
    """Each category, then its sub-subjects; a category with a single sub-subject is one row."""
    specs = []
    for category in organisation.categories:
        specs.append(RowSpec(category.id, category.name))
        subjects = subjects_of(organisation, category.id)
        if len(subjects) > 1:
            specs += [RowSpec(subject.id, subject.name, level=1) for subject in subjects]
    return specs


def with_categories(organisation: Organisation, tally: Tally) -> Tally:
    """Add each category's count: the sum of its sub-subjects, unless a published table gave it."""
    counts = dict(tally.counts)
    for category in organisation.categories:
        if category.id in counts:
            continue
        parts = [tally.count(subject.id) for subject in subjects_of(organisation, category.id)]
        known = [part for part in parts if part is not None]
        counts[category.id] = sum(known) if known else (0 if tally.source == CASES else None)
    return Tally(tally.year, tally.source, counts, tally.total, tally.faults)


def subjects_tally(organisation: Organisation, basis: YearBasis) -> Tally:
    return with_categories(organisation, tally_year(basis, "subjects", basis.complaints, lambda c: c.subject))


def subjects_table(records: Records, years: Sequence[YearBasis]) -> Table:
    organisation = records.organisation
    tallies = [basis.once("subjects", subjects_tally, organisation, basis) for basis in years]
    specs = not_recorded_row(row_specs(organisation), tallies)
    return build_table(
        "subjects", _("%(complaints)s by subject (primary area of concern)",
                      complaints=organisation.complaints_name), _("Subject"), specs,
        [count_column(t) for t in tallies], tallies, definition="subject",
    )


def themes_raised(case: Case) -> set[str]:
    """Every sub-subject a complaint raised, its primary subject included, each once."""
    return {*case.themes, *([case.subject] if case.subject else [])}


def themes_tally(basis: YearBasis) -> Tally:
    if basis.source != CASES:
        return Tally(basis.year, "none")  # earlier reports published primary subjects only
    raised = [(case, theme) for case in basis.complaints for theme in sorted(themes_raised(case))]
    counted = tally_items(basis.year, raised, lambda pair: pair[1])
    return Tally(basis.year, CASES, counted.counts, len(basis.complaints))


def themes_note(tallies: Sequence[Tally]) -> str:
    complaints = "; ".join(_("%(count)s in %(year)s", count=t.total, year=t.year)
                           for t in tallies if t.source == CASES)
    if not complaints:
        return _("One complaint can raise several themes, and its primary subject is one of them, so a "
                 "year's column does not add up to its number of complaints.")
    return _("One complaint can raise several themes, and its primary subject is one of them, so a "
             "year's column does not add up to its number of complaints (%(complaints)s).",
             complaints=complaints)


def themes_table(records: Records, years: Sequence[YearBasis]) -> Table:
    organisation = records.organisation
    tallies = [basis.once("themes", themes_tally, basis) for basis in years]
    specs = [RowSpec(subject.id, subject.name) for subject in organisation.subjects]
    return build_table(
        "themes", _("All themes complaints raised"), _("Theme"), specs, [count_column(t) for t in tallies],
        tallies, definition="themes", notes=[themes_note(tallies)], total_label=None, adds_up=False,
    )
