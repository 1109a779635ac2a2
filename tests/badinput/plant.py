"""Put a text into a field of a record, wherever the schema's field pattern points.

A pattern is a tuple of keys with `*` for a list item or any key (generator.check.fields); here
`*` is the first item, made when the list is empty or missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.check.fields import ANY, Pattern
from generator.load import Location, read_record


def plant(values: dict[str, Any], pattern: Pattern, text: str) -> Location:
    """Set the field `pattern` names to `text`, making what is missing; returns where it went."""
    location: list[str | int] = []
    here: Any = values
    for index, step in enumerate(pattern):
        last = index == len(pattern) - 1
        blank: Any = text if last else ([] if pattern[index + 1] == ANY else {})
        if step == ANY:
            if not here:
                here.append(blank)
            elif last:
                here[0] = text
            location.append(0)
            here = here[0]
        else:
            if last or step not in here or not isinstance(here[step], dict | list):
                here[step] = blank
            location.append(step)
            here = here[step]
    return tuple(location)


def read_values(path: Path, records_root: Path) -> dict[str, Any]:
    """A record's values as Candour reads them (dates kept as text)."""
    return read_record(path, records_root).values


def write_values(path: Path, values: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(values, sort_keys=False, allow_unicode=True), encoding="utf-8")
