"""The rows of an export, CSV or XLSX, with the number each has in the file, reading only the
columns the mapping names (any other column is never held in memory past its row)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class ExportError(Exception):
    """An export that cannot be read, naming the file (and the row or column)."""


@dataclass(frozen=True)
class Row:
    number: int  # as a spreadsheet shows it: the header is row 1
    cells: dict[str, Any]  # only the mapped columns


def read_rows(path: Path, wanted: set[str], sheet: str | None = None) -> list[Row]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path, sheet)
    elif path.suffix.lower() in (".csv", ".txt"):
        rows = _csv_rows(path)
    else:
        raise ExportError(f"{path}: candour import reads .csv and .xlsx files, not {path.suffix or 'this'}")
    try:
        header = next(rows)
    except StopIteration:
        raise ExportError(f"{path}: is empty; the first row must name the columns") from None
    names = [str(name).strip() if name is not None else "" for name in header]
    missing = sorted(wanted - set(names))
    if missing:
        raise ExportError(
            f"{path}: row 1: no column called {', '.join(repr(m) for m in missing)} "
            f"(the columns are {', '.join(repr(n) for n in names if n)})"
        )
    positions = {name: names.index(name) for name in wanted}
    found = []
    for number, values in enumerate(rows, start=2):
        if all(value in (None, "") for value in values):
            continue
        cells = {name: values[index] if index < len(values) else None for name, index in positions.items()}
        found.append(Row(number, cells))
    return found


def _csv_rows(path: Path) -> Iterator[list[Any]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from csv.reader(handle)
    except UnicodeDecodeError:
        raise ExportError(f"{path}: is not UTF-8 text; export it again as CSV UTF-8") from None
    except OSError as error:
        raise ExportError(f"{path}: cannot be opened: {error.strerror}") from None


def _xlsx_rows(path: Path, sheet: str | None) -> Iterator[list[Any]]:
    try:
        import openpyxl
    except ImportError:
        raise ExportError('reading .xlsx needs openpyxl: pip install "candour[spreadsheets]"') from None
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise ExportError(f"{path}: cannot be opened: {error.strerror}") from None
    except Exception as error:  # openpyxl raises several kinds for a file that is not a workbook
        raise ExportError(f"{path}: is not an Excel workbook openpyxl can read ({error})") from None
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise ExportError(f"{path}: has no sheet {sheet!r} (it has {', '.join(workbook.sheetnames)})")
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        for values in worksheet.iter_rows(values_only=True):
            yield list(values)
    finally:
        workbook.close()
