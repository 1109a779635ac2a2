"""A problem found in a record, told the way an officer can act on it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One line of advice: which file, where in it, which field, and what to do."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


def field_name(location: tuple[str | int, ...]) -> str:
    """`('stages', 0, 'outcome')` -> `stages[0].outcome`, the way the schema docs name it."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def did_you_mean(value: str, choices: list[str]) -> str:
    """' (did you mean 'upheld'?)' when a choice is close to what was written, else ''."""
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if not close:
        lowered = {choice.lower(): choice for choice in choices}
        close = [lowered[value.lower()]] if value.lower() in lowered else []
    return f" (did you mean '{close[0]}'?)" if close else ""
