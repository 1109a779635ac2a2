"""History records: the tables an earlier report published, as it published them.

A value the report did not publish is None: it is shown as not reported and never added as 0.
A total may be None too (the report printed rows without one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from generator.model.bilingual import Text

# Every table a history record may hold, named as the report's tables are.
HISTORY_TABLES = (
    "representations", "outcomes", "service_areas", "service_groups", "subjects", "response_times",
    "acknowledgements", "stages", "outcomes_by_stage", "receipt_points", "receipt_methods",
    "complainants", "compliments",
)


@dataclass(frozen=True)
class PublishedTable:
    """A table as an earlier report published it: rows by taxonomy id, and its stated total."""

    rows: dict[str, int | None]
    total: int | None
    extra: dict[str, int | None] = field(default_factory=dict)
    # Where the report printed only percentages: each row's percentage, of `base`.
    percentages: dict[str, Decimal | None] = field(default_factory=dict)
    base: int | None = None

    @property
    def rows_sum(self) -> int:
        return sum(value for value in self.rows.values() if value is not None)

    @property
    def complete(self) -> bool:
        """Every row was published, so the rows can be added up and compared with the total."""
        return all(value is not None for value in self.rows.values())


@dataclass(frozen=True)
class Fault:
    table: str
    note: str


@dataclass(frozen=True)
class History:
    id: str
    year: str
    source: str
    customers: int | None
    tables: dict[str, PublishedTable]  # representations, outcomes, service_areas, subjects, ...
    ombudsman_received: int | None
    ombudsman_decided: int | None
    faults: tuple[Fault, ...]


def history_from(values: dict[str, Any]) -> History:
    tables = {}
    for name in HISTORY_TABLES:
        table = values.get(name)
        if table is None:
            continue
        extra = {k: v for k, v in table.items() if k not in ("rows", "total", "percentages", "base")}
        percentages = {key: None if value is None else Decimal(str(value))
                       for key, value in table.get("percentages", {}).items()}
        tables[name] = PublishedTable(dict(table.get("rows", {})), table.get("total"), extra,
                                      percentages, table.get("base"))
    ombudsman = values.get("ombudsman", {})
    return History(
        id=values["id"], year=values["year"], source=values.get("source", ""),
        customers=values.get("customers"), tables=tables,
        ombudsman_received=ombudsman.get("received"), ombudsman_decided=ombudsman.get("decided"),
        faults=tuple(Fault(f["table"], Text(f["note"], f.get("note_cy"))) for f in values.get("faults", ())),
    )
