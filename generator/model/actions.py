"""Learning actions and improvement actions, typed from checked values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.model.bilingual import Text, text_of, texts_of
from generator.years import reporting_year


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class Revision:
    timescale: str
    reason: str
    agreed: date | None


@dataclass(frozen=True)
class ActionStep:
    action: str
    departments: tuple[str, ...]
    timescale: str  # YYYY-MM-DD, YYYY-MM or 'ongoing'
    revisions: tuple[Revision, ...]
    completed: date | None = None  # the day this step was done

    @property
    def current_timescale(self) -> str:
        return self.revisions[-1].timescale if self.revisions else self.timescale


@dataclass(frozen=True)
class Review:
    date: date
    note: str


@dataclass(frozen=True)
class Action:
    id: str
    plan: str
    theme: str
    raised: date
    issue: str
    lessons: tuple[str, ...]
    steps: tuple[ActionStep, ...]
    status: str
    completed: date | None
    reviews: tuple[Review, ...]
    raised_by_cases: tuple[str, ...]
    raised_by_themes: tuple[str, ...]
    source_path: str
    lead_officer: str | None = None  # the role that leads the action, never a person's name

    @property
    def year(self) -> str:
        return reporting_year(self.raised)




def action_from(values: dict[str, Any], source_path: str) -> Action:
    raised_by = values.get("raised_by", {})
    return Action(
        id=values["id"], plan=values["plan"], theme=values["theme"],
        raised=date.fromisoformat(values["raised"]), issue=Text(values["issue"], values.get("issue_cy")),
        lessons=texts_of(values, "lessons"),
        steps=tuple(
            ActionStep(
                action=Text(step["action"], step.get("action_cy")),
                departments=tuple(step.get("departments", ())),
                timescale=str(step["timescale"]),
                revisions=tuple(
                    Revision(str(rev["timescale"]), text_of(rev, "reason") or "", _day(rev.get("agreed")))
                    for rev in step.get("revisions", ())
                ),
                completed=_day(step.get("completed")),
            )
            for step in values.get("actions", ())
        ),
        status=values["status"], completed=_day(values.get("completed")),
        reviews=tuple(
            sorted((Review(date.fromisoformat(r["date"]), Text(r["note"], r.get("note_cy")))
                    for r in values.get("reviews", ())),
                   key=lambda review: review.date)
        ),
        raised_by_cases=tuple(raised_by.get("cases", ())),
        raised_by_themes=tuple(raised_by.get("themes", ())),
        source_path=source_path,
        lead_officer=text_of(values, "lead_officer"),
    )

