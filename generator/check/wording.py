"""How a value is named to the officer: quoted as written when short and harmless, else by its kind.

Nothing from a record reaches the officer's terminal raw: a value holding personal data, or too
long to read in a line, is called "this value"."""

from __future__ import annotations

from typing import Any

from generator.check.privacy import findings

TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a block of 'field: value' lines",
    "null": "empty",
}


def shown(value: Any) -> str:
    """A value as an officer wrote it, quoted; never a long text or one holding personal data."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "an empty value"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        if len(value) > 60 or findings(value):
            return "this value"
        return f"'{value}'"
    return kind_of_value(value)


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
