"""The second layer: rules that look across fields and across records.

Ids and file names, year folders, dates in order, references to the organisation's taxonomies
and between records, and history records against the case records of the same year. The rules
read values that may have failed the schema, so every access checks the shape it expects.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.check.fields import Pattern, Schema, field_patterns, values_at
from generator.check.schema_files import PLACEHOLDER
from generator.load import Location, RecordFile
from generator.problems import Problem, did_you_mean
from generator.years import reporting_year, year_start

ORGANISATION_SHOWN = "records/organisation.yaml"

# The field whose date decides a record's year folder.
FOLDER_DATE = {"case": "received", "ombudsman": "received", "compliment": "received", "action": "raised"}
ID_PREFIX = {"case": "C", "ombudsman": "OMB", "compliment": "CPL", "action": "ACT", "history": "HIST"}
_ID_YEAR = re.compile(r"^[A-Z]+-(\d{4})-")

# Dates of things planned rather than done may lie ahead.
PLANNED_DATES = frozenset({"remedy_due"})

# (kind, field pattern, taxonomy) for every value that names a term of the organisation file.
TAXONOMY_REFERENCES: tuple[tuple[str, Pattern, str], ...] = (
    ("case", ("service_area",), "service_areas"),
    ("case", ("subject",), "subjects"),
    ("case", ("themes", "*"), "subjects"),
    ("case", ("receipt_point",), "receipt_points"),
    ("case", ("receipt_method",), "receipt_methods"),
    ("case", ("complainant",), "relationships"),
    ("case", ("redirected_to",), "redirections"),
    ("case", ("stages", "*", "outcome"), "outcomes"),
    ("case", ("stages", "*", "stage"), "stages"),
    ("ombudsman", ("decision",), "ombudsman_decisions"),
    ("compliment", ("team",), "service_areas"),
    ("action", ("plan",), "plans"),
    ("action", ("theme",), "action_themes"),
    ("action", ("actions", "*", "departments", "*"), "departments"),
    ("action", ("raised_by", "themes", "*"), "subjects"),
)
# History tables whose rows are named by a taxonomy's ids.
HISTORY_ROWS = {
    "service_areas": "service_areas",
    "subjects": "subjects",
    "receipt_points": "receipt_points",
    "receipt_methods": "receipt_methods",
    "complainants": "relationships",
    "compliments": "service_areas",
}
# (kind, field pattern, kind of record named) for every value that names another record.
RECORD_REFERENCES: tuple[tuple[str, Pattern, str], ...] = (
    ("case", ("actions", "*"), "action"),
    ("action", ("raised_by", "cases", "*"), "case"),
    ("ombudsman", ("case",), "case"),
)
RECORD_NAMES = {"case": "case", "action": "action", "ombudsman": "ombudsman case", "compliment": "compliment"}


def day(value: Any) -> date | None:
    """A date written YYYY-MM-DD, or None for anything else (the schema reports those)."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _get(values: Any, *path: str | int) -> Any:
    for step in path:
        if isinstance(step, int):
            values = values[step] if isinstance(values, list) and step < len(values) else None
        else:
            values = values.get(step) if isinstance(values, dict) else None
    return values


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


@dataclass(frozen=True)
class Taxonomy:
    """The ids the organisation file defines, by taxonomy name, in the file's order."""

    ids: dict[str, list[str]]

    @classmethod
    def from_values(cls, values: dict[str, Any]) -> Taxonomy:
        taxonomies = _get(values, "taxonomies") or {}
        ids: dict[str, list[str]] = {}
        for name, entries in taxonomies.items():
            ids[name] = [
                entry["id"]
                for entry in _list(entries)
                if isinstance(entry, dict) and isinstance(entry.get("id"), str)
            ]
        ids["subjects"] = [
            sub["id"]
            for category in _list(taxonomies.get("subjects"))
            for sub in _list(_get(category, "subjects"))
            if isinstance(_get(sub, "id"), str)
        ]
        ids["stages"] = [
            stage["id"]
            for stage in _list(_get(values, "procedure", "stages"))
            if isinstance(_get(stage, "id"), str)
        ]
        return cls(ids)


