"""The last stop of the check: the rules across records, once every record has been through its own
checks (or is known clean from the cache), and each record's own problems gathered with theirs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.check import rules
from generator.check.fields import Schema
from generator.check.known import Known
from generator.check.local import Outcome
from generator.check.ombudsman_agreement import ombudsman_warnings
from generator.check.paths import RECORDS, unreadable_ids
from generator.load import ORGANISATION_FILE, RecordFile
from generator.problems import Problem


@dataclass
class Found:
    """What the pass across records found: each file's problems, those of the whole repository,
    and the records (those with a problem, and the clean ones whose kept values say more than
    their id)."""

    problems: list[Problem]
    whole_repository: list[Problem]
    records: list[RecordFile]
    in_scope: int  # how many of the records were among those named (all, when none were)
    warnings: list[Problem] = field(default_factory=list)  # told, but the records still pass


def across_records(checked: dict[str, Outcome], known: Known, repo_root: Path, schemas: dict[str, Schema],
                   today: date, named: set[str] | None, notes: list[str], refused: list[Problem]) -> Found:
    """`refused` are the problems of entries not read at all (links, special files, folders that
    cannot be opened): the ids in their names still count, so references to them are not wrong too."""
    records_root = repo_root / RECORDS
    records = [outcome.record for outcome in checked.values() if outcome.record is not None] + known.kept
    unreadable = [outcome.unreadable for outcome in checked.values() if outcome.unreadable is not None]
    problems = list(unreadable)

    def is_valid(record: RecordFile) -> bool:
        outcome = checked.get(record.shown_as)
        if outcome is None:
            return True  # found clean, now or by an earlier check
        if named is None or record.shown_as in named or record.kind == "organisation":
            return not outcome.schema
        return outcome.strictly_valid

    whole_repository: list[Problem] = []
    organisation = next((r for r in records if r.kind == "organisation"), None)
    taxonomy = None
    if organisation is None:
        if not any(p.path == f"{RECORDS}/{ORGANISATION_FILE}" for p in unreadable + refused):
            whole_repository.append(_no_organisation())
    elif is_valid(organisation):
        taxonomy = rules.Taxonomy.from_values(organisation.values)
    else:
        notes.append(
            f"{organisation.shown_as} has problems, so references to its service areas, "
            "subjects and other lists were not checked"
        )

    repository = rules.Repository(
        records_root, records, taxonomy, is_valid, rules.date_fields(schemas), today,
        unreadable_ids=unreadable_ids(unreadable + refused), known_ids=known.ids,
    )
    in_scope = [r for r in records if named is None or r.shown_as in named]
    for record in in_scope:
        problems += _own_and_references(record, checked.get(record.shown_as), repository)
    with_ids = records + known.as_records() if known.share_ids_with(records) else records
    whole_repository += rules.duplicate_ids(with_ids, named)
    problems += rules.history_agreement(repository, named)
    # Only when nothing is wrong: a reconciliation of records with problems would mislead.
    warnings = [] if problems or whole_repository else list(ombudsman_warnings(repository, named))
    return Found(problems, whole_repository, records, len(in_scope), warnings)


def _own_and_references(record: RecordFile, outcome: Outcome | None, repository: rules.Repository
                        ) -> list[Problem]:
    """A record's problems of its own, then its references to other records; a field the schema
    or a reference already points at is not told again that it still says TODO."""
    if outcome is None or outcome.clean:  # nothing of its own to report: only its references
        return rules.reference_problems(record, repository)
    flagged = outcome.flagged
    references = [p for p in rules.reference_problems(record, repository) if p.field not in flagged]
    pointed_at = {p.field for p in references}
    placeholders = [p for p in outcome.placeholders if p.field not in pointed_at]
    return outcome.schema + outcome.rules + references + outcome.privacy + placeholders


def _no_organisation() -> Problem:
    return Problem(
        f"{RECORDS}/{ORGANISATION_FILE}", 1, 1, "",
        "is missing: every repository needs one organisation file (see docs/records-guide/examples.md); "
        "references to its taxonomies were not checked",
    )
