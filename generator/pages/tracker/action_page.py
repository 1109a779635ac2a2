"""One action's page: its facts, steps, reviews, what raised it, and its history in plain words."""

from __future__ import annotations

from urllib.parse import quote

from jinja2 import Environment

from generator.cms.links import record_address
from generator.model import Records
from generator.tracker.changes import Timeline
from generator.tracker.snapshot import Snapshot
from generator.tracker.tracked import TrackedAction
from generator.years import year_label


def case_year(case_id: str) -> str | None:
    """A case id names the reporting year it was received in: C-2019-0007 -> 2019-20."""
    parts = case_id.split("-")
    return year_label(int(parts[1])) if len(parts) == 3 and parts[1].isdigit() else None


def edit_url(records: Records, source_path: str) -> str | None:
    site = records.organisation.site
    repository = (site.get("repository") or "").rstrip("/")
    if not repository or not source_path or source_path.startswith("/"):
        return None
    branch = site.get("branch") or "main"
    return quote(f"{repository}/edit/{branch}/{source_path}", safe=":/%-._~")


def editor_url(action_id: str) -> str | None:
    """The action in the site's records editor (admin/), from its page under tracker/actions/."""
    address = record_address("action", action_id)
    return f"../../{quote(address, safe=':/%-._~#')}" if address else None


def action_page(environment: Environment, records: Records, item: TrackedAction, timeline: Timeline,
                now: Snapshot) -> str:
    report_years = set(records.years)
    cases = [(case_id, case_year(case_id)) for case_id in item.action.raised_by_cases]
    return environment.get_template("action.md.j2").render(
        item=item, action=item.action, timeline=timeline, plan=now.plan,
        edit_url=edit_url(records, item.action.source_path), editor_url=editor_url(item.action.id),
        cases=[(case_id, year if year in report_years else None) for case_id, year in cases],
        raised_year=item.action.year if item.action.year in report_years else None,
        reviews=sorted(item.action.reviews, key=lambda review: review.date, reverse=True),
    )
