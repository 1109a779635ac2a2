"""Rules of history records: each table adds up, and a year's history gives the same figures as
that year's case, compliment and ombudsman records."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from generator.check.history_counts import Counted, computed_tables
from generator.check.repository import Repository, as_list, value_at, year_written
from generator.check.stage_timing import StageTiming, publishes_timed
from generator.check.wording import shown
from generator.load import RecordFile
from generator.problems import Problem

# History tables whose rows overlap, so that they do not add up to a total.
OVERLAPPING = frozenset({"stages"})


def _tables(values: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, table in values.items():
        if isinstance(table, dict) and isinstance(table.get("rows"), dict) and "total" in table:
            yield name, table


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def history_sums(record: RecordFile) -> Iterator[Problem]:
    """Each table's rows add up to its total, unless a row was not published (null: never added
    as 0) or the record says the published table did not add up. Rows named `<stage>:<outcome>`
    are parts of their stage's row, and a stages table's stages overlap: neither is added."""
    faulted = {value_at(fault, "table") for fault in as_list(record.values.get("faults"))}
    for name, table in _tables(record.values):
        total = table.get("total")
        rows = {key: value for key, value in table["rows"].items() if ":" not in str(key)}
        if not _is_count(total) or name in OVERLAPPING or any(value is None for value in rows.values()):
            continue
        counts = [v for v in rows.values() if _is_count(v)]
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


def stage_parts(record: RecordFile) -> Iterator[Problem]:
    """A published stages table's parts fit in their stage: those answered within target and those
    still open are at most the stage's complaints, together (the site shows the first as a share
    of the stage's answers)."""
    rows = value_at(record.values, "stages", "rows")
    for stage, received in (rows.items() if isinstance(rows, dict) else ()):
        if ":" in str(stage) or not _is_count(received):
            continue
        parts = {part: rows.get(f"{stage}:{part}") for part in ("within-target", "open")}
        written = {part: count for part, count in parts.items() if _is_count(count)}
        if sum(written.values()) > received:
            named = " and ".join(f"{stage}:{part} ({count})" for part, count in written.items())
            more = "come to more" if len(written) > 1 else "is more"
            yield record.problem(("stages", "rows", stage), (
                f"{named} {more} than the {received} complaints at {stage}: correct the figures"))


def history_agreement(repository: Repository, named: set[str] | None) -> Iterator[Problem]:
    """A history year and the case records of the same year must give the same figures, each
    table counted as the site counts it (`history_counts`); a value not published (null) is never
    compared, nor added as 0."""
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
            if kind == "case" and isinstance(r.values, dict):
                _stages_of_other_years(r, year_of, wanted, in_year)
            if kind == "ombudsman" and (decided_in := _year_of(r, "decided")) in wanted:
                in_year.setdefault(("decided", decided_in), []).append(r)
    organisation = next((r.values for r in repository.of_kind("organisation", valid_only=True)), {})
    for history in histories:
        year = history.values.get("year")
        sources = {
            kind: [r for r in in_year.get((kind, year), []) if repository.is_valid(r)]
            for kind in ("case", "compliment", "ombudsman", "staged", "decided")
        }
        sources["staged"] += sources["case"]  # every case whose stages may count in the year
        involved = {history.shown_as} | {r.shown_as for rs in sources.values() for r in rs}
        if named is not None and not involved & named:
            continue
        staged = [r.values for r in sources["staged"]]
        timed = (sources["case"] or sources["staged"]) and publishes_timed(history.values)
        timing = StageTiming.of(organisation) if timed else None
        for table, counted in computed_tables(year, sources, staged, organisation, timing).items():
            yield from _compare_table(history, table, counted, f"the {counted.source} records for {year}")
        yield from _ombudsman_agreement(history, year, sources)


def _ombudsman_agreement(history: RecordFile, year: str, sources: dict[str, list[RecordFile]]
                         ) -> Iterator[Problem]:
    """The ombudsman's cases received and decided in the year, where the site counts them from the
    records: a year with case records, or with ombudsman cases received or decided in it."""
    if not (sources["case"] or sources["ombudsman"] or sources["decided"]):
        return
    for field_, counted in (("received", sources["ombudsman"]), ("decided", sources["decided"])):
        published = value_at(history.values, "ombudsman", field_)
        if isinstance(published, int) and published != len(counted):
            yield history.problem(("ombudsman", field_), (
                f"the history record says {published}, but the ombudsman case records for {year} "
                f"give {len(counted)}"))


