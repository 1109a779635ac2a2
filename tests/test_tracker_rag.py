"""The RAG rule on its boundaries, timescales, and how an action's steps make its timescale."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from generator.model import action_from
from generator.tracker.rag import AMBER, DUE_SOON_DAYS, GREEN, RED, RULE, rate
from generator.tracker.timescales import due_date, months_before, timescale_text
from generator.tracker.tracked import track, track_all

AS_OF = date(2020, 12, 1)


def _rate(due: date | None, *, revisions: int = 0, complete: bool = False, completed: date | None = None,
          last_review: date | None = None, as_of: date = AS_OF) -> tuple[str, bool]:
    rating = rate(complete=complete, completed=completed, due=due, revisions=revisions,
                  last_review=last_review, as_of=as_of)
    return rating.rag, rating.overdue


def test_exactly_on_the_due_date_is_amber_not_overdue() -> None:
    assert _rate(AS_OF) == (AMBER, False)


def test_the_day_after_the_due_date_is_red_and_overdue() -> None:
    assert _rate(AS_OF - timedelta(days=1)) == (RED, True)


def test_due_60_days_ahead_is_amber_and_61_days_ahead_is_green() -> None:
    assert DUE_SOON_DAYS == 60
    assert _rate(AS_OF + timedelta(days=60)) == (AMBER, False)
    assert _rate(AS_OF + timedelta(days=61)) == (GREEN, False)


def test_revised_once_stays_green_but_twice_is_amber() -> None:
    far = AS_OF + timedelta(days=200)
    assert _rate(far, revisions=1) == (GREEN, False)
    assert _rate(far, revisions=2) == (AMBER, False)


def test_revised_twice_and_past_due_is_red() -> None:
    assert _rate(AS_OF - timedelta(days=1), revisions=2) == (RED, True)


def test_complete_is_green_even_when_past_due() -> None:
    assert _rate(date(2020, 3, 31), complete=True, completed=date(2020, 5, 30)) == (GREEN, False)
    assert _rate(date(2020, 3, 31), complete=True) == (GREEN, False)


def test_completed_after_the_as_of_date_is_judged_as_not_yet_complete() -> None:
    assert _rate(date(2020, 3, 31), complete=True, completed=date(2021, 1, 5)) == (RED, True)


def test_ongoing_is_green_when_reviewed_within_six_months_and_amber_otherwise() -> None:
    assert _rate(None, last_review=date(2020, 6, 1)) == (GREEN, False)  # exactly six months before
    assert _rate(None, last_review=date(2020, 5, 31)) == (AMBER, False)
    assert _rate(None, last_review=None) == (AMBER, False)


def test_ongoing_revised_twice_is_amber_even_when_reviewed() -> None:
    assert _rate(None, revisions=2, last_review=date(2020, 11, 1)) == (AMBER, False)


def test_the_reason_names_the_due_date_and_the_as_of_date() -> None:
    rating = rate(complete=False, completed=None, due=date(2020, 3, 31), revisions=0, last_review=None,
                  as_of=AS_OF)
    assert rating.reason == "Red: due 31 March 2020, not complete as of 1 December 2020."


def test_the_rule_on_the_page_states_the_numbers_the_code_uses() -> None:
    text = " ".join(RULE)
    assert f"within the next {DUE_SOON_DAYS} days" in text
    assert "revised more than once" in text
    assert "6 months" in text


@pytest.mark.parametrize(("timescale", "due"), [
    ("2020-03", date(2020, 3, 31)),
    ("2020-02", date(2020, 2, 29)),  # a leap year
    ("2021-02", date(2021, 2, 28)),
    ("2020-12", date(2020, 12, 31)),
    ("2020-03-15", date(2020, 3, 15)),
    ("ongoing", None),
])
def test_a_month_falls_due_on_its_last_day(timescale: str, due: date | None) -> None:
    assert due_date(timescale) == due


def test_timescales_read_as_the_council_writes_them() -> None:
    assert timescale_text("2020-03") == "March 2020"
    assert timescale_text("2020-03-05") == "5 March 2020"
    assert timescale_text("ongoing") == "Ongoing"


def test_months_before_keeps_to_the_end_of_a_shorter_month() -> None:
    assert months_before(date(2020, 8, 31), 6) == date(2020, 2, 29)
    assert months_before(date(2021, 1, 15), 2) == date(2020, 11, 15)


def _action(action_id: str = "ACT-2018-04", *, steps: list[dict[str, Any]] | None = None,
            status: str = "in-progress", **more: Any) -> Any:
    values = {
        "id": action_id, "plan": "learning-2018-19", "theme": "financial", "raised": "2019-01-15",
        "issue": "An issue.", "status": status,
        "actions": steps or [{"action": "Do it.", "departments": ["brokerage"], "timescale": "2020-03"}],
        **more,
    }
    return action_from(values, f"records/actions/2018-19/{action_id}.yaml")


def test_a_month_timescale_is_not_overdue_until_the_month_has_ended() -> None:
    action = _action()
    assert track(action, date(2020, 3, 31)).rating.rag == AMBER
    assert track(action, date(2020, 4, 1)).rating.overdue


def test_an_action_is_due_when_its_last_dated_step_is_due_using_revised_timescales() -> None:
    action = _action(steps=[
        {"action": "First.", "departments": ["brokerage"], "timescale": "2020-03",
         "revisions": [{"timescale": "2020-06", "reason": "Consultation extended"}]},
        {"action": "Second.", "departments": ["care-management", "brokerage"], "timescale": "2020-05-15"},
        {"action": "Third.", "departments": ["all-teams"], "timescale": "ongoing"},
    ])
    tracked = track(action, AS_OF)
    assert tracked.timescale == "2020-06"
    assert tracked.original_timescale == "2020-05-15"
    assert tracked.revisions == 1
    assert tracked.departments == ("brokerage", "care-management", "all-teams")
    assert tracked.rating.overdue


def test_an_action_whose_steps_are_all_ongoing_is_judged_by_its_reviews() -> None:
    action = _action(steps=[{"action": "Keep at it.", "departments": ["brokerage"], "timescale": "ongoing"}],
                     status="ongoing", reviews=[{"date": "2020-10-01", "note": "Reviewed."},
                                                {"date": "2021-01-01", "note": "After the as-of date."}])
    assert track(action, AS_OF).rating.rag == GREEN
    assert track(action, date(2021, 6, 1)).rating.rag == GREEN
    assert track(action, date(2021, 7, 2)).rating.rag == AMBER


def test_the_overview_puts_overdue_first_then_by_due_date_then_ongoing_then_complete() -> None:
    def step(timescale: str) -> list[dict[str, Any]]:
        return [{"action": "Do it.", "departments": ["brokerage"], "timescale": timescale}]

    actions = [
        _action("ACT-2018-01", steps=step("2021-06")),
        _action("ACT-2018-02", steps=step("ongoing"), status="ongoing",
                reviews=[{"date": "2020-11-01", "note": "Fine."}]),
        _action("ACT-2018-03", steps=step("2020-01"), status="complete", completed="2020-01-20"),
        _action("ACT-2018-04", steps=step("2020-09")),
        _action("ACT-2018-05", steps=step("2020-12-20")),
        _action("ACT-2018-06", steps=step("2020-03")),
    ]
    order = [tracked.id for tracked in track_all(actions, AS_OF)]
    assert order == ["ACT-2018-06", "ACT-2018-04", "ACT-2018-05", "ACT-2018-01", "ACT-2018-02", "ACT-2018-03"]
