"""What each ombudsman publishes about a council, read from the statistics record's schema.

The schema (`schemas/ombudsman-statistics.schema.json`) is the one place that says which figure
each ombudsman publishes (`x-published-by`), which of its decision categories follow a detailed
investigation (`x-investigated`), uphold the complaint (`x-upheld`) or count as the PSOW's
interventions (`x-intervention`) or are reached only with the council (`x-council-involved`), and
the comparison groups each uses. The check stage refuses
a field the council's ombudsman does not publish from it, and the figures count by its
categories: the words of the schema and the sums cannot drift apart.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.language import N_
from generator.packaged import packaged_folder

KIND = "ombudsman-statistics"
FOLDER = "ombudsman-statistics"
OMBUDSMEN = ("lgsco", "psow", "spso", "nipso")
# The two objects whose own fields each name who publishes them.
NESTED = ("decisions", "similar_authorities")


@dataclass(frozen=True)
class Category:
    """One of an ombudsman's published decision categories."""

    id: str
    title: str
    investigated: bool  # decided after a detailed investigation (the uphold rate's base)
    upheld: bool  # upheld in whole or in part
    intervention: bool  # the PSOW's interventions: where it found fault and put things right
    council_involved: bool  # reached only with the council (investigated, or settled with it)


@cache
def schema() -> dict[str, Any]:
    path = packaged_folder("schemas") / f"{KIND}.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def published_by(*path: str) -> tuple[str, ...] | None:
    """The ombudsmen that publish the field at `path` (('decisions', 'upheld'), say); None for a
    field the schema does not list or that every ombudsman's record may carry (year, source)."""
    properties = schema()["properties"]
    entry: Any = None
    for step in path:
        entry = properties.get(step) if isinstance(properties, dict) else None
        if not isinstance(entry, dict):
            return None
        properties = entry.get("properties", {})
    found = entry.get("x-published-by") if isinstance(entry, dict) else None
    return tuple(found) if isinstance(found, list) else None


def published_schema(schema: dict[str, Any], ombudsman: str | None) -> dict[str, Any]:
    """The schema with only the fields (and decision categories, and similar authorities' averages)
    `ombudsman` publishes: what `candour new` writes out and the records editor asks for."""
    if ombudsman is None:
        return schema

    def kept(properties: dict[str, Any]) -> dict[str, Any]:
        return {name: each for name, each in properties.items()
                if ombudsman in each.get("x-published-by", (ombudsman,))}

    narrowed = copy.deepcopy(schema)
    narrowed["properties"] = kept(narrowed["properties"])
    for name in NESTED:
        if name in narrowed["properties"]:
            inner = narrowed["properties"][name]
            inner["properties"] = kept(inner.get("properties", {}))
    return narrowed


def field_title(*path: str) -> str:
    properties = schema()["properties"]
    entry: dict[str, Any] = {}
    for step in path:
        entry = properties.get(step, {})
        properties = entry.get("properties", {})
    return str(entry.get("title", path[-1]))


def categories(ombudsman: str) -> tuple[Category, ...]:
    """The ombudsman's decision categories, in the schema's order (the order of its letters:
    closed at assessment first, then the detailed investigations)."""
    decisions = schema()["properties"]["decisions"]["properties"]
    return tuple(
        Category(key, entry["title"], bool(entry.get("x-investigated")), bool(entry.get("x-upheld")),
                 bool(entry.get("x-intervention")), bool(entry.get("x-council-involved")))
        for key, entry in decisions.items() if ombudsman in entry.get("x-published-by", ())
    )


def groups(ombudsman: str) -> tuple[str, ...]:
    """The comparison groups the ombudsman averages ('unitary', 'welsh-councils', ...)."""
    return tuple(schema().get("x-ombudsman-groups", {}).get(ombudsman, ()))


# Where each ombudsman publishes its figures for each council: cited by the methodology page, and
# where the README sends a council to copy them from.
WHERE_PUBLISHED = {
    "lgsco": (N_("the LGSCO's annual review letters and the statistics published with them"),
              "https://www.lgo.org.uk/information-centre/councils-performance"),
    "psow": (N_("the PSOW's annual letters to each council, with their factsheets"),
             "https://www.ombudsman.wales/"),
    "spso": (N_("the SPSO's annual statistics, by authority and outcome"),
             "https://www.spso.org.uk/news-and-media/spso-annual-statistics"),
    "nipso": (N_("NIPSO's annual report and its statistics by public body"), "https://www.nipso.org.uk/"),
}
