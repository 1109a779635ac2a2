"""`candour validate [PATH...]`: check records and say, line by line, what to put right."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator.check import RECORDS, CheckResult, check_paths, schemas_folder
from generator.cms.labels import FormLabels
from generator.problems import Problem, printable

SUMMARY_LIMIT = 10  # more problems than this also get a table in the GitHub job summary


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "validate",
        help="check records for problems",
        description="Check records against their schemas, the rules across records and the "
        "personal-data scan. No PATH: the whole repository. Never changes a file.",
    )
    command.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        type=Path,
        help="record files or folders to check (default: all of records/)",
    )
    command.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text (default), or github for GitHub Actions annotations",
    )
    command.add_argument(
        "--root",
        type=Path,
        default=None,
        help="the repository's top folder (default: found from the current folder)",
    )
    command.set_defaults(run=run)


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds records/, else `start` itself."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / RECORDS).is_dir():
            return folder
    return start


def run(args: argparse.Namespace) -> int:
    try:
        return _validate(args)
    except Exception as error:  # a bug in candour, never in the records: say so, no traceback
        print(
            f"candour validate: internal error ({type(error).__name__}: {printable(str(error))}). "
            "This is a bug in "
            "candour, not a problem in your records; please report it.",
            file=sys.stderr,
        )
        if os.environ.get("CANDOUR_DEBUG"):
            raise
        return 2


def _validate(args: argparse.Namespace) -> int:
    root = args.root.resolve() if args.root else find_root(Path.cwd())
    paths = [path if path.is_absolute() else Path.cwd() / path for path in args.paths] or None
    result = check_paths(root, paths, keep_values=False, cache=True)
    for note in result.notes:
        print(f"note: {printable(note)}", file=sys.stderr)  # a note may name a path given
    for warning in result.warnings:  # not a problem: the records pass, and the report says so too
        print(f"warning: {warning}", file=sys.stderr)
    if args.format == "github":
        _print_github(result, FormLabels(root, schemas_folder(root), RECORDS))
    else:
        for problem in result.problems:
            print(problem)
    print(summary(result, whole_repository=paths is None))
    return 1 if result.problems else 0


def summary(result: CheckResult, *, whole_repository: bool) -> str:
    count = len(result.problems)
    if count:
        files = result.files_with_problems
        return f"{count} problem{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
    if result.checked == 0 and result.pages and not whole_repository:
        return "The page is clean." if result.pages == 1 else f"All {result.pages} pages are clean."
    if result.checked == 0:
        return "No records to check." if whole_repository else "No record files among the paths given."
    warned = len(result.warnings)
    also = (f" ({warned} warning{'s' if warned != 1 else ''} about the ombudsman's figures, above)"
            if warned else "")
    if result.checked == 1:
        return f"The record is valid.{also}"
    return f"All {result.checked} records are valid.{also}"


def _print_github(result: CheckResult, labels: FormLabels) -> None:
    """The problems as a pull request shows them, each field also named by the records editor's
    label for it, so that an officer who used the form knows which field of it to change."""
    fields = [labels.field(problem.field, problem.path) for problem in result.problems]
    for problem, field in zip(result.problems, fields, strict=True):
        print(annotation(problem, field))
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target and len(result.problems) > SUMMARY_LIMIT:
        with open(target, "a", encoding="utf-8") as out:
            out.write(job_summary(result.problems, fields))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, field: str | None = None) -> str:
    """A GitHub Actions workflow command that shows the problem on the line of the pull request;
    `field` names the field as the title says it (with its form label), by default as the problem does."""
    field = problem.field if field is None else field
    title = f"candour validate: {field}" if field else "candour validate"
    properties = ",".join(
        (
            f"file={_escape_property(problem.path)}",
            f"line={problem.line}",
            f"col={problem.column}",
            f"title={_escape_property(title)}",
        )
    )
    return f"::error {properties}::{_escape_data(problem.message)}"


def job_summary(problems: list[Problem], fields: list[str] | None = None) -> str:
    """A Markdown table of every problem, for the job's summary page; `fields` as annotation's."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    files = len({problem.path for problem in problems})
    lines = [
        "## candour validate",
        "",
        f"{len(problems)} problems in {files} files. Each row says where the problem is and what to do.",
        "",
        "| file | line | field | problem |",
        "| --- | ---: | --- | --- |",
    ]
    named = fields if fields is not None else [problem.field for problem in problems]
    lines += [
        f"| `{cell(p.path)}` | {p.line}:{p.column} | {cell(field) or '-'} | {cell(p.message)} |"
        for p, field in zip(problems, named, strict=True)
    ]
    return "\n".join(lines) + "\n"
