"""The council's ombudsman cases counted as the ombudsman counts them: by the year decided, by its
own categories, investigated in detail or not, recommendations complied with or not.

Definitions, each the ombudsman's own (see the methodology page):
- uphold rate: upheld decisions as a share of detailed investigations (LGSCO, SPSO, NIPSO);
- intervention rate (PSOW): decisions where it intervened (upheld, or settled early), as a share
  of all its decisions;
- compliance: recommendations complied with (on time or late) as a share of those whose
  compliance is known;
- satisfactory remedy (LGSCO): upheld cases where the council had already offered a satisfactory
  remedy, as a share of upheld cases.
A rate is a `Share` of two counts, rounded once at display; one whose base is a small count that
suppression hides is hidden with it (`share`).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.figures.disclosure import is_small
from generator.figures.table import Cell, Share, Suppressed
from generator.language import N_, _
from generator.model import OmbudsmanCase, Organisation, Records
from generator.model.bilingual import in_language
from generator.model.cases import LATE, NOT_COMPLIED, ON_TIME
from generator.ombudsman_published import Category, categories
from generator.ombudsman_reconciliation import Held, category_of, recorded_in
from generator.years import reporting_year, year_bounds

# The decision categories of the ombudsmen's statistics (the schema's titles), marked for the
# catalogue so the report names them in the language it is written in.
CATEGORY_TITLES = (
    N_("Incomplete or invalid"), N_("Advice given"), N_("Referred back for local resolution"),
    N_("Closed after initial enquiries"), N_("Out of jurisdiction"), N_("Premature"),
    N_("Closed after initial consideration"), N_("Early resolution or voluntary settlement"),
    N_("Discontinued"), N_("Not duly made or withdrawn"), N_("Resolved"), N_("Not accepted after assessment"),
    N_("Not upheld"), N_("Investigation: not upheld"), N_("Upheld"), N_("Partly upheld"), N_("Some upheld"),
    N_("Fully upheld"), N_("Investigation: upheld"),
)


def ombudsman_named(organisation: Organisation) -> str:
    """The organisation's ombudsman, by name, in the language being written: the Welsh the file
    gives, else the catalogue's for a nation's ombudsman written out in English (`generator.nations`)."""
    name = organisation.ombudsman_name
    return in_language(name) or name if getattr(name, "cy", None) else _(name)


def share(part: int | None, whole: int | None, threshold: int) -> Cell:
    """A rate from its counts; None when either is unknown or the base is 0; hidden with a
    suppressed base (a rate over a hidden count would give it away)."""
    if part is None or whole is None or whole == 0:
        return None
    if threshold >= 2 and (is_small(whole, threshold) or is_small(part, threshold)):
        return Suppressed(share=True)
    return Share(part, whole)


def term_categories(organisation: Organisation) -> dict[str, str]:
    """Each ombudsman decision of the organisation file with the ombudsman's category it gives."""
    return {term.id: str(term.extra["category"]) for term in organisation.ombudsman_decisions
            if isinstance(term.extra.get("category"), str)}


def own_categories(organisation: Organisation) -> dict[str, Category]:
    return {category.id: category for category in categories(organisation.ombudsman_id)}


def held(records: Records) -> tuple[Held, ...]:
    """The council's ombudsman cases as the reconciliation reads them."""
    terms = term_categories(records.organisation)
    ombudsman = records.organisation.ombudsman_id
    return tuple(Held(case.id, case.received, case.decided,
                      category_of(case.category, case.decision, terms, ombudsman))
                 for case in records.ombudsman_cases)


@dataclass(frozen=True)
class CouncilCounts:
    """The council's own records of the year, counted the ombudsman's way."""

    received: int
    decided: int
    investigated: int
    upheld: int
    remedied_by_council: int
    interventions: int  # the PSOW's: decided in a category where it intervened
    recommendations_known: int  # whose compliance is known
    complied: int  # on time or late
    complied_late: int
    not_complied: int
    open_at_year_end: int


class OmbudsmanWay:
    """How the ombudsman counts a case of the council's: its category in the ombudsman's own
    statistics, investigated in detail or not, upheld or not. One rule, read by every table."""

    def __init__(self, organisation: Organisation) -> None:
        self.ombudsman = organisation.ombudsman_id
        self.terms, self.own = term_categories(organisation), own_categories(organisation)
        self.upheld_terms = {term.id for term in organisation.ombudsman_decisions
                             if term.extra.get("upheld") is True}

    def category(self, case: OmbudsmanCase) -> Category | None:
        return self.own.get(category_of(case.category, case.decision, self.terms, self.ombudsman) or "")

    def investigated(self, case: OmbudsmanCase) -> bool:
        if case.investigated is not None:
            return case.investigated
        found = self.category(case)
        return found.investigated if found is not None else False

    def upheld(self, case: OmbudsmanCase) -> bool:
        found = self.category(case)
        return found.upheld if found is not None else case.decision in self.upheld_terms


def council_counts(records: Records, year: str) -> CouncilCounts:
    way = OmbudsmanWay(records.organisation)
    category, investigated, upheld = way.category, way.investigated, way.upheld
    year_end = year_bounds(year)[1]
    decided = [case for case in records.ombudsman_cases
               if case.decided is not None and reporting_year(case.decided) == year]
    in_detail = [case for case in decided if investigated(case)]
    upheld_cases = [case for case in in_detail if upheld(case)]
    outcomes = [rec.complied for case in decided for rec in case.recommendations if rec.complied]
    return CouncilCounts(
        received=sum(1 for case in records.ombudsman_cases if case.year == year),
        decided=len(decided), investigated=len(in_detail), upheld=len(upheld_cases),
        remedied_by_council=sum(1 for case in upheld_cases if case.remedied_by_council),
        interventions=sum(1 for case in decided if getattr(category(case), "intervention", False)),
        recommendations_known=len(outcomes),
        complied=sum(1 for outcome in outcomes if outcome in (ON_TIME, LATE)),
        complied_late=sum(1 for outcome in outcomes if outcome == LATE),
        not_complied=sum(1 for outcome in outcomes if outcome == NOT_COMPLIED),
        open_at_year_end=sum(1 for case in records.ombudsman_cases
                             if case.year <= year and case.open_at_end_of(year_end)),
    )


def has_records(records: Records, year: str) -> bool:
    """Whether the council kept ombudsman case records for the year (see `recorded_in`)."""
    return recorded_in(year, held(records))
