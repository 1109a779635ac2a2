"""Cases, ombudsman cases and compliments, typed from checked values.

A case's stages each have their own dates and outcome and are counted in the reporting year in
which that stage was received (`CaseStage.year`), though the case's file stays in the folder of
the year it was first received (`Case.year`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.counting import DIRECT, is_counted_complaint, stage_route
from generator.model.bilingual import Text, text_of
from generator.years import reporting_year


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@dataclass(frozen=True, slots=True)
class Extension:
    agreed_working_days: int | None
    reason: str


@dataclass(frozen=True, slots=True)
class CaseStage:
    stage: str
    started: date  # the date this stage was received
    acknowledged: date | None
    responded: date | None
    outcome: str | None
    extension: Extension | None
    route: str = DIRECT  # ESCALATED or DIRECT

    year: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "year", reporting_year(self.started))


@dataclass(frozen=True, slots=True)
class Remedy:
    kind: str  # apology | financial | non-financial
    amount: float | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class CaseStudy:
    raised: str
    done: str


@dataclass(frozen=True, slots=True)  # one per record: no dict per object at 300,000
class Case:
    id: str
    kind: str  # complaint | informal-complaint | enquiry | request-for-service
    disposition: str
    redirected_to: str | None
    received: date
    service_area: str | None
    subject: str | None
    themes: tuple[str, ...]
    receipt_point: str | None
    receipt_method: str | None
    complainant: str | None
    advocate: bool
    joint_with_nhs: bool
    commissioned_provider: bool
    stages: tuple[CaseStage, ...]
    remedies: tuple[Remedy, ...]
    actions: tuple[str, ...]
    case_study: CaseStudy | None  # only when marked for publication

    year: str = field(init=False, repr=False, compare=False)  # asked for millions of times by the figures

    def __post_init__(self) -> None:
        object.__setattr__(self, "year", reporting_year(self.received))

    @property
    def is_complaint(self) -> bool:
        """A formal complaint accepted into the procedure: what the report's tables count."""
        return is_counted_complaint(self.kind, self.disposition)


ON_TIME, LATE, NOT_COMPLIED = "on-time", "late", "not-complied"


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One recommendation of the ombudsman, and whether the council complied (None: not yet known)."""

    due: date
    complied: str | None  # ON_TIME | LATE | NOT_COMPLIED
    completed: date | None


@dataclass(frozen=True, slots=True)
class OmbudsmanCase:
    id: str
    received: date
    decided: date | None
    decision: str | None
    case: str | None
    repeat_complainant: bool
    remedies: tuple[Remedy, ...]
    remedy_due: date | None
    remedy_completed: date | None
    chased: bool
    # As the ombudsman decides: its own category (None: found from the decision, see
    # figures.ombudsman_categories), investigated in detail (None: as the category says), and
    # whether the council had already offered a satisfactory remedy.
    category: str | None = None
    investigated: bool | None = None
    remedied_by_council: bool = False
    recommendations: tuple[Recommendation, ...] = ()
    service_area: str | None = None
    service_group: str | None = None

    year: str = field(init=False, repr=False, compare=False)  # asked for millions of times by the figures

    def __post_init__(self) -> None:
        object.__setattr__(self, "year", reporting_year(self.received))

    def open_at_end_of(self, year_end: date) -> bool:
        """Still undecided at the end of a year (the year's last day): received by then, not decided."""
        return self.received <= year_end and (self.decided is None or self.decided > year_end)


@dataclass(frozen=True, slots=True)
class Compliment:
    id: str
    received: date
    team: str
    quote: str | None  # only when marked for publication

    year: str = field(init=False, repr=False, compare=False)  # asked for millions of times by the figures

    def __post_init__(self) -> None:
        object.__setattr__(self, "year", reporting_year(self.received))


def _remedies(values: list[dict[str, Any]] | None, *, published: bool = False) -> tuple[Remedy, ...]:
    """Each remedy; a published one (the ombudsman's) with the Welsh of its reason."""
    return tuple(
        Remedy(item["kind"], item.get("amount"), text_of(item, "reason") if published else item.get("reason"))
        for item in values or ()
    )


def _case_study(study: dict[str, Any] | None) -> CaseStudy | None:
    """The case study, with the Welsh of each part, when it is marked for publication."""
    if not study or study.get("publish") is not True:
        return None
    return CaseStudy(Text(study["raised"], study.get("raised_cy")), Text(study["done"], study.get("done_cy")))


def case_from(values: dict[str, Any]) -> Case:
    received = date.fromisoformat(values["received"])
    stages = []
    for index, stage in enumerate(values.get("stages", ())):
        extension = stage.get("extension")
        stages.append(CaseStage(
            stage=stage["stage"],
            started=_day(stage.get("started")) or received,
            acknowledged=_day(stage.get("acknowledged")),
            responded=_day(stage.get("responded")),
            outcome=stage.get("outcome"),
            extension=Extension(extension.get("agreed_working_days"), extension.get("reason", ""))
            if extension else None,
            route=stage_route(index, stage.get("route")),
        ))
    study = values.get("case_study")
    return Case(
        id=values["id"], kind=values["kind"], disposition=values.get("disposition", "accepted"),
        redirected_to=values.get("redirected_to"), received=received,
        service_area=values.get("service_area"), subject=values.get("subject"),
        themes=tuple(values.get("themes", ())), receipt_point=values.get("receipt_point"),
        receipt_method=values.get("receipt_method"), complainant=values.get("complainant"),
        advocate=bool(values.get("advocate", False)),
        joint_with_nhs=bool(values.get("joint_with_nhs", False)),
        commissioned_provider=bool(values.get("commissioned_provider", False)),
        stages=tuple(stages), remedies=_remedies(values.get("remedies")),
        actions=tuple(values.get("actions", ())),
        case_study=_case_study(study),
    )


def ombudsman_case_from(values: dict[str, Any]) -> OmbudsmanCase:
    return OmbudsmanCase(
        id=values["id"], received=date.fromisoformat(values["received"]),
        decided=_day(values.get("decided")), decision=values.get("decision"),
        case=values.get("case"), repeat_complainant=bool(values.get("repeat_complainant", False)),
        remedies=_remedies(values.get("remedies"), published=True), remedy_due=_day(values.get("remedy_due")),
        remedy_completed=_day(values.get("remedy_completed")),
        chased=bool(values.get("chased", False)),
        category=values.get("category"), investigated=values.get("investigated"),
        remedied_by_council=bool(values.get("remedied_by_council", False)),
        recommendations=_recommendations(values),
        service_area=values.get("service_area"), service_group=values.get("service_group"),
    )


def _recommendations(values: dict[str, Any]) -> tuple[Recommendation, ...]:
    """The recommendations as written; without them, the remedy as one recommendation, complied on
    time or late by its completed date (not yet known while it is not completed)."""
    written = values.get("recommendations")
    if written:
        return tuple(Recommendation(date.fromisoformat(item["due"]), item.get("complied"),
                                    _day(item.get("completed"))) for item in written)
    due, completed = _day(values.get("remedy_due")), _day(values.get("remedy_completed"))
    if due is None:
        return ()
    complied = None if completed is None else ON_TIME if completed <= due else LATE
    return (Recommendation(due, complied, completed),)


def compliment_from(values: dict[str, Any]) -> Compliment:
    return Compliment(
        id=values["id"], received=date.fromisoformat(values["received"]), team=values["team"],
        quote=text_of(values, "quote") if values.get("publish") is True else None,
    )
