"""What changed since the last meeting: commits to action records, and actions newly complete."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from generator.githistory import Commit
from generator.tracker.tracked import TrackedAction


@dataclass(frozen=True)
class Change:
    tracked: TrackedAction
    commits: tuple[Commit, ...]  # the commits in the window, newest first

    @property
    def latest(self) -> date:
        return self.commits[0].date


def changed_between(
    tracked: Sequence[TrackedAction], record_history: Callable[[str], list[Commit]],
    since: date, until: date,
) -> list[Change]:
    """Actions whose record files had commits from `since` to `until` (both included); the most
    recently changed first."""
    changes = []
    for item in tracked:
        commits = tuple(
            commit for commit in record_history(item.action.source_path)
            if since <= commit.date <= until
        )
        if commits:
            changes.append(Change(item, commits))
    changes.sort(key=lambda change: change.tracked.id)
    changes.sort(key=lambda change: change.latest, reverse=True)
    return changes


def completed_between(tracked: Sequence[TrackedAction], since: date, until: date) -> list[TrackedAction]:
    """Actions complete, with a completion date from `since` to `until`; the most recent first."""
    done = [
        item for item in tracked
        if item.is_complete and item.action.completed and since <= item.action.completed <= until
    ]
    done.sort(key=lambda item: item.id)
    done.sort(key=lambda item: item.action.completed or date.min, reverse=True)
    return done
