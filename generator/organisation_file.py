"""The organisation file `candour init` writes: the council's answers, every other setting at its
nation's default shown as a comment, and starter lists to change.

The notes above each setting are the schema's own titles and descriptions, and the defaults come
from `generator.nations`, so the file keeps up with both. A new setting is one more entry in
`SETTINGS` (written from the answers) or `AT_DEFAULT` (shown as a comment).
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from generator.nations import NATIONS, default_stages

WIDTH = 96
Schema = dict[str, Any]


@dataclass(frozen=True)
class Answers:
    """What a council says about itself when it starts its repository."""

    council: str
    nation: str = "england"  # a key of generator.nations.NATIONS
    services: tuple[str, ...] = ("adults",)
    ombudsman_id: str | None = None  # None: the nation's ombudsman
    ombudsman_name: str | None = None
    site_url: str | None = None
    repository_url: str | None = None
    branch: str = "main"
    team: str = "Complaints Team"

    @property
    def ombudsman(self) -> tuple[str, str]:
        nation = NATIONS[self.nation]
        return (self.ombudsman_id or nation.ombudsman_id, self.ombudsman_name or nation.ombudsman_name)

    @property
    def own_ombudsman(self) -> bool:
        nation = NATIONS[self.nation]
        return self.ombudsman != (nation.ombudsman_id, nation.ombudsman_name)


def _procedure(answers: Answers) -> dict[str, Any]:
    ombudsman_id, ombudsman_name = answers.ombudsman
    stages = [dict(stage) for stage in default_stages(answers.nation, answers.services)]
    return {"stages": stages, "ombudsman": {"id": ombudsman_id, "name": ombudsman_name}}


def _site(answers: Answers) -> dict[str, Any] | None:
    site = {"url": answers.site_url, "repository": answers.repository_url, "branch": answers.branch}
    return {key: value for key, value in site.items() if value}


# Written from the answers, in this order (None: left out).
SETTINGS: tuple[tuple[str, Callable[[Answers], Any]], ...] = (
    ("id", lambda answers: "organisation"),
    ("name", lambda answers: answers.council),
    ("jurisdiction", lambda answers: answers.nation),
    ("services", lambda answers: list(answers.services)),
    ("procedure", lambda answers: _procedure(answers) if answers.own_ombudsman else None),
    ("contact", lambda answers: {"team": answers.team}),
    ("site", _site),
    ("disclosure", lambda answers: {"threshold": 0}),
)
# Shown as comments, at the value the nation gives when they are left out.
AT_DEFAULT: tuple[tuple[str, Callable[[Answers], Any]], ...] = (
    ("procedure", _procedure),
    ("bank_holidays", lambda answers: {"country": "GB", "subdivision": NATIONS[answers.nation].subdivision}),
    ("recorded", lambda answers: {"receipt_point": True, "receipt_method": True, "complainant": True,
                                  "advocacy": True, "acknowledgement": True, "compliments": True}),
)

ADULT_AREAS = [
    {"id": "assessment", "name": "Assessment and care management"},
    {"id": "home-care", "name": "Home care and reablement"},
    {"id": "residential-care", "name": "Residential and nursing care"},
    {"id": "finance", "name": "Financial assessment and charging"},
]
CHILDREN_AREAS = [
    {"id": "children-in-need", "name": "Children in need and child protection"},
    {"id": "looked-after", "name": "Children looked after"},
    {"id": "disabled-children", "name": "Disabled children's services"},
]
STARTER_LISTS: dict[str, Any] = {
    "subjects": [
        {"id": "quality", "name": "Quality of service", "subjects": [
            {"id": "standard-of-care", "name": "Standard of care"},
            {"id": "lack-of-support", "name": "Lack of support"}]},
        {"id": "communication", "name": "Communication", "subjects": [
            {"id": "information", "name": "Communication and information"},
            {"id": "staff-attitude", "name": "Staff attitude or behaviour"}]},
        {"id": "delays", "name": "Delay", "subjects": [
            {"id": "delay", "name": "Delay in providing a service"}]},
        {"id": "money", "name": "Financial and charging", "subjects": [
            {"id": "charging", "name": "Charges and financial assessment"}]},
    ],
    "receipt_points": [{"id": "complaints-team", "name": "Complaints team"},
                       {"id": "service-area", "name": "Service area"},
                       {"id": "other", "name": "Other"}],
    "receipt_methods": [{"id": "email", "name": "Email"}, {"id": "telephone", "name": "Telephone"},
                        {"id": "letter", "name": "Letter"}, {"id": "online", "name": "Online form"},
                        {"id": "in-person", "name": "In person"}],
    "relationships": [{"id": "care-recipient", "name": "Person receiving care", "advocacy": False},
                      {"id": "family", "name": "Family member", "advocacy": False},
                      {"id": "friend", "name": "Friend", "advocacy": False},
                      {"id": "advocacy-service", "name": "Advocacy service", "advocacy": True},
                      {"id": "unknown", "name": "Unknown (did not say)", "advocacy": False}],
    "outcomes": [{"id": "upheld", "name": "Upheld"}, {"id": "partially-upheld", "name": "Partially upheld"},
                 {"id": "not-upheld", "name": "Not upheld"}],
    "ombudsman_decisions": [
        {"id": "not-investigated", "name": "Closed after initial enquiries", "upheld": False},
        {"id": "premature", "name": "Premature: referred back for local resolution", "upheld": False},
        {"id": "upheld", "name": "Upheld", "upheld": True},
        {"id": "not-upheld", "name": "Not upheld", "upheld": False}],
    "redirections": [{"id": "safeguarding", "name": "Safeguarding"},
                     {"id": "corporate", "name": "Corporate complaints procedure"},
                     {"id": "other", "name": "Another route (for example the NHS)"}],
    "departments": [{"id": "complaints-team", "name": "Complaints team"}],
    "action_themes": [{"id": "communication", "name": "Communication"},
                      {"id": "complaints-handling", "name": "Complaints handling"}],
}


def organisation_text(answers: Answers, schema: Schema, version: str) -> str:
    """The text of records/organisation.yaml."""
    if answers.nation not in NATIONS:
        raise ValueError(f"unknown nation {answers.nation!r}: choose one of {', '.join(NATIONS)}")
    properties = schema.get("properties", {})
    lines = [
        f"# {answers.council}'s organisation file, written by `candour init` (Candour {version}).",
        "# Every record chooses from the lists under taxonomies: change them to the council's own",
        "# (the names freely; an id only before records use it). Settings shown as notes (#) are at",
        f"# {NATIONS[answers.nation].name}'s defaults: remove the # and change a value to use your own.",
        "",
    ]
    written = set()
    for name, value_of in SETTINGS:
        value = value_of(answers)
        if value in (None, {}, []) or name not in properties:
            continue
        written.add(name)
        lines += [*_note(properties[name]), *_yaml(name, value), ""]
    for name, value_of in AT_DEFAULT:
        if name in written or name not in properties:
            continue
        lines += [*_note(properties[name]), *(f"# {line}" for line in _yaml(name, value_of(answers))), ""]
    lines += [*_note(properties.get("taxonomies", {})), *_yaml("taxonomies", _taxonomies(answers, schema))]
    return "\n".join(lines) + "\n"


def _taxonomies(answers: Answers, schema: Schema) -> dict[str, Any]:
    known = schema.get("properties", {}).get("taxonomies", {}).get("properties", {})
    areas = (ADULT_AREAS if "adults" in answers.services else []) + (
        CHILDREN_AREAS if "children" in answers.services else [])
    lists = {"service_areas": areas, **STARTER_LISTS}
    plans = [{"id": "learning", "name": "Learning action plan", "kind": "learning"}]
    lists["plans"] = plans
    return {name: entries for name, entries in lists.items() if name in known}


class _Dumper(yaml.SafeDumper):
    """Block style, except that a list entry of a few plain values sits on one line."""


def _mapping(dumper: yaml.SafeDumper, value: dict[str, Any]) -> yaml.Node:
    flat = all(not isinstance(item, dict | list) for item in value.values())
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(),
                                    flow_style=flat and len(value) <= 4 and len(value) > 1)


_Dumper.add_representer(dict, _mapping)


def _yaml(name: str, value: Any) -> list[str]:
    text = yaml.dump({name: value}, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=WIDTH,
                     default_flow_style=False)
    return text.rstrip("\n").splitlines()


def _note(schema: Schema) -> list[str]:
    title, description = schema.get("title", ""), schema.get("description", "")
    text = f"{title}: {description}" if title and description else title or description
    if not text:
        return []
    return textwrap.wrap(text, WIDTH, initial_indent="# ", subsequent_indent="#   ", break_on_hyphens=False)


def stages_in_words(answers: Answers) -> str:
    """The procedure's stages as a numbered list, for the starter procedure page."""
    lines = []
    for number, stage in enumerate(default_stages(answers.nation, answers.services), 1):
        days = stage.get("respond_working_days")
        acknowledge = stage.get("acknowledge_working_days")
        said = f"{number}. **{stage['name']}.**"
        if acknowledge:
            said += f" We acknowledge the complaint within {acknowledge} working days."
        if days:
            said += f" We aim to reply within {days} working days."
        lines.append(said)
    return "\n".join(lines)


def schema_json(text: str) -> Schema:
    return json.loads(text)
