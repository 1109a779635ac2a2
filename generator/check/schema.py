"""The first layer: each record's values against the JSON Schema for its kind.

Every error is reported (`explain.py` says each in plain English). Validators are built once per
kind and reused for every record; a compiled first pass (`compiled.py`) lets most records through
without asking jsonschema.
"""

from __future__ import annotations

from jsonschema import Draft202012Validator

from generator.check.compiled import Check, compiled
from generator.check.explain import KIND_NAMES, Explanation, names_a_term
from generator.check.fields import Schema
from generator.check.wording import shown
from generator.load import RecordFile
from generator.problems import Problem

__all__ = ["KIND_NAMES", "SchemaCheck", "shown"]

COMPILE_AFTER = 50  # records of a kind checked by jsonschema alone before its schema is compiled
# When one value breaks several rules, the first of these says the most.
_PRIORITY = {"type": 0, "enum": 1, "const": 1, "format": 2, "pattern": 3}


class SchemaCheck:
    """Validates records of every kind, with one validator per kind built once."""

    def __init__(self, schemas: dict[str, Schema]) -> None:
        self.schemas = schemas
        self.validators = {
            kind: Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
            for kind, schema in schemas.items()
        }
        self._compiled: dict[str, Check | None] = {}
        self._seen: dict[str, int] = {}

    def certainly_valid(self, record: RecordFile) -> bool:
        """The compiled first pass: True only for a record that is valid. Compiling a schema takes
        tens of milliseconds, so a kind is compiled only once it has had COMPILE_AFTER records."""
        if record.kind not in self._compiled:
            self._seen[record.kind] = seen = self._seen.get(record.kind, 0) + 1
            schema = self.schemas.get(record.kind)
            if seen < COMPILE_AFTER or schema is None:
                return False
            self._compiled[record.kind] = compiled(schema)
        check = self._compiled[record.kind]
        return check is not None and check(record.values)

    def is_valid(self, record: RecordFile) -> bool:
        validator = self.validators.get(record.kind)
        return validator is None or self.certainly_valid(record) or validator.is_valid(record.values)

    def problems(self, record: RecordFile) -> list[Problem]:
        validator = self.validators.get(record.kind)
        if validator is None or self.certainly_valid(record):
            return []
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
