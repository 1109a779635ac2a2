"""Where records are: the folders under records/ and the kind of record each holds."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# The folder under records/ names the kind of record; the organisation file stands alone.
KIND_FOLDERS = {
    "cases": "case",
    "ombudsman": "ombudsman",
    "compliments": "compliment",
    "actions": "action",
    "history": "history",
}
ORGANISATION_FILE = "organisation.yaml"


def kind_of(path: Path, records_root: Path) -> str | None:
    """The kind of record a path holds, from where it sits under records/."""
    try:
        relative = path.resolve().relative_to(records_root.resolve())
    except ValueError:
        return None
    if relative.parts == (ORGANISATION_FILE,):
        return "organisation"
    if len(relative.parts) >= 2 and relative.suffix == ".yaml":
        return KIND_FOLDERS.get(relative.parts[0])
    return None


def record_paths(records_root: Path) -> Iterator[Path]:
    """Every record file under records/, in a stable order."""
    yield from (Path(path) for path in scan_records(records_root)[0])


@dataclass
class RecordFolder:
    """A folder holding record files: where it is, where below records/ ('' for records/ itself,
    parts joined by '/'), the kind of its records, and its record files' names in order."""

    path: str
    below: str
    kind: str
    names: list[str]

    def paths(self) -> list[str]:
        folder = self.path + os.sep  # as text: os.path.join costs tenths of a second at 300,000 files
        return [folder + name for name in self.names]


def scan_folders(records_root: Path) -> tuple[list[RecordFolder], list[tuple[str, bool]]]:
    """The folders of record files in a stable order (the organisation file's first), and every
    other entry below records/ with whether it is a file. One walk, a folder at a time, and no Path
    objects: at 50,000 records, any work for each file shows in a warm check's time."""
    root = str(records_root)
    has_organisation = (records_root / ORGANISATION_FILE).exists()
    folders = [RecordFolder(root, "", "organisation", [ORGANISATION_FILE])] if has_organisation else []
    found: list[tuple[tuple[str, ...], RecordFolder]] = []
    others: list[tuple[tuple[str, ...], str, bool]] = []
    waiting: list[tuple[str, tuple[str, ...]]] = [(root, ())]
    while waiting:
        path, parts = waiting.pop()
        try:
            with os.scandir(path) as entries:
                here = list(entries)
        except OSError:
            continue
        kind = KIND_FOLDERS.get(parts[0], "") if parts else ""
        names = []
        for entry in here:
            if kind and entry.name.endswith(".yaml"):
                names.append(entry.name)
                continue
            if parts or entry.name != ORGANISATION_FILE or not has_organisation:
                others.append(((*parts, entry.name), entry.path, entry.is_file()))
            if entry.is_dir() and not entry.is_symlink():  # as Path.rglob walks: links to folders not entered
                waiting.append((entry.path, (*parts, entry.name)))
        if names:
            found.append((parts, RecordFolder(path, "/".join(parts), kind, sorted(names))))
    folders += [folder for _, folder in sorted(found, key=lambda pair: pair[0])]
    return folders, [(path, is_file) for _, path, is_file in sorted(others)]


def scan_records(records_root: Path) -> tuple[list[str], list[tuple[str, bool]]]:
    """The record files in a stable order, and every other entry below records/ (see `scan_folders`)."""
    folders, others = scan_folders(records_root)
    return [path for folder in folders for path in folder.paths()], others
