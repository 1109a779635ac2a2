"""Load → check → model: the records of a repository, checked, as typed values.

The report and the tracker start here. Nothing is built from records that have a problem:
`load_records` raises `InvalidRecords` with every problem found, the same list
`candour validate` prints.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.check import check_paths
from generator.last_build import LastBuild
from generator.model import (
    Records,
    action_from,
    case_from,
    compliment_from,
    history_from,
    ombudsman_case_from,
    organisation_from,
    statistics_from,
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
    sources: dict[str, str] = {}
    for record in result.records:
        by_kind.setdefault(record.kind, []).append(record.values)
        if record.kind == "action":
            sources[record.values["id"]] = record.shown_as
    result.records.clear()  # from here each record's values are held once, and let go once typed
    organisation = by_kind["organisation"][0]

    typed_before = _TypedBefore.of(repo_root) if remember else None

    def typed(kind: str, make: Callable[[dict], Any], key: str = "id") -> tuple[Any, ...]:
        """Each record of a kind typed, in id order, its values let go as soon as it is: at 300,000
        records the values and the typed records would not fit in memory side by side."""
        waiting = sorted(by_kind.pop(kind, []), key=lambda values: values[key], reverse=True)
        made = []
        while waiting:
            values = waiting.pop()
            made.append(make(values) if typed_before is None else typed_before.typed(values, make))
        return tuple(made)

    return Records(
        organisation=organisation_from(organisation),
        cases=typed("case", case_from),
        ombudsman_cases=typed("ombudsman", ombudsman_case_from),
        compliments=typed("compliment", compliment_from),
        actions=typed("action", lambda values: action_from(values, sources[values["id"]])),
        histories=typed("history", history_from),
        ombudsman_statistics=typed("ombudsman-statistics", statistics_from, key="year"),
    )


class _TypedBefore:
    """Under `mkdocs serve`: each record as typed on the last build, found by its values. The check
    stage hands back the very same values for a file that did not change, so only the changed
    record is typed again (the values are kept with it, so their id stays theirs)."""

    _current: _TypedBefore | None = None

    def __init__(self, repo_root: Path) -> None:
        self.repo_root = repo_root
        self.records: LastBuild[tuple[dict, Any]] = LastBuild()

    @classmethod
    def of(cls, repo_root: Path) -> _TypedBefore:
        if cls._current is None or cls._current.repo_root != repo_root:
            cls._current = cls(repo_root)
        cls._current.records.next_build()
        return cls._current

    def typed(self, values: dict, make: Callable[[dict], Any]) -> Any:
        return self.records.made(id(values), lambda: (values, make(values)))[1]
