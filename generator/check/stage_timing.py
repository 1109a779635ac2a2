"""Whether a stage's answer was sent within its response target, counted as the site's stages table
counts it: working days after the stage was received up to the day it was answered, in the nation's
calendar, against that stage's own target.

A history record's `<stage>:within-target` row is compared with this count only when it publishes
one, so a check of a year without such a row never imports the calendar (`holidays` costs a warm
check a fifth of its time).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from generator.check.repository import value_at
from generator.nations import holiday_calendar, stage_targets

if TYPE_CHECKING:
    from generator.workingdays import Region

WITHIN_TARGET = "within-target"


@dataclass(frozen=True)
class StageTiming:
    region: Region
    targets: dict[str, int]  # stage id -> response target in working days

    @classmethod
    def of(cls, organisation: dict[str, Any]) -> StageTiming:
        from generator.workingdays import Region  # imported here: see the module's note

        return cls(Region(*holiday_calendar(organisation)), stage_targets(organisation))

    def in_time(self, stage: dict[str, Any], received: Any) -> bool:
        """An answered stage (`responded` written) answered within its stage's target; a stage
        without its own `started` was received with the case."""
        from generator.workingdays import working_days_between

        started = _day(value_at(stage, "started")) or _day(received)
        responded = _day(value_at(stage, "responded"))
        target = self.targets.get(str(stage.get("stage")))
        if started is None or responded is None or target is None:
            return False
        return working_days_between(started, responded, self.region) <= target


def publishes_within_target(history: dict[str, Any]) -> bool:
    """The history record's stages table publishes a share or count of answers within a target."""
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
