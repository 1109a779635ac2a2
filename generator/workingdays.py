"""Working days: weekdays that are not one of the organisation's bank holidays.

The rule used everywhere: the working days taken from `start` to `end` are the working days
*after* `start` up to and including `end`. A reply on the day a complaint arrives took 0; a reply
on the next working day took 1.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import holidays

if TYPE_CHECKING:  # the check stage counts working days too, and must not import the model
    from generator.model import Organisation

ONE_DAY = timedelta(days=1)
SATURDAY = 5


@dataclass(frozen=True)
class Region:
    """Where bank holidays come from: `holidays` package codes such as GB and ENG or WLS."""

    country: str
    subdivision: str | None = None

    @classmethod
    def of(cls, organisation: Organisation) -> Region:
        return cls(organisation.bank_holidays_country, organisation.bank_holidays_subdivision)


@lru_cache(maxsize=64)
def bank_holidays(region: Region, first_year: int, last_year: int) -> tuple[date, ...]:
    """The region's bank holidays that fall on a weekday, sorted, for a range of calendar years."""
    calendar = holidays.country_holidays(
        region.country, subdiv=region.subdivision, years=range(first_year, last_year + 1)
    )
    return tuple(sorted(day for day in calendar if day.weekday() < SATURDAY))


def is_working_day(day: date, region: Region) -> bool:
    return day.weekday() < SATURDAY and day not in bank_holidays(region, day.year, day.year)


@lru_cache(maxsize=1 << 16)  # every table of a year asks again about the same complaints
def working_days_between(start: date, end: date, region: Region) -> int:
    """Working days after `start` up to and including `end`; negative when `end` comes first."""
    if end < start:
        return -working_days_between(end, start, region)
    closed = bank_holidays(region, start.year, end.year)
    holidays_in_span = bisect_right(closed, end) - bisect_right(closed, start)
    return _weekdays_after(start, end) - holidays_in_span


def _weekdays_after(start: date, end: date) -> int:
    return _weekdays_to(end) - _weekdays_to(start)


def _weekdays_to(day: date) -> int:
    """Weekdays from 1 January of year 1 (a Monday, ordinal 1) up to and including `day`."""
    whole_weeks, rest = divmod(day.toordinal(), 7)
    return whole_weeks * 5 + min(rest, 5)


def add_working_days(start: date, count: int, region: Region) -> date:
    """The day `count` working days after `start` (a due date); `start` itself when count is 0."""
    day = start
    remaining = count
    while remaining > 0:
        day += ONE_DAY
        if is_working_day(day, region):
            remaining -= 1
    return day
