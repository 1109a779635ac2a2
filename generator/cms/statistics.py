"""The ombudsman's own figures in the editor: a collection of statistics records, one per ombudsman
year, and the drop-downs of an ombudsman case that name the ombudsman's categories.

Each ombudsman publishes a different set of figures (`x-published-by` in
schemas/ombudsman-statistics.schema.json, read by generator.ombudsman_published). The form offers
only the council's ombudsman's: the schema is narrowed to them before its fields are made, like
every other kind's (generator.cms.fields), so a figure validate would refuse is never asked for.
The fixed lists narrowed the same way are the ombudsman (the organisation's nation's) and the
comparison group (that ombudsman's groups).
"""

from __future__ import annotations

from typing import Any

from generator.check.fields import Pattern, Schema
from generator.cms.choices import Choice
from generator.cms.fields import FormContext, form_fields
from generator.counting import group_id
from generator.nations import NATIONS
from generator.ombudsman_published import FOLDER, KIND, categories, groups, published_schema

STATISTICS = KIND


def council_ombudsman(organisation: dict[str, Any]) -> str | None:
    """The ombudsman of the organisation's nation (lgsco, psow, spso, nipso), as validate reads it."""
    nation = NATIONS.get(str(organisation.get("jurisdiction", "")))
    return nation.ombudsman_id if nation else None


def form_schema(schema: Schema, ombudsman: str) -> Schema:
    """The statistics schema with only the fields `ombudsman` publishes, and its fixed lists kept
    to the values validate accepts from it (its own id, its own comparison groups)."""
    narrowed = published_schema(schema, ombudsman)
    narrowed["properties"]["ombudsman"] = {**narrowed["properties"]["ombudsman"], "enum": [ombudsman]}
    group = narrowed["properties"].get("similar_authorities", {}).get("properties", {}).get("group")
    if group is not None and groups(ombudsman):
        group["enum"] = list(groups(ombudsman))
    return narrowed


def statistics_collection(schema: Schema, organisation: dict[str, Any], records: str,
                          welsh: bool = False) -> dict[str, Any] | None:
    """The statistics records' form: one file for each ombudsman year, named by it (2023-24.yaml).
    None for an organisation whose nation has no ombudsman Candour knows (validate says why)."""
    ombudsman = council_ombudsman(organisation)
    if ombudsman is None:
        return None
    narrowed = form_schema(schema, ombudsman)
    return {
        "name": STATISTICS,
        "label": "Ombudsman statistics",
        "label_singular": "Ombudsman statistics for a year",
        "description": f"{schema.get('description', '')} One record for each ombudsman year, named by "
                       "it (2023-24): copy the figures in from the ombudsman's letter.".strip(),
        "folder": f"{records}/{FOLDER}",
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "delete": False,  # a year's published figures are corrected, never removed
        "identifier_field": "year",
        "slug": "{{year}}",
        "summary": "{{year}} · {{source.title}}",
        "sortable_fields": ["year"],
        "editor": {"preview": False},
        "fields": form_fields(narrowed, FormContext(narrowed, {}, welsh=welsh)),
    }


def ombudsman_case_choices(organisation: dict[str, Any]) -> dict[Pattern, list[Choice]]:
    """An ombudsman case's category (the council's ombudsman's own categories) and service group
    (the organisation's groups), as validate accepts them (generator.check.ombudsman_cases)."""
    found: dict[Pattern, list[Choice]] = {}
    ombudsman = council_ombudsman(organisation)
    if ombudsman is not None:
        found[("category",)] = [Choice(category.id, category.title) for category in categories(ombudsman)]
    taxonomies = organisation.get("taxonomies") if isinstance(organisation.get("taxonomies"), dict) else {}
    areas = taxonomies.get("service_areas") if isinstance(taxonomies.get("service_areas"), list) else []
    names = dict.fromkeys(str(area["group"]) for area in areas
                          if isinstance(area, dict) and isinstance(area.get("group"), str))
    if names:
        found[("service_group",)] = [Choice(group_id(name), name) for name in names]
    return found
