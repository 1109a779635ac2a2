"""The tracker on the demo records: one page per action record, each with the day it last changed,
and the same `Action` records as the report's learning section (nothing typed twice)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from generator.figures.report import report_years, year_report
from generator.githistory import RecordHistory
from generator.model import Records
from generator.pages.tracker import tracker_files
from generator.records import load_records
from generator.tracker.timescales import long_date

REPOSITORY = Path(__file__).resolve().parents[1]
AS_OF = date(2020, 12, 1)


@pytest.fixture(scope="module")
def records() -> Records:
    return load_records(REPOSITORY)


@pytest.fixture(scope="module")
def pages(records: Records) -> dict[str, str]:
    files = tracker_files(records, as_of=AS_OF, changed_since=AS_OF - timedelta(days=90),
                          record_history=RecordHistory(REPOSITORY).refresh())
    return {file.path: str(file.content) for file in files}


def test_every_action_record_has_a_page(records: Records, pages: dict[str, str]) -> None:
    record_files = sorted(REPOSITORY.glob("records/actions/*/ACT-*.yaml"))
    assert record_files, "the demo has action records"
    assert {f"tracker/actions/{path.stem}.md" for path in record_files} <= set(pages)
    assert len(records.actions) == len(record_files)


def test_every_action_page_shows_the_day_its_record_last_changed(
    records: Records, pages: dict[str, str],
) -> None:
    # The demo's records went into git after 2020, so as at 1 December 2020 the records' own dates
    # tell what happened: the latest of the day raised, review notes, agreed revisions and completion.
    history = RecordHistory(REPOSITORY).refresh()
    if history.start is None or history.start <= AS_OF:
        pytest.skip("not a git checkout of the demo with its records committed after 2020")
    for action in records.actions:
        days = [action.raised, *(r.date for r in action.reviews), action.completed,
                *(rev.agreed for step in action.steps for rev in step.revisions),
                *(step.completed for step in action.steps)]
        last = max(day for day in days if day is not None and day <= AS_OF)
        top = pages[f"tracker/actions/{action.id}.md"].split("\n## ", 1)[0]
        assert f"Last changed **{long_date(last)}**" in top, action.id


def test_the_report_and_the_tracker_read_the_same_action_records(records: Records) -> None:
    reports = [year_report(records, year) for year in report_years(records)]
    raised = [action for report in reports for action in report.actions_raised]
    assert raised, "the demo report lists learning actions"
    # The very same objects, loaded once: the report does not keep its own copy of an action.
    assert all(any(action is loaded for loaded in records.actions) for action in raised)
    files = tracker_files(records, as_of=AS_OF, changed_since=AS_OF)
    paths = {file.path for file in files}
    assert {f"tracker/actions/{action.id}.md" for action in raised} <= paths