def _stages_of_other_years(case: RecordFile, received_in: str | None, wanted: set[Any],
                           in_year: dict[tuple[str, str], list[RecordFile]]) -> None:
    """File a case under each other wanted year one of its stages was received in: a Stage 2
    this year of a complaint first made last year is in this year's stages. Only a stage with
    its own `started` can be of another year, so most cases cost one look at their stages."""
    for stage in as_list(case.values.get("stages")):
        started = stage.get("started") if isinstance(stage, dict) else None
        year = year_written(started) if isinstance(started, str) else None
        if year in wanted and year != received_in:
            bucket = in_year.setdefault(("staged", year), [])
            if not bucket or bucket[-1] is not case:
                bucket.append(case)


def _year_of(record: RecordFile, date_field: str) -> str | None:
    written = record.values.get(date_field) if isinstance(record.values, dict) else None
    return year_written(written) if isinstance(written, str) else None


def _compare_table(history: RecordFile, table: str, counted: Counted, source: str) -> Iterator[Problem]:
    """Each published row and the total against the records' count; a row or total published as
    null, or a part `<stage>:<part>` the table left out, was not published and is not compared."""
    published = history.values.get(table)
    if isinstance(published, dict) and isinstance(published.get("percentages"), dict):
        yield from _compare_percentages(history, table, counted, source)
    if not isinstance(published, dict) or not isinstance(published.get("rows"), dict):
        return
    rows = counted.rows
    for row, count in published["rows"].items():
        if count is not None and counted.compares(str(row)) and count != rows.get(str(row), 0):
            yield history.problem(
                (table, "rows", row),
                (f"the history record says {count}, but {source} give {rows.get(str(row), 0)}"),
            )
    for row, count in sorted(rows.items()):
        optional = counted.parts_optional and ":" in row
        if row not in published["rows"] and count and not optional:
            yield history.problem((table, "rows"), f"has no row {shown(row)}, but {source} give {count}")
    for extra, count in (counted.extras or {}).items():
        written = published.get(extra)
        if written is not None and written != count:
            yield history.problem((table, extra), f"the history record says {written}, but {source} "
                                                  f"give {count}")
    total = published.get("total")
    if total is not None and total != counted.total:
        yield history.problem((table, "total"), f"the history record says {total}, but {source} give "
                                                f"{counted.total}")


def _compare_percentages(history: RecordFile, table: str, counted: Counted, source: str) -> Iterator[Problem]:
    """A table printed as percentages of a base: the base against the records' total, and each
    percentage against the records' share, to the precision it was printed with (23.5 within
    0.05 of the exact share), so a report that rounded a half down still agrees. Shares of a
    stage (stages, outcomes by stage) are of the stage's count, not of one base: only a stage's
    share of answers within its target is compared, with the share of that stage's answers."""
    published = history.values[table]
    if counted.parts_optional:
        yield from _compare_shares(history, table, counted, source)
        return
    base = published.get("base")
    if not isinstance(base, int) or isinstance(base, bool):
        return
    if base != counted.total:
        yield history.problem((table, "base"), f"the history record says {base}, but {source} give "
                                               f"{counted.total}")
        return
    for row, printed in published["percentages"].items():
        if _is_percentage(printed) and base:  # else null: not published
            yield from _compare_share(history, (table, "percentages", row), printed,
                                      (counted.rows.get(str(row), 0), base), source)


def _compare_shares(history: RecordFile, table: str, counted: Counted, source: str) -> Iterator[Problem]:
    """Each published percentage that is a share of its own stage's answers (within target)."""
    for row, printed in history.values[table]["percentages"].items():
        share = (counted.shares or {}).get(str(row))
        if _is_percentage(printed) and share and share[1]:
            yield from _compare_share(history, (table, "percentages", row), printed, share, source)


def _is_percentage(printed: Any) -> bool:
    return isinstance(printed, (int, float)) and not isinstance(printed, bool)


def _compare_share(history: RecordFile, path: tuple[Any, ...], printed: float, share: tuple[int, int],
                   source: str) -> Iterator[Problem]:
    """A percentage as printed against part of whole, to the precision it was printed with."""
    part, whole = share
    written = Decimal(str(printed))
    exact = Decimal(part * 100) / Decimal(whole)
    if abs(exact - written) > Decimal(5).scaleb(-1 + min(0, int(written.as_tuple().exponent))):
        yield history.problem(path, (
            f"the history record says {printed}%, but {source} give {part} of {whole} "
            f"({exact.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%)"))
