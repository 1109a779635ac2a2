"""A problem found in a record, told the way an officer can act on it."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

# Characters that do something to a terminal or to the order text is shown in, rather than show:
# controls (an ANSI escape can clear or hide the output), format characters (a right-to-left
# override), and line and paragraph separators.
_NOT_SHOWN = frozenset({"Cc", "Cf", "Zl", "Zp"})


def printable(text: str) -> str:
    """Text with every character that would act on the terminal written as an escape (`\\x1b`)."""
    if text.isprintable():
        return text  # the usual case, decided in C
    return "".join(_escaped(character) if unicodedata.category(character) in _NOT_SHOWN else character
                   for character in text)


def _escaped(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


@dataclass(frozen=True, order=True)
class Problem:
    """One line of advice: which file, where in it, which field, and what to do."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __post_init__(self) -> None:
        # Paths, field names and messages may carry text from a record or a file name: nothing of it
        # reaches a terminal, a CI log or a page able to act on them.
        for name in ("path", "field", "message"):
            value = getattr(self, name)
            if isinstance(value, str) and not value.isprintable():
                object.__setattr__(self, name, printable(value))

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
