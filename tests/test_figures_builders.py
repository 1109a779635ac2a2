"""Small records for the figures tests, written here so each test states exactly what it counts.

(No tests in this module: the figures test modules import its builders.)
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

from generator.model import (
    Case,
    Compliment,
    History,
    OmbudsmanCase,
    Organisation,
    Records,
    case_from,
    compliment_from,
    history_from,
    ombudsman_case_from,
    organisation_from,
)
from generator.workingdays import Region, add_working_days

ORGANISATION: dict[str, Any] = {
    "id": "organisation",
    "name": "Testshire Council",
    "jurisdiction": "england",
    "report": {"published": ["2019-20"]},  # final: a provisional year gives no changes
    "bank_holidays": {"country": "GB", "subdivision": "ENG"},
    "targets": {"acknowledge_working_days": 3, "respond_working_days": 20, "extended_working_days": 40},
    "procedure": {
        "stages": [{"id": "local", "name": "Local resolution", "respond_working_days": 20}],
        "ombudsman": {"id": "lgsco", "name": "Local Government and Social Care Ombudsman"},
    },
    "taxonomies": {
        "service_areas": [
            {"id": "north", "name": "North Team", "group": "Prevention and Wellbeing",
             "customers": {"2019-20": 2000, "2018-19": 1000}},
            {"id": "south", "name": "South Team", "group": "Prevention and Wellbeing",
             "formerly": ["Southern Patch"], "customers": {"2019-20": 1000}},
            {"id": "finance", "name": "Client Finance", "customers": {"2019-20": 0}},
        ],
        "subjects": [
            {"id": "quality", "name": "Quality of service", "subjects": [
                {"id": "lack-of-support", "name": "Lack of support"},
                {"id": "standard-of-care", "name": "Standard of care"},
            ]},
            {"id": "money", "name": "Financial issues", "subjects": [
                {"id": "cost", "name": "Cost issues"},
            ]},
        ],
        "receipt_points": [{"id": "customer-relations", "name": "Customer Relations Team"},
                           {"id": "service", "name": "Service area"}],
        "receipt_methods": [{"id": "email", "name": "Email"}, {"id": "letter", "name": "Letter"}],
        "relationships": [{"id": "self", "name": "Care recipient", "advocacy": False},
                          {"id": "son-daughter", "name": "Son / daughter", "advocacy": False},
                          {"id": "advocacy-service", "name": "Advocacy service", "advocacy": True}],
        "outcomes": [{"id": "upheld", "name": "Upheld"},
                     {"id": "partially-upheld", "name": "Partially upheld"},
                     {"id": "not-upheld", "name": "Not upheld"}],
        "ombudsman_decisions": [
            {"id": "closed-after-initial-enquiries", "name": "Closed after initial enquiries",
             "upheld": False},
            {"id": "premature", "name": "Premature: referred back", "upheld": False},
            {"id": "upheld-maladministration-injustice", "name": "Upheld: maladministration and injustice",
             "upheld": True},
            {"id": "upheld-remedied", "name": "Upheld: injustice remedied during investigation",
             "upheld": True},
        ],
        "redirections": [{"id": "safeguarding", "name": "Safeguarding"},
                         {"id": "corporate", "name": "Corporate complaints procedure"}],
    },
}

WALES_STAGES = [
    {"id": "stage-1", "name": "Stage 1: local resolution", "respond_working_days": 10},
    {"id": "stage-2", "name": "Stage 2: formal investigation", "respond_working_days": 25},
]

ENGLAND = Region("GB", "ENG")


def organisation(**changes: Any) -> Organisation:
    values = {**ORGANISATION, **changes}
    return organisation_from(values)


def welsh_organisation() -> Organisation:
    return organisation_from({
        **ORGANISATION, "jurisdiction": "wales", "bank_holidays": {"country": "GB", "subdivision": "WLS"},
        "procedure": {"stages": WALES_STAGES, "ombudsman": {"id": "psow", "name": "PSOW"}},
    })


_serial = itertools.count(1)


def complaint(received: str = "2019-06-03", *, took: int | None = 10, outcome: str = "upheld",
              acknowledged_after: int | None = 2, **values: Any) -> Case:
    """A formal complaint answered `took` working days after it arrived (None: still open)."""
    start = date.fromisoformat(received)
    stage: dict[str, Any] = {"stage": "local"}
    if acknowledged_after is not None:
        stage["acknowledged"] = add_working_days(start, acknowledged_after, ENGLAND).isoformat()
    if took is not None:
        stage["responded"] = add_working_days(start, took, ENGLAND).isoformat()
        stage["outcome"] = outcome
    defaults: dict[str, Any] = {
        "id": f"C-{start.year}-{next(_serial):04d}", "kind": "complaint", "disposition": "accepted",
        "received": received, "service_area": "north", "subject": "lack-of-support",
        "receipt_point": "customer-relations", "receipt_method": "email", "complainant": "self",
        "stages": [stage],
    }
    return case_from({**defaults, **values})


def representation(kind: str = "request-for-service", disposition: str = "accepted",
                   received: str = "2019-06-03", **values: Any) -> Case:
    start = date.fromisoformat(received)
    return case_from({"id": f"C-{start.year}-{next(_serial):04d}", "kind": kind, "disposition": disposition,
                      "received": received, **values})


def compliment(received: str = "2019-08-14", team: str = "north", quote: str | None = None,
               publish: bool = False) -> Compliment:
    start = date.fromisoformat(received)
    values: dict[str, Any] = {"id": f"CPL-{start.year}-{next(_serial):04d}", "received": received,
                              "team": team, "publish": publish}
    if quote:
        values["quote"] = quote
    return compliment_from(values)


def ombudsman_case(received: str = "2019-05-10", decided: str | None = "2019-09-12",
                   decision: str | None = "upheld-maladministration-injustice",
                   **values: Any) -> OmbudsmanCase:
    start = date.fromisoformat(received)
    fields: dict[str, Any] = {"id": f"OMB-{start.year}-{next(_serial):02d}", "received": received, **values}
    if decided:
        fields["decided"] = decided
    if decision:
        fields["decision"] = decision
    return ombudsman_case_from(fields)


def history(year: str, **tables: Any) -> History:
    return history_from({"id": f"HIST-{year}", "year": year, "source": "An earlier report", **tables})


def records(*cases: Case, org: Organisation | None = None, **kinds: Any) -> Records:
    return Records(organisation=org or organisation(), cases=tuple(cases), **kinds)


def days_later(day: str, count: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=count)).isoformat()
