"""Rules of identity: ids against file names, year folders against dates, ids used twice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from generator.check.repository import Repository, day, value_at
from generator.check.wording import name_shown, shown
from generator.load import RecordFile
from generator.problems import Problem
from generator.years import reporting_year, year_start

# The field whose date decides a record's year folder.
FOLDER_DATE = {"case": "received", "ombudsman": "received", "compliment": "received", "action": "raised"}
ID_PREFIX = {"case": "C", "ombudsman": "OMB", "compliment": "CPL", "action": "ACT", "history": "HIST"}
ID_DIGITS = {"case": 4, "compliment": 4, "ombudsman": 2, "action": 2}  # digits after the year
_ID_YEAR = re.compile(r"^[A-Z]+-(\d{4})-")


def highest_number(kind_folder: Path, kind: str, year: str) -> int:
    """The highest number among the kind's ids of a reporting year, looking in every year folder
    (a record moved to another year keeps its id), 0 when there is none."""
    prefix = f"{ID_PREFIX[kind]}-{year_start(year)}-"
    numbers = [int(path.stem[len(prefix):]) for path in kind_folder.glob(f"*/{prefix}*.yaml")
               if path.stem[len(prefix):].isdigit()]
    return max(numbers, default=0)


def identity(record: RecordFile, repository: Repository) -> Iterator[Problem]:
    values, kind = record.values, record.kind
    record_id = values.get("id")
    stem = record.file_stem
    if isinstance(record_id, str) and record_id != stem and kind != "organisation":
        yield record.problem(
            ("id",),
            f"{shown(record_id)} does not match the file name {name_shown(record.file_name)}: "
            f"the id and the file name must be the same",
        )
    if kind == "history":
        yield from history_year(record)
        return
    if kind == "ombudsman-statistics":
        yield from statistics_year(record)
        return
    if kind not in FOLDER_DATE:
        return
    # shown_as is the path from the repository's top folder: records/<kind>/<year>/<file>.
    parts = tuple(part for part in record.shown_as.split("/") if part)[1:]
    folder_name = f"records/{parts[0]}/"
    if len(parts) != 3:
        yield record.problem((), f"must be in a year folder, such as {folder_name}2019-20/{record.file_name}")
        return
    folder = parts[1]
    try:
        start = year_start(folder)
    except ValueError:
        yield record.problem(
            (), f"is in the folder {shown(folder)}, which is not a reporting year such as 2019-20"
        )
        return
    date_field = FOLDER_DATE[kind]
    when = day(values.get(date_field))
    if when is not None and reporting_year(when) != folder:
        right = reporting_year(when)
        yield record.problem(
            (date_field,),
            (
                f"{when} falls in the reporting year {right}, but the file is in the {folder} folder: "
                f"move it to {folder_name}{right}/ (and give it an id for that year)"
            ),
        )
    id_year = _ID_YEAR.match(record_id) if isinstance(record_id, str) else None
    if id_year and int(id_year[1]) != start:
        yield record.problem(
            ("id",),
            (
                f"{shown(record_id)} has the year {id_year[1]}, but the file is in the {folder} folder: "
                f"an id starts with the first year of its reporting year ({ID_PREFIX[kind]}-{start}-...)"
            ),
        )


def history_year(record: RecordFile) -> Iterator[Problem]:
    year = record.values.get("year")
    if not isinstance(year, str):
        return
    try:
        year_start(year)
    except ValueError:
        yield record.problem(("year",), f"{shown(year)} is not a reporting year such as 2019-20")
        return
    expected = f"HIST-{year}"
    if record.file_stem != expected:
        yield record.problem(
            ("year",),
            f"{year} does not match the file name {record.file_name}: "
            f"the history of {year} belongs in {expected}.yaml",
        )


def statistics_year(record: RecordFile) -> Iterator[Problem]:
    """An ombudsman statistics record is named for its year, directly in its kind's folder."""
    parts = tuple(part for part in record.shown_as.split("/") if part)
    year = record.values.get("year")
    if len(parts) != 3:
        yield record.problem((), f"must be directly in records/{parts[1]}/, named for its year, such as "
                                 f"records/{parts[1]}/2019-20.yaml")
        return
    if not isinstance(year, str):
        return
    try:
        year_start(year)
    except ValueError:
        yield record.problem(("year",), f"{shown(year)} is not a reporting year such as 2019-20")
        return
    if record.file_stem != year:
        yield record.problem(
            ("year",),
            f"{year} does not match the file name {name_shown(record.file_name)}: "
            f"the ombudsman's figures for {year} belong in {year}.yaml",
        )


def duplicate_ids(records: list[RecordFile], named: set[str] | None = None) -> Iterator[Problem]:
    """Ids used by more than one record: each file is told where the others are.

    With files named, a clash is reported when any one of the files sharing the id is named.
    """
    ids = [(record.kind, found) for record in records
           if isinstance(found := value_at(record.values, "id"), str)]
    if len(set(ids)) == len(ids):
        return  # every id is unique: the usual case, found without grouping 50,000 records
    by_id: dict[tuple[str, str], list[RecordFile]] = {}
    for record in records:
        record_id = value_at(record.values, "id")
        if isinstance(record_id, str):
            by_id.setdefault((record.kind, record_id), []).append(record)
    for (_, record_id), sharing in by_id.items():
        if len(sharing) < 2 or (named is not None and not any(r.shown_as in named for r in sharing)):
            continue
        for record in sharing:
            others = ", ".join(other.shown_as for other in sharing if other is not record)
            yield record.problem(
                ("id",), f"{shown(record_id)} is also the id of {others}: every id must be unique"
            )
