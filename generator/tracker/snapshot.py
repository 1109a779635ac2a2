"""The tracker at a day: every action as it stood, rated, with its changes known up to that day;
and what changed in a period between two meetings."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from generator.githistory import FolderHistory, Lineage
from generator.language import _
from generator.model import Action
from generator.tracker.as_at import Plan, plan_at
from generator.tracker.changes import Entry, Timeline, completed_between, timeline
from generator.tracker.differences import Names
from generator.tracker.meetings import Period
from generator.tracker.tracked import STATUS_NAMES, TrackedAction, overview_order, track
from generator.tracker.versions import VersionReader


@dataclass(frozen=True)
class Snapshot:
    plan: Plan
    tracked: tuple[TrackedAction, ...]  # in overview order: overdue first
    timelines: dict[str, Timeline]  # action id -> its changes up to the day

    @property
    def day(self) -> date:
        return self.plan.day


@dataclass(frozen=True)
class Changed:
    """One action's changes in a period, and its status when the period began."""

    tracked: TrackedAction
    entries: tuple[Entry, ...]  # newest first
    status_before: str | None  # None: not in the plan when the period began

    @property
    def latest(self) -> date:
        return self.entries[0].date

    @property
    def status_before_name(self) -> str | None:
        status = self.status_before
        if status is None:
            return None
        return _(STATUS_NAMES[status]) if status in STATUS_NAMES else status


@dataclass(frozen=True)
class PeriodChanges:
    period: Period
    at_end: Snapshot
    changed: tuple[Changed, ...]  # the most recently changed first
    completed: tuple[TrackedAction, ...]  # completed in the period, the most recent first
    removed: tuple[Action, ...]  # in the plan when the period began, gone by its end


class Tracker:
    """The tracker of one build: the history read once, each version checked once, each action's
    changes worked out once for all the days asked about."""

    def __init__(self, actions: Sequence[Action], history: FolderHistory, names: Names, as_of: date) -> None:
        self.actions = tuple(actions)
        self._now = {action.source_path: action for action in self.actions}
        self.history = history
        self.names = names
        self.as_of = as_of
        self.reader = VersionReader(history)
        self._timelines: dict[object, Timeline] = {}
        self._snapshots: dict[date, Snapshot] = {}

    def at(self, day: date) -> Snapshot:
        if day not in self._snapshots:
            plan = plan_at(self.actions, self.history, self.reader, day)
            timelines = {action.id: self._timeline(action, plan.lineages.get(action.id)).up_to(day)
                         for action in plan.actions}
            tracked = sorted(
                (dataclasses.replace(track(action, day), last_changed=timelines[action.id].last_changed)
                 for action in plan.actions),
                key=overview_order,
            )
            self._snapshots[day] = Snapshot(plan, tuple(tracked), timelines)
        return self._snapshots[day]

    def _timeline(self, action: Action, lineage: Lineage | None) -> Timeline:
        """Every change known up to the build's as-of date (or the lineage's end), worked out once."""
        key: object = id(lineage) if lineage is not None else action.id
        if key not in self._timelines:
            until = max(self.as_of, lineage.versions[-1].date if lineage else self.as_of)
            # The record as it is now holds every date of its own (a past version holds fewer).
            now = self._now.get(lineage.path if lineage else action.source_path, action)
            self._timelines[key] = timeline(now, lineage, self.history, self.reader, self.names, until)
        return self._timelines[key]

    def period(self, period: Period) -> PeriodChanges:
        start, end = self.at(period.since), self.at(period.until)
        before = {_record_of(start, item.action): item.action for item in start.tracked}
        changed = [
            Changed(item, entries, getattr(before.get(_record_of(end, item.action)), "status", None))
            for item in end.tracked if (entries := end.timelines[item.id].between(period.since, period.until))
        ]
        changed.sort(key=lambda change: change.tracked.id)
        changed.sort(key=lambda change: change.latest, reverse=True)
        done = {action.id for action in completed_between([t.action for t in end.tracked], period.since,
                                                           period.until)}
        completed = sorted((item for item in end.tracked if item.id in done),
                           key=lambda item: (item.action.completed or date.min, item.id), reverse=True)
        now = {_record_of(end, item.action) for item in end.tracked}
        removed = tuple(sorted((action for record, action in before.items() if record not in now),
                               key=lambda action: action.id))
        return PeriodChanges(period, end, tuple(changed), tuple(completed), removed)


def _record_of(snapshot: Snapshot, action: Action) -> object:
    """What identifies the record across versions: its lineage in git (a record whose id changed
    when it moved year is the same record), else its id."""
    lineage = snapshot.plan.lineages.get(action.id)
    return ("lineage", id(lineage)) if lineage is not None else ("id", action.id)
