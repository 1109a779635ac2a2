"""Timescales as records write them: a date (2020-03-31), a month (2020-03) or `ongoing`."""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache

from generator.language import _, current, month_year, speaking
from generator.language import long_date as language_long_date

ONGOING = "ongoing"


def due_date(timescale: str) -> date | None:
    """The day a timescale falls due: a month falls due on its last day; ongoing never does."""
    if timescale == ONGOING:
        return None
    if len(timescale) == len("2020-03"):
        year, month = (int(part) for part in timescale.split("-"))
        return date(year, month, calendar.monthrange(year, month)[1])
    return date.fromisoformat(timescale)


def long_date(day: date) -> str:
    """'31 March 2020', as the council writes dates ('31 Mawrth 2020' on the Welsh site)."""
    return _long_date(day, current())


@lru_cache(maxsize=4096)  # a tracker writes the same few hundred days many thousand times
def _long_date(day: date, language: str) -> str:
    with speaking(language):
        return language_long_date(day)


def timescale_text(timescale: str) -> str:
    """A timescale as written on the page: 'March 2020', '31 March 2020' or 'Ongoing'."""
    if timescale == ONGOING:
        return _("Ongoing")
    if len(timescale) == len("2020-03"):
        year, month = (int(part) for part in timescale.split("-"))
        return month_year(date(year, month, 1))
    return long_date(date.fromisoformat(timescale))


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier, or the month's last day if it is shorter."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
