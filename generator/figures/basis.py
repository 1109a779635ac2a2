"""Where each compared year's figures come from: its case records, else its history record.

A year with case records is counted from them. A year without is shown as an earlier report
published it (its history record); a year with neither is 'not reported' (None cells).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from generator.model import Case, History, PublishedTable, Records
from generator.years import previous_years

COMPARED_YEARS = 2  # every table shows the year and the two before it
CASES = "cases"
HISTORY = "history"
NOT_REPORTED = "none"


@dataclass(frozen=True)
class YearBasis:
    """One compared year: its representations (every case record received in it) or its history."""

    year: str
    cases: tuple[Case, ...]
    history: History | None

    @property
    def source(self) -> str:
        if self.cases:
            return CASES
        return HISTORY if self.history else NOT_REPORTED

    @cached_property
    def complaints(self) -> tuple[Case, ...]:
        """The formal complaints accepted into the procedure: what most tables count."""
        return tuple(case for case in self.cases if case.is_complaint)

    def published(self, table: str) -> PublishedTable | None:
        """The history record's table of that name, if the year has one (callers prefer records)."""
        return self.history.tables.get(table) if self.history else None

    def faults(self, table: str) -> tuple[str, ...]:
        """What the history record says is wrong with one of its published tables."""
        if self.history is None:
            return ()
        return tuple(fault.note for fault in self.history.faults if fault.table == table)


def case_years(records: Records) -> set[str]:
    return {case.year for case in records.cases}


def history_for(records: Records, year: str) -> History | None:
    return next((history for history in records.histories if history.year == year), None)


def year_basis(records: Records, year: str) -> YearBasis:
    cases = tuple(sorted((case for case in records.cases if case.year == year), key=lambda case: case.id))
    return YearBasis(year, cases, history_for(records, year))


def compared(records: Records, year: str) -> tuple[YearBasis, ...]:
    """The year and the two before it, newest first."""
    return tuple(year_basis(records, label) for label in previous_years(year, COMPARED_YEARS))
