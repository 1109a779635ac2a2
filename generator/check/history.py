"""Rules of history records: each table adds up, and a year's history gives the same figures as
that year's case, compliment and ombudsman records."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from generator.check.repository import Repository, as_list, value_at, year_written
from generator.check.wording import shown
from generator.load import RecordFile
from generator.problems import Problem


def _tables(values: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, table in values.items():
        if isinstance(table, dict) and isinstance(table.get("rows"), dict) and "total" in table:
            yield name, table


def history_sums(record: RecordFile) -> Iterator[Problem]:
    faulted = {value_at(fault, "table") for fault in as_list(record.values.get("faults"))}
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
        published = value_at(history.values, "ombudsman", "received")
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
            last = value_at(complaint, "stages", -1) if complaint.get("stages") else None
            outcomes[value_at(last, "outcome") or "outstanding"] += 1
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
            yield history.problem((table, "rows"), f"has no row {shown(row)}, but {source} give {count}")
    if published.get("total") != total:
        yield history.problem(
            (table, "total"), (f"the history record says {published.get('total')}, but {source} give {total}")
        )
