"""The checks one record needs on its own: read it, the schema, the rules within it, the personal-data
scan and left-over placeholders. They need nothing from other records, so they can run in other
processes and their outcome can be kept: only references to other records are left to the caller.

A large repository is shared between two worker processes (both cores); a small one is checked in
this process, where starting workers would cost more than they save.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from generator.check import rules
from generator.check.fields import Pattern, Schema
from generator.check.published_names import contact_problems, name_fields
from generator.check.schema_files import PLACEHOLDER
from generator.check.welsh import languages_of
from generator.counting import OUTCOME_STAGE
from generator.load import Location, RecordError, RecordFile, Stamp, read_record, value_positions
from generator.problems import Problem, field_name

WORKERS = 2
PARALLEL_FROM = 1500  # fewer records than this are checked in this process
CHUNK = 400

# What the rules across records read of each record: ids and references always; the fields of the
# history tables only for a record of a year that has a history record to agree with.
_ALWAYS_KEPT = frozenset({"id", "actions", "case", "year"})
# Kinds kept whole: the organisation and history are few and read by the rules across records, and
# so are the ombudsman's cases and statistics, which the reconciliation reads (a few a year).
KEPT_WHOLE = frozenset({"organisation", "history", "ombudsman", "ombudsman-statistics"})
_KEPT_FOR_HISTORY = _ALWAYS_KEPT | {
    "kind", "disposition", "received", "service_area", "subject", "receipt_point", "receipt_method",
    "complainant", "team",
}


class OnDisk(RecordFile):
    """A record whose text is not kept: read again from its file when a problem needs a position.

    Taken from the cache, its `path` is the file's name as text: making 50,000 Path objects would
    cost more than the rest of a warm check."""

    def position(self, location: Location) -> tuple[int, int]:
        if self._positions is None:
            try:
                self._positions = value_positions(Path(self.path).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                self._positions = {}
        return super().position(location)


def compact(values: Any, kind: str = "", history_years: frozenset[str] = frozenset()) -> Any:
    """The few values the rules across records read, so that 300,000 records fit in memory."""
    if not isinstance(values, dict):
        return values
    received = values.get("received")
    in_history = isinstance(received, str) and rules.year_written(received) in history_years
    wanted = _KEPT_FOR_HISTORY if in_history else _ALWAYS_KEPT
    kept = {name: value for name, value in values.items() if name in wanted}
    if kind == "action":
        kept.pop("actions", None)  # an action's steps, not references to actions: no rule reads them
    stages = values.get("stages")
    if in_history and isinstance(stages, list) and len(stages) > OUTCOME_STAGE:
        # The stage whose outcome the outcomes table counts, as much of it as that needs.
        counted = stages[OUTCOME_STAGE]
        kept["stages"] = [*([None] * OUTCOME_STAGE), {
            "outcome": counted.get("outcome"), "responded": counted.get("responded"),
        } if isinstance(counted, dict) else counted]
    raised_by = values.get("raised_by")
    if isinstance(raised_by, dict) and "cases" in raised_by:
        kept["raised_by"] = {"cases": raised_by["cases"]}
    return kept


@dataclass(frozen=True)
class Context:
    """What checking a record on its own depends on; sent once to each worker."""

    records_root: Path
    schemas: dict[str, Schema]
    taxonomy: rules.Taxonomy | None
    date_fields: dict[str, list[Pattern]]
    today: date
    keep_values: bool  # whole values (to build the site), or only what the rules across records read
    history_years: frozenset[str] = frozenset()  # years with a history record: see `compact`


@dataclass
class Outcome:
    """One record's checks on its own."""

    shown_as: str
    record: RecordFile | None  # None when the file could not be read
    unreadable: Problem | None = None
    schema: list[Problem] = field(default_factory=list)
    rules: list[Problem] = field(default_factory=list)
    privacy: list[Problem] = field(default_factory=list)
    placeholders: list[Problem] = field(default_factory=list)
    strictly_valid: bool = False  # the schema's validator accepts it (a TODO id included)
    digest: str = ""  # SHA-256 of the file's text
    stamp: Stamp | None = None  # the file's stamp when it was read, for the cache

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Sent back from a worker as plain tuples: pickling two dataclasses, and a Path, would cost
        # the parent more than checking the record cost the worker.
        record = self.record
        kept = None if record is None else (str(record.path), record.kind, record.values)
        found = None if self.clean else (self.schema, self.rules, self.privacy, self.placeholders)
        return _outcome_again, (self.shown_as, kept, self.unreadable, found, self.strictly_valid,
                                self.digest, self.stamp)

    @property
    def clean(self) -> bool:
        """Nothing found by the schema, within the record or by the scan: its outcome can be kept."""
        return not (self.unreadable or self.schema or self.rules or self.privacy or self.placeholders)

    @property
    def flagged(self) -> set[str]:
        return {problem.field for problem in self.schema}


