"""Rules of dates: each in order after the one it follows, none of what was done in the future,
and action timescales that are real months or days."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from generator.check.fields import values_at
from generator.check.repository import Repository, as_list, day, value_at
from generator.load import Location, RecordFile
from generator.problems import Problem

# Dates of things planned rather than done may lie ahead.
PLANNED_DATES = frozenset({"remedy_due"})


def _before(record: RecordFile, location: Location, later: date, earlier_name: str, earlier: date) -> Problem:
    return record.problem(location, f"{later} is before {earlier_name} ({earlier}); check both dates")


def dates_in_order(record: RecordFile) -> Iterator[Problem]:
    values = record.values
    if record.kind == "case":
        yield from _case_dates(record)
    elif record.kind == "ombudsman":
        decided = day(values.get("decided"))
        received = day(values.get("received"))
        if decided and received and decided < received:
            yield _before(record, ("decided",), decided, "the date received", received)
        for name in ("remedy_due", "remedy_completed"):
            when = day(values.get(name))
            if when and decided and when < decided:
                yield _before(record, (name,), when, "the date decided", decided)
    elif record.kind == "action":
        raised = day(values.get("raised"))
        if raised is None:
            return
        completed = day(values.get("completed"))
        if completed and completed < raised:
            yield _before(record, ("completed",), completed, "the date raised", raised)
        for index, review in enumerate(as_list(values.get("reviews"))):
            when = day(value_at(review, "date"))
            if when and when < raised:
                yield _before(record, ("reviews", index, "date"), when, "the date raised", raised)


def _case_dates(record: RecordFile) -> Iterator[Problem]:
    received = day(record.values.get("received"))
    previous_responded: date | None = None
    for index, stage in enumerate(as_list(record.values.get("stages"))):
        if not isinstance(stage, dict):
            continue
        started = day(stage.get("started"))
        here: Location = ("stages", index)
        if index == 0:
            start, start_name = (
                (started, "the date this stage started") if started else (received, "the date received")
            )
            if started and received and started < received:
                yield _before(record, (*here, "started"), started, "the date received", received)
        else:
            start, start_name = started, "the date this stage started"
            if "started" not in stage:
                yield record.problem(
                    here, "needs `started: YYYY-MM-DD`: a later stage must give the date it began"
                )
            elif started and previous_responded is None:
                yield record.problem(
                    (*here, "started"),
                    (
                        f"stages[{index - 1}] has no responded date yet: a later stage can only start "
                        "after the earlier one has its response"
                    ),
                )
            elif started and previous_responded and started < previous_responded:
                yield _before(
                    record,
                    (*here, "started"),
                    started,
                    f"the response to stages[{index - 1}]",
                    previous_responded,
                )
        acknowledged, responded = day(stage.get("acknowledged")), day(stage.get("responded"))
        if acknowledged and start and acknowledged < start:
            yield _before(record, (*here, "acknowledged"), acknowledged, start_name, start)
        if responded and acknowledged and responded < acknowledged:
            yield _before(record, (*here, "responded"), responded, "the date acknowledged", acknowledged)
        elif responded and start and responded < start:
            yield _before(record, (*here, "responded"), responded, start_name, start)
        previous_responded = responded


def future_dates(record: RecordFile, repository: Repository) -> Iterator[Problem]:
    for pattern in repository.date_fields.get(record.kind, ()):
        if pattern[-1] in PLANNED_DATES:
            continue
        for location, value in values_at(record.values, pattern):
            when = day(value)
            if when and when > repository.today:
                yield record.problem(location, f"{when} is in the future (today is {repository.today})")


def timescales(record: RecordFile) -> Iterator[Problem]:
    if record.kind != "action":
        return
    for pattern in (("actions", "*", "timescale"), ("actions", "*", "revisions", "*", "timescale")):
        for location, value in values_at(record.values, pattern):
            if (
                not isinstance(value, str)
                or value == "ongoing"
                or not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value)
            ):
                continue
            whole = value if len(value) == 10 else f"{value}-01"
            if day(whole) is None:
                kind = "date" if len(value) == 10 else "month"
                yield record.problem(location, f"{value} is not a real {kind}")
