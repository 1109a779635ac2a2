"""Reporting years: 1 April to 31 March, written `2019-20`."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

YEAR_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


@lru_cache(maxsize=8192)  # a few thousand days recur across hundreds of thousands of records
def reporting_year(day: date) -> str:
    """The reporting year a date falls in: 2020-03-31 -> '2019-20', 2020-04-01 -> '2020-21'."""
    start = day.year if day.month >= 4 else day.year - 1
    return year_label(start)


def year_label(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def year_start(label: str) -> int:
    """'2019-20' -> 2019; raises ValueError for a label that is not a reporting year."""
    match = YEAR_PATTERN.match(label)
    if not match or (int(match[1]) + 1) % 100 != int(match[2]):
        raise ValueError(f"'{label}' is not a reporting year such as 2019-20")
    return int(match[1])


def year_bounds(label: str) -> tuple[date, date]:
    start = year_start(label)
    return date(start, 4, 1), date(start + 1, 3, 31)


def previous_years(label: str, count: int) -> list[str]:
    """The year and the `count` years before it, newest first."""
    start = year_start(label)
    return [year_label(start - back) for back in range(count + 1)]
