"""What the rules read: the organisation's lists (`Taxonomy`) and every record read (`Repository`),
with the small readers every rule family shares.

The rules read values that may have failed the schema, so every access checks the shape it expects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.check.fields import Pattern, Schema, field_patterns
from generator.check.welsh import languages_of
from generator.counting import group_id, response_bands
from generator.load import RecordFile
from generator.nations import NATIONS, RECORDABLE, first_stage_target, stage_ids
from generator.years import reporting_year

ORGANISATION_SHOWN = "records/organisation.yaml"


def day(value: Any) -> date | None:
    """A date written YYYY-MM-DD, or None for anything else (the schema reports those)."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def year_written(written: str) -> str | None:
    """The reporting year of a date as written: a few thousand dates recur across 50,000 records."""
    when = day(written)
    return reporting_year(when) if when else None


def value_at(values: Any, *path: str | int) -> Any:
    """The value at `path`, or None when any step is missing or of another shape."""
    for step in path:
        if isinstance(step, int):
            values = values[step] if isinstance(values, list) and step < len(values) else None
        else:
            values = values.get(step) if isinstance(values, dict) else None
    return values


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


@dataclass(frozen=True)
class Taxonomy:
    """The ids the organisation file defines, by taxonomy name, in the file's order."""

    ids: dict[str, list[str]]
    # What the council records (`recorded` in organisation.yaml): each section unless it says false.
    recorded: frozenset[str] = frozenset(RECORDABLE)
    kinds: tuple[str, ...] | None = None  # the kinds of representation listed, if the file lists them
    languages: tuple[str, ...] = ("en",)  # the site's languages (`languages`): with cy, Welsh is required
    ombudsman: str | None = None  # the nation's ombudsman (lgsco, psow, spso, nipso), whose figures it copies
    nation_name: str = ""

    @classmethod
    def from_values(cls, values: dict[str, Any]) -> Taxonomy:
        taxonomies = value_at(values, "taxonomies") or {}
        ids: dict[str, list[str]] = {}
        for name, entries in taxonomies.items():
            ids[name] = [
                entry["id"]
                for entry in as_list(entries)
                if isinstance(entry, dict) and isinstance(entry.get("id"), str)
            ]
        ids["subjects"] = [
            sub["id"]
            for category in as_list(taxonomies.get("subjects"))
            for sub in as_list(value_at(category, "subjects"))
            if isinstance(value_at(sub, "id"), str)
        ]
        ids["stages"] = stage_ids(values)
        ids["service_groups"] = list(dict.fromkeys(
            group_id(area["group"]) for area in as_list(taxonomies.get("service_areas"))
            if isinstance(area, dict) and isinstance(area.get("group"), str)))
        target = first_stage_target(values)
        ids["response_bands"] = [key for key, _, _ in response_bands(target)] if target else []
        recorded = value_at(values, "recorded")
        recorded = recorded if isinstance(recorded, dict) else {}
        listed = value_at(values, "representations")
        kinds = None
        if isinstance(listed, dict):
            kinds = ("complaint", *(kind for kind in listed if kind != "complaint"))
        shown = frozenset(section for section in RECORDABLE if recorded.get(section) is not False)
        nation = NATIONS.get(values.get("jurisdiction", ""))
        return cls(ids, shown, kinds, languages_of(values), nation.ombudsman_id if nation else None,
                   nation.name if nation else "")


@dataclass
class Repository:
    """Every record read, for the rules that look across records."""

    records_root: Path
    records: list[RecordFile]
    taxonomy: Taxonomy | None
    is_valid: Callable[[RecordFile], bool]  # whether a record's values passed the schema
    date_fields: dict[str, list[Pattern]]
    today: date
    unreadable_ids: dict[str, set[str]] = field(default_factory=dict)
    known_ids: dict[str, set[str]] = field(default_factory=dict)  # of records known clean, not read
    ids: dict[str, set[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.ids = {kind: set(found) for kind, found in self.known_ids.items()}
        for kind, found in self.unreadable_ids.items():
            self.ids.setdefault(kind, set()).update(found)
        for record in self.records:
            if isinstance(value_at(record.values, "id"), str):
                self.ids.setdefault(record.kind, set()).add(record.values["id"])

    def of_kind(self, kind: str, *, valid_only: bool = False) -> list[RecordFile]:
        return [r for r in self.records if r.kind == kind and (not valid_only or self.is_valid(r))]


def date_fields(schemas: dict[str, Schema]) -> dict[str, list[Pattern]]:
    """Each kind's fields that hold a date done, from `format: date` in its schema (a date marked
    `x-planned`, such as a committee meeting to come, may lie ahead)."""
    return {
        kind: field_patterns(schema, lambda each: each.get("format") == "date" and not each.get("x-planned"))
        for kind, schema in schemas.items()
    }
