"""The action plan as it stood at the end of a day: each action as its record was then in git.

Where git has the records on that day, each action is its record's version then (actions raised
later, or not yet committed, are absent; deleted ones that were there then are present). Where git
has no history (a site built away from a repository) or the day is before the records' history
starts (records put into git after the fact), each action is its record as it is now, cut back to
what its own dates say of that day: later review notes and revisions left out, and not complete if
it was completed later. In every case nothing dated after the day is shown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from generator.githistory import FolderHistory, Lineage
from generator.model import Action
from generator.tracker.versions import VersionReader

GIT = "git"  # as the records stood in git that day
OWN_DATES = "own-dates"  # before git's history starts: the records' own dates
NO_HISTORY = "no-history"  # built without git: the records' own dates

COMPLETE, IN_PROGRESS = "complete", "in-progress"


@dataclass(frozen=True)
class Plan:
    """The actions as at a day, and how they were found."""

    day: date
    actions: tuple[Action, ...]
    basis: str  # GIT, OWN_DATES or NO_HISTORY
    lineages: dict[str, Lineage] = field(default_factory=dict)  # action id -> its record's lineage
    withheld: int = 0  # records whose version then fails today's checks, so not shown
    shallow: bool = False  # built from a shallow clone: git holds only the latest commits


def as_it_stood(action: Action, day: date) -> Action:
    """The action without anything its own dates put after `day`."""
    steps = tuple(
        dataclasses.replace(
            step,
            revisions=tuple(r for r in step.revisions if r.agreed is None or r.agreed <= day),
            completed=step.completed if step.completed and step.completed <= day else None,
        )
        for step in action.steps
    )
    status, completed = action.status, action.completed
    if status == COMPLETE and (completed is None or completed > day):
        status, completed = IN_PROGRESS, None  # not complete yet on that day
    return dataclasses.replace(
        action, steps=steps, status=status, completed=completed,
        reviews=tuple(review for review in action.reviews if review.date <= day),
    )


def plan_at(actions: Sequence[Action], history: FolderHistory, reader: VersionReader, day: date) -> Plan:
    """The plan at the end of `day`; `actions` are the records as they are now (checked)."""
    if not history.lineages:
        return _from_own_dates(actions, history, day, NO_HISTORY)
    start = history.start
    if start is None or day < start:
        return _from_own_dates(actions, history, day, OWN_DATES)
    current = {action.source_path: action for action in actions}
    found: dict[str, Action] = {}
    lineages: dict[str, Lineage] = {}
    withheld = 0
    for lineage in history.lineages:
        version = lineage.at(day)
        if version is None or version.blob is None:
            continue  # not yet in the records that day, or deleted by then
        if version is lineage.versions[-1] and not lineage.deleted and lineage.path in current:
            action: Action | None = current.pop(lineage.path)  # as it is now, uncommitted edits included
        else:
            action = reader.action(version)
        if action is None:
            withheld += 1
            continue
        if action.raised <= day and action.id not in found:
            found[action.id], lineages[action.id] = as_it_stood(action, day), lineage
    if history.latest is not None and day >= history.latest:
        committed = {lineage.path for lineage in history.lineages if not lineage.deleted}
        for action in current.values():  # not yet committed: shown in a build of today's records
            if action.raised <= day and action.id not in found and action.source_path not in committed:
                found[action.id] = as_it_stood(action, day)
    return Plan(day, tuple(sorted(found.values(), key=lambda a: a.id)), GIT, lineages, withheld,
                history.shallow)


def _from_own_dates(actions: Sequence[Action], history: FolderHistory, day: date, basis: str) -> Plan:
    shown = [as_it_stood(action, day) for action in actions if action.raised <= day]
    lineages = {action.id: lineage for action in shown
                if (lineage := history.lineage_of(action.source_path)) is not None}
    return Plan(day, tuple(sorted(shown, key=lambda a: a.id)), basis, lineages, shallow=history.shallow)
