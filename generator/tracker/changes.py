"""What changed, and when: each action's dated changes, from git where git has them.

Each version of a record in git is compared with the version before it (`differences`); a version
that changes nothing a councillor reads (reformatting) gives no entry, and the commit that first put
the records into git gives none either (it is where the history starts, not a change). For days
before the history starts, the record's own dates stand in: when it was raised, its review notes,
its agreed revisions and its completion.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from generator.githistory import FolderHistory, Lineage
from generator.language import _
from generator.model import Action
from generator.model.bilingual import in_language
from generator.tracker.as_at import COMPLETE
from generator.tracker.differences import Names, added, differences, sentence
from generator.tracker.timescales import long_date, timescale_text
from generator.tracker.versions import VersionReader

FROM_GIT, FROM_OWN_DATES = "git", "own-dates"


@dataclass(frozen=True)
class Entry:
    """The changes to one action on one day, in plain words."""

    date: date
    action_id: str
    descriptions: tuple[str, ...]
    source: str = FROM_GIT  # or FROM_OWN_DATES: told by the record's own dates, not by git


@dataclass(frozen=True)
class Timeline:
    """Every change to one action known up to a day, newest first."""

    entries: tuple[Entry, ...]
    unreadable: int = 0  # versions in git that fail today's checks, so are not described

    @property
    def last_changed(self) -> date | None:
        return self.entries[0].date if self.entries else None

    def between(self, since: date, until: date) -> tuple[Entry, ...]:
        return tuple(entry for entry in self.entries if since < entry.date <= until)

    def up_to(self, day: date) -> Timeline:
        return Timeline(tuple(entry for entry in self.entries if entry.date <= day), self.unreadable)


def timeline(action: Action, lineage: Lineage | None, history: FolderHistory, reader: VersionReader,
             names: Names, until: date) -> Timeline:
    """The changes to `action` (as it stands on `until`) up to `until`, newest first."""
    entries: list[Entry] = []
    unreadable = 0
    previous: Action | None = None
    for version in lineage.versions if lineage else ():
        if version.date > until:
            break
        if version.blob is None:
            previous = None  # deleted, then restored: the restoring version is an addition
            continue
        typed = reader.action(version)
        if typed is None:
            unreadable += 1
            continue
        if previous is not None:
            found = differences(previous, typed, names)
        elif version.commit == history.first_commit:
            found = []  # the records' first commit to git: where the history starts
        else:
            found = added(typed)
        if found:
            entries.append(Entry(version.date, typed.id, tuple(found)))
        previous = typed
    start = history.start
    before_git = until if start is None else min(until, start)
    if start is None or start > action.raised:
        entries += own_dates(action, names, before=before_git, until=until, without_git=start is None)
    entries.sort(key=lambda entry: entry.date, reverse=True)
    return Timeline(tuple(entries), unreadable)


def own_dates(action: Action, names: Names, *, before: date, until: date,
              without_git: bool) -> list[Entry]:
    """What the record's own dates say happened, on days git does not cover (up to `until`; with
    git, only before its history starts on `before`)."""

    def wanted(day: date | None) -> bool:
        return day is not None and day <= until and (without_git or day < before)

    found: dict[date, list[str]] = {}
    for day, text in _dated(action, names):
        if wanted(day):
            found.setdefault(day, []).append(text)
    return [Entry(day, action.id, tuple(texts), FROM_OWN_DATES) for day, texts in found.items()]


def _dated(action: Action, names: Names) -> Iterator[tuple[date, str]]:
    yield action.raised, added(action)[0]
    for index, step in enumerate(action.steps):
        was = step.timescale
        for revision in step.revisions:
            if revision.agreed:
                yield revision.agreed, _(
                    "Step %(step)s: timescale revised from %(was)s to %(now)s. Reason given: %(reason)s",
                    step=index + 1, was=timescale_text(was), now=timescale_text(revision.timescale),
                    reason=sentence(revision.reason))
            was = revision.timescale
        if step.completed:
            yield step.completed, _("Step %(step)s completed.", step=index + 1)
    for review in action.reviews:
        note = " ".join(str(in_language(review.note)).split())
        yield review.date, _("Review note added: \u201c%(note)s\u201d.", note=note)
    if action.status == COMPLETE and action.completed:
        yield action.completed, _("Completed on %(day)s.", day=long_date(action.completed))


def completed_between(actions: Sequence[Action], since: date, until: date) -> list[Action]:
    """Actions complete, with a completion date in the period; the most recent first."""
    done = [a for a in actions if a.status == COMPLETE and a.completed and since < a.completed <= until]
    done.sort(key=lambda action: action.id)
    done.sort(key=lambda action: action.completed or date.min, reverse=True)
    return done