@dataclass
class Repository:
    """Every record read, for the rules that look across records."""

    records_root: Path
    records: list[RecordFile]
    taxonomy: Taxonomy | None
    is_valid: Callable[[RecordFile], bool]  # whether a record's values passed the schema
    date_fields: dict[str, list[Pattern]]
    today: date
    unreadable_ids: dict[str, set[str]] = field(default_factory=dict)
    known_ids: dict[str, set[str]] = field(default_factory=dict)  # of records known clean, not read
    ids: dict[str, set[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.ids = {kind: set(found) for kind, found in self.known_ids.items()}
        for kind, found in self.unreadable_ids.items():
            self.ids.setdefault(kind, set()).update(found)
        for record in self.records:
            if isinstance(_get(record.values, "id"), str):
                self.ids.setdefault(record.kind, set()).add(record.values["id"])

    def of_kind(self, kind: str, *, valid_only: bool = False) -> list[RecordFile]:
        return [r for r in self.records if r.kind == kind and (not valid_only or self.is_valid(r))]


def date_fields(schemas: dict[str, Schema]) -> dict[str, list[Pattern]]:
    """Each kind's fields that hold a date done, from `format: date` in its schema (a date marked
    `x-planned`, such as a committee meeting to come, may lie ahead)."""
    return {
        kind: field_patterns(schema, lambda each: each.get("format") == "date" and not each.get("x-planned"))
        for kind, schema in schemas.items()
    }


def record_problems(record: RecordFile, repository: Repository, *, references: bool = True) -> list[Problem]:
    """Every rule that concerns one record, against the whole repository.

    Without `references`, only the rules that need no other record: `reference_problems` gives the
    rest once every record has been read."""
    if not isinstance(record.values, dict):
        return []
    problems = list(_identity(record, repository))
    problems += _dates_in_order(record)
    problems += _future_dates(record, repository)
    problems += _timescales(record)
    if references:
        problems += _record_references(record, repository)
    if repository.taxonomy is not None:
        problems += _taxonomy_references(record, repository.taxonomy)
        problems += _stage_order(record, repository.taxonomy)
    if record.kind == "history":
        problems += _history_sums(record)
    return problems


# -- ids, file names and year folders ---------------------------------------------------------


def _identity(record: RecordFile, repository: Repository) -> Iterator[Problem]:
    values, kind = record.values, record.kind
    record_id = values.get("id")
    stem = record.file_stem
    if isinstance(record_id, str) and record_id != stem and kind != "organisation":
        yield record.problem(
            ("id",),
            f"'{record_id}' does not match the file name {record.file_name}: "
            f"the id and the file name must be the same",
        )
    if kind == "history":
        yield from _history_year(record)
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
            (), f"is in the folder '{folder}', which is not a reporting year such as 2019-20"
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
                f"'{record_id}' has the year {id_year[1]}, but the file is in the {folder} folder: an id "
                f"starts with the first year of its reporting year ({ID_PREFIX[kind]}-{start}-...)"
            ),
        )


def _history_year(record: RecordFile) -> Iterator[Problem]:
    year = record.values.get("year")
    if not isinstance(year, str):
        return
    try:
        year_start(year)
    except ValueError as error:
        yield record.problem(("year",), str(error))
        return
    expected = f"HIST-{year}"
    if record.file_stem != expected:
        yield record.problem(
            ("year",),
            f"{year} does not match the file name {record.file_name}: "
            f"the history of {year} belongs in {expected}.yaml",
        )


def duplicate_ids(records: list[RecordFile], named: set[str] | None = None) -> Iterator[Problem]:
    """Ids used by more than one record: each file is told where the others are.

    With files named, a clash is reported when any one of the files sharing the id is named.
    """
    ids = [(record.kind, found) for record in records if isinstance(found := _get(record.values, "id"), str)]
    if len(set(ids)) == len(ids):
        return  # every id is unique: the usual case, found without grouping 50,000 records
    by_id: dict[tuple[str, str], list[RecordFile]] = {}
    for record in records:
        record_id = _get(record.values, "id")
        if isinstance(record_id, str):
            by_id.setdefault((record.kind, record_id), []).append(record)
    for (_, record_id), sharing in by_id.items():
        if len(sharing) < 2 or (named is not None and not any(r.shown_as in named for r in sharing)):
            continue
        for record in sharing:
            others = ", ".join(other.shown_as for other in sharing if other is not record)
            yield record.problem(
                ("id",), f"'{record_id}' is also the id of {others}: every id must be unique"
            )


