"""The organisation's taxonomies as drop-down options: each term's id, shown by its name.

Read from the organisation file's values as `Taxonomy` reads the ids (generator.check.rules), so
the form offers exactly the ids validate accepts: sub-subjects under their category, and the
stages of the procedure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.nations import NATIONS, default_stages


@dataclass(frozen=True)
class Choice:
    value: str  # what the record holds: the term's id
    label: str  # what the officer sees: its name


def taxonomy_choices(organisation: dict[str, Any]) -> dict[str, list[Choice]]:
    """Every taxonomy of the organisation file by name, its terms in the file's order."""
    taxonomies = organisation.get("taxonomies")
    found: dict[str, list[Choice]] = {}
    if isinstance(taxonomies, dict):
        for name, entries in taxonomies.items():
            found[name] = _terms(entries)
        # A case's subject is a sub-subject: the category is shown with it, to tell like names apart.
        found["subjects"] = [
            Choice(sub.value, f"{category.get('name', category.get('id'))}: {sub.label}")
            for category in _dicts(taxonomies.get("subjects"))
            for sub in _terms(category.get("subjects"))
        ]
    found["stages"] = _stages(organisation)
    return found


def _stages(organisation: dict[str, Any]) -> list[Choice]:
    """The procedure's stages: the file's own, or its nation's when it gives none, as validate
    reads them (`nations.stage_ids`)."""
    procedure = organisation.get("procedure")
    if isinstance(procedure, dict) and isinstance(procedure.get("stages"), list):
        return _terms(procedure["stages"])
    jurisdiction, services = organisation.get("jurisdiction"), organisation.get("services")
    if jurisdiction not in NATIONS:
        return []
    services = services if isinstance(services, list) else ["adults"]
    return _terms([dict(stage) for stage in default_stages(jurisdiction, services)])


def _dicts(entries: Any) -> list[dict[str, Any]]:
    return [entry for entry in entries if isinstance(entry, dict)] if isinstance(entries, list) else []


def _terms(entries: Any) -> list[Choice]:
    return [
        Choice(entry["id"], str(entry.get("name") or entry["id"]))
        for entry in _dicts(entries)
        if isinstance(entry.get("id"), str)
    ]
