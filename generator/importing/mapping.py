"""The mapping file: which column is which field, which labels become which ids, the date
formats, defaults, and whether stages come one row per case or one row per stage.

```yaml
kind: case                  # case or compliment
rows: one-per-stage         # or one-per-case
reference: Case Ref         # the system's reference, kept as source_ref
dates: [dd/mm/yyyy, excel]  # tried in order; iso (yyyy-mm-dd) is always understood
sheet: Cases                # an XLSX workbook's sheet (default: the first)
columns:                    # field: column, or field: {column: ..., labels: {label: id}}
  received: Date Received
  service_area: {column: Team, labels: {Home Care: home-care}}
stage_columns:              # cases only: the fields of each stage
  stage: {column: Stage, labels: {Stage 1: stage-1}}
  responded: Response Date
defaults: {disposition: accepted}
stage_defaults: {}
```

Only the columns named here are ever read: a column of names or addresses in the export cannot
reach a record unless a mapping names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

KINDS = {"case": "cases", "compliment": "compliments"}
ROWS = ("one-per-case", "one-per-stage")
DATE_FORMATS = {
    "dd/mm/yyyy": "%d/%m/%Y",
    "dd-mm-yyyy": "%d-%m-%Y",
    "dd.mm.yyyy": "%d.%m.%Y",
    "dd/mm/yy": "%d/%m/%y",
    "mm/dd/yyyy": "%m/%d/%Y",
    "iso": "%Y-%m-%d",
    "yyyy-mm-dd": "%Y-%m-%d",
    "excel": "excel",
}
# Written by the import itself, never from a column.
RESERVED = ("id", "source_ref", "import_digest", "privacy_accepted", "stages")


class MappingError(Exception):
    """A mapping file that cannot be used, naming the file and the setting."""


@dataclass(frozen=True)
class Column:
    """Where one field's value comes from: a column, and the labels its cells may hold."""

    field: str
    column: str
    labels: dict[str, Any] | None = None


@dataclass(frozen=True)
class Mapping:
    path: Path
    kind: str
    rows: str
    reference: str
    dates: tuple[str, ...]
    sheet: str | None
    columns: tuple[Column, ...]
    stage_columns: tuple[Column, ...] = ()
    defaults: dict[str, Any] = field(default_factory=dict)
    stage_defaults: dict[str, Any] = field(default_factory=dict)

    @property
    def read_columns(self) -> set[str]:
        return {self.reference} | {c.column for c in (*self.columns, *self.stage_columns)}


def read_mapping(path: Path, schemas: dict[str, dict[str, Any]]) -> Mapping:
    """The mapping in `path`, checked against the kind's schema; raises MappingError."""
    try:
        values = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise MappingError(f"{path}: cannot be opened: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise MappingError(f"{path}: is not valid YAML: {error}") from None
    if not isinstance(values, dict):
        raise MappingError(f"{path}: must be a set of 'setting: value' lines")
    kind = values.get("kind")
    if kind not in KINDS:
        raise MappingError(f"{path}: kind: must be one of {', '.join(KINDS)}, not {kind!r}")
    unknown = set(values) - {
        "kind",
        "rows",
        "reference",
        "dates",
        "sheet",
        "columns",
        "stage_columns",
        "defaults",
        "stage_defaults",
    }
    if unknown:
        raise MappingError(f"{path}: unknown settings: {', '.join(sorted(unknown))}")
    rows = values.get("rows", "one-per-case")
    if rows not in ROWS or (rows == "one-per-stage" and kind != "case"):
        raise MappingError(
            f"{path}: rows: must be one-per-case" + (" or one-per-stage" if kind == "case" else "")
        )
    reference = values.get("reference")
    if not isinstance(reference, str) or not reference:
        raise MappingError(
            f"{path}: reference: name the column holding the system's own reference, so a "
            "second import updates the records of the first instead of adding more"
        )
    dates = values.get("dates", ["iso"])
    dates = [dates] if isinstance(dates, str) else dates
    if not isinstance(dates, list) or any(d not in DATE_FORMATS for d in dates):
        raise MappingError(f"{path}: dates: each must be one of {', '.join(DATE_FORMATS)}")
    properties = schemas[kind].get("properties", {})
    stage_properties = properties.get("stages", {}).get("items", {}).get("properties", {})
    columns = _columns(path, "columns", values.get("columns"), properties)
    stage_columns = _columns(path, "stage_columns", values.get("stage_columns"), stage_properties)
    if stage_columns and kind != "case":
        raise MappingError(f"{path}: stage_columns: only cases have stages")
    if rows == "one-per-stage" and not stage_columns:
        raise MappingError(f"{path}: stage_columns: one row per stage needs the columns of each stage")
    defaults = _defaults(path, "defaults", values.get("defaults"), properties)
    stage_defaults = _defaults(path, "stage_defaults", values.get("stage_defaults"), stage_properties)
    sheet = values.get("sheet")
    return Mapping(
        path,
        kind,
        rows,
        reference,
        tuple(dates),
        str(sheet) if sheet is not None else None,
        tuple(columns),
        tuple(stage_columns),
        defaults,
        stage_defaults,
    )


def _columns(path: Path, setting: str, given: Any, properties: dict[str, Any]) -> list[Column]:
    if given is None:
        return []
    if not isinstance(given, dict):
        raise MappingError(f"{path}: {setting}: must be a set of 'field: column' lines")
    columns = []
    for name, source in given.items():
        if name in RESERVED or name not in properties:
            raise MappingError(
                f"{path}: {setting}.{name}: is not a field a record can be given from a column"
            )
        if isinstance(source, str):
            columns.append(Column(name, source))
        elif isinstance(source, dict) and isinstance(source.get("column"), str):
            labels = source.get("labels")
            if labels is not None and not isinstance(labels, dict):
                raise MappingError(f"{path}: {setting}.{name}.labels: must be a set of 'label: id' lines")
            extra = set(source) - {"column", "labels"}
            if extra:
                raise MappingError(f"{path}: {setting}.{name}: unknown settings {', '.join(sorted(extra))}")
            columns.append(
                Column(
                    name, source["column"], {str(k).strip(): v for k, v in labels.items()} if labels else None
                )
            )
        else:
            raise MappingError(f"{path}: {setting}.{name}: give a column name, or column: and labels:")
    return columns


def _defaults(path: Path, setting: str, given: Any, properties: dict[str, Any]) -> dict[str, Any]:
    if given is None:
        return {}
    if not isinstance(given, dict):
        raise MappingError(f"{path}: {setting}: must be a set of 'field: value' lines")
    for name in given:
        if name in RESERVED or name not in properties:
            raise MappingError(f"{path}: {setting}.{name}: is not a field of the record")
    return dict(given)
