"""Each action as the tracker shows it: its timescale, owners and rating as of a date."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from generator.language import N_, _
from generator.model import Action
from generator.tracker.rag import Rating, rate
from generator.tracker.timescales import ONGOING, due_date

COMPLETE = "complete"
STATUSES: tuple[tuple[str, str], ...] = (
    ("not-started", N_("Not started")),
    ("in-progress", N_("In progress")),
    ("ongoing", N_("Ongoing")),
    (COMPLETE, N_("Complete")),
)  # translated where shown
STATUS_NAMES = dict(STATUSES)


@dataclass(frozen=True)
class TrackedAction:
    action: Action
    timescale: str  # the action's current timescale: its last dated step, else 'ongoing'
    original_timescale: str  # the same, from the timescales first agreed
    revisions: int  # the most times any one step's timescale was revised
    departments: tuple[str, ...]  # every step's owners, in order of first mention
    rating: Rating
    days_overdue: int = 0  # calendar days from the day it fell due to the as-of date, when overdue
    last_changed: date | None = None  # the latest day a change to it is known, up to the as-of date

    @property
    def id(self) -> str:
        return self.action.id

    @property
    def due(self) -> date | None:
        return due_date(self.timescale)

    @property
    def original_due(self) -> date | None:
        return due_date(self.original_timescale)

    @property
    def is_complete(self) -> bool:
        return self.rating.complete

    @property
    def status_name(self) -> str:
        status = self.action.status
        return _(STATUS_NAMES[status]) if status in STATUS_NAMES else status


def action_timescale(timescales: Iterable[str]) -> str:
    """The timescale that decides when an action falls due: its latest dated one, else ongoing."""
    dated = [(due, timescale) for timescale in timescales if (due := due_date(timescale)) is not None]
    return max(dated)[1] if dated else ONGOING


def track(action: Action, as_of: date) -> TrackedAction:
    timescale = action_timescale(step.current_timescale for step in action.steps)
    revisions = max((len(step.revisions) for step in action.steps), default=0)
    last_review = max((r.date for r in action.reviews if r.date <= as_of), default=None)
    rating = rate(
        complete=action.status == COMPLETE, completed=action.completed, due=due_date(timescale),
        revisions=revisions, last_review=last_review, as_of=as_of,
    )
    departments = tuple(dict.fromkeys(dept for step in action.steps for dept in step.departments))
    due = due_date(timescale)
    return TrackedAction(
        action=action, timescale=timescale,
        original_timescale=action_timescale(step.timescale for step in action.steps),
        revisions=revisions, departments=departments, rating=rating,
        days_overdue=(as_of - due).days if rating.overdue and due is not None else 0,
    )


def overview_order(tracked: TrackedAction) -> tuple[int, date, str]:
    """Overdue first (longest overdue at the top), then open actions by due date with ongoing
    ones after, then complete actions."""
    if tracked.rating.overdue:
        group = 0
    elif tracked.is_complete:
        group = 2
    else:
        group = 1
    return (group, tracked.due or date.max, tracked.id)


def track_all(actions: Iterable[Action], as_of: date) -> list[TrackedAction]:
    """Every action tracked as of a date, in overview order."""
    return sorted((track(action, as_of) for action in actions), key=overview_order)
