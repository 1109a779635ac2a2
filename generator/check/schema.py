"""The first layer: each record's values against the JSON Schema for its kind.

Every error is reported (`explain.py` says each in plain English). Validators are built once per
kind and reused for every record; a compiled first pass (`compiled.py`) lets most records through
without asking jsonschema.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.check.compiled import Check, compiled
from generator.check.explain import KIND_NAMES, Explanation, names_a_term
from generator.check.fields import Schema
from generator.check.wording import shown
from generator.load import RecordFile
from generator.problems import Problem

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

__all__ = ["KIND_NAMES", "SchemaCheck", "shown"]

# When one value breaks several rules, the first of these says the most.
_PRIORITY = {"type": 0, "enum": 1, "const": 1, "format": 2, "pattern": 3}


class SchemaCheck:
    """Validates records of every kind: the compiled pass first, a kind's jsonschema validator
    (built once) only for a record that pass does not accept. Compiling a kind's schema costs a
    few milliseconds (the organisation's and history's, the largest, under twenty); importing
    jsonschema costs fifty, so a check whose records are all valid (a warm check of one changed
    case) never imports it."""

    def __init__(self, schemas: dict[str, Schema]) -> None:
        self.schemas = schemas
        self._validators: dict[str, Draft202012Validator] = {}
        self._compiled: dict[str, Check | None] = {}

    def _validator(self, kind: str) -> Draft202012Validator | None:
        if kind not in self.schemas:
            return None
        if kind not in self._validators:
            from jsonschema import Draft202012Validator

            self._validators[kind] = Draft202012Validator(
                self.schemas[kind], format_checker=Draft202012Validator.FORMAT_CHECKER)
        return self._validators[kind]

    def certainly_valid(self, record: RecordFile) -> bool:
        """The compiled first pass: True only for a record that is valid."""
        if record.kind not in self._compiled:
            schema = self.schemas.get(record.kind)
            self._compiled[record.kind] = None if schema is None else compiled(schema)
        check = self._compiled[record.kind]
        return check is not None and check(record.values)

    def is_valid(self, record: RecordFile) -> bool:
        if record.kind not in self.schemas or self.certainly_valid(record):
            return True
        validator = self._validator(record.kind)
        return validator is None or validator.is_valid(record.values)

    def problems(self, record: RecordFile) -> list[Problem]:
        if record.kind not in self.schemas or self.certainly_valid(record):
            return []
        validator = self._validator(record.kind)
        assert validator is not None
        # Only records the compiled pass rejects pay for the full, explained list of errors.
        errors = sorted(
            (error for error in validator.iter_errors(record.values) if not names_a_term(error)),
            key=lambda error: _PRIORITY.get(str(error.validator), 9),
        )
        explain = Explanation(record, self.schemas[record.kind])
        problems: list[Problem] = []
        seen: set[tuple[int, int, str]] = set()
        for error in errors:
            for problem in explain.error(error):
                where = (problem.line, problem.column, problem.field)
                if where not in seen:
                    seen.add(where)
                    problems.append(problem)
        return problems
