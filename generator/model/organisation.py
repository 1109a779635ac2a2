"""The organisation: its procedure, its wording, what it records, and the lists records choose from.

Everything a council can say differently from another council is read here, with the defaults of
its nation (`generator.nations`) for whatever the file leaves out, so that a minimal
organisation file works and the figures and pages never assume one council's words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.counting import is_upheld as counted_as_upheld
from generator.language import N_, welsh_of
from generator.model.bilingual import SUFFIX, Text, candours, text_of, texts_of
from generator.nations import (
    NATIONS,
    RECORDABLE,
    Nation,
    default_stages,
    holiday_calendar,
    services_wording,
    stage_target,
)

# The kinds of representation a case can be, in the order the representations table lists them.
KINDS = ("complaint", "informal-complaint", "enquiry", "request-for-service")
KIND_NAMES = {
    "complaint": N_("Formal complaints"),
    "informal-complaint": N_("Informal complaints"),
    "enquiry": N_("Enquiries"),
    "request-for-service": N_("Requests for service"),
}


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
    """One stage of the procedure, with its own targets in working days."""

    id: str
    name: str
    respond_working_days: int
    extended_working_days: int | None = None
    acknowledge_working_days: int | None = None


@dataclass(frozen=True)
class Kind:
    """A kind of representation as the council names it, with its own definition if it gave one."""

    id: str
    name: str
    definition: str | None = None


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
    services: tuple[str, ...] = ("adults",)
    # The site's languages: the first at the site's root, each other in a folder of its code (cy/).
    languages: tuple[str, ...] = ("en",)
    services_name: str = "adult social care"  # what the report covers, in running text
    title: str = "Adult social care complaints and compliments"
    published: frozenset[str] = frozenset()  # years whose report is final (report: published)
    kinds: tuple[Kind, ...] = tuple(Kind(kind, candours(KIND_NAMES[kind])) for kind in KINDS)
    kinds_listed: bool = False  # the file lists the kinds it records (`representations`)
    recorded: frozenset[str] = frozenset(RECORDABLE)
    # The tables where a share means something show each row's share of the year's total, and
    # its change on the year before, unless `report: {shares: false, changes: false}` says not.
    shares: bool = True
    changes: bool = True

    def term(self, taxonomy: str, term_id: str) -> Term:
        """Look up a term by id in a taxonomy named like the attribute ('service_areas')."""
        for term in getattr(self, taxonomy):
            if term.id == term_id:
                return term
        raise KeyError(f"{term_id!r} is not in {taxonomy}")

    def records(self, section: str) -> bool:
        """Whether the council records this section (`RECORDABLE`): if not, it is not shown."""
        return section in self.recorded

    def kind(self, kind_id: str) -> Kind:
        return next((kind for kind in self.kinds if kind.id == kind_id), Kind(kind_id, kind_id))

    @property
    def complaints_name(self) -> str:
        """What the council calls the complaints its tables count: 'Formal complaints', 'Stage 1
        complaints', 'Statutory complaints'."""
        return self.kind("complaint").name

    @property
    def upheld_outcomes(self) -> frozenset[str]:
        """The outcomes that count as upheld in full or in part."""
        return frozenset(term.id for term in self.outcomes if is_upheld(term))

    @property
    def service_groups(self) -> tuple[str, ...]:
        """The groups service areas sit in (adults, children), in the file's order."""
        return tuple(dict.fromkeys(area.group for area in self.service_areas if area.group))

    @property
    def nation(self) -> Nation:
        return NATIONS[self.jurisdiction]


def is_upheld(term: Term) -> bool:
    return counted_as_upheld(term.id, term.extra.get("upheld"))


def sentence(text: str) -> str:
    """The text as the start of a sentence: 'adult social care' -> 'Adult social care'."""
    return text[:1].upper() + text[1:]


def lower(name: str) -> str:
    """A name inside a sentence: 'Formal complaints' -> 'formal complaints' (an initialism such as
    'NHS complaints' is left as it is)."""
    def lowered(text: str) -> str:
        return text if text[:2].isupper() else text[:1].lower() + text[1:]

    welsh = getattr(name, "cy", None)  # a name with its Welsh keeps it, lowered the same way
    return Text(lowered(name), lowered(welsh)) if welsh else lowered(name)


def _terms(values: list[dict[str, Any]] | None) -> tuple[Term, ...]:
    return tuple(
        Term(item["id"], _name(item), {k: v for k, v in item.items() if k not in ("id", "name", "name_cy")})
        for item in values or ()
    )


def _name(values: dict[str, Any], name: str = "name") -> Text:
    """A name the public reads, with its Welsh when the file gives one."""
    return Text(values[name], values.get(name + SUFFIX))


