"""One cell of an export turned into one field's value, by the field's schema: labels to ids,
dates in the mapping's formats (UK dd/mm/yyyy, ISO, Excel serial numbers), yes/no to true/false."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from generator.importing.mapping import DATE_FORMATS, Column

# Day 0 of Excel's 1900 date system, allowing for its leap day 1900-02-29 that never was.
EXCEL_EPOCH = date(1899, 12, 30)
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}


class CellError(Exception):
    """A cell that cannot become its field's value; `label` is set for an unmapped label."""

    def __init__(self, message: str, label: str | None = None) -> None:
        super().__init__(message)
        self.label = label


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def field_value(value: Any, column: Column, schema: dict[str, Any], dates: tuple[str, ...]) -> Any:
    """The value for the field, or raises CellError saying why not."""
    if column.labels is not None:
        label = _text(value)
        if label not in column.labels:
            raise CellError(f"the label {label!r} is not in the mapping's labels for {column.field}", label)
        return column.labels[label]
    kinds = schema.get("type", [])
    kinds = set(kinds if isinstance(kinds, list) else [kinds])
    if schema.get("format") == "date":
        return as_date(value, dates).isoformat()
    if "boolean" in kinds:
        said = _text(value).lower()
        if said in YES or value is True:
            return True
        if said in NO or value is False:
            return False
        raise CellError(f"{_text(value)!r} is not yes or no")
    if "integer" in kinds or "number" in kinds:
        try:
            number = float(_text(value).replace(",", "").lstrip("£"))
        except ValueError:
            raise CellError(f"{_text(value)!r} is not a number") from None
        return int(number) if number.is_integer() else number
    return _text(value)


def as_date(value: Any, formats: tuple[str, ...]) -> date:
    if isinstance(value, datetime):  # a date cell of a workbook
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    for name in (*formats, "iso"):
        pattern = DATE_FORMATS[name]
        if pattern == "excel":
            if isinstance(value, int | float) or text.replace(".", "", 1).isdigit():
                serial = float(text)
                if 1 <= serial < 2958466:  # up to 31/12/9999
                    return EXCEL_EPOCH + timedelta(days=int(serial))
            continue
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CellError(f"{text!r} is not a date in the mapping's formats ({', '.join(formats)})")


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
