"""`candour import cases|compliments FILE --mapping MAP.yaml`: records from a case-management
system's export (CSV or XLSX), as the mapping file says (generator/importing/mapping.py).

`--dry-run` says what would be created and changed, and every label the mapping lacks with how
many rows have it; without it, the records are checked first and written only if every row is
right. Never deletes; never changes a record it did not make, nor one edited since (unless
--force)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from generator.check import schemas_folder
from generator.commands.validate import find_root
from generator.importing.mapping import MappingError, read_mapping
from generator.importing.plan import CHANGE, CREATE, HAND_EDITED, NOT_IMPORTED, SAME, Plan, plan_import
from generator.importing.rows import ExportError, read_rows
from generator.importing.writing import check_plan, write_plan
from generator.ombudsman_published import KIND as STATISTICS

WHAT = {"cases": "case", "compliments": "compliment", STATISTICS: STATISTICS}


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "import",
        help="bring in records from a case-management system's export",
        description="Create or update records from a CSV or XLSX export, as MAP.yaml says. "
        "Try it first with --dry-run. Only the columns the mapping names are read.",
    )
    command.add_argument("kind", choices=sorted(WHAT), help="what the export holds")
    command.add_argument("export", type=Path, metavar="FILE", help="the export: .csv or .xlsx")
    command.add_argument("--mapping", type=Path, required=True, metavar="MAP.yaml",
                         help="which column is which field, and which label is which id")
    command.add_argument("--dry-run", action="store_true", help="say what would change; write nothing")
    command.add_argument("--force", action="store_true",
                         help="also overwrite records edited by hand since they were imported")
    command.add_argument("--root", type=Path, default=None, help="the repository's top folder")
    command.add_argument("--year", help=f"for {STATISTICS}: the ombudsman's year, such as 2023-24")
    command.add_argument("--sheet", help=f"for {STATISTICS}: the workbook's sheet (default: the first)")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = args.root.resolve() if args.root else find_root(Path.cwd())
    if not (root / "records").is_dir():
        print(f"candour import: there is no records/ folder in {root}; run it from the repository's top "
              "folder, or give it with --root", file=sys.stderr)
        return 1
    kind = WHAT[args.kind]
    if kind == STATISTICS:
        from generator.commands.import_statistics import run_statistics  # its own road: one record a year

        return run_statistics(args, root)
    try:
        schema = json.loads((schemas_folder(root) / f"{kind}.schema.json").read_text(encoding="utf-8"))
        mapping = read_mapping(args.mapping, {kind: schema})
        if mapping.kind != kind:
            raise MappingError(f"{args.mapping}: kind: says {mapping.kind}, but this imports {args.kind}")
        rows = read_rows(args.export, mapping.read_columns, mapping.sheet)
    except (MappingError, ExportError) as error:
        print(f"candour import: {error}", file=sys.stderr)
        return 1
    plan = plan_import(root, args.export, rows, mapping, schema, force=args.force)
    if not plan.errors:
        plan.errors += check_plan(root, plan)
    _report(plan, root, dry_run=args.dry_run)
    if plan.errors:
        print(f"candour import: {len(plan.errors)} problems; nothing was written", file=sys.stderr)
        return 1
    if args.dry_run:
        print("candour import: a dry run; nothing was written")
        return 0
    written = write_plan(root, plan)
    print(f"candour import: {len(written)} records written; run candour validate, then commit them")
    return 0


def _report(plan: Plan, root: Path, *, dry_run: bool) -> None:
    would = "would " if dry_run else ""
    counts = (f"{len(plan.of(CREATE))} to create, {len(plan.of(CHANGE))} to change, "
              f"{len(plan.of(SAME))} unchanged")
    print(f"candour import: {plan.export}: {counts}")
    for action, words in ((CREATE, f"{would}create"), (CHANGE, f"{would}change")):
        for planned in plan.of(action):
            print(f"  {words} {planned.path.relative_to(root)} (reference {planned.source_ref}, "
                  f"row {', '.join(map(str, planned.rows))})")
    edited = plan.of(HAND_EDITED)
    if edited:
        print(f"  {len(edited)} edited by hand since they were imported, left as they are "
              "(--force to overwrite):")
        for planned in edited:
            print(f"    {planned.path.relative_to(root)} (reference {planned.source_ref})")
    for planned in plan.of(NOT_IMPORTED):
        print(f"  left alone: {planned.path.relative_to(root)} has reference {planned.source_ref} but "
              "was not made by candour import")
    if plan.unmapped:
        print("  labels the mapping does not have (add each under labels: in the mapping):")
        for (column, label), count in sorted(plan.unmapped.items()):
            print(f"    column {column!r}: {label!r} ({count} {'row' if count == 1 else 'rows'})")
    for error in plan.errors:
        print(error, file=sys.stderr)
