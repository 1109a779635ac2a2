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
    "ombudsman-statistics": "ombudsman-statistics",
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


# What an entry below records/ that is not a record file is: only a "file" or a "folder" may be there.
FILE, FOLDER, LINK, SPECIAL, UNREADABLE = "file", "folder", "link", "special", "unreadable"
FOLDER_NAMED_AS_RECORD = "folder named as a record"
Other = tuple[str, str]  # (path, what it is)


def what_entry(entry: os.DirEntry[str]) -> str:
    """What an entry is, without following a link (scandir knows it without a stat on most systems)."""
    if entry.is_file(follow_symlinks=False):  # a regular file, never a link: asked first, most are
        return FILE
    if entry.is_symlink():
        return LINK
    if entry.is_dir(follow_symlinks=False):
        return FOLDER
    return SPECIAL  # a named pipe, socket or device


def scan_folders(records_root: Path) -> tuple[list[RecordFolder], list[Other]]:
    """The folders of record files in a stable order (the organisation file's first), and every
    other entry below records/ with what it is. Record files are regular files only: a link, a
    named pipe or a device is another entry (`LINK`, `SPECIAL`), never read, and a folder that
    cannot be opened is one too (`UNREADABLE`), so that nothing is skipped without a word. One
    walk, a folder at a time, and no Path objects: at 50,000 records, any work for each file shows
    in a warm check's time."""
    root = str(records_root)
    folders: list[RecordFolder] = []
    found: list[tuple[tuple[str, ...], RecordFolder]] = []
    others: list[tuple[tuple[str, ...], str, str]] = []
    waiting: list[tuple[str, tuple[str, ...]]] = [(root, ())]
    while waiting:
        path, parts = waiting.pop()
        try:
            with os.scandir(path) as entries:
                here = list(entries)
        except OSError:
            others.append((parts, path, UNREADABLE))
            continue
        kind = KIND_FOLDERS.get(parts[0], "") if parts else ""
        names = []
        for entry in here:
            name = entry.name
            if kind and name.endswith(".yaml") and entry.is_file(follow_symlinks=False):
                names.append(name)  # a record file: the one question most entries need
                continue
            what = what_entry(entry)
            if what == FILE and not parts and name == ORGANISATION_FILE:
                folders.append(RecordFolder(root, "", "organisation", [ORGANISATION_FILE]))
                continue
            if what == FOLDER and kind and name.endswith(".yaml"):
                others.append(((*parts, name), entry.path, FOLDER_NAMED_AS_RECORD))
            else:
                others.append(((*parts, name), entry.path, what))
            if what == FOLDER:  # a link to a folder is not entered: it is refused
                waiting.append((entry.path, (*parts, name)))
        if names:
            found.append((parts, RecordFolder(path, "/".join(parts), kind, sorted(names))))
    folders += [folder for _, folder in sorted(found, key=lambda pair: pair[0])]
    return folders, [(path, what) for _, path, what in sorted(others)]


def scan_records(records_root: Path) -> tuple[list[str], list[Other]]:
    """The record files in a stable order, and every other entry below records/ (see `scan_folders`)."""
    folders, others = scan_folders(records_root)
    return [path for folder in folders for path in folder.paths()], others
