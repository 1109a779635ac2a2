"""A year's report as figures: the tables in report order, and the named figures prose may cite.

This is the contract between figures and the views/pages that render them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from generator.figures import (
    acknowledgements,
    complainants,
    compliments,
    extensions,
    ombudsman,
    ombudsman_comparison,
    ombudsman_services,
    ombudsman_statistics,
    outcomes,
    receipt,
    remedies,
    representations,
    response_times,
    service_areas,
    stage_response_times,
    stages,
    subjects,
)
from generator.figures.basis import RecordsByYear, YearBasis
from generator.figures.disclosure import suppressed
from generator.figures.named import named_figures
from generator.figures.numbering import Absent, numbered_alike
from generator.figures.plans import PublishedPlan, plans_published, published_with
from generator.figures.provisional import figures_without_changes, is_provisional, without_changes
from generator.figures.table import Cell, Table
from generator.model import Action, Organisation, Records


@dataclass(frozen=True)
class PublishedCaseStudy:
    case_id: str
    service_area: str  # display name
    raised: str
    done: str


@dataclass(frozen=True)
class PublishedQuote:
    team: str  # display name
    quote: str
    compliment_id: str = ""  # for the quote's edit link


@dataclass(frozen=True)
class YearReport:
    year: str
    years_compared: tuple[str, ...]  # this year then the two before it, newest first
    source: str  # 'cases' when computed from case records, 'history' when from a history record
    tables: tuple[Table, ...]  # in the order the report shows them
    figures: dict[str, Cell]  # named figures the hand-written commentary may cite
    case_studies: tuple[PublishedCaseStudy, ...]
    quotes: tuple[PublishedQuote, ...]
    actions_raised: tuple[Action, ...]  # learning actions raised in the year
    provisional: bool = False  # not yet published as final: its figures are incomplete and will change
    absent: tuple[Absent, ...] = ()  # tables other years' reports number, left out of this one
    plans_published: tuple[PublishedPlan, ...] = ()  # plans agreed with this report

    def table(self, table_id: str) -> Table:
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(table_id)


# Building a year's report -------------------------------------------------------------------

Section = Callable[[Records, Sequence[YearBasis]], Table | Sequence[Table] | None]


def _sections() -> tuple[tuple[Section, str | None], ...]:
    """The section builders, in the order the report shows their tables, each with what the council
    must record for it to be shown (`Organisation.records`): a section it does not record is left
    out, never shown as 0."""
    return (
        (representations.representations_table, None),
        (outcomes.outcomes_table, None),
        (stages.outcomes_by_stage_table, None),
        (service_areas.service_areas_table, None),
        (service_areas.service_groups_table, None),
        (subjects.subjects_table, None),
        (subjects.themes_table, None),
        (response_times.response_times_table, None),
        (response_times.response_summary_table, None),
        (stage_response_times.stage_response_times_table, None),
        (extensions.extensions_table, None),
        (acknowledgements.acknowledgements_table, "acknowledgement"),
        (stages.stages_table, None),
        (ombudsman.ombudsman_table, None),
        (ombudsman.ombudsman_summary_table, None),
        (remedies.ombudsman_remedies_table, None),
        (remedies.ombudsman_other_remedies_table, None),
        (receipt.receipt_points_table, "receipt_point"),
        (receipt.receipt_methods_table, "receipt_method"),
        (compliments.compliments_table, "compliments"),
        (compliments.compliments_by_team_table, "compliments"),
        (complainants.complainants_table, "complainant"),
        (complainants.advocacy_table, "advocacy"),
        # Shown in the ombudsman section (pages.sections), numbered after the tables before them
        # so that the tables of reports published before keep their numbers.
        (ombudsman_statistics.beside_table, None),
        (ombudsman_comparison.reconciliation_table, None),
        (ombudsman_comparison.similar_table, None),
        (ombudsman_statistics.statistics_table, None),
        (ombudsman_services.services_table, None),
    )


def report_years(records: Records) -> list[str]:
    """Every reporting year with case records or a history record, oldest first (newest last)."""
    return sorted({case.year for case in records.cases} | {history.year for history in records.histories})


def year_report(records: Records, year: str, by_year: RecordsByYear | None = None) -> YearReport:
    """The year's report: its tables in order, the figures prose may cite, and its published stories.

    Reports of several years share one `by_year` (made from the same records), so each year's
    figures are counted once for all the reports that compare it.
    """
    years = (by_year or RecordsByYear(records)).compared(year)
    provisional = is_provisional(records, year)
    built = _tables(records, years)
    tables = suppressed(_numbered(without_changes(built, year) if provisional else built),
                        records.organisation.disclosure_threshold)
    figures = named_figures(records, years, tables)
    return YearReport(
        year=year,
        years_compared=tuple(basis.year for basis in years),
        source=years[0].source,
        tables=tables,
        figures=figures_without_changes(figures) if provisional else figures,
        case_studies=case_studies(records, years[0]),
        quotes=quotes(records, years[0]),
        actions_raised=actions_raised(records, years[0]),
        plans_published=plans_published(records, year),
        provisional=provisional,
    )


def numbered_reports(reports: Sequence[YearReport]) -> list[YearReport]:
    """Reports of one site, each table with the same number in every year (`figures.numbering`)."""
    return [replace(report, absent=absent) for report, absent in numbered_alike(reports)]


def _tables(records: Records, years: Sequence[YearBasis]) -> list[Table]:
    tables: list[Table] = []
    for section, recorded in _sections():
        if recorded is not None and not records.organisation.records(recorded):
            continue
        built = section(records, years)
        if isinstance(built, Table):
            tables.append(built)
        elif built:
            tables.extend(built)
    return [table for table in tables if has_figures(table)]


def has_figures(table: Table) -> bool:
    """False for a table with nothing reported in any year (themes of a year kept as history)."""
    return any(cell is not None for row in table.rows for cell in row.cells)


def _numbered(tables: Sequence[Table]) -> tuple[Table, ...]:
    return tuple(replace(table, number=number) for number, table in enumerate(tables, start=1))


def case_studies(records: Records, basis: YearBasis) -> tuple[PublishedCaseStudy, ...]:
    """The year's case studies marked for publication (the model drops the others)."""
    organisation = records.organisation
    return tuple(
        PublishedCaseStudy(case.id, _area_name(organisation, case.service_area),
                           case.case_study.raised, case.case_study.done)
        for case in basis.cases if case.case_study is not None
    )


def _area_name(organisation: Organisation, area_id: str | None) -> str:
    if area_id is None:
        return ""
    try:
        return organisation.term("service_areas", area_id).name
    except KeyError:
        return area_id


def quotes(records: Records, basis: YearBasis) -> tuple[PublishedQuote, ...]:
    """Quotes from the year's compliments that may be published, oldest first."""
    received = sorted(basis.compliments, key=lambda c: (c.received, c.id))
    return tuple(PublishedQuote(_area_name(records.organisation, c.team), c.quote, c.id)
                 for c in received if c.quote)


def actions_raised(records: Records, basis: YearBasis) -> tuple[Action, ...]:
    """Learning actions raised in the year, or raised by (or linked from) the year's cases; the
    actions of a plan published with a report are listed with that plan instead."""
    case_ids = {case.id for case in basis.cases}
    linked = {action_id for case in basis.cases for action_id in case.actions}
    with_a_report = {plan.id for plan in records.organisation.plans if published_with(plan)}
    return tuple(sorted(
        (action for action in records.actions if action.plan not in with_a_report and (
            action.year == basis.year or action.id in linked or case_ids & set(action.raised_by_cases))),
        key=lambda action: action.id,
    ))