def _outcome_again(shown_as: str, kept: tuple[str, str, Any] | None, unreadable: Problem | None,
                   found: tuple[list[Problem], ...] | None, strictly_valid: bool, digest: str,
                   stamp: Stamp | None) -> Outcome:
    record = None if kept is None else OnDisk(kept[0], shown_as, kept[1], "", kept[2])  # type: ignore[arg-type]
    schema, own_rules, privacy, placeholders = found or ([], [], [], [])
    return Outcome(shown_as, record, unreadable, schema, own_rules, privacy, placeholders, strictly_valid,
                   digest, stamp)


class Checker:
    """The checks of one process, built once."""

    def __init__(self, context: Context) -> None:
        # Imported here: jsonschema and the scan's patterns take a tenth of a second to load, and a
        # warm check with every record known clean from the cache never builds a Checker.
        from generator.check.privacy import PrivacyScan
        from generator.check.schema import SchemaCheck
        from generator.check.welsh import WelshCheck

        self.context = context
        self.schema = SchemaCheck(context.schemas)
        self.privacy = PrivacyScan(context.schemas)
        self.welsh = WelshCheck(context.schemas)
        # The organisation's names are published too: scanned as its free text is (`published_names`).
        if "organisation" in context.schemas:
            scanned = self.privacy.fields.setdefault("organisation", [])
            scanned += [p for p in name_fields(context.schemas["organisation"]) if p not in scanned]
        self.alone = rules.Repository(context.records_root, [], context.taxonomy, lambda record: True,
                                      context.date_fields, context.today)

    def _languages(self, record: RecordFile) -> tuple[str, ...]:
        """The site's languages: the organisation file's own, read from it while it is checked."""
        if record.kind == "organisation":
            return languages_of(record.values)
        return self.context.taxonomy.languages if self.context.taxonomy else ("en",)

    def outcome(self, path: Path | str, shown_as: str, kind: str) -> Outcome:
        try:
            record = read_record(path, self.context.records_root, shown_as, kind=kind)
        except RecordError as error:
            return Outcome(shown_as, None, unreadable=error.problem)
        fast = self.schema.certainly_valid(record)
        schema = [] if fast else self.schema.problems(record)
        flagged = {problem.field for problem in schema}
        own_rules = rules.record_problems(record, self.alone, references=False)
        found = [p for p in own_rules if p.field not in flagged]
        found += self.welsh.problems(record, self._languages(record))
        privacy = self.privacy.problems(record)
        if kind == "organisation":
            privacy += contact_problems(record)
        outcome = Outcome(shown_as, record, schema=schema, rules=found, privacy=privacy,
                          placeholders=placeholders(record, flagged | {p.field for p in found}))
        outcome.strictly_valid = fast or (not schema and self.schema.is_valid(record))
        outcome.digest = record.digest
        outcome.stamp = record.stamp
        if not self.context.keep_values and kind not in KEPT_WHOLE:
            values = compact(record.values, kind, self.context.history_years)
        else:
            values = record.values
        outcome.record = OnDisk(record.path, shown_as, kind, "", values)
        return outcome


_checker: Checker | None = None


def _start_worker(context: Context) -> None:
    global _checker
    gc.disable()  # a worker only reads records, which hold no reference cycles (see collection_paused)
    _checker = Checker(context)


def _check_chunk(chunk: list[tuple[str, str, str]]) -> list[Outcome]:
    assert _checker is not None
    return [_checker.outcome(path, shown, kind) for path, shown, kind in chunk]


def outcomes(files: list[tuple[str, str, str]], context: Context) -> Iterator[Outcome]:
    """The outcome of each (path, shown as, kind), in order; shared among workers when there are many."""
    if not files:
        return  # no checker to build: a warm check with nothing changed loads no validator
    if len(files) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        checker = Checker(context)
        for path, shown, kind in files:
            yield checker.outcome(path, shown, kind)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: a warm check never starts a worker

    chunks = [files[start:start + CHUNK] for start in range(0, len(files), CHUNK)]
    with ProcessPoolExecutor(WORKERS, initializer=_start_worker, initargs=(context,)) as pool:
        for found in pool.map(_check_chunk, chunks):
            yield from found


def placeholders(record: RecordFile, flagged: set[str]) -> list[Problem]:
    """Values `candour new` left as TODO that no other check has already pointed at."""
    if PLACEHOLDER not in record.text and "\\" not in record.text:
        return []  # a TODO is in the text as written, unless escapes (a backslash) spell it
    found = []
    for location in _todo_locations(record.values, ()):
        name = field_name(location)
        if name not in flagged:
            found.append(record.problem(location, f"still says {PLACEHOLDER}: fill it in"))
    return found


def _todo_locations(values: object, location: tuple[str | int, ...]) -> Iterable[tuple[str | int, ...]]:
    if values == PLACEHOLDER:
        return [location]
    if isinstance(values, dict):
        return [found for key, value in values.items() for found in _todo_locations(value, (*location, key))]
    if isinstance(values, list):
        return [
            found
            for index, value in enumerate(values)
            for found in _todo_locations(value, (*location, index))
        ]
    return []
