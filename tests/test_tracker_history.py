"""The tracker from git, on a fixture council's records committed on chosen dates: what changed
described field by field, the plan as at three dates, a moved record, meeting periods, a
reformatting commit not listed, and a past version holding personal data never shown."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
from git_records import (
    AS_OF,
    LETTERS,
    MEETINGS,
    GitRecords,
    git_available,
    letters_council,
    wales_organisation,
)

from generator.githistory import folder_history
from generator.pages.tracker import names_of, tracker_files
from generator.records import load_records
from generator.tracker.meetings import meeting_periods, period_to
from generator.tracker.snapshot import Tracker

pytestmark = pytest.mark.skipif(not git_available(), reason="git is not installed")

@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> GitRecords:
    return letters_council(tmp_path_factory.mktemp("council"))


@pytest.fixture(scope="module")
def tracker(council: GitRecords) -> Tracker:
    records = council.records()
    return Tracker(records.actions, council.history(), names_of(records.organisation), AS_OF)


@pytest.fixture(scope="module")
def pages(council: GitRecords) -> dict[str, str]:
    files = tracker_files(council.records(), as_of=AS_OF, changed_since=date(2021, 7, 1),
                          record_history=council.history())
    return {file.path: str(file.content) for file in files}


LETTER = "\u201cGive an expected assessment date in every acknowledgement\u2026\u201d"
SAMPLE = "\u201cCheck a sample of letters each month.\u201d"


def _descriptions(tracker: Tracker, day: date, action_id: str) -> list[tuple[date, str]]:
    timeline = tracker.at(day).timelines[action_id]
    return [(entry.date, text) for entry in timeline.entries for text in entry.descriptions]


def test_each_change_is_described_field_by_field_newest_first(tracker: Tracker) -> None:
    assert _descriptions(tracker, AS_OF, "ACT-2020-01") == [
        (date(2021, 8, 1), "Status changed from In progress to Complete, on 30 July 2021."),
        (date(2021, 7, 1), f"Step 1 ({LETTER}) completed on 30 June 2021."),
        (date(2021, 7, 1), f"Step 2 ({SAMPLE}): department changed from Social Services to "
                           "Commissioning Team."),
        (date(2021, 5, 10), f"Step added: {SAMPLE}, owned by Social Services, timescale September 2021."),
        (date(2021, 4, 20), f"Step 1 ({LETTER}): "
                            "timescale revised from April 2021 to July 2021, agreed 19 April 2021. "
                            "Reason given: Waiting for the new letter template."),
        (date(2021, 2, 1), "Status changed from Not started to In progress."),
        (date(2021, 2, 1), "Review note added (1 February 2021): \u201cDraft letter written.\u201d."),
        # Raised the day before the records went into git: told by the record's own date.
        (date(2021, 1, 4), "Added to the action plan (raised 4 January 2021)."),
    ]


def test_a_reformatting_commit_and_the_first_commit_are_not_changes(tracker: Tracker) -> None:
    days = {entry.date for entry in tracker.at(AS_OF).timelines["ACT-2020-01"].entries}
    assert date(2021, 5, 1) not in days  # the YAML tidied
    assert date(2021, 1, 5) not in days  # the records put into git


def test_commit_messages_are_never_published(pages: dict[str, str]) -> None:
    for path, text in pages.items():
        for message in ("Mrs Example", "Tidy the YAML", "Move the leaflet action", "Records for the action"):
            assert message not in text, (path, message)


def test_a_moved_record_keeps_its_history(tracker: Tracker) -> None:
    assert _descriptions(tracker, AS_OF, "ACT-2021-01") == [
        (date(2021, 7, 15), "Reference changed from ACT-2020-02 to ACT-2021-01."),
        (date(2021, 7, 15), "Date raised corrected from 4 January 2021 to 12 April 2021."),
    ]
    before = tracker.at(date(2021, 6, 1))
    assert "ACT-2020-02" in {item.id for item in before.tracked}
    assert before.plan.lineages["ACT-2020-02"] is tracker.at(AS_OF).plan.lineages["ACT-2021-01"]


def test_the_tracker_as_at_three_dates(tracker: Tracker) -> None:
    def state(day: date) -> dict[str, tuple[str, str, int]]:
        return {item.id: (item.action.status, item.timescale, len(item.action.reviews))
                for item in tracker.at(day).tracked}

    assert state(date(2021, 1, 31)) == {
        "ACT-2020-01": ("not-started", "2021-04", 0), "ACT-2020-02": ("not-started", "2021-06", 0)}
    assert state(date(2021, 4, 30)) == {
        "ACT-2020-01": ("in-progress", "2021-07", 1), "ACT-2020-02": ("not-started", "2021-06", 0)}
    assert state(date(2021, 8, 31)) == {
        "ACT-2020-01": ("complete", "2021-09", 1), "ACT-2021-01": ("not-started", "2021-06", 0),
        "ACT-2021-02": ("not-started", "2021-06", 0)}
    # Ratings as then: on 30 April 2021 the letters were due 31 July (92 days on) and the leaflet
    # 30 June (61 days on), both more than 60 days ahead; on 31 May the leaflet was 30 days off and
    # the letters 61.
    rated = {item.id: (item.rating.rag, item.days_overdue) for item in tracker.at(date(2021, 4, 30)).tracked}
    assert rated == {"ACT-2020-01": ("green", 0), "ACT-2020-02": ("green", 0)}
    assert {item.id: item.rating.rag for item in tracker.at(date(2021, 5, 31)).tracked} == {
        "ACT-2020-01": "green", "ACT-2020-02": "amber"}
    overdue = {item.id: item.days_overdue for item in tracker.at(date(2021, 8, 31)).tracked}
    assert overdue == {"ACT-2020-01": 0, "ACT-2021-01": 62, "ACT-2021-02": 62}  # 30 June to 31 August


def test_before_the_history_starts_the_records_own_dates_are_used(tracker: Tracker) -> None:
    before = tracker.at(date(2021, 1, 4))
    assert before.plan.basis == "own-dates"
    # Only the letters action, as it is now cut back to that day: the leaflet is now raised in April.
    assert [(item.id, item.action.status, item.action.reviews) for item in before.tracked] == [
        ("ACT-2020-01", "in-progress", ())]
    assert tracker.at(date(2021, 1, 3)).tracked == ()


def test_meeting_periods_run_from_the_day_after_the_meeting_before() -> None:
    from generator.model import Meeting

    meetings = [Meeting(date.fromisoformat(m["date"]), m["name"]) for m in MEETINGS]
    periods = meeting_periods(meetings, AS_OF, fallback_days=90)
    assert [(p.since, p.until) for p in periods] == [
        (date(2021, 6, 9), date(2021, 9, 8)), (date(2021, 3, 10), date(2021, 6, 9)),
        (date(2020, 12, 10), date(2021, 3, 10)),  # the first listed meeting: the 90 days before it
    ]
    assert periods[0].first_day == date(2021, 6, 10) and periods[2].previous is None
    current = period_to(meetings, AS_OF, 90)
    assert (current.since, current.until, current.previous) == (date(2021, 9, 8), AS_OF, meetings[2])
    on_the_day = period_to(meetings, date(2021, 9, 8), 90)  # rebuilding the pack on its meeting's day
    assert on_the_day.since == date(2021, 6, 9)


def test_a_pack_for_each_meeting_held_with_its_own_period(pages: dict[str, str]) -> None:
    packs = sorted(path for path in pages if path.startswith("tracker/meetings/2"))
    assert packs == ["tracker/meetings/2021-03-10.md", "tracker/meetings/2021-06-09.md",
                     "tracker/meetings/2021-09-08.md"]
    june = pages["tracker/meetings/2021-06-09.md"].replace("\\", "")
    assert "as at **9 June 2021**" in june
    changed = june.split("### What changed", 1)[1]
    assert "timescale revised from April 2021 to July 2021" in changed and "Step added" in changed
    assert "Status changed" not in changed  # that was in February, before the meeting of 10 March
    september = pages["tracker/meetings/2021-09-08.md"].replace("\\", "")
    completed = september.split("### Completed in this period", 1)[1].split("###", 1)[0]
    assert "ACT-2020-01" in completed and "completed 30 July 2021" in completed
    assert "| Red (overdue) | 2 |" in september and "| Complete | 1 |" in september
    assert "12 January 2022" in pages["tracker/meetings/index.md"]  # a meeting to come, no pack yet
    assert "tracker/meetings/2022-01-12.md" not in pages


def test_the_changes_page_starts_at_the_last_meeting_before_the_as_of_date(pages: dict[str, str]) -> None:
    changes = pages["tracker/changes.md"].replace("\\", "")
    assert "# What changed since the meeting of 8 September 2021" in changes
    assert "No action record changed in this period." in changes
    assert "12 January 2022" in changes  # the next meeting


def test_a_past_version_with_personal_data_is_never_shown(tmp_path: Path) -> None:
    repo = GitRecords(tmp_path, wales_organisation())
    values = copy.deepcopy(LETTERS)
    repo.action(values, "2020-21")
    repo.commit("2021-01-05")
    values["reviews"] = [{"date": "2021-02-01", "note": "Mrs Pritchard rang to say the letter was late."}]
    repo.action(values, "2020-21")
    repo.commit("2021-02-01")
    values["reviews"] = [{"date": "2021-02-01", "note": "A family rang to say the letter was late."}]
    repo.action(values, "2020-21")
    repo.commit("2021-02-03")
    records = repo.records()
    for day in (date(2021, 2, 2), date(2021, 3, 1)):
        files = tracker_files(records, as_of=day, changed_since=date(2021, 1, 1),
                              record_history=repo.history())
        assert not any("Pritchard" in str(file.content) for file in files), day
    tracker = Tracker(records.actions, repo.history(), names_of(records.organisation), date(2021, 3, 1))
    assert tracker.at(date(2021, 2, 2)).plan.withheld == 1
    assert tracker.at(date(2021, 3, 1)).timelines["ACT-2020-01"].unreadable == 1


def test_a_shallow_clone_says_its_history_is_short(council: GitRecords, tmp_path: Path) -> None:
    import subprocess

    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{council.root}", str(clone)],
                   check=True, capture_output=True)
    history = folder_history(clone, "records/actions")
    assert history.shallow and history.start == date(2021, 8, 20)  # only the last commit is there
    files = tracker_files(load_records(clone), as_of=AS_OF, changed_since=date(2021, 7, 1),
                          record_history=history)
    overview = next(str(f.content) for f in files if f.path == "tracker/index.md")
    assert "shallow clone" in overview


def test_each_changed_action_says_its_status_then_and_now(pages: dict[str, str]) -> None:
    september = pages["tracker/meetings/2021-09-08.md"].replace("\\", "")
    letters = september.split("#### ACT-2020-01", 1)[1].split("####", 1)[0]
    assert "Status at the start of the period: In progress; at its end: Complete." in letters
    leaflet = september.split("#### ACT-2021-01", 1)[1].split("####", 1)[0]
    assert "Status unchanged in this period: Not started." in leaflet  # the same record, moved
    phones = september.split("#### ACT-2021-02", 1)[1].split("####", 1)[0]
    assert "New to the plan in this period" in phones
