"""A compiled first pass over each record: says only "valid", fast, or "ask jsonschema".

fastjsonschema turns a schema into Python code (about 20 µs a record against about 400 µs for
jsonschema), but it knows drafts 4 to 7, not 2020-12. So a draft-7 copy of each schema is derived,
and only when every keyword in it means the same in both drafts; any other keyword, and the kind is
left to jsonschema alone. Formats are checked by jsonschema's own format checker, so "a real date"
means the same in both (a date by the same rule written here, `is_date`, so that valid records
never need jsonschema at all).

The compiled pass may only be stricter than jsonschema, never looser: a record it accepts is
valid; a record it rejects goes to jsonschema, which decides and explains (fastjsonschema reads `$`
in a pattern as end of text, so a value ending in a line break is rejected here and judged there).
`tests/test_bench_compiled.py` compares the two on the demo records and on many broken variants.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

import fastjsonschema

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


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def is_date(value: str) -> bool:
    """jsonschema's own `format: date` (4.x: four, two and two ASCII digits that make a real date),
    written again here so that a check whose records are all valid never imports jsonschema (a
    twentieth of a second, an eighth of a warm check). `tests/test_bench_compiled.py` holds the
    two to the same answer on every kind of date, so the compiled pass stays no looser."""
    try:
        return _DATE.fullmatch(value) is not None and bool(date.fromisoformat(value))
    except ValueError:
        return False


def is_email(value: str) -> bool:
    """jsonschema's `format: email`: an at sign (the rest is left to the personal-data checks)."""
    return "@" in value


# Formats of Candour's schemas as jsonschema checks them, held to its answers by
# tests/test_bench_compiled.py. Not `uri`: jsonschema asks whichever of two libraries is installed,
# so its answer is left to it (only the organisation file has addresses).
FORMATS: dict[str, Callable[[str], bool]] = {"date": is_date, "email": is_email}


def _format_check(name: str) -> Check:
    check = FORMATS.get(name)
    if check is None:  # any other format as jsonschema checks it, imported once a value of it is met

        def by_jsonschema(value: str) -> bool:
            from jsonschema import Draft202012Validator

            return bool(Draft202012Validator.FORMAT_CHECKER.conforms(value, name))

        check = by_jsonschema

    # Remembered by value: fastjsonschema asks only of text, and the same few thousand dates recur
    # across 50,000 records (a case has six).
    known = check

    @lru_cache(maxsize=8192)
    def conforms(value: str) -> bool:
        return known(value)

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
