"""Plans published with a report: an improvement or action plan agreed after its year ended is
listed in the report its organisation entry names (`report: 2019-20`), with its actions."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Action, Records, Term


@dataclass(frozen=True)
class PublishedPlan:
    """A plan published with a year's report, and its actions in id order."""

    plan: Term
    actions: tuple[Action, ...]


def published_with(plan: Term) -> str | None:
    """The reporting year of the report a plan was published with, if its entry names one."""
    report = plan.extra.get("report")
    return str(report) if report else None


def plans_published(records: Records, year: str) -> tuple[PublishedPlan, ...]:
    """Each plan published with this year's report."""
    return tuple(
        PublishedPlan(plan, tuple(sorted((a for a in records.actions if a.plan == plan.id),
                                         key=lambda action: action.id)))
        for plan in records.organisation.plans if published_with(plan) == year
    )