def _named(values: dict[str, Any], name: str, default: str) -> Text:
    """An optional name (the default when the file gives none), with its Welsh."""
    return _name(values, name) if isinstance(values.get(name), str) else candours(default)


TITLE = N_("%(services)s complaints and compliments")  # the report's title when the file gives none


def _title(services: Text) -> Text:
    """The default title in each language, from the services the report covers."""
    welsh = welsh_of(TITLE)
    return Text(sentence(TITLE % {"services": services}),
                sentence(welsh % {"services": services.cy or services}) if welsh else None)


def _contact(values: dict[str, Any]) -> dict[str, str]:
    """The council's contact details; the team's name with its Welsh."""
    contact = {key: value for key, value in values.items() if not key.endswith(SUFFIX)}
    if isinstance(contact.get("team"), str):
        contact["team"] = _name(values, "team")
    return contact


def _stages(values: list[dict[str, Any]], targets: dict[str, Any]) -> tuple[Stage, ...]:
    """Each stage with its own targets; the first stage falls back on the council's `targets`."""
    stages = []
    for index, stage in enumerate(values):
        first = index == 0
        stages.append(Stage(
            stage["id"], _name(stage), stage["respond_working_days"],
            extended_working_days=stage_target(stage, targets, first, "extended_working_days"),
            acknowledge_working_days=stage_target(stage, targets, first, "acknowledge_working_days"),
        ))
    return tuple(stages)


def _kinds(values: dict[str, Any] | None) -> tuple[Kind, ...]:
    """The kinds the council records, as it names them: those its file lists (formal complaints
    always), or every kind when it lists none."""
    listed = values or {}
    return tuple(
        Kind(kind, _named(listed.get(kind) or {}, "name", KIND_NAMES[kind]),
             text_of(listed.get(kind) or {}, "definition"))
        for kind in KINDS if not listed or kind in listed or kind == "complaint"
    )


def organisation_from(values: dict[str, Any]) -> Organisation:
    taxonomies = values.get("taxonomies", {})
    nation = NATIONS[values["jurisdiction"]]
    country, subdivision = holiday_calendar(values)
    targets = values.get("targets", {})
    procedure = values.get("procedure", {})
    services = tuple(values.get("services", ("adults",)))
    written = procedure.get("stages") or [
        {**stage, "name_cy": welsh_of(stage["name"])} for stage in default_stages(nation.id, services)]
    stages = _stages(written, targets)
    ombudsman = procedure.get("ombudsman") or {
        "id": nation.ombudsman_id, "name": nation.ombudsman_name, "name_cy": welsh_of(nation.ombudsman_name)}
    report = values.get("report", {})
    services_name = _named(report, "services_name", services_wording(nation, services))
    recorded = values.get("recorded", {})
    categories = _terms(taxonomies.get("subjects"))
    subjects = tuple(
        Subject(sub["id"], _name(sub), category=category["id"])
        for category in taxonomies.get("subjects", ())
        for sub in category.get("subjects", ())
    )
    return Organisation(
        name=_name(values),
        jurisdiction=values["jurisdiction"],
        bank_holidays_country=country,
        bank_holidays_subdivision=subdivision,
        acknowledge_working_days=stages[0].acknowledge_working_days or 3,
        respond_working_days=stages[0].respond_working_days,
        extended_working_days=stages[0].extended_working_days,
        stages=stages,
        ombudsman_name=_named(ombudsman, "name", "the Ombudsman"),
        ombudsman_id=ombudsman.get("id", "ombudsman"),
        disclosure_threshold=values.get("disclosure", {}).get("threshold", 0),
        contact=_contact(values.get("contact", {})),
        site=dict(values.get("site", {})),
        service_areas=tuple(
            ServiceArea(
                area["id"], _name(area), group=text_of(area, "group"),
                formerly=texts_of(area, "formerly"), note=text_of(area, "note"),
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
            (Meeting(date.fromisoformat(m["date"]), _name(m)) for m in values.get("meetings", ())),
            key=lambda meeting: meeting.date,
        )),
        services=services,
        languages=tuple(values.get("languages", ("en",))),
        services_name=services_name,
        title=_name(report, "title") if isinstance(report.get("title"), str) else _title(services_name),
        published=frozenset(str(year) for year in report.get("published", ())),
        kinds=_kinds(values.get("representations")),
        kinds_listed="representations" in values,
        recorded=frozenset(section for section in RECORDABLE if recorded.get(section, True) is not False),
        shares=report.get("shares", True) is not False,
        changes=report.get("changes", True) is not False,
    )
