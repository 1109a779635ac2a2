"""The second layer: rules that look across fields and across records, one module for each family.

- `identity`: ids and file names, year folders, ids used twice;
- `dates`: dates in order, none in the future, real timescales;
- `references`: to the organisation's lists and between records, stages in the procedure's order;
- `history`: history tables that add up and agree with the records of their year;
- `council`: what follows from the organisation file (ids kept for the report's own rows, the
  sections the council records, the kinds of representation it lists).

What they all read (`Taxonomy`, `Repository`) is in `repository`. A new rule goes into the module
of its family, and is called from `record_problems` (rules about one record) or from the check's
pass across records (`check.across`).
"""

from __future__ import annotations

from generator.check.council import council_problems
from generator.check.dates import dates_in_order, future_dates, timescales
from generator.check.history import history_agreement, history_sums, stage_parts
from generator.check.identity import FOLDER_DATE, ID_PREFIX, duplicate_ids, identity
from generator.check.ombudsman_cases import ombudsman_case_problems
from generator.check.ombudsman_statistics import statistics_problems
from generator.check.references import (
    TAXONOMY_REFERENCES,
    record_references,
    reference_problems,
    stage_order,
    taxonomy_references,
)
from generator.check.repository import Repository, Taxonomy, date_fields, day, year_written
from generator.load import RecordFile
from generator.ombudsman_published import KIND as STATISTICS
from generator.problems import Problem

__all__ = [
    "FOLDER_DATE", "ID_PREFIX", "TAXONOMY_REFERENCES", "Repository", "Taxonomy", "date_fields", "day",
    "duplicate_ids", "history_agreement", "record_problems", "reference_problems", "year_written",
]


def record_problems(record: RecordFile, repository: Repository, *, references: bool = True) -> list[Problem]:
    """Every rule that concerns one record, against the whole repository.

    Without `references`, only the rules that need no other record: `reference_problems` gives the
    rest once every record has been read."""
    if not isinstance(record.values, dict):
        return []
    problems = list(identity(record, repository))
    problems += dates_in_order(record)
    problems += future_dates(record, repository)
    problems += timescales(record)
    if references:
        problems += record_references(record, repository)
    if repository.taxonomy is not None:
        problems += taxonomy_references(record, repository.taxonomy)
        problems += stage_order(record, repository.taxonomy)
    problems += council_problems(record, repository.taxonomy)
    if record.kind == "history":
        problems += history_sums(record)
        problems += stage_parts(record)
    if record.kind == "ombudsman":
        problems += ombudsman_case_problems(record, repository.taxonomy)
    if record.kind == STATISTICS:
        problems += statistics_problems(record, repository.taxonomy)
    return problems
