"""How a value is named to the officer: quoted as written when short and harmless, else by its kind.

Nothing from a record reaches the officer's terminal raw: a value holding personal data, or too
long to read in a line, is called "this value"; a field name holding personal data is shown with
that part hidden. (Control characters are escaped in every `Problem` already.)"""

from __future__ import annotations

import math
from typing import Any

from generator.problems import Problem

TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a block of 'field: value' lines",
    "null": "empty",
}


LONGEST_SHOWN = 60  # characters of a value quoted in a message
LONGEST_FIELD = 80  # characters of a field name shown
HIDDEN = "[hidden]"


def _findings(text: str) -> list[Any]:
    # Imported here: the scan's patterns take time to load, and a warm check may never need them.
    from generator.check.privacy import findings

    return findings(text)


def shown(value: Any) -> str:
    """A value as an officer wrote it, quoted; never a long text or one holding personal data."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "an empty value"
    if isinstance(value, int | float):
        return number_shown(value)
    if isinstance(value, str):
        if len(value) > LONGEST_SHOWN or _findings(value):
            return "this value"
        return f"'{value}'"
    return kind_of_value(value)


def name_shown(name: str) -> str:
    """A file's name as it is, unless it holds personal data or is too long to read."""
    return name if len(name) <= LONGEST_SHOWN and not _findings(name) else "of this file"


def number_shown(value: int | float) -> str:
    """A number as written, unless it is too long to be read (or to be turned into text at all)."""
    if isinstance(value, float) and not math.isfinite(value):
        return "not a number" if math.isnan(value) else "infinity"
    if isinstance(value, int) and value.bit_length() > 50:
        return "a number far too large"
    return str(value)


def field_shown(field: str) -> str:
    """A field's name as problems show it: any part that looks like personal data hidden, and a
    long one cut short."""
    if not field:
        return field
    for found in sorted(_findings(field), key=lambda each: each.start, reverse=True):
        field = field[:found.start] + HIDDEN + field[found.end:]
    if len(field) > LONGEST_FIELD:
        field = field[:LONGEST_FIELD - 1] + "…"
    return field


def with_field_shown(problem: Problem) -> Problem:
    """The problem with its field named as `field_shown` names it."""
    if problem.field.replace("_", "").replace(".", "").isalnum() and len(problem.field) <= 40 and (
            problem.field.islower()):
        return problem  # a field name of the schemas: nothing in it to hide
    return Problem(problem.path, problem.line, problem.column, field_shown(problem.field), problem.message)


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def kind_of_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of fields"
    return "an empty value" if value is None else type(value).__name__
