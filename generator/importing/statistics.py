"""`candour import ombudsman-statistics`: the council's row of the ombudsman's own spreadsheet (the
LGSCO's statistics by authority, say) as the year's statistics record.

The mapping names the column that holds the authority and the council's name in it, the source
(title, date, address) and, for each field of the statistics record, the column heading it comes
from (`decisions.upheld`, `similar_authorities.uphold_rate` for the nested ones):

    kind: ombudsman-statistics
    authority: {column: Authority, name: Westmere Borough Council}
    source: {title: LGSCO statistics 2019-20, published: 2020-07-22, address: https://...}
    similar_authorities: {group: unitary}
    columns:
      received: Complaints and enquiries received
      decisions.upheld: Upheld
      uphold_rate: Uphold rate (%)

The record is written only if it is new, and only once `candour validate`'s checks find nothing
wrong with it (checked in a scratch copy of the organisation file and the record, so that nothing
in records/ is written until it is right).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from generator.importing.rows import ExportError, read_rows
from generator.ombudsman_published import FOLDER, KIND

NESTED_SEPARATOR = "."


class StatisticsImportError(Exception):
    """Why the statistics could not be imported, naming the file and row."""


@dataclass(frozen=True)
class StatisticsMapping:
    authority_column: str
    authority: str
    source: dict[str, str]
    fixed_similar: dict[str, Any]
    columns: dict[str, str]  # field path -> column heading


def read_statistics_mapping(path: Path) -> StatisticsMapping:
    try:
        values = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise StatisticsImportError(f"{path}: cannot be read as YAML ({error})") from None
    if not isinstance(values, dict) or values.get("kind") != KIND:
        raise StatisticsImportError(f"{path}: kind: must say {KIND}")
    authority, columns, source = values.get("authority"), values.get("columns"), values.get("source")
    if not isinstance(authority, dict) or not {"column", "name"} <= set(authority):
        raise StatisticsImportError(f"{path}: authority: give the column and the council's name in it")
    if not isinstance(columns, dict) or not columns:
        raise StatisticsImportError(f"{path}: columns: name the column of each figure")
    if not isinstance(source, dict):
        raise StatisticsImportError(f"{path}: source: give the title, published date and address")
    return StatisticsMapping(str(authority["column"]), str(authority["name"]),
                             {str(k): str(v) for k, v in source.items()},
                             dict(values.get("similar_authorities") or {}),
                             {str(k): str(v) for k, v in columns.items()})


def _figure(value: Any, export: Path, row: int, column: str) -> int | float | None:
    """A spreadsheet's figure as a count or a rate: '12', 12.0, '67%', '' (not given)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip().rstrip("%").replace(",", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise StatisticsImportError(f"{export}: row {row}: column {column!r}: {value!r} is not a figure") \
            from None
    return int(number) if number == number.to_integral_value() else float(number)


def statistics_values(export: Path, mapping: StatisticsMapping, year: str, ombudsman: str,
                      sheet: str | None = None) -> dict[str, Any]:
    """The statistics record's values from the council's row of the export."""
    wanted = {mapping.authority_column, *mapping.columns.values()}
    try:
        rows = read_rows(export, wanted, sheet)
    except ExportError as error:
        raise StatisticsImportError(str(error)) from None
    name = mapping.authority.casefold()
    ours = [row for row in rows if str(row.cells[mapping.authority_column] or "").strip().casefold() == name]
    if len(ours) != 1:
        found = "no row" if not ours else f"{len(ours)} rows (rows {', '.join(str(r.number) for r in ours)})"
        raise StatisticsImportError(f"{export}: {found} with {mapping.authority!r} in column "
                                    f"{mapping.authority_column!r}: there must be one")
    row = ours[0]
    values: dict[str, Any] = {"year": year, "ombudsman": ombudsman, "source": mapping.source}
    for field, column in mapping.columns.items():
        figure = _figure(row.cells[column], export, row.number, column)
        if figure is None:
            continue
        if NESTED_SEPARATOR in field:
            outer, inner = field.split(NESTED_SEPARATOR, 1)
            values.setdefault(outer, {})[inner] = figure
        else:
            values[field] = figure
    if mapping.fixed_similar or "similar_authorities" in values:
        values["similar_authorities"] = {**mapping.fixed_similar, **values.get("similar_authorities", {})}
    return values


def statistics_path(root: Path, year: str) -> Path:
    return root / "records" / FOLDER / f"{year}.yaml"


def statistics_text(values: dict[str, Any], export: Path) -> str:
    heading = f"# Imported by candour import {KIND} from {export.name}: the ombudsman's figures.\n"
    return heading + yaml.safe_dump(values, sort_keys=False, allow_unicode=True, width=100)
