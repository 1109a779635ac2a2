"""The committee's meetings and the periods between them.

A meeting's period runs from the day after the meeting before it to the meeting's own day, both
included, so every day (and every change) belongs to exactly one period. The pack for a meeting is
the tracker as at the end of its day. Meetings on the same day are one meeting for this purpose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from generator.language import ENGLISH, WELSH, listed
from generator.model import Meeting
from generator.model.bilingual import Text


@dataclass(frozen=True)
class Period:
    """The days whose changes a committee hears about: after `since`, up to and including `until`."""

    since: date  # the day of the meeting before (or the fallback start), not itself included
    until: date
    meeting: Meeting | None  # the meeting at its end; None for the period up to the as-of date
    previous: Meeting | None  # the meeting it starts after; None when no earlier meeting is listed

    def holds(self, day: date) -> bool:
        return self.since < day <= self.until

    @property
    def first_day(self) -> date:
        return self.since + timedelta(days=1)


def distinct(meetings: Sequence[Meeting]) -> list[Meeting]:
    """One meeting a day, in date order; two on one day are named together."""
    by_day: dict[date, list[str]] = {}
    for meeting in sorted(meetings, key=lambda m: m.date):
        names = by_day.setdefault(meeting.date, [])
        if meeting.name not in names:
            names.append(meeting.name)
    # Names are kept as the records' Texts, so the Welsh site shows their Welsh (`name_cy`).
    return [Meeting(day, names[0] if len(names) == 1 else named_together(names))
            for day, names in by_day.items()]


def named_together(names: Sequence[str]) -> Text:
    """Two meetings of one day as one name, joined as each language joins a list."""
    english = listed(names, ENGLISH)
    welsh = listed([getattr(name, "cy", None) or name for name in names], WELSH)
    return Text(english, welsh if any(getattr(name, "cy", None) for name in names) else None)


def last_before(meetings: Sequence[Meeting], day: date) -> Meeting | None:
    """The last meeting strictly before `day`."""
    earlier = [meeting for meeting in distinct(meetings) if meeting.date < day]
    return earlier[-1] if earlier else None


def period_to(meetings: Sequence[Meeting], until: date, fallback_days: int,
              meeting: Meeting | None = None) -> Period:
    """The period ending on `until`: from the last meeting before it, else `fallback_days` before."""
    previous = last_before(meetings, until)
    since = previous.date if previous else until - timedelta(days=fallback_days)
    return Period(since, until, meeting, previous)


def meeting_periods(meetings: Sequence[Meeting], as_of: date, fallback_days: int) -> list[Period]:
    """A period for each meeting held on or before the as-of date, the latest first."""
    held = [meeting for meeting in distinct(meetings) if meeting.date <= as_of]
    return [period_to(meetings, meeting.date, fallback_days, meeting) for meeting in reversed(held)]


def upcoming(meetings: Sequence[Meeting], as_of: date) -> list[Meeting]:
    return [meeting for meeting in distinct(meetings) if meeting.date > as_of]
