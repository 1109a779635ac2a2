"""`candour import ombudsman-statistics FILE --mapping MAP.yaml --year YEAR`: the council's row of
the ombudsman's spreadsheet as the year's statistics record (generator/importing/statistics.py)."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from generator.check import SCHEMAS, check_paths
from generator.check.repository import Taxonomy
from generator.importing.statistics import (
    StatisticsImportError,
    read_statistics_mapping,
    statistics_path,
    statistics_text,
    statistics_values,
)
from generator.load import ORGANISATION_FILE, RecordError, read_record
from generator.problems import Problem
from generator.years import year_start


def _problems(root: Path, path: Path, text: str) -> list[Problem]:
    """What validate would say of the record, checked in a scratch repository holding only the
    organisation file, the schemas and the record: records/ is not touched."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch)
        (copy / "records").mkdir()
        shutil.copyfile(root / "records" / ORGANISATION_FILE, copy / "records" / ORGANISATION_FILE)
        if (root / SCHEMAS).is_dir():
            shutil.copytree(root / SCHEMAS, copy / SCHEMAS)
        written = copy / path.relative_to(root)
        written.parent.mkdir(parents=True)
        written.write_text(text, encoding="utf-8")
        return check_paths(copy, [written], keep_values=False).problems


def run_statistics(args: argparse.Namespace, root: Path) -> int:
    try:
        year = args.year or ""
        try:
            year_start(year)
        except ValueError:
            raise StatisticsImportError("give the ombudsman's year with --year, such as --year 2023-24") \
                from None
        try:
            organisation = read_record(root / "records" / ORGANISATION_FILE, root / "records")
        except RecordError as error:
            raise StatisticsImportError(f"the organisation file cannot be read: {error.problem}") from None
        ombudsman = Taxonomy.from_values(organisation.values).ombudsman or "TODO"
        mapping = read_statistics_mapping(args.mapping)
        values = statistics_values(args.export, mapping, year, ombudsman, args.sheet)
    except StatisticsImportError as error:
        print(f"candour import: {error}", file=sys.stderr)
        return 1
    path = statistics_path(root, year)
    text = statistics_text(values, args.export)
    if args.dry_run:
        print(f"candour import: would create {path.relative_to(root)}:\n{text}", end="")
        print("candour import: a dry run; nothing was written")
        return 0
    if path.exists():
        print(f"candour import: {path.relative_to(root)} is there already: edit it by hand; nothing "
              "was written", file=sys.stderr)
        return 1
    problems = _problems(root, path, text)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"candour import: {len(problems)} problems; nothing was written", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except FileExistsError:  # made by someone else in the meantime: theirs stands
        print(f"candour import: {path.relative_to(root)} is there already; nothing was written",
              file=sys.stderr)
        return 1
    print(f"candour import: wrote {path.relative_to(root)}; run candour validate, then commit it")
    return 0
