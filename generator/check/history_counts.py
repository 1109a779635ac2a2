"""Each table a history record may hold, as the case, compliment and ombudsman records of its year
give it, counted by the definitions the site's tables use (`generator.counting`): validate compares
the two, so it never refuses a year for figures the site itself shows.

The check stage reads values that passed the schema, not typed records, hence these counts of
plain values; the rules they follow are the site's, from `counting`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.check.repository import as_list, value_at, year_written
from generator.check.stage_timing import WITHIN_TARGET, StageTiming, acknowledgements, response_times
from generator.counting import (
    NOT_RECORDED,
    OMBUDSMAN_ROW,
    OUTCOME_STAGE,
    group_id,
    is_counted_complaint,
    is_upheld,
    outcome_row,
    representation_row,
    stage_outcome_rows,
    stage_route,
    stage_rows,
)
from generator.load import RecordFile

# Complaint tables counted by one field of each formal complaint: table -> field.
BY_FIELD = {
    "service_areas": "service_area",
    "subjects": "subject",
    "receipt_points": "receipt_point",
    "receipt_methods": "receipt_method",
    "complainants": "complainant",
}


@dataclass(frozen=True)
class Counted:
    """A table as the records give it: rows, total, and what they count ('case', 'compliment')."""

    rows: Counter[str]
    total: int
    source: str
    # Rows `<stage>:<part>` a published table may leave out (not published) without disagreeing.
    parts_optional: bool = False
    # Parts `<stage>:<part>` left uncounted, so not compared (answers within target, untimed).
    not_counted: tuple[str, ...] = ()
    # Rows that are also shares, row -> (part, whole): a stage's answers within target, of its answers.
    shares: dict[str, tuple[int, int]] | None = None
    # Counts a published table holds beside its rows (`still_open` of response times).
    extras: dict[str, int] | None = None

    def compares(self, row: str) -> bool:
        return not (self.parts_optional and row.rpartition(":")[2] in self.not_counted)


def stage_year(stage: Any, received: Any) -> str | None:
    """The reporting year a stage is counted in: the year it was received (`started`), else the
    case's date received."""
    started = value_at(stage, "started")
    written = started if isinstance(started, str) else received
    return year_written(written) if isinstance(written, str) else None


def steps_in(cases: list[dict[str, Any]], year: str) -> Iterator[tuple[int, dict[str, Any], Any]]:
    """Each stage of a formal complaint counted in `year`, with its place in the case's stages and
    the case's date received."""
    for case in cases:
        if not is_counted_complaint(case.get("kind"), case.get("disposition")):
            continue
        for index, stage in enumerate(as_list(case.get("stages"))):
            if isinstance(stage, dict) and stage_year(stage, case.get("received")) == year:
                yield index, stage, case.get("received")


def _answered(stage: Any) -> bool:
    return value_at(stage, "responded") is not None


def organisation_lists(organisation: dict[str, Any]) -> tuple[frozenset[str], dict[str, str]]:
    """The outcomes counted as upheld in full or in part, and each service area's group id."""
    taxonomies = value_at(organisation, "taxonomies")
    upheld = frozenset(
        term["id"] for term in as_list(value_at(taxonomies, "outcomes"))
        if isinstance(value_at(term, "id"), str) and is_upheld(term["id"], term.get("upheld")))
    groups = {area["id"]: group_id(area["group"]) for area in as_list(value_at(taxonomies, "service_areas"))
              if isinstance(value_at(area, "id"), str) and isinstance(value_at(area, "group"), str)}
    return upheld, groups


def computed_tables(year: str, received: dict[str, list[RecordFile]], staged: list[dict[str, Any]],
                    organisation: dict[str, Any], timing: StageTiming | None = None) -> dict[str, Counted]:
    """Each history table as the year's records give it. `received` holds the records received in
    the year by kind; `staged`, every case with a stage counted in the year, whichever year the
    case was first received in; `timing`, when given, counts the tables that need working days."""
    tables: dict[str, Counted] = {}
    upheld, groups = organisation_lists(organisation)
    cases = [r.values for r in received["case"]]
    if cases:
        representations = Counter(representation_row(c.get("kind"), c.get("disposition")) for c in cases)
        tables["representations"] = Counted(representations, len(cases), "case")
        complaints = [c for c in cases if is_counted_complaint(c.get("kind"), c.get("disposition"))]
        outcomes: Counter[str] = Counter()
        for complaint in complaints:
            counted = value_at(complaint, "stages", OUTCOME_STAGE)  # the stage the site's table counts
            outcomes[outcome_row(_answered(counted), value_at(counted, "outcome"))] += 1
        tables["outcomes"] = Counted(outcomes, len(complaints), "case")
        for table, field_ in BY_FIELD.items():
            counted_by = Counter(str(c.get(field_) or NOT_RECORDED) for c in complaints)
            tables[table] = Counted(counted_by, len(complaints), "case")
        in_groups = Counter(groups[c["service_area"]] for c in complaints if c.get("service_area") in groups)
        tables["service_groups"] = Counted(in_groups, len(complaints), "case")
        if timing is not None:
            bands, at_first, still_open = response_times(complaints, timing)
            tables["response_times"] = Counted(bands, at_first, "case", extras={"still_open": still_open})
            acknowledged = acknowledgements(complaints, timing)
            tables["acknowledgements"] = Counted(acknowledged, len(complaints), "case")
    if cases or staged:
        tables |= stage_tables(year, staged, upheld, len(received["ombudsman"]), timing)
    compliments = [r.values for r in received["compliment"]]
    if compliments:
        teams = Counter(str(c.get("team")) for c in compliments)
        tables["compliments"] = Counted(teams, len(compliments), "compliment")
    return tables


def stage_tables(year: str, staged: list[dict[str, Any]], upheld: frozenset[str], ombudsman: int,
                 timing: StageTiming | None = None) -> dict[str, Counted]:
    """The stages table (each stage received in the year, how it was reached, still open, answered
    within its target when `timing` is given, and the ombudsman's cases received) and outcomes by
    stage, as `counting` and the site's stages table define their rows."""
    stages: Counter[str] = Counter()
    by_stage: Counter[str] = Counter()
    answers: Counter[str] = Counter()
    steps = list(steps_in(staged, year))
    for index, step, received in steps:
        stage = str(step.get("stage"))
        stages.update(stage_rows(stage, stage_route(index, step.get("route")), _answered(step)))
        by_stage.update(stage_outcome_rows(stage, _answered(step), step.get("outcome"), upheld))
        if timing is not None and _answered(step):
            answers[stage] += 1
            stages[f"{stage}:{WITHIN_TARGET}"] += timing.in_time(step, received)
    stages[OMBUDSMAN_ROW] = ombudsman
    shares = {f"{stage}:{WITHIN_TARGET}": (stages[f"{stage}:{WITHIN_TARGET}"], whole)
              for stage, whole in answers.items()}
    untimed = () if timing is not None else (WITHIN_TARGET,)
    return {
        "stages": Counted(stages, len(steps), "case", True, not_counted=untimed, shares=shares),
        "outcomes_by_stage": Counted(by_stage, len(steps), "case", parts_optional=True),
    }