# -- dates ------------------------------------------------------------------------------------


def _before(record: RecordFile, location: Location, later: date, earlier_name: str, earlier: date) -> Problem:
    return record.problem(location, f"{later} is before {earlier_name} ({earlier}); check both dates")


def _dates_in_order(record: RecordFile) -> Iterator[Problem]:
    values = record.values
    if record.kind == "case":
        yield from _case_dates(record)
    elif record.kind == "ombudsman":
        decided = day(values.get("decided"))
        received = day(values.get("received"))
        if decided and received and decided < received:
            yield _before(record, ("decided",), decided, "the date received", received)
        for name in ("remedy_due", "remedy_completed"):
            when = day(values.get(name))
            if when and decided and when < decided:
                yield _before(record, (name,), when, "the date decided", decided)
    elif record.kind == "action":
        raised = day(values.get("raised"))
        if raised is None:
            return
        completed = day(values.get("completed"))
        if completed and completed < raised:
            yield _before(record, ("completed",), completed, "the date raised", raised)
        for index, review in enumerate(_list(values.get("reviews"))):
            when = day(_get(review, "date"))
            if when and when < raised:
                yield _before(record, ("reviews", index, "date"), when, "the date raised", raised)


def _case_dates(record: RecordFile) -> Iterator[Problem]:
    received = day(record.values.get("received"))
    previous_responded: date | None = None
    for index, stage in enumerate(_list(record.values.get("stages"))):
        if not isinstance(stage, dict):
            continue
        started = day(stage.get("started"))
        here: Location = ("stages", index)
        if index == 0:
            start, start_name = (
                (started, "the date this stage started") if started else (received, "the date received")
            )
            if started and received and started < received:
                yield _before(record, (*here, "started"), started, "the date received", received)
        else:
            start, start_name = started, "the date this stage started"
            if "started" not in stage:
                yield record.problem(
                    here, "needs `started: YYYY-MM-DD`: a later stage must give the date it began"
                )
            elif started and previous_responded is None:
                yield record.problem(
                    (*here, "started"),
                    (
                        f"stages[{index - 1}] has no responded date yet: a later stage can only start "
                        "after the earlier one has its response"
                    ),
                )
            elif started and previous_responded and started < previous_responded:
                yield _before(
                    record,
                    (*here, "started"),
                    started,
                    f"the response to stages[{index - 1}]",
                    previous_responded,
                )
        acknowledged, responded = day(stage.get("acknowledged")), day(stage.get("responded"))
        if acknowledged and start and acknowledged < start:
            yield _before(record, (*here, "acknowledged"), acknowledged, start_name, start)
        if responded and acknowledged and responded < acknowledged:
            yield _before(record, (*here, "responded"), responded, "the date acknowledged", acknowledged)
        elif responded and start and responded < start:
            yield _before(record, (*here, "responded"), responded, start_name, start)
        previous_responded = responded


def _future_dates(record: RecordFile, repository: Repository) -> Iterator[Problem]:
    for pattern in repository.date_fields.get(record.kind, ()):
        if pattern[-1] in PLANNED_DATES:
            continue
        for location, value in values_at(record.values, pattern):
            when = day(value)
            if when and when > repository.today:
                yield record.problem(location, f"{when} is in the future (today is {repository.today})")


def _timescales(record: RecordFile) -> Iterator[Problem]:
    if record.kind != "action":
        return
    for pattern in (("actions", "*", "timescale"), ("actions", "*", "revisions", "*", "timescale")):
        for location, value in values_at(record.values, pattern):
            if (
                not isinstance(value, str)
                or value == "ongoing"
                or not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value)
            ):
                continue
            whole = value if len(value) == 10 else f"{value}-01"
            if day(whole) is None:
                kind = "date" if len(value) == 10 else "month"
                yield record.problem(location, f"{value} is not a real {kind}")


# -- references -------------------------------------------------------------------------------


def _choose_from(ids: list[str], where: str) -> str:
    if ids and len(ids) <= 12:
        return f"choose one of {', '.join(ids)}"
    return f"choose an id listed under {where}"


