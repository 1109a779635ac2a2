"""Typed, immutable records, built from checked values.

Only values that passed the check stage reach here, so construction trusts the shapes the
schemas promise. Dates become `date` objects; taxonomies become lookups. One module per kind of
record; everything is importable from `generator.model`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from generator.counting import DIRECT, ESCALATED
from generator.model.actions import Action, ActionStep, Review, Revision, action_from
from generator.model.cases import (
    Case,
    CaseStage,
    CaseStudy,
    Compliment,
    Extension,
    OmbudsmanCase,
    Recommendation,
    Remedy,
    case_from,
    compliment_from,
    ombudsman_case_from,
)
from generator.model.history import HISTORY_TABLES, Fault, History, PublishedTable, history_from
from generator.model.ombudsman_statistics import (
    OmbudsmanStatistics,
    SimilarAuthorities,
    Source,
    statistics_from,
)
from generator.model.organisation import (
    KINDS,
    RECORDABLE,
    Kind,
    Meeting,
    Organisation,
    ServiceArea,
    Stage,
    Subject,
    Term,
    organisation_from,
)

__all__ = [
    "DIRECT", "ESCALATED", "HISTORY_TABLES", "KINDS", "RECORDABLE", "Action", "ActionStep", "Case",
    "CaseStage", "CaseStudy", "Compliment", "Extension", "Fault", "History", "Kind", "Meeting",
    "OmbudsmanCase", "OmbudsmanStatistics", "Organisation", "PublishedTable", "Recommendation", "Records",
    "Remedy",
    "Review", "Revision", "ServiceArea", "SimilarAuthorities", "Source", "Stage", "Subject", "Term",
    "action_from", "case_from", "compliment_from", "history_from", "ombudsman_case_from",
    "organisation_from", "statistics_from",
]


@dataclass(frozen=True)
class Records:
    """Everything the report and tracker are computed from."""

    organisation: Organisation
    cases: tuple[Case, ...] = ()
    ombudsman_cases: tuple[OmbudsmanCase, ...] = ()
    compliments: tuple[Compliment, ...] = ()
    actions: tuple[Action, ...] = ()
    histories: tuple[History, ...] = ()
    ombudsman_statistics: tuple[OmbudsmanStatistics, ...] = ()  # the ombudsman's own figures, by year

    def statistics(self, year: str) -> OmbudsmanStatistics | None:
        """The ombudsman's published figures for the year, if the council copied them in."""
        return next((found for found in self.ombudsman_statistics if found.year == year), None)

    @functools.cached_property
    def years(self) -> list[str]:
        """Every reporting year with case records or history, oldest first. Worked out once: the
        tracker asks on each of its action pages, and at 50,000 records each answer reads them all."""
        found = {case.year for case in self.cases} | {history.year for history in self.histories}
        found |= {item.year for item in self.compliments} | {o.year for o in self.ombudsman_cases}
        return sorted(found)
