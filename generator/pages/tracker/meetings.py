"""The pages for committees: what changed since the last meeting (as at the as-of date), a list of
the meetings, and for each meeting held by the as-of date a printable pack, as at its day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from jinja2 import Environment

from generator.model import Meeting
from generator.sitefiles import SiteFile
from generator.tracker.meetings import meeting_periods, period_to, upcoming
from generator.tracker.rag import RAG_ORDER
from generator.tracker.snapshot import PeriodChanges, Tracker
from generator.tracker.tracked import STATUSES

CHANGES_PAGE = "tracker/changes.md"
MEETINGS_PAGE = "tracker/meetings/index.md"


def pack_path(meeting: Meeting) -> str:
    return f"tracker/meetings/{meeting.date.isoformat()}.md"


def counts(changes: PeriodChanges) -> dict[str, dict[str, int]]:
    tracked = changes.at_end.tracked
    return {
        "rag": {rag: sum(1 for t in tracked if t.rating.rag == rag) for rag in RAG_ORDER},
        "status": {status: sum(1 for t in tracked if t.action.status == status) for status, _ in STATUSES},
    }


def meeting_files(environment: Environment, tracker: Tracker, meetings: Sequence[Meeting], as_of: date, *,
                  fallback_days: int) -> list[SiteFile]:
    current = tracker.period(period_to(meetings, as_of, fallback_days))
    packs = [tracker.period(period) for period in meeting_periods(meetings, as_of, fallback_days)]
    files = [
        SiteFile(CHANGES_PAGE, environment.get_template("changes.md.j2").render(
            changes=current, fallback_days=fallback_days, to_root="", next_meeting=_next(meetings, as_of))),
        SiteFile(MEETINGS_PAGE, environment.get_template("meetings.md.j2").render(
            packs=packs, upcoming=upcoming(meetings, as_of), listed=bool(meetings))),
    ]
    for pack in packs:
        assert pack.period.meeting is not None
        files.append(SiteFile(pack_path(pack.period.meeting), environment.get_template("pack.md.j2").render(
            changes=pack, counts=counts(pack), fallback_days=fallback_days, to_root="../",
            as_of=pack.period.until, meeting=pack.period.meeting, plan=pack.at_end.plan,
            overdue=[t for t in pack.at_end.tracked if t.rating.overdue],
        )))
    return files


def _next(meetings: Sequence[Meeting], as_of: date) -> Meeting | None:
    later = upcoming(meetings, as_of)
    return later[0] if later else None

