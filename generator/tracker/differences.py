"""What changed between two versions of an action record, field by field, in plain words.

Only what a councillor reads is compared: a version that differs only in layout, comments, the
order of fields or the officer's privacy notes has no differences, so a reformatting commit is
never listed as a change. Every sentence is written here from the record's values; nothing of a
commit message is used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from generator.language import _
from generator.model import Action, ActionStep
from generator.model.bilingual import in_language
from generator.tracker.timescales import long_date, timescale_text
from generator.tracker.tracked import STATUS_NAMES

EXCERPT = 60  # characters of a step's text that name it in a sentence


@dataclass(frozen=True)
class Names:
    """The organisation's names for the ids a record uses."""

    theme: Callable[[str], str]
    department: Callable[[str], str]
    plan: Callable[[str], str]

    def departments(self, ids: Sequence[str]) -> str:
        return _listed([self.department(each) for each in ids])


def _listed(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(items)s and %(last)s", items=", ".join(items[:-1]), last=items[-1])


def _quoted(text: str) -> str:
    return f"\u201c{' '.join(str(in_language(text)).split())}\u201d"


def _words(text: str | None) -> list[str]:
    """The words a reader of this site sees: the Welsh on the Welsh site, so a change to the Welsh
    alone is a change there (and none on the English site, whose readers see no change)."""
    return str(in_language(text) or "").split()


def sentence(text: str) -> str:
    words = " ".join(str(in_language(text)).split())
    return words if words.endswith((".", "!", "?")) else words + "."


def _step_name(index: int, step: ActionStep) -> str:
    words = " ".join(str(in_language(step.action)).split())
    short = words if len(words) <= EXCERPT else words[:EXCERPT].rsplit(" ", 1)[0] + "\u2026"
    return _("Step %(step)s (%(text)s)", step=index + 1, text=_quoted(short))


def added(action: Action) -> list[str]:
    return [_("Added to the action plan (raised %(day)s).", day=long_date(action.raised))]


def differences(before: Action, after: Action, names: Names) -> list[str]:
    """Each difference a councillor would see between two versions, in the order of the page."""
    return [*_headline(before, after, names), *_steps(before.steps, after.steps, names),
            *_reviews(before, after)]


def _headline(before: Action, after: Action, names: Names) -> Iterator[str]:
    if before.id != after.id:
        yield _("Reference changed from %(was)s to %(now)s.", was=before.id, now=after.id)
    if before.status != after.status:
        was, now = (_(STATUS_NAMES[s]) if s in STATUS_NAMES else s for s in (before.status, after.status))
        if after.completed:
            yield _("Status changed from %(was)s to %(now)s, on %(day)s.", was=was, now=now,
                    day=long_date(after.completed))
        else:
            yield _("Status changed from %(was)s to %(now)s.", was=was, now=now)
    elif before.completed != after.completed and before.completed and after.completed:
        yield _("Completion date corrected from %(was)s to %(now)s.", was=long_date(before.completed),
                now=long_date(after.completed))
    if before.plan != after.plan:
        yield _("Moved from the plan %(was)s to %(now)s.", was=names.plan(before.plan),
                now=names.plan(after.plan))
    if before.theme != after.theme:
        yield _("Theme changed from %(was)s to %(now)s.", was=names.theme(before.theme),
                now=names.theme(after.theme))
    if _words(before.lead_officer) != _words(after.lead_officer):
        if not after.lead_officer:
            yield _("Lead officer no longer given.")
        elif not before.lead_officer:
            yield _("Lead officer given: %(officer)s.", officer=in_language(after.lead_officer))
        else:
            yield _("Lead officer changed from %(was)s to %(now)s.", was=in_language(before.lead_officer),
                    now=in_language(after.lead_officer))
    if before.raised != after.raised:
        yield _("Date raised corrected from %(was)s to %(now)s.", was=long_date(before.raised),
                now=long_date(after.raised))
    if _words(before.issue) != _words(after.issue):
        yield _("The issue was reworded: %(text)s.", text=_quoted(after.issue))
    yield from _lessons(before.lessons, after.lessons)
    if (before.raised_by_cases, before.raised_by_themes) != (after.raised_by_cases, after.raised_by_themes):
        yield _("The complaints it was raised by were updated.")


def _lessons(before: Sequence[str], after: Sequence[str]) -> Iterator[str]:
    old, new = [" ".join(_words(t)) for t in before], [" ".join(_words(t)) for t in after]
    for lesson in new:
        if lesson not in old:
            yield _("Lesson added: %(text)s.", text=_quoted(lesson))
    for lesson in old:
        if lesson not in new:
            yield _("Lesson removed: %(text)s.", text=_quoted(lesson))


def _paired(before: Sequence[ActionStep], after: Sequence[ActionStep]) -> tuple[
        list[tuple[int, ActionStep, ActionStep]], list[int], list[int]]:
    """Steps matched by their text first, the rest by position; then the steps added and removed."""
    pairs: dict[int, int] = {}  # index after -> index before
    free = list(range(len(before)))
    for index, step in enumerate(after):
        same = next((i for i in free if _words(before[i].action) == _words(step.action)), None)
        if same is not None:
            pairs[index] = same
            free.remove(same)
    unmatched = [index for index in range(len(after)) if index not in pairs]
    for index, earlier in zip(list(unmatched), list(free), strict=False):
        pairs[index] = earlier  # a step reworded in place
        unmatched.remove(index)
        free.remove(earlier)
    matched = [(index, before[pairs[index]], after[index]) for index in sorted(pairs)]
    return matched, unmatched, free


def _steps(before: Sequence[ActionStep], after: Sequence[ActionStep], names: Names) -> Iterator[str]:
    matched, new, gone = _paired(before, after)
    for index, old, step in matched:
        yield from _step(index, old, step, names)
    for index in new:
        step = after[index]
        yield _("Step added: %(text)s, owned by %(departments)s, timescale %(timescale)s.",
                text=_quoted(step.action), departments=names.departments(step.departments),
                timescale=timescale_text(step.current_timescale))
        if step.completed:
            yield _("%(step)s completed on %(day)s.", step=_step_name(index, step),
                    day=long_date(step.completed))
    for index in gone:
        yield _("Step removed: %(text)s.", text=_quoted(before[index].action))


def _step(index: int, old: ActionStep, new: ActionStep, names: Names) -> Iterator[str]:
    name = _step_name(index, new)
    if _words(old.action) != _words(new.action):
        yield _("Step %(step)s reworded: %(text)s.", step=index + 1, text=_quoted(new.action))
    if old.departments != new.departments:
        yield _("%(step)s: department changed from %(was)s to %(now)s.", step=name,
                was=names.departments(old.departments), now=names.departments(new.departments))
    if old.timescale != new.timescale:
        yield _("%(step)s: first timescale corrected from %(was)s to %(now)s.", step=name,
                was=timescale_text(old.timescale), now=timescale_text(new.timescale))
    if new.revisions[:len(old.revisions)] == old.revisions:
        was = old.current_timescale
        for revision in new.revisions[len(old.revisions):]:
            values = {"step": name, "was": timescale_text(was), "now": timescale_text(revision.timescale),
                      "reason": sentence(revision.reason)}
            if revision.agreed:
                yield _("%(step)s: timescale revised from %(was)s to %(now)s, agreed %(day)s. "
                        "Reason given: %(reason)s", day=long_date(revision.agreed), **values)
            else:
                yield _("%(step)s: timescale revised from %(was)s to %(now)s. Reason given: %(reason)s",
                        **values)
            was = revision.timescale
    else:
        yield _("%(step)s: its revised timescales were corrected; the timescale is now %(timescale)s.",
                step=name, timescale=timescale_text(new.current_timescale))
    if new.completed and not old.completed:
        yield _("%(step)s completed on %(day)s.", step=name, day=long_date(new.completed))
    elif old.completed and not new.completed:
        yield _("%(step)s is no longer marked as done.", step=name)
    elif old.completed and new.completed and old.completed != new.completed:
        yield _("%(step)s: completion date corrected to %(day)s.", step=name, day=long_date(new.completed))


def _reviews(before: Action, after: Action) -> Iterator[str]:
    old = {review.date: review.note for review in before.reviews}
    new = {review.date: review.note for review in after.reviews}  # kept whole: quoted in the language written
    for day in sorted(new, reverse=True):
        if day not in old:
            yield _("Review note added (%(day)s): %(text)s.", day=long_date(day), text=_quoted(new[day]))
        elif _words(old[day]) != _words(new[day]):
            yield _("Review note of %(day)s reworded: %(text)s.", day=long_date(day), text=_quoted(new[day]))
    for day in sorted(old, reverse=True):
        if day not in new:
            yield _("Review note of %(day)s removed.", day=long_date(day))
