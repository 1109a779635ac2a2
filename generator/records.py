"""Load → check → model: the records of a repository, checked, as typed values.

The report and the tracker start here. Nothing is built from records that have a problem:
`load_records` raises `InvalidRecords` with every problem found, the same list
`candour validate` prints.
"""

from __future__ import annotations

from pathlib import Path

from generator.check import check_paths
from generator.model import (
    Records,
    action_from,
    case_from,
    compliment_from,
    history_from,
    ombudsman_case_from,
    organisation_from,
)
from generator.problems import Problem


class InvalidRecords(Exception):
    """The records have problems; `problems` lists every one, as `candour validate` shows them."""

    def __init__(self, problems: list[Problem]) -> None:
        count = len(problems)
        lines = "\n".join(str(problem) for problem in problems[:20])
        more = f"\n... and {count - 20} more" if count > 20 else ""
        super().__init__(
            f"{count} problem{'s' if count != 1 else ''} in the records "
            f"(run candour validate):\n{lines}{more}"
        )
        self.problems = problems


def load_records(repo_root: Path, *, remember: bool = False) -> Records:
    """Every record under `repo_root/records`, checked and typed; raises InvalidRecords.

    With `remember` (`mkdocs serve`), the records are kept in memory for the next call, which then
    reads only the files that changed."""
    result = check_paths(repo_root, cache=remember)
    if result.problems:
        raise InvalidRecords(result.problems)
    by_kind: dict[str, list[dict]] = {}
    sources: dict[int, str] = {}
    for record in result.records:
        by_kind.setdefault(record.kind, []).append(record.values)
        sources[id(record.values)] = record.shown_as
    organisation = by_kind["organisation"][0]

    def by_id(kind: str) -> list[dict]:
        return sorted(by_kind.get(kind, []), key=lambda values: values["id"])

    return Records(
        organisation=organisation_from(organisation),
        cases=tuple(case_from(values) for values in by_id("case")),
        ombudsman_cases=tuple(ombudsman_case_from(values) for values in by_id("ombudsman")),
        compliments=tuple(compliment_from(values) for values in by_id("compliment")),
        actions=tuple(action_from(values, sources[id(values)]) for values in by_id("action")),
        histories=tuple(history_from(values) for values in by_id("history")),
    )
