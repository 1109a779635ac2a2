"""The records editor's label for a field a message names, so that a pull request's check can say
which field of the form to change: `stages[0].outcome (form: Stages, item 1 > Outcome)`.

The form labels each field with its schema title (generator.cms.fields), so the label is found by
walking the same schema along the field's path; a key of a table keyed by the organisation's ids
(a history record's rows) is its own label, as written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.check.fields import Schema, children
from generator.cms.fields import PUBLISHED_LABEL
from generator.folders import kind_of

_STEP = re.compile(r"\[(\d+)\]|([^.\[\]]+)")
ITEM = "{label}, item {number}"
BETWEEN = " > "


def steps(field: str) -> list[str | int]:
    """`stages[0].outcome` -> ['stages', 0, 'outcome'], the way problems.field_name writes it."""
    return [int(index) if index else name for index, name in _STEP.findall(field)]


def form_label(schema: Schema, field: str) -> str | None:
    """The labels the form shows on the way to the field, or None when the schema has no such field."""
    labels: list[str] = []
    current: list[Schema] = [schema]
    for step in steps(field):
        below = [child for each in current for child in children(each, schema, step)]
        if not below:
            return None
        if isinstance(step, int):
            if labels:
                labels[-1] = ITEM.format(label=labels[-1], number=step + 1)
        else:
            labels.append(_title(below, step))
        current = below
    return BETWEEN.join(labels) or None


def _title(found: list[Schema], step: str) -> str:
    title = next((str(each["title"]) for each in found if each.get("title")), step)
    public = any(each.get("x-public") for each in found)
    return title + (PUBLISHED_LABEL if public else "")


class FormLabels:
    """Fields named with their form labels, for the records of one repository."""

    def __init__(self, root: Path, schemas_root: Path, records: str = "records") -> None:
        self.root = root
        self.records_root = root / records
        self.schemas_root = schemas_root
        self._schemas: dict[str, Schema | None] = {}

    def schema(self, kind: str) -> Schema | None:
        if kind not in self._schemas:
            try:
                read = json.loads((self.schemas_root / f"{kind}.schema.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                read = None  # validate has said so already; the field is named without its label
            self._schemas[kind] = read if isinstance(read, dict) else None
        return self._schemas[kind]

    def field(self, field: str, path: str) -> str:
        """`service_area (form: Service area)`; the field alone where the form has no such field."""
        kind = kind_of(self.root / path, self.records_root) if field and path else None
        schema = self.schema(kind) if kind else None
        label = form_label(schema, field) if schema is not None else None
        return f"{field} (form: {label})" if label else field
