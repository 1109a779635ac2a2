"""Checking an import's records before any is written, and writing them.

The records to create or change are first checked, with every rule `candour validate` applies
(schema, the organisation's lists, the personal-data scan of free text), in a scratch copy of the
repository's organisation file and schemas; a problem is reported at the export's row and column.
Only then are files written: new ones created (never over an existing file), changed ones
replaced whole, only under records/, and nothing is ever deleted.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from generator.check import check_paths
from generator.folders import ORGANISATION_FILE
from generator.importing.plan import CHANGE, CREATE, Plan


def check_plan(root: Path, plan: Plan) -> list[str]:
    """Problems the records to write would have, each named by the export's row and column."""
    writing = plan.of(CREATE) + plan.of(CHANGE)
    if not writing:
        return []
    with tempfile.TemporaryDirectory(prefix="candour-import-") as scratch:
        copy = Path(scratch)
        (copy / "records").mkdir()
        organisation = root / "records" / ORGANISATION_FILE
        if organisation.is_file():
            shutil.copy2(organisation, copy / "records" / ORGANISATION_FILE)
        if (root / "schemas").is_dir():
            shutil.copytree(root / "schemas", copy / "schemas")
        shown: dict[str, int] = {}
        for index, planned in enumerate(writing):
            target = copy / planned.path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(planned.text, encoding="utf-8")
            shown[target.relative_to(copy).as_posix()] = index
        result = check_paths(copy)
    problems = []
    for problem in result.problems:
        index = shown.get(problem.path)
        if index is None:
            continue  # the organisation file's own problems are candour validate's to report
        planned = writing[index]
        top = problem.field.split(".", 1)[0].split("[", 1)[0] if problem.field else ""
        column = planned.columns.get(top) or planned.columns.get(f"stages.{problem.field.rsplit('.', 1)[-1]}")
        rows = ", ".join(map(str, planned.rows))
        where = f"column {column!r}" if column else f"field {problem.field or '(record)'}"
        problems.append(f"{plan.export}: row {rows}, {where}: {problem.message} "
                        f"(record {planned.record_id}, reference {planned.source_ref})")
    return problems


def write_plan(root: Path, plan: Plan) -> list[Path]:
    """Write what the plan creates and changes; returns the paths written."""
    records = (root / "records").resolve()
    written = []
    for planned in plan.of(CREATE) + plan.of(CHANGE):
        path = planned.path
        if records not in path.resolve().parents:
            raise ValueError(f"{path} is not under records/; nothing outside it is ever written")
        path.parent.mkdir(parents=True, exist_ok=True)
        if planned.action == CREATE:
            with path.open("x", encoding="utf-8", newline="\n") as out:
                out.write(planned.text)
        else:  # replaced whole, so a stopped import never leaves half a record
            partial = path.with_name(f".{path.name}.importing-{os.getpid()}")
            partial.write_text(planned.text, encoding="utf-8", newline="\n")
            partial.replace(path)
        written.append(path)
    return written
