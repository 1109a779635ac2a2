"""The organisation's taxonomies as drop-down options: each term's id, shown by its name.

Read from the organisation file's values as `Taxonomy` reads the ids (generator.check.rules), so
the form offers exactly the ids validate accepts: sub-subjects under their category, and the
stages of the procedure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


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
    procedure = organisation.get("procedure")
    found["stages"] = _terms(procedure.get("stages") if isinstance(procedure, dict) else None)
    return found


def _dicts(entries: Any) -> list[dict[str, Any]]:
    return [entry for entry in entries if isinstance(entry, dict)] if isinstance(entries, list) else []


def _terms(entries: Any) -> list[Choice]:
    return [
        Choice(entry["id"], str(entry.get("name") or entry["id"]))
        for entry in _dicts(entries)
        if isinstance(entry.get("id"), str)
    ]
