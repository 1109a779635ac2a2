"""Rules of references: to the organisation's lists (taxonomies and the procedure's stages), and
from one record to another."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.fields import Pattern, values_at
from generator.check.repository import ORGANISATION_SHOWN, Repository, Taxonomy, as_list, value_at
from generator.check.schema_files import PLACEHOLDER
from generator.check.wording import shown
from generator.load import RecordFile
from generator.problems import Problem, did_you_mean

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
    ("ombudsman", ("service_area",), "service_areas"),
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


def _choose_from(ids: list[str], where: str) -> str:
    if ids and len(ids) <= 12:
        return f"choose one of {', '.join(ids)}"
    return f"choose an id listed under {where}"


def taxonomy_references(record: RecordFile, taxonomy: Taxonomy) -> Iterator[Problem]:
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
                yield record.problem(location, f"{shown(value)} is not listed under {where}" + guess)
    if record.kind == "history":
        yield from _history_row_references(record, taxonomy)


def _history_row_references(record: RecordFile, taxonomy: Taxonomy) -> Iterator[Problem]:
    for table, name in HISTORY_ROWS.items():
        rows = value_at(record.values, table, "rows")
        ids = taxonomy.ids.get(name, [])
        for row in rows if isinstance(rows, dict) else ():
            if isinstance(row, str) and row not in ids:
                yield record.problem(
                    (table, "rows", row),
                    (
                        f"{shown(row)} is not listed under taxonomies.{name} in {ORGANISATION_SHOWN}"
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
    return list(record_references(record, repository))


def record_references(record: RecordFile, repository: Repository) -> Iterator[Problem]:
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
                f"{shown(value)} is not the id of any {RECORD_NAMES[target]} record"
                + did_you_mean(value, nearby),
            )


def stage_order(record: RecordFile, taxonomy: Taxonomy) -> Iterator[Problem]:
    if record.kind != "case":
        return
    procedure = taxonomy.ids.get("stages", [])
    furthest = -1
    for index, stage in enumerate(as_list(record.values.get("stages"))):
        stage_id = value_at(stage, "stage")
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
