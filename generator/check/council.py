"""Rules that follow from what the organisation file says about the council.

- No entry of a list takes an id the report keeps for a row of its own (`counting.RESERVED_IDS`):
  a service area called `total` or an outcome called `outstanding` would share a row with it.
- A section the council records needs its list (`recorded` and `taxonomies`), and a formal
  complaint needs its field; a section it does not record needs neither.
- Where the file lists the kinds of representation it records, a case is one of them.
- A history table counted by kind of representation (where the file lists the kinds), outcome,
  stage, response-time band or service group names this council's own.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.repository import ORGANISATION_SHOWN, Taxonomy, as_list, value_at
from generator.counting import (
    COMPLAINTS,
    INELIGIBLE,
    OMBUDSMAN_ROW,
    OUTSTANDING,
    RESERVED_IDS,
    UPHELD_IN_FULL_OR_PART,
    WITHDRAWN,
)
from generator.load import RecordFile
from generator.problems import Problem, did_you_mean

STAGE_PARTS = ("escalated", "direct", "within-target", "open")

# What each field a council may not record holds, and the list its ids come from.
RECORDED_FIELDS = {
    "receipt_point": ("Where in the council the complaint first arrived.", "receipt_points"),
    "receipt_method": ("How the complaint was sent.", "receipt_methods"),
    "complainant": ("The complainant's relationship to the person receiving care.", "relationships"),
}
ROW_OF_ITS_OWN = {
    "total": "the total",
    "not-recorded": "cases with no value recorded",
    "outstanding": "complaints still awaiting an outcome",
    "upheld-in-full-or-in-part": "complaints upheld in full or in part",
    "ombudsman": "the complaints the ombudsman received",
}


def council_problems(record: RecordFile, taxonomy: Taxonomy | None) -> Iterator[Problem]:
    if record.kind == "organisation":
        yield from reserved_ids(record)
        yield from lists_recorded(record)
    elif record.kind == "case" and taxonomy is not None:
        yield from recorded_fields(record, taxonomy)
        yield from kind_listed(record, taxonomy)
    elif record.kind == "history" and taxonomy is not None:
        yield from history_rows(record, taxonomy)


def _entries(values: dict, name: str) -> Iterator[tuple[tuple[str | int, ...], object]]:
    """(location, id) of each entry of a list, sub-subjects and procedure stages included."""
    if name == "stages":
        for index, stage in enumerate(as_list(value_at(values, "procedure", "stages"))):
            yield ("procedure", "stages", index, "id"), value_at(stage, "id")
        return
    for index, entry in enumerate(as_list(value_at(values, "taxonomies", name))):
        yield ("taxonomies", name, index, "id"), value_at(entry, "id")
        if name == "subjects":
            for inner, sub in enumerate(as_list(value_at(entry, "subjects"))):
                yield ("taxonomies", name, index, "subjects", inner, "id"), value_at(sub, "id")


def reserved_ids(record: RecordFile) -> Iterator[Problem]:
    for name, reserved in RESERVED_IDS.items():
        for location, value in _entries(record.values, name):
            if isinstance(value, str) and value in reserved:
                yield record.problem(location, (
                    f"'{value}' is the id of a row the report adds itself ({ROW_OF_ITS_OWN[value]}), "
                    f"so it cannot name an entry here: choose another id, such as '{value}-{_suffix(name)}'"
                ))


def _suffix(name: str) -> str:
    return {"service_areas": "team", "outcomes": "outcome", "stages": "stage"}.get(name, "other")


def lists_recorded(record: RecordFile) -> Iterator[Problem]:
    recorded = value_at(record.values, "recorded")
    recorded = recorded if isinstance(recorded, dict) else {}
    taxonomies = value_at(record.values, "taxonomies")
    if not isinstance(taxonomies, dict):
        return  # the schema says so
    for field_name, (_, taxonomy) in RECORDED_FIELDS.items():
        if recorded.get(field_name) is not False and taxonomy not in taxonomies:
            yield record.problem(("taxonomies",), (
                f"has no {taxonomy} list, but the council records {field_name} on its complaints: add "
                f"`{taxonomy}:` here, or say `recorded: {{{field_name}: false}}` if it does not record it"
            ))


def _is_formal_complaint(values: dict) -> bool:
    return values.get("kind") == "complaint" and values.get("disposition") == "accepted"


def recorded_fields(record: RecordFile, taxonomy: Taxonomy) -> Iterator[Problem]:
    if not _is_formal_complaint(record.values):
        return
    for field_name, (about, listed) in RECORDED_FIELDS.items():
        if field_name in taxonomy.recorded and field_name not in record.values:
            yield record.problem((field_name,), (
                f"is missing: add `{field_name}: ...` ({about} Must be an id listed under "
                f"taxonomies.{listed} in organisation.yaml.)"
            ))


def kind_listed(record: RecordFile, taxonomy: Taxonomy) -> Iterator[Problem]:
    kind = record.values.get("kind")
    if taxonomy.kinds is None or not isinstance(kind, str) or kind in taxonomy.kinds:
        return
    yield record.problem(("kind",), (
        f"'{kind}' is not a kind of representation this council records: choose one of "
        f"{', '.join(taxonomy.kinds)}, or list it under representations in {ORGANISATION_SHOWN}"
    ))


def history_rows(record: RecordFile, taxonomy: Taxonomy) -> Iterator[Problem]:
    """The rows of the history tables the report counts by stage, outcome, band or group name
    the organisation's own: any other row would never be shown."""
    for table, (allowed, what) in _history_rows(taxonomy).items():
        for part in ("rows", "percentages"):
            rows = value_at(record.values, table, part)
            for row in rows if isinstance(rows, dict) else ():
                if isinstance(row, str) and row not in allowed:
                    choices = ", ".join(allowed) if len(allowed) <= 12 else f"the ids in {ORGANISATION_SHOWN}"
                    # No guess for a kind: 'informal-complaint' is not a misspelt 'complaints'.
                    guess = (None if table == "representations" else did_you_mean(row, allowed)
                             ) or f": choose one of {choices}"
                    yield record.problem((table, part, row), f"'{row}' is not {what}{guess}", key=True)


