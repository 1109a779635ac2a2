"""Every record as tables, for analysts and the council's own checks (`candour export`).

One table for each kind of record, one row for each record, its fields as columns in the
schema's order (a nested field as `extension.reason`, a list of plain values joined with '; ').
A list of entries (a case's stages, its remedies, an action's steps) becomes a table of its own,
`cases.stages`, with the record's id and the entry's number on each row, so nothing is lost and
every table stays flat. Records are read as they are on disk; one that cannot be read is named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.folders import KIND_FOLDERS, ORGANISATION_FILE
from generator.parse import parse_record

YEAR = re.compile(r"^\d{4}-\d{2}$")


@dataclass
class Table:
    name: str  # cases, cases.stages, ...
    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, row: dict[str, Any]) -> None:
        for column in row:
            if column not in self.columns:
                self.columns.append(column)
        self.rows.append(row)


@dataclass
class Export:
    tables: dict[str, Table] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)

    def table(self, name: str, first: list[str]) -> Table:
        if name not in self.tables:
            self.tables[name] = Table(name, list(first))
        return self.tables[name]


def record_year(path: Path, values: dict[str, Any]) -> str | None:
    if YEAR.match(path.parent.name):
        return path.parent.name
    year = values.get("year")
    return str(year) if year is not None else None


def export_records(root: Path, year: str | None = None, schemas: dict[str, dict[str, Any]] | None = None
                   ) -> Export:
    """The records under root/records (of one reporting year, if given) as tables."""
    export = Export()
    records = root / "records"
    for folder, kind in KIND_FOLDERS.items():
        order = list((schemas or {}).get(kind, {}).get("properties", {}))
        table = export.table(folder, ["id", "year", *[name for name in order if name != "id"]])
        for path in sorted((records / folder).rglob("*.yaml")):
            try:
                values = parse_record(path.read_text(encoding="utf-8"))
            except Exception as error:  # any file that cannot be read is named, never fatal
                export.unreadable.append(f"{path.relative_to(root)}: {type(error).__name__}")
                continue
            if not isinstance(values, dict):
                export.unreadable.append(f"{path.relative_to(root)}: not a record")
                continue
            found_year = record_year(path, values)
            if year is not None and found_year != year:
                continue
            row: dict[str, Any] = {"id": values.get("id", path.stem), "year": found_year}
            _flatten(values, "", row, export, folder, row["id"])
            table.add(row)
    for name, table in list(export.tables.items()):
        table.columns = [c for c in table.columns if any(c in row for row in table.rows)] or table.columns[:2]
        if not table.rows and "." in name:
            del export.tables[name]
    return export


def _flatten(values: dict[str, Any], prefix: str, row: dict[str, Any], export: Export, table: str,
             record_id: Any) -> None:
    for name, value in values.items():
        column = f"{prefix}{name}"
        if isinstance(value, dict):
            _flatten(value, f"{column}.", row, export, table, record_id)
        elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
            entries = export.table(f"{table}.{column}", ["id", "entry"])
            for number, item in enumerate(value, 1):
                entry: dict[str, Any] = {"id": record_id, "entry": number}
                if isinstance(item, dict):
                    _flatten(item, "", entry, export, f"{table}.{column}", record_id)
                else:
                    entry["value"] = item
                entries.add(entry)
            row[column] = len(value)  # how many, so the main table shows there are entries
        elif isinstance(value, list):
            row[column] = "; ".join(str(item) for item in value)
        else:
            row[column] = value


def organisation_exists(root: Path) -> bool:
    return (root / "records" / ORGANISATION_FILE).is_file()
