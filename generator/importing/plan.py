"""What an import would do, record by record: rows grouped into records (one row per case, or
one per stage), each matched by its source reference to the record an earlier import made, and
the record created, changed, left as it is, or (edited by hand since) left alone and listed.

Nothing here writes: `write_plan` in writing.py does, after the records have been checked.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.check.identity import FOLDER_DATE, ID_DIGITS, ID_PREFIX, highest_number
from generator.importing.mapping import KINDS, Column, Mapping
from generator.importing.rows import Row
from generator.importing.values import CellError, blank, field_value
from generator.parse import parse_record
from generator.years import reporting_year, year_start

CREATE, CHANGE, SAME, HAND_EDITED, NOT_IMPORTED = "create", "change", "same", "hand-edited", "not-imported"


@dataclass
class Planned:
    path: Path
    record_id: str
    source_ref: str
    rows: list[int]
    text: str
    action: str
    columns: dict[str, str] = field(default_factory=dict)  # field -> the column it came from


@dataclass
class Plan:
    export: Path
    planned: list[Planned] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    unmapped: Counter[tuple[str, str]] = field(default_factory=Counter)  # (column, label) -> rows

    def of(self, action: str) -> list[Planned]:
        return [p for p in self.planned if p.action == action]


def digest(values: dict[str, Any]) -> str:
    """The fingerprint of a record's values (its own fingerprint left out)."""
    kept = {key: value for key, value in values.items() if key != "import_digest"}
    text = json.dumps(kept, sort_keys=True, ensure_ascii=False, default=str)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def existing_records(root: Path, kind: str) -> tuple[dict[str, tuple[Path, dict[str, Any]]], list[str]]:
    """Records of the kind that carry a source reference: reference -> (path, values)."""
    found: dict[str, tuple[Path, dict[str, Any]]] = {}
    problems = []
    for path in sorted((root / "records" / KINDS[kind]).glob("*/*.yaml")):
        try:
            values = parse_record(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, yaml.YAMLError):
            continue  # candour validate reports it; an import neither reads nor touches it
        if not isinstance(values, dict) or not isinstance(values.get("source_ref"), str):
            continue
        reference = values["source_ref"]
        if reference in found:
            problems.append(
                f"{path.relative_to(root)}: source_ref {reference!r} is also in "
                f"{found[reference][0].relative_to(root)}; make them different before importing"
            )
        found[reference] = (path, values)
    return found, problems


def plan_import(
    root: Path,
    export: Path,
    rows: list[Row],
    mapping: Mapping,
    schema: dict[str, Any],
    *,
    force: bool = False,
) -> Plan:
    plan = Plan(export)
    existing, plan.errors = existing_records(root, mapping.kind)
    groups = _groups(rows, mapping, plan)
    next_numbers: dict[str, int] = {}
    for reference, group in groups.items():
        values, columns = _record_values(group, mapping, schema, plan)
        if values is None:
            continue
        planned = _placed(
            root, reference, group, values, columns, mapping, schema, existing, next_numbers, plan
        )
        if planned is not None:
            planned.action = _action(planned, existing.get(reference), force)
            plan.planned.append(planned)
    return plan


def _groups(rows: list[Row], mapping: Mapping, plan: Plan) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        reference = row.cells.get(mapping.reference)
        if blank(reference):
            plan.errors.append(
                f"{plan.export}: row {row.number}, column {mapping.reference!r}: no reference; "
                "every row needs the system's reference"
            )
            continue
        reference = str(
            int(reference) if isinstance(reference, float) and reference.is_integer() else reference
        )
        reference = reference.strip()
        if mapping.rows == "one-per-case" and reference in groups:
            plan.errors.append(
                f"{plan.export}: row {row.number}, column {mapping.reference!r}: the reference "
                f"{reference!r} is also on row {groups[reference][0].number} (the mapping says "
                "one row per case; for one row per stage say rows: one-per-stage)"
            )
            continue
        groups.setdefault(reference, []).append(row)
    return groups


def _cells(
    row: Row,
    columns: tuple[Column, ...],
    schema: dict[str, Any],
    mapping: Mapping,
    plan: Plan,
    into: dict[str, Any],
) -> bool:
    """Put the row's values for `columns` into `into`; False when a cell could not be read."""
    good = True
    for column in columns:
        raw = row.cells.get(column.column)
        if blank(raw):
            continue
        try:
            into[column.field] = field_value(raw, column, schema.get(column.field, {}), mapping.dates)
        except CellError as error:
            good = False
            if error.label is not None:
                plan.unmapped[(column.column, error.label)] += 1
            plan.errors.append(f"{plan.export}: row {row.number}, column {column.column!r}: {error}")
    return good


