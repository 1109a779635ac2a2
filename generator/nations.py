"""What each UK nation's procedure is when an organisation file does not say otherwise.

Shared by the check stage (which stage ids a case may name) and the model (targets, ombudsman,
wording), so a minimal organisation file naming only its `jurisdiction` gets its nation's
procedure. The targets are those of each nation's regulations or model procedure; a council
whose own procedure differs writes its stages under `procedure` in organisation.yaml.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from generator.language import N_

# The sections a council may not record; each is recorded unless `recorded` in its file says false.
RECORDABLE = ("receipt_point", "receipt_method", "complainant", "advocacy", "acknowledgement", "compliments")


@dataclass(frozen=True)
class Nation:
    id: str
    name: str
    subdivision: str  # the `holidays` package's code for the nation's bank holidays
    ombudsman_id: str
    ombudsman_name: str
    stages: tuple[MappingProxyType[str, Any], ...]  # as the organisation file would write them
    children_stages: tuple[MappingProxyType[str, Any], ...] | None  # a separate children's procedure
    services_words: MappingProxyType[str, str]  # 'adults' | 'children' | 'both' -> words in text


def _stage(**values: Any) -> MappingProxyType[str, Any]:
    return MappingProxyType(values)


NATIONS: dict[str, Nation] = {
    # Local Authority Social Services and NHS Complaints (England) Regulations 2009: one local stage,
    # acknowledged in 3 working days; the response time is the council's own (20 is usual).
    "england": Nation(
        "england", N_("England"), "ENG", "lgsco", N_("Local Government and Social Care Ombudsman"),
        (_stage(id="local", name=N_("Local resolution"), respond_working_days=20, extended_working_days=40,
                acknowledge_working_days=3),),
        # Children Act 1989 Representations Procedure (England) Regulations 2006.
        (_stage(id="stage-1", name=N_("Stage 1: local resolution"), respond_working_days=10,
                extended_working_days=20, acknowledge_working_days=3),
         _stage(id="stage-2", name=N_("Stage 2: investigation"), respond_working_days=25,
                extended_working_days=65),
         _stage(id="stage-3", name=N_("Stage 3: review panel"), respond_working_days=30)),
        MappingProxyType({"adults": N_("adult social care"), "children": N_("children's social care"),
                          "both": N_("social care")}),
    ),
    # Social Services Complaints Procedure (Wales) Regulations 2014.
    "wales": Nation(
        "wales", N_("Wales"), "WLS", "psow", N_("Public Services Ombudsman for Wales"),
        (_stage(id="stage-1", name=N_("Stage 1: local resolution"), respond_working_days=10,
                acknowledge_working_days=2),
         _stage(id="stage-2", name=N_("Stage 2: formal investigation"), respond_working_days=25,
                acknowledge_working_days=5)),
        None,
        MappingProxyType({"adults": N_("adult social services"), "children": N_("children's social services"),
                          "both": N_("social services")}),
    ),
    # The SPSO's model complaints handling procedure.
    "scotland": Nation(
        "scotland", N_("Scotland"), "SCT", "spso", N_("Scottish Public Services Ombudsman"),
        (_stage(id="frontline", name=N_("Stage 1: frontline response"), respond_working_days=5,
                extended_working_days=10),
         _stage(id="investigation", name=N_("Stage 2: investigation"), respond_working_days=20,
                acknowledge_working_days=3)),
        None,
        MappingProxyType({"adults": N_("adult social work and social care"),
                          "children": N_("children's social work"),
                          "both": N_("social work and social care")}),
    ),
    # Health and social care complaints procedure in Northern Ireland.
    "northern-ireland": Nation(
        "northern-ireland", N_("Northern Ireland"), "NIR", "nipso",
        N_("Northern Ireland Public Services Ombudsman"),
        (_stage(id="local", name=N_("Local resolution"), respond_working_days=20,
                acknowledge_working_days=2),),
        None,
        MappingProxyType({"adults": N_("adult social care"), "children": N_("children's social care"),
                          "both": N_("social care")}),
    ),
}


def default_stages(jurisdiction: str, services: Sequence[str]) -> tuple[MappingProxyType[str, Any], ...]:
    """The nation's stages: in England, the children's three stages for a children-only report."""
    nation = NATIONS[jurisdiction]
    if nation.children_stages and tuple(services) == ("children",):
        return nation.children_stages
    return nation.stages


def services_wording(nation: Nation, services: Sequence[str]) -> str:
    """What the report covers, in running text: 'adult social care', 'social services'."""
    chosen = set(services)
    key = "both" if chosen >= {"adults", "children"} else ("children" if chosen == {"children"} else "adults")
    return nation.services_words[key]


def stage_ids(values: dict[str, Any]) -> list[str]:
    """The stage ids a case may name, from an organisation file's values (checked or not)."""
    return [stage["id"] for stage in _written_stages(values)
            if hasattr(stage, "get") and isinstance(stage.get("id"), str)]


