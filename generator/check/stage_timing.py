"""The tables of a history record that need working days, counted as the site counts them: how long
each first-stage response took (in the bands of the first stage's target), whether each complaint
was acknowledged within its stage's target, and whether each stage's answer was sent within that
stage's response target. Working days are those after the stage was received up to the day of the
reply, in the nation's calendar (`generator.workingdays`).

These are counted only for a history record that publishes one of them, so a check of a year
without them never imports the calendar (`holidays` costs a warm check a fifth of its time).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from generator.check.repository import as_list, value_at
from generator.counting import STILL_OPEN, response_band, response_bands
from generator.nations import FIRST_STAGE_DEFAULTS, holiday_calendar, stage_targets

if TYPE_CHECKING:
    from generator.workingdays import Region

WITHIN_TARGET = "within-target"
TIMED_TABLES = ("response_times", "acknowledgements")
IN_TIME, LATE, NOT_RECORDED = "in-time", "late", "not-recorded"


@dataclass(frozen=True)
class StageTiming:
    region: Region
    respond: dict[str, int | None]  # stage id -> response target in working days
    acknowledge: dict[str, int | None]  # stage id -> acknowledgement target

    @classmethod
    def of(cls, organisation: dict[str, Any]) -> StageTiming:
        from generator.workingdays import Region  # imported here: see the module's note

        return cls(Region(*holiday_calendar(organisation)), stage_targets(organisation),
                   stage_targets(organisation, "acknowledge_working_days"))

    def days(self, stage: dict[str, Any], received: Any, reply: str) -> int | None:
        """Working days from the stage's start (its own `started`, else the case's date received)
        to its `reply` (`responded`, `acknowledged`); None when not written."""
        from generator.workingdays import working_days_between

        started = _day(value_at(stage, "started")) or _day(received)
        replied = _day(value_at(stage, reply))
        return working_days_between(started, replied, self.region) if started and replied else None

    def in_time(self, stage: dict[str, Any], received: Any) -> bool:
        """An answered stage answered within its own stage's response target."""
        taken = self.days(stage, received, "responded")
        target = self.respond.get(str(stage.get("stage")))
        return taken is not None and target is not None and taken <= target

    def acknowledgement(self, stage: dict[str, Any] | None, received: Any) -> str:
        """In time or late against the acknowledgement target of the stage the complaint started
        at (a later stage's own, else the first stage's), or not recorded."""
        taken = self.days(stage, received, "acknowledged") if stage else None
        if taken is None:
            return NOT_RECORDED
        first = next(iter(self.acknowledge), None)
        started_at = str(stage.get("stage")) if stage else first
        own = self.acknowledge.get(started_at) if started_at != first else None
        target = own or self.acknowledge.get(first) or FIRST_STAGE_DEFAULTS["acknowledge_working_days"]
        return IN_TIME if taken <= target else LATE

    def first_stage(self) -> str | None:
        return next(iter(self.respond), None)


def response_times(complaints: list[dict[str, Any]], timing: StageTiming) -> tuple[Counter[str], int, int]:
    """The year's complaints at the procedure's first stage by band of its response time: the
    bands' counts, how many were counted, and how many are still open (in no band)."""
    first = timing.first_stage()
    bands = response_bands(timing.respond.get(first) or 0) if first else ()
    counted: Counter[str] = Counter()
    at_first = 0
    for complaint in complaints:
        stages = as_list(complaint.get("stages"))
        stage = stages[0] if stages and isinstance(stages[0], dict) else None
        if stage is not None and stage.get("stage") != first:
            continue  # went straight to a later stage: counted at that stage only
        at_first += 1
        taken = timing.days(stage, complaint.get("received"), "responded") if stage else None
        counted[response_band(taken, bands)] += 1
    still_open = counted.pop(STILL_OPEN, 0)
    return counted, at_first, still_open


def acknowledgements(complaints: list[dict[str, Any]], timing: StageTiming) -> Counter[str]:
    """The year's complaints by whether their first stage was acknowledged within its target."""
    counted: Counter[str] = Counter()
    for complaint in complaints:
        stages = as_list(complaint.get("stages"))
        stage = stages[0] if stages and isinstance(stages[0], dict) else None
        counted[timing.acknowledgement(stage, complaint.get("received"))] += 1
    return counted


def publishes_timed(history: dict[str, Any]) -> bool:
    """The history record publishes a table that needs working days: response times,
    acknowledgements, or a stage's answers within its target."""
    if any(isinstance(history.get(table), dict) for table in TIMED_TABLES):
        return True
    stages = history.get("stages")
    written = [*(value_at(stages, "rows") or {}), *(value_at(stages, "percentages") or {})]
    return any(str(row).endswith(f":{WITHIN_TARGET}") for row in written)


def _day(written: Any) -> date | None:
    if isinstance(written, date):
        return written
    try:
        return date.fromisoformat(written) if isinstance(written, str) else None
    except ValueError:
        return None
