"""Typed, immutable records, built from checked values.

Only values that passed the check stage reach here, so construction trusts the shapes the
schemas promise. Dates become `date` objects; taxonomies become lookups.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.years import reporting_year


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class Term:
    """One entry of a taxonomy: an id the records use and the name the public reads."""

    id: str
    name: str
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class ServiceArea(Term):
    group: str | None = None
    formerly: tuple[str, ...] = ()
    customers: dict[str, int | None] = field(default_factory=dict, compare=False)
    note: str | None = None  # published beside the service-area table


@dataclass(frozen=True)
class Subject(Term):
    category: str = ""


@dataclass(frozen=True)
class Stage:
    id: str
    name: str
    respond_working_days: int


@dataclass(frozen=True)
class Meeting:
    """A meeting of the committee that follows the action plan."""

    date: date
    name: str


@dataclass(frozen=True)
class Organisation:
    name: str
    jurisdiction: str
    bank_holidays_country: str
    bank_holidays_subdivision: str | None
    acknowledge_working_days: int
    respond_working_days: int
    extended_working_days: int | None
    stages: tuple[Stage, ...]
    ombudsman_name: str
    ombudsman_id: str
    disclosure_threshold: int
    contact: dict[str, str]
    site: dict[str, str]
    service_areas: tuple[ServiceArea, ...]
    categories: tuple[Term, ...]
    subjects: tuple[Subject, ...]
    receipt_points: tuple[Term, ...]
    receipt_methods: tuple[Term, ...]
    relationships: tuple[Term, ...]
    outcomes: tuple[Term, ...]
    ombudsman_decisions: tuple[Term, ...]
    redirections: tuple[Term, ...]
    departments: tuple[Term, ...]
    action_themes: tuple[Term, ...]
    plans: tuple[Term, ...]
    meetings: tuple[Meeting, ...] = ()  # the committee's meetings, by date

    def term(self, taxonomy: str, term_id: str) -> Term:
        """Look up a term by id in a taxonomy named like the attribute ('service_areas')."""
        for term in getattr(self, taxonomy):
            if term.id == term_id:
                return term
        raise KeyError(f"{term_id!r} is not in {taxonomy}")


@dataclass(frozen=True, slots=True)
class Extension:
    agreed_working_days: int | None
    reason: str


@dataclass(frozen=True, slots=True)
class CaseStage:
    stage: str
    started: date
    acknowledged: date | None
    responded: date | None
    outcome: str | None
    extension: Extension | None


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
    kind: str
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
        return self.kind == "complaint" and self.disposition == "accepted"


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

    year: str = field(init=False, repr=False, compare=False)  # asked for millions of times by the figures

    def __post_init__(self) -> None:
        object.__setattr__(self, "year", reporting_year(self.received))


@dataclass(frozen=True, slots=True)
class Compliment:
    id: str
    received: date
    team: str
    quote: str | None  # only when marked for publication

    year: str = field(init=False, repr=False, compare=False)  # asked for millions of times by the figures

    def __post_init__(self) -> None:
        object.__setattr__(self, "year", reporting_year(self.received))


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


@dataclass(frozen=True)
class PublishedTable:
    """A table as an earlier report published it: rows by taxonomy id, and its stated total."""

    rows: dict[str, int | None]
    total: int
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def rows_sum(self) -> int:
        return sum(value for value in self.rows.values() if value is not None)


@dataclass(frozen=True)
class Fault:
    table: str
    note: str


@dataclass(frozen=True)
class History:
    id: str
    year: str
    source: str
    customers: int | None
    tables: dict[str, PublishedTable]  # representations, outcomes, service_areas, subjects, ...
    ombudsman_received: int | None
    ombudsman_decided: int | None
    faults: tuple[Fault, ...]


@dataclass(frozen=True)
class Records:
    """Everything the report and tracker are computed from."""

    organisation: Organisation
    cases: tuple[Case, ...] = ()
    ombudsman_cases: tuple[OmbudsmanCase, ...] = ()
    compliments: tuple[Compliment, ...] = ()
    actions: tuple[Action, ...] = ()
    histories: tuple[History, ...] = ()

    @property
    def years(self) -> list[str]:
        """Every reporting year with case records or history, oldest first."""
        found = {case.year for case in self.cases} | {history.year for history in self.histories}
        found |= {item.year for item in self.compliments} | {o.year for o in self.ombudsman_cases}
        return sorted(found)


# Building records from checked values -------------------------------------------------------

def _terms(values: list[dict[str, Any]] | None) -> tuple[Term, ...]:
    return tuple(
        Term(item["id"], item["name"], {k: v for k, v in item.items() if k not in ("id", "name")})
        for item in values or ()
    )


def organisation_from(values: dict[str, Any]) -> Organisation:
    taxonomies = values.get("taxonomies", {})
    holidays = values.get("bank_holidays", {})
    targets = values.get("targets", {})
    procedure = values.get("procedure", {})
    categories = _terms(taxonomies.get("subjects"))
    subjects = tuple(
        Subject(sub["id"], sub["name"], category=category["id"])
        for category in taxonomies.get("subjects", ())
        for sub in category.get("subjects", ())
    )
    return Organisation(
        name=values["name"],
        jurisdiction=values["jurisdiction"],
        bank_holidays_country=holidays.get("country", "GB"),
        bank_holidays_subdivision=holidays.get("subdivision"),
        acknowledge_working_days=targets.get("acknowledge_working_days", 3),
        respond_working_days=targets.get("respond_working_days", 20),
        extended_working_days=targets.get("extended_working_days"),
        stages=tuple(
            Stage(stage["id"], stage["name"], stage["respond_working_days"])
            for stage in procedure.get("stages", ())
        ),
        ombudsman_name=procedure.get("ombudsman", {}).get("name", "the Ombudsman"),
        ombudsman_id=procedure.get("ombudsman", {}).get("id", "ombudsman"),
        disclosure_threshold=values.get("disclosure", {}).get("threshold", 0),
        contact=dict(values.get("contact", {})),
        site=dict(values.get("site", {})),
        service_areas=tuple(
            ServiceArea(
                area["id"], area["name"], group=area.get("group"),
                formerly=tuple(area.get("formerly", ())), note=area.get("note"),
                customers={str(year): count for year, count in area.get("customers", {}).items()},
            )
            for area in taxonomies.get("service_areas", ())
        ),
        categories=categories,
        subjects=subjects,
        receipt_points=_terms(taxonomies.get("receipt_points")),
        receipt_methods=_terms(taxonomies.get("receipt_methods")),
        relationships=_terms(taxonomies.get("relationships")),
        outcomes=_terms(taxonomies.get("outcomes")),
        ombudsman_decisions=_terms(taxonomies.get("ombudsman_decisions")),
        redirections=_terms(taxonomies.get("redirections")),
        departments=_terms(taxonomies.get("departments")),
        action_themes=_terms(taxonomies.get("action_themes")),
        plans=_terms(taxonomies.get("plans")),
        meetings=tuple(sorted(
            (Meeting(date.fromisoformat(m["date"]), m["name"]) for m in values.get("meetings", ())),
            key=lambda meeting: meeting.date,
        )),
    )


def _remedies(values: list[dict[str, Any]] | None) -> tuple[Remedy, ...]:
    return tuple(
        Remedy(item["kind"], item.get("amount"), item.get("reason")) for item in values or ()
    )


def case_from(values: dict[str, Any]) -> Case:
    received = date.fromisoformat(values["received"])
    stages = []
    for stage in values.get("stages", ()):
        extension = stage.get("extension")
        stages.append(CaseStage(
            stage=stage["stage"],
            started=_day(stage.get("started")) or received,
            acknowledged=_day(stage.get("acknowledged")),
            responded=_day(stage.get("responded")),
            outcome=stage.get("outcome"),
            extension=Extension(extension.get("agreed_working_days"), extension.get("reason", ""))
            if extension else None,
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
        case_study=CaseStudy(study["raised"], study["done"])
        if study and study.get("publish") is True else None,
    )


def ombudsman_case_from(values: dict[str, Any]) -> OmbudsmanCase:
    return OmbudsmanCase(
        id=values["id"], received=date.fromisoformat(values["received"]),
        decided=_day(values.get("decided")), decision=values.get("decision"),
        case=values.get("case"), repeat_complainant=bool(values.get("repeat_complainant", False)),
        remedies=_remedies(values.get("remedies")), remedy_due=_day(values.get("remedy_due")),
        remedy_completed=_day(values.get("remedy_completed")),
        chased=bool(values.get("chased", False)),
    )


def compliment_from(values: dict[str, Any]) -> Compliment:
    return Compliment(
        id=values["id"], received=date.fromisoformat(values["received"]), team=values["team"],
        quote=values.get("quote") if values.get("publish") is True else None,
    )


def action_from(values: dict[str, Any], source_path: str) -> Action:
    raised_by = values.get("raised_by", {})
    return Action(
        id=values["id"], plan=values["plan"], theme=values["theme"],
        raised=date.fromisoformat(values["raised"]), issue=values["issue"],
        lessons=tuple(values.get("lessons", ())),
        steps=tuple(
            ActionStep(
                action=step["action"], departments=tuple(step.get("departments", ())),
                timescale=str(step["timescale"]),
                revisions=tuple(
                    Revision(str(rev["timescale"]), rev.get("reason", ""), _day(rev.get("agreed")))
                    for rev in step.get("revisions", ())
                ),
                completed=_day(step.get("completed")),
            )
            for step in values.get("actions", ())
        ),
        status=values["status"], completed=_day(values.get("completed")),
        reviews=tuple(
            sorted((Review(date.fromisoformat(r["date"]), r["note"]) for r in values.get("reviews", ())),
                   key=lambda review: review.date)
        ),
        raised_by_cases=tuple(raised_by.get("cases", ())),
        raised_by_themes=tuple(raised_by.get("themes", ())),
        source_path=source_path,
        lead_officer=values.get("lead_officer"),
    )


HISTORY_TABLES = (
    "representations", "outcomes", "service_areas", "subjects", "response_times",
    "receipt_points", "receipt_methods", "complainants", "compliments",
)


def history_from(values: dict[str, Any]) -> History:
    tables = {}
    for name in HISTORY_TABLES:
        table = values.get(name)
        if table is None:
            continue
        extra = {k: v for k, v in table.items() if k not in ("rows", "total")}
        tables[name] = PublishedTable(dict(table.get("rows", {})), table["total"], extra)
    ombudsman = values.get("ombudsman", {})
    return History(
        id=values["id"], year=values["year"], source=values.get("source", ""),
        customers=values.get("customers"), tables=tables,
        ombudsman_received=ombudsman.get("received"), ombudsman_decided=ombudsman.get("decided"),
        faults=tuple(Fault(f["table"], f["note"]) for f in values.get("faults", ())),
    )
