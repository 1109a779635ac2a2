"""The one-record change the warm measurements make: an officer correcting a case's summary."""

from __future__ import annotations

import itertools
from pathlib import Path

_edits = itertools.count(1)


def change_record(path: Path) -> None:
    """Rewrite the record's `summary` so the file's content, and nothing else about it, changes."""
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(_edits)
    kept = [line for line in lines if not line.startswith("summary:")]
    folded = [index for index, line in enumerate(lines) if line.startswith("summary:")]
    if folded:
        # Drop the summary's continuation lines (indented) along with it.
        start = folded[0]
        end = start + 1
        while end < len(lines) and lines[end].startswith(" "):
            end += 1
        kept = lines[:start] + lines[end:]
    kept.append(f"summary: Corrected by an officer (edit {number}); the family asked for a review.")
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