def _taxonomy_references(record: RecordFile, taxonomy: Taxonomy) -> Iterator[Problem]:
    for kind, pattern, name in TAXONOMY_REFERENCES:
        if kind != record.kind:
            continue
        ids = taxonomy.ids.get(name, [])
        where = (
            "procedure.stages" if name == "stages" else f"taxonomies.{name}"
        ) + f" in {ORGANISATION_SHOWN}"
        for location, value in values_at(record.values, pattern):
            if not isinstance(value, str) or value in ids:
                continue
            if value == PLACEHOLDER:
                yield record.problem(location, f"still says {PLACEHOLDER}: {_choose_from(ids, where)}")
            else:
                guess = did_you_mean(value, ids)
                if not guess and ids and len(ids) <= 12:
                    guess = f": choose one of {', '.join(ids)}"
                yield record.problem(location, f"'{value}' is not listed under {where}" + guess)
    if record.kind == "history":
        yield from _history_row_references(record, taxonomy)


def _history_row_references(record: RecordFile, taxonomy: Taxonomy) -> Iterator[Problem]:
    for table, name in HISTORY_ROWS.items():
        rows = _get(record.values, table, "rows")
        ids = taxonomy.ids.get(name, [])
        for row in rows if isinstance(rows, dict) else ():
            if isinstance(row, str) and row not in ids:
                yield record.problem(
                    (table, "rows", row),
                    (
                        f"'{row}' is not listed under taxonomies.{name} in {ORGANISATION_SHOWN}"
                        + did_you_mean(row, ids)
                    ),
                    key=True,
                )


# The field each kind's references start from: a record without it refers to nothing.
_REFERRING = {
    kind: {pattern[0] for other, pattern, _ in RECORD_REFERENCES if other == kind}
    for kind, _, _ in RECORD_REFERENCES
}


def reference_problems(record: RecordFile, repository: Repository) -> list[Problem]:
    """References from this record to other records that do not exist."""
    values = record.values
    if not isinstance(values, dict) or _REFERRING.get(record.kind, set()).isdisjoint(values):
        return []  # most records refer to no other record
    return list(_record_references(record, repository))


def _record_references(record: RecordFile, repository: Repository) -> Iterator[Problem]:
    for kind, pattern, target in RECORD_REFERENCES:
        if kind != record.kind:
            continue
        known = repository.ids.get(target, set())
        for location, value in values_at(record.values, pattern):
            if not isinstance(value, str) or value in known:
                continue
            # Guessing among many thousands of ids is slow and rarely right: guess within the year.
            nearby = sorted(other for other in known if other[:-4] == value[:-4] or len(known) < 2000)
            yield record.problem(
                location,
                f"'{value}' is not the id of any {RECORD_NAMES[target]} record" + did_you_mean(value, nearby),
            )


def _stage_order(record: RecordFile, taxonomy: Taxonomy) -> Iterator[Problem]:
    if record.kind != "case":
        return
    procedure = taxonomy.ids.get("stages", [])
    furthest = -1
    for index, stage in enumerate(_list(record.values.get("stages"))):
        stage_id = _get(stage, "stage")
        if stage_id not in procedure:
            continue
        position = procedure.index(stage_id)
        if position <= furthest:
            yield record.problem(
                ("stages", index, "stage"),
                (
                    f"'{stage_id}' cannot come here: list each stage once, in the order of the procedure "
                    f"({', '.join(procedure)})"
                ),
            )
        furthest = max(furthest, position)


# -- history ----------------------------------------------------------------------------------


