"""A year's report as figures: the tables in report order, and the named figures prose may cite.

This is the contract between figures and the views/pages that render them.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.figures.table import Cell, Table
from generator.model import Action


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

    def table(self, table_id: str) -> Table:
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(table_id)
