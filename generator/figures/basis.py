"""Where each compared year's figures come from: its case records, else its history record.

A year with case records is counted from them. A year without is shown as an earlier report
published it (its history record); a year with neither is 'not reported' (None cells).

Every table compares a year with the two before it, so a build of N years' reports looks at each
year three times. `RecordsByYear` sorts the records into their years once, and hands out one
`YearBasis` per year, which remembers the figures worked out from it (`once`): a year's figures
are counted once however many reports compare it, and the work grows with the records, not with
records x years x tables.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ParamSpec, TypeVar

from generator.model import Case, CaseStage, Compliment, History, OmbudsmanCase, PublishedTable, Records
from generator.years import previous_years, reporting_year

COMPARED_YEARS = 2  # every table shows the year and up to two before it
CASES = "cases"
HISTORY = "history"
NOT_REPORTED = "none"
Figure = TypeVar("Figure")
Arguments = ParamSpec("Arguments")


@dataclass(frozen=True)
class YearBasis:
    """One compared year: its representations (every case record received in it) or its history,
    and its other records (compliments received, ombudsman cases received and decided in it).

    A basis belongs to the records it was made from: the figures it remembers assume the same
    records (and so the same organisation) whichever report asks.
    """

    year: str
    cases: tuple[Case, ...]
    history: History | None
    compliments: tuple[Compliment, ...] = ()  # received in the year, in records order
    ombudsman_received: tuple[OmbudsmanCase, ...] = ()  # in records order
    ombudsman_decided: tuple[OmbudsmanCase, ...] = ()  # by date decided, then id
    # Every stage of a formal complaint received in the year, whichever year the complaint was
    # first received in (a Stage 2 this year of a complaint made last year counts this year).
    stages: tuple[tuple[Case, CaseStage], ...] = ()
    _remembered: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def has_figures(self) -> bool:
        """The year has records or history: a report can compare it."""
        return bool(self.cases or self.history or self.compliments or self.ombudsman_received
                    or self.ombudsman_decided or self.stages)

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

    def once(self, name: str, work_out: Callable[Arguments, Figure],
             *args: Arguments.args, **kwargs: Arguments.kwargs) -> Figure:
        """The year's figure called `name`: `work_out(*args, **kwargs)`, called the first time any
        report asks for it, and remembered for the others.

        `name` must be unique to what is worked out; the year's records and their organisation are
        implied, so the arguments must not vary between reports of one build.
        """
        if name not in self._remembered:
            self._remembered[name] = work_out(*args, **kwargs)
        return self._remembered[name]  # type: ignore[no-any-return]


def _by_year(items: Iterable[Any], year_of: Callable[[Any], str | None]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        year = year_of(item)
        if year is not None:
            grouped[year].append(item)
    return grouped


class RecordsByYear:
    """The records sorted into reporting years in one pass over each kind, and one basis per year."""

    def __init__(self, records: Records) -> None:
        self.records = records
        self._cases = _by_year(records.cases, lambda case: case.year)
        self._compliments = _by_year(records.compliments, lambda item: item.year)
        self._received = _by_year(records.ombudsman_cases, lambda case: case.year)
        self._decided = _by_year(
            records.ombudsman_cases,
            lambda case: reporting_year(case.decided) if case.decided is not None else None,
        )
        self._stages = _by_year(
            ((case, stage) for case in records.cases if case.is_complaint for stage in case.stages),
            lambda pair: pair[1].year,
        )
        self._histories: dict[str, History] = {}
        for history in records.histories:
            self._histories.setdefault(history.year, history)  # the first, as a search would find
        self._bases: dict[str, YearBasis] = {}

    def basis(self, year: str) -> YearBasis:
        if year not in self._bases:
            self._bases[year] = YearBasis(
                year,
                tuple(sorted(self._cases.get(year, ()), key=lambda case: case.id)),
                self._histories.get(year),
                tuple(self._compliments.get(year, ())),
                tuple(self._received.get(year, ())),
                tuple(sorted(self._decided.get(year, ()), key=lambda case: (case.decided, case.id))),
                tuple(sorted(self._stages.get(year, ()), key=lambda pair: (pair[0].id, pair[1].started))),
            )
        return self._bases[year]

    def compared(self, year: str) -> tuple[YearBasis, ...]:
        """The year and up to two years before it, newest first: only years with records or history
        (no column of n/a for the years before the records begin)."""
        earlier = [self.basis(label) for label in previous_years(year, COMPARED_YEARS)[1:]]
        return (self.basis(year), *(basis for basis in earlier if basis.has_figures))


def compared(records: Records, year: str) -> tuple[YearBasis, ...]:
    """The year and up to two before it, newest first (for one report; a build shares a RecordsByYear)."""
    return RecordsByYear(records).compared(year)
