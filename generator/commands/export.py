"""`candour export`: every record, or one reporting year's, as CSV files or one Excel workbook
(a sheet for each kind), for analysts and the council's own checks. The export holds internal
fields (summaries, reasons, source references): it is not for publishing.

Text that a spreadsheet would run as a formula (starting =, +, -, @) is written so that it stays
text: with a leading apostrophe in CSV, as a text cell in XLSX."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from generator.check import schemas_folder
from generator.commands.validate import find_root
from generator.exporting import Export, export_records
from generator.folders import KIND_FOLDERS
from generator.years import year_start

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_LIMIT = 31  # Excel's


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "export",
        help="write every record to CSV files or an Excel workbook",
        description="Write the records (all, or one --year) as tables: OUTPUT.xlsx for a workbook with "
        "a sheet for each kind, or a folder for one CSV file for each. Never changes a record.",
    )
    command.add_argument("output", type=Path, metavar="OUTPUT",
                         help="a .xlsx file, or a folder for CSV files")
    command.add_argument("--year", help="only this reporting year, such as 2024-25")
    command.add_argument("--root", type=Path, default=None, help="the repository's top folder")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = args.root.resolve() if args.root else find_root(Path.cwd())
    if not (root / "records").is_dir():
        print(f"candour export: there is no records/ folder in {root}", file=sys.stderr)
        return 1
    if args.year is not None:
        try:
            year_start(args.year)
        except ValueError as error:
            print(f"candour export: {error}", file=sys.stderr)
            return 1
    output = args.output.resolve()
    if (root / "records").resolve() in (output, *output.parents):
        print("candour export: the output cannot be inside records/", file=sys.stderr)
        return 1
    schemas = {}
    for kind in KIND_FOLDERS.values():
        try:
            text = (schemas_folder(root) / f"{kind}.schema.json").read_text(encoding="utf-8")
            schemas[kind] = json.loads(text)
        except (OSError, ValueError):
            schemas[kind] = {}
    export = export_records(root, args.year, schemas)
    for unreadable in export.unreadable:
        print(f"candour export: left out {unreadable} (candour validate says why)", file=sys.stderr)
    try:
        if output.suffix.lower() == ".xlsx":
            _workbook(export, output)
        else:
            _csv_files(export, output)
    except ImportError:
        print('candour export: writing .xlsx needs openpyxl: pip install "candour[spreadsheets]"',
              file=sys.stderr)
        return 1
    except OSError as error:
        print(f"candour export: cannot write {output}: {error.strerror}", file=sys.stderr)
        return 1
    counted = ", ".join(f"{len(t.rows)} {name}" for name, t in export.tables.items() if "." not in name)
    print(f"candour export: {counted} written to {output}")
    return 0


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _csv_files(export: Export, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in export.tables.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(table.columns)
            for row in table.rows:
                writer.writerow([_safe(_cell(row.get(column))) for column in table.columns])


def _workbook(export: Export, path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, table in export.tables.items():
        sheet = workbook.create_sheet(name[:SHEET_NAME_LIMIT])
        sheet.append(table.columns)
        for row in table.rows:
            sheet.append([_cell(row.get(column)) for column in table.columns])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text, never a formula
        sheet.freeze_panes = "A2"
    partial = path.with_name(f".{path.name}.writing")
    workbook.save(partial)
    partial.replace(path)


def _cell(value: Any) -> Any:
    return "" if value is None else value