def _tables(values: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, table in values.items():
        if isinstance(table, dict) and isinstance(table.get("rows"), dict) and "total" in table:
            yield name, table


def _history_sums(record: RecordFile) -> Iterator[Problem]:
    faulted = {_get(fault, "table") for fault in _list(record.values.get("faults"))}
    for name, table in _tables(record.values):
        total = table.get("total")
        if not isinstance(total, int) or isinstance(total, bool):
            continue
        counts = [v for v in table["rows"].values() if isinstance(v, int) and not isinstance(v, bool)]
        counts += [
            v
            for k, v in table.items()
            if k not in ("rows", "total") and isinstance(v, int) and not isinstance(v, bool)
        ]
        added = sum(counts)
        if added != total and name not in faulted:
            yield record.problem(
                (name, "total"),
                (
                    f"the rows add up to {added}, not {total}: correct the figures, or, if the published "
                    f"table really did not add up, say so under faults (table: {name})"
                ),
            )


def history_agreement(repository: Repository, named: set[str] | None) -> Iterator[Problem]:
    """A history year and the case records of the same year must give the same figures."""
    histories = repository.of_kind("history", valid_only=True)
    wanted = {history.values.get("year") for history in histories}
    # Each record's year is worked out once, not once per history record: at 50,000 records
    # that pass is what a warm check spends most on. Validity, the costly part, only in the year.
    in_year: dict[tuple[str, str], list[RecordFile]] = {}
    for kind in ("case", "compliment", "ombudsman") if histories else ():
        for r in repository.of_kind(kind):
            year_of = _year_of(r, "received")
            if year_of in wanted:
                in_year.setdefault((kind, year_of), []).append(r)
    for history in histories:
        year = history.values.get("year")
        sources = {
            kind: [r for r in in_year.get((kind, year), []) if repository.is_valid(r)]
            for kind in ("case", "compliment", "ombudsman")
        }
        involved = {history.shown_as} | {r.shown_as for rs in sources.values() for r in rs}
        if named is not None and not involved & named:
            continue
        computed = _computed_tables(sources)
        for table, (rows, total, source) in computed.items():
            yield from _compare_table(history, table, rows, total, f"the {source} records for {year}")
        ombudsman = sources["ombudsman"]
        published = _get(history.values, "ombudsman", "received")
        if ombudsman and isinstance(published, int) and published != len(ombudsman):
            yield history.problem(
                ("ombudsman", "received"),
                (
                    f"the history record says {published}, but the ombudsman case records for {year} "
                    f"give {len(ombudsman)}"
                ),
            )


def _year_of(record: RecordFile, date_field: str) -> str | None:
    written = record.values.get(date_field) if isinstance(record.values, dict) else None
    return year_written(written) if isinstance(written, str) else None


@lru_cache(maxsize=8192)
def year_written(written: str) -> str | None:
    """The reporting year of a date as written: a few thousand dates recur across 50,000 records."""
    when = day(written)
    return reporting_year(when) if when else None


def _computed_tables(sources: dict[str, list[RecordFile]]) -> dict[str, tuple[Counter[str], int, str]]:
    """Each history table as the records of the year give it: rows, total and what they count."""
    tables: dict[str, tuple[Counter[str], int, str]] = {}
    cases = [r.values for r in sources["case"]]
    if cases:
        representations: Counter[str] = Counter()
        for case in cases:
            disposition = case.get("disposition")
            if disposition in ("withdrawn", "ineligible"):
                representations[disposition] += 1
            else:
                representations["complaints" if case.get("kind") == "complaint" else case.get("kind")] += 1
        tables["representations"] = (representations, len(cases), "case")
        complaints = [c for c in cases if c.get("kind") == "complaint" and c.get("disposition") == "accepted"]
        outcomes: Counter[str] = Counter()
        for complaint in complaints:
            last = _get(complaint, "stages", -1) if complaint.get("stages") else None
            outcomes[_get(last, "outcome") or "outstanding"] += 1
        tables["outcomes"] = (outcomes, len(complaints), "case")
        for table, field_ in (
            ("service_areas", "service_area"),
            ("subjects", "subject"),
            ("receipt_points", "receipt_point"),
            ("receipt_methods", "receipt_method"),
            ("complainants", "complainant"),
        ):
            tables[table] = (Counter(str(c.get(field_)) for c in complaints), len(complaints), "case")
    compliments = [r.values for r in sources["compliment"]]
    if compliments:
        tables["compliments"] = (
            Counter(str(c.get("team")) for c in compliments),
            len(compliments),
            "compliment",
        )
    return tables


def _compare_table(
    history: RecordFile, table: str, rows: Counter[str], total: int, source: str
) -> Iterator[Problem]:
    published = history.values.get(table)
    if not isinstance(published, dict) or not isinstance(published.get("rows"), dict):
        return
    for row, count in published["rows"].items():
        if count is not None and count != rows.get(str(row), 0):
            yield history.problem(
                (table, "rows", row),
                (f"the history record says {count}, but {source} give {rows.get(str(row), 0)}"),
            )
    for row, count in sorted(rows.items()):
        if row not in published["rows"] and count:
            yield history.problem((table, "rows"), f"has no row '{row}', but {source} give {count}")
    if published.get("total") != total:
        yield history.problem(
            (table, "total"), (f"the history record says {published.get('total')}, but {source} give {total}")
        )