def _record_values(
    group: list[Row], mapping: Mapping, schema: dict[str, Any], plan: Plan
) -> tuple[dict[str, Any] | None, dict[str, str]]:
    properties = schema.get("properties", {})
    values: dict[str, Any] = dict(mapping.defaults)
    good = _cells(group[0], mapping.columns, properties, mapping, plan, values)
    for row in group[1:]:  # one row per stage: the case's own columns must say the same on each
        again: dict[str, Any] = dict(mapping.defaults)
        good = _cells(row, mapping.columns, properties, mapping, plan, again) and good
        for name, value in again.items():
            if values.get(name) != value:
                column = next(c.column for c in mapping.columns if c.field == name)
                plan.errors.append(
                    f"{plan.export}: row {row.number}, column {column!r}: says {value!r} but row "
                    f"{group[0].number} of the same case says {values.get(name)!r}"
                )
                good = False
    if mapping.stage_columns:
        stage_schema = properties.get("stages", {}).get("items", {}).get("properties", {})
        stages = []
        for row in group:
            stage: dict[str, Any] = dict(mapping.stage_defaults)
            good = _cells(row, mapping.stage_columns, stage_schema, mapping, plan, stage) and good
            if stage:
                stages.append(stage)
        if stages:
            values["stages"] = stages
    columns = {c.field: c.column for c in mapping.columns}
    columns.update({f"stages.{c.field}": c.column for c in mapping.stage_columns})
    return (values if good else None), columns


def _placed(
    root: Path,
    reference: str,
    group: list[Row],
    values: dict[str, Any],
    columns: dict[str, str],
    mapping: Mapping,
    schema: dict[str, Any],
    existing: dict[str, tuple[Path, dict[str, Any]]],
    next_numbers: dict[str, int],
    plan: Plan,
) -> Planned | None:
    kind = mapping.kind
    rows = [row.number for row in group]
    when = values.get(FOLDER_DATE[kind])
    if not isinstance(when, str):
        where = columns.get(FOLDER_DATE[kind], "(none mapped)")
        plan.errors.append(
            f"{plan.export}: row {rows[0]}, column {where!r}: no {FOLDER_DATE[kind]} date; "
            "every record needs one"
        )
        return None
    year = reporting_year(date.fromisoformat(when))
    folder = root / "records" / KINDS[kind]
    if reference in existing:
        path, old = existing[reference]
        record_id = str(old.get("id") or path.stem)
        if path.parent.name != year:
            plan.errors.append(
                f"{plan.export}: row {rows[0]}, column {columns.get(FOLDER_DATE[kind])!r}: "
                f"{path.relative_to(root)} is in the {path.parent.name} folder but the export "
                f"now dates it in {year}: move the record by hand, then import again"
            )
            return None
    else:
        number = next_numbers.get(year) or highest_number(folder, kind, year) + 1
        next_numbers[year] = number + 1
        record_id = f"{ID_PREFIX[kind]}-{year_start(year)}-{number:0{ID_DIGITS[kind]}d}"
        path = folder / year / f"{record_id}.yaml"
    text = record_text(kind, record_id, reference, values, schema, plan.export, rows)
    return Planned(path, record_id, reference, rows, text, CREATE, columns)



def _action(planned: Planned, old: tuple[Path, dict[str, Any]] | None, force: bool) -> str:
    if old is None:
        return CREATE
    values = old[1]
    stored = values.get("import_digest")
    if not isinstance(stored, str):
        return NOT_IMPORTED  # made by hand or by candour new: never the import's to change
    edited = digest(values) != stored
    new_digest = digest(parse_record(planned.text))
    if not edited and new_digest == stored:
        return SAME
    if edited and not force:
        return HAND_EDITED
    return CHANGE


def record_text(
    kind: str,
    record_id: str,
    reference: str,
    values: dict[str, Any],
    schema: dict[str, Any],
    export: Path,
    rows: list[int],
) -> str:
    """The record as YAML, fields in the schema's order, ending with its source and fingerprint."""
    order = list(schema.get("properties", {}))
    record = {"id": record_id}
    record.update({name: values[name] for name in order if name in values and name != "id"})
    record["source_ref"] = reference
    stage_order = list(schema.get("properties", {}).get("stages", {}).get("items", {}).get("properties", {}))
    if "stages" in record:
        record["stages"] = [{k: stage[k] for k in stage_order if k in stage} for stage in record["stages"]]
    body = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=96, default_flow_style=False)
    shown_rows = f"row {rows[0]}" if len(rows) == 1 else f"rows {', '.join(map(str, rows))}"
    header = (
        f"# Imported by candour import from {export.name} ({shown_rows}). If you edit it, a later\n"
        "# import leaves it as it is (and lists it) unless told --force.\n"
    )
    # The fingerprint is of the values as they read back from this very text.
    fingerprint = digest(parse_record(body))
    return header + body + f"import_digest: {json.dumps(fingerprint)}\n"