def first_stage_target(values: dict[str, Any]) -> int | None:
    """The first stage's response target in working days, from an organisation file's values
    (checked or not): its own, else the file's `targets`, else its nation's."""
    procedure = values.get("procedure") if isinstance(values, dict) else None
    stages = procedure.get("stages") if isinstance(procedure, dict) else None
    first = stages[0] if isinstance(stages, list) and stages and isinstance(stages[0], dict) else None
    target = first.get("respond_working_days") if first else None
    if isinstance(target, int) and not isinstance(target, bool) and target > 0:
        return target
    if first is None and isinstance(values, dict) and values.get("jurisdiction") in NATIONS:
        services = values.get("services")
        return int(default_stages(values["jurisdiction"], services if isinstance(services, list) else [])[0]
                   ["respond_working_days"])
    return None


def _written_stages(values: dict[str, Any]) -> list[Any]:
    """The stages as an organisation file's values give them (checked or not), else its nation's."""
    procedure = values.get("procedure") if isinstance(values, dict) else None
    stages = procedure.get("stages") if isinstance(procedure, dict) else None
    if isinstance(stages, list):
        return stages
    jurisdiction = values.get("jurisdiction") if isinstance(values, dict) else None
    services = values.get("services") if isinstance(values, dict) else None
    if jurisdiction not in NATIONS:
        return []
    return list(default_stages(jurisdiction, services if isinstance(services, list) else ["adults"]))


# A first stage's targets the organisation file leaves out: its `targets`, else these.
FIRST_STAGE_DEFAULTS = {"extended_working_days": None, "acknowledge_working_days": 3}


def stage_target(stage: Any, targets: dict[str, Any], first: bool, name: str) -> int | None:
    """A stage's own target (`acknowledge_working_days`, `extended_working_days`); a first stage
    without one takes the file's `targets`, else its default; a later stage has none."""
    if name in stage:
        return stage[name]
    return targets.get(name, FIRST_STAGE_DEFAULTS.get(name)) if first else None


def stage_targets(values: dict[str, Any], name: str = "respond_working_days") -> dict[str, int | None]:
    """Each stage's target of one kind in working days, by stage id, from a checked organisation
    file: its response targets, or with `name` its acknowledgement or extended targets."""
    targets = values.get("targets") if isinstance(values.get("targets"), dict) else {}
    stages = [stage for stage in _written_stages(values)
              if hasattr(stage, "get") and isinstance(stage.get("id"), str)]
    return {stage["id"]: stage_target(stage, targets, index == 0, name) for index, stage in enumerate(stages)}


def holiday_calendar(values: dict[str, Any]) -> tuple[str, str | None]:
    """The `holidays` country and subdivision whose bank holidays are not working days."""
    nation = NATIONS.get(values.get("jurisdiction", "")) if isinstance(values, dict) else None
    written = values.get("bank_holidays") if isinstance(values, dict) else None
    calendar = written if isinstance(written, dict) else {
        "country": "GB", "subdivision": nation.subdivision if nation else None}
    return calendar.get("country", "GB"), calendar.get("subdivision")