def history_row_ids(taxonomy: Taxonomy) -> dict[str, list[str]]:
    """The rows each history table may have where the report decides them (stages, outcomes,
    bands, groups): the records editor offers exactly these."""
    return {table: allowed for table, (allowed, _) in _history_rows(taxonomy).items()}


def _history_rows(taxonomy: Taxonomy) -> dict[str, tuple[list[str], str]]:
    outcomes = [*taxonomy.ids.get("outcomes", []), OUTSTANDING, UPHELD_IN_FULL_OR_PART]
    stages = taxonomy.ids.get("stages", [])
    kinds: dict[str, tuple[list[str], str]] = {}
    if taxonomy.kinds is not None:  # the file lists the kinds it records: a row of another is never shown
        redirected = [f"{INELIGIBLE}:{route}" for route in taxonomy.ids.get("redirections", [])]
        rows = [COMPLAINTS, *(kind for kind in taxonomy.kinds if kind != "complaint"), WITHDRAWN, INELIGIBLE]
        kinds["representations"] = ([*rows, *redirected], (
            f"a kind of representation listed under representations in {ORGANISATION_SHOWN} "
            "(complaints for formal complaints), withdrawn, or ineligible"))
    return kinds | {
        "outcomes": (outcomes, "an outcome listed under taxonomies.outcomes, or outstanding"),
        "response_times": (taxonomy.ids.get("response_bands", []),
                           "a response-time band of this council's first-stage target"),
        "service_groups": (taxonomy.ids.get("service_groups", []),
                           "the id of a service group named under taxonomies.service_areas"),
        "stages": ([*stages, *(f"{stage}:{part}" for stage in stages for part in STAGE_PARTS), OMBUDSMAN_ROW],
                   "a stage of procedure.stages, <stage>:escalated, <stage>:direct, <stage>:within-target, "
                   "<stage>:open or ombudsman"),
        "outcomes_by_stage": ([*stages, *(f"{stage}:{outcome}" for stage in stages for outcome in outcomes)],
                              "a stage of procedure.stages, or <stage>:<outcome>"),
    }
