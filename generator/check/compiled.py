"""A compiled first pass over each record: says only "valid", fast, or "ask jsonschema".

fastjsonschema turns a schema into Python code (about 20 µs a record against about 400 µs for
jsonschema), but it knows drafts 4 to 7, not 2020-12. So a draft-7 copy of each schema is derived,
and only when every keyword in it means the same in both drafts; any other keyword, and the kind is
left to jsonschema alone. Formats are checked by jsonschema's own format checker, so "a real date"
means the same in both.

The compiled pass may only be stricter than jsonschema, never looser: a record it accepts is
valid; a record it rejects goes to jsonschema, which decides and explains (fastjsonschema reads `$`
in a pattern as end of text, so a value ending in a line break is rejected here and judged there).
`tests/test_bench_compiled.py` compares the two on the demo records and on many broken variants.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator

DRAFT_7 = "http://json-schema.org/draft-07/schema#"

# Keywords whose meaning is the same in draft 7 and 2020-12 (annotations included).
SAME_IN_DRAFT_7 = frozenset({
    "$schema", "$id", "title", "description", "default", "examples", "$comment",
    "type", "enum", "const", "properties", "additionalProperties", "required", "patternProperties",
    "propertyNames", "minProperties", "maxProperties", "items", "minItems", "maxItems", "uniqueItems",
    "contains", "minLength", "maxLength", "pattern", "format", "minimum", "maximum",
    "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "allOf", "anyOf", "oneOf", "not",
    "if", "then", "else",
})
RENAMED = {"dependentRequired": "dependencies"}  # 2020-12's dependentRequired is draft 7's array form
_SUBSCHEMA_MAPS = ("properties", "patternProperties")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf")
_SUBSCHEMA_ONE = ("additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else")

Check = Callable[[Any], bool]


class NotCompilable(ValueError):
    """The schema uses a keyword whose meaning differs between the drafts, or one not known here."""


def draft_7(schema: Any) -> Any:
    """A draft-7 copy of a 2020-12 schema that accepts exactly the same values; or NotCompilable."""
    if isinstance(schema, bool):
        return schema
    if not isinstance(schema, dict):
        raise NotCompilable(f"a subschema must be an object, not {type(schema).__name__}")
    derived: dict[str, Any] = {}
    for keyword, value in schema.items():
        if keyword.startswith("x-"):
            continue  # Candour's own annotations: no effect on validation
        if keyword in RENAMED:
            derived[RENAMED[keyword]] = copy.deepcopy(value)
        elif keyword not in SAME_IN_DRAFT_7:
            raise NotCompilable(f"'{keyword}' is not known to mean the same in draft 7")
        elif keyword in _SUBSCHEMA_MAPS:
            derived[keyword] = {name: draft_7(sub) for name, sub in value.items()}
        elif keyword in _SUBSCHEMA_LISTS:
            derived[keyword] = derived.get(keyword, []) + [draft_7(sub) for sub in value]
        elif keyword in _SUBSCHEMA_ONE:
            if keyword == "items" and isinstance(value, list):
                raise NotCompilable("'items' as a list means prefixItems in 2020-12")
            derived[keyword] = draft_7(value)
        elif keyword == "enum":
            # fastjsonschema's `in` takes true for 1; keep to values where that cannot matter.
            if not all(isinstance(each, str) or each is None for each in value):
                raise NotCompilable("'enum' with values other than text")
            derived[keyword] = copy.deepcopy(value)
        elif keyword == "const":
            # Written as a one-value enum: fastjsonschema cannot compile `const` without its detailed
            # messages, and those cost more than the check itself.
            derived.setdefault("allOf", []).append(_one_value(value))
        else:
            derived[keyword] = copy.deepcopy(value)
    if "$schema" in derived:
        derived["$schema"] = DRAFT_7
    return derived


def _one_value(value: Any) -> dict[str, Any]:
    """`const: value` as draft 7 without `const`; text and true or false only (`in` takes 1 for true)."""
    if isinstance(value, str):
        return {"enum": [value]}
    if isinstance(value, bool):
        return {"type": "boolean", "enum": [value]}
    raise NotCompilable("'const' with a value other than text, true or false")


def _formats(schema: Any, found: set[str]) -> set[str]:
    if isinstance(schema, dict):
        if isinstance(schema.get("format"), str):
            found.add(schema["format"])
        for value in schema.values():
            _formats(value, found)
    elif isinstance(schema, list):
        for value in schema:
            _formats(value, found)
    return found


def _format_check(name: str) -> Check:
    checker = Draft202012Validator.FORMAT_CHECKER

    # Remembered by value: fastjsonschema asks only of text, and the same few thousand dates recur
    # across 50,000 records (asking jsonschema costs a few microseconds each, a case has six).
    @lru_cache(maxsize=8192)
    def conforms(value: str) -> bool:
        return checker.conforms(value, name)

    return conforms


def compiled(schema: dict[str, Any]) -> Check | None:
    """`check(values) -> True` when the record is certainly valid; None when the schema cannot be compiled."""
    try:
        derived = draft_7(schema)
        validate = fastjsonschema.compile(
            derived, formats={name: _format_check(name) for name in _formats(schema, set())},
            use_default=False, detailed_exceptions=False,  # only "valid or not" is asked of it
        )
    except (NotCompilable, fastjsonschema.JsonSchemaDefinitionException):
        return None

    def check(values: Any) -> bool:
        try:
            validate(values)
        except fastjsonschema.JsonSchemaValueException:
            return False
        except Exception:  # anything the generated code did not expect: let jsonschema decide
            return False
        return True

    return check
