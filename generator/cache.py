"""The check cache: what was found about each record that passed every check on its own.

Stored in `.candour-cache/` beside `records/` (git-ignored, never inside `records/`), when the
repository's .gitignore names that folder (see `wanted`), as JSON, so
that a file planted there can at worst make a record be checked again, never run code. It is safe
to delete, and a file that cannot be read is ignored. Every entry belongs to one key: Candour's
version and the source of its check stage, the schemas and the organisation file; when any of
them changes, nothing is trusted and everything is checked again.

A record is known by its path and its file's size, modification and change times and inode (as
git's index does: statting a file costs a fraction of reading it), and, when those changed, by the
SHA-256 of its content kept beside them. Only records with no problem of their own are kept;
references to other records are always checked again, from the compact values kept here.

Entries are stored a folder at a time, in columns (names, stamps, digests), so that reading the
cache and finding a folder unchanged are a few comparisons of whole lists, not work per record.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import generator
from generator.load import Stamp, stamp_of

FOLDER = ".candour-cache"
FILE = "check.json"
FORMAT = 2
DIGEST = 64  # hex characters of a SHA-256

Stat = Stamp
FOLDERS_A_PIECE = 4  # written this many folders at a time: no 60 MB string at 300,000 records
# Source files whose change can change what the check finds.
_CODE = ("load.py", "problems.py", "years.py", "check")


def wanted(repo_root: Path) -> bool:
    """The cache is kept where the repository asks for it: its .gitignore names the folder (as
    Candour's template does) or the folder is there already. Elsewhere nothing is written beside
    the records; CANDOUR_CACHE=0 turns it off everywhere."""
    if os.environ.get("CANDOUR_CACHE") == "0":
        return False
    if (repo_root / FOLDER).is_dir():
        return True
    try:
        ignored = (repo_root / ".gitignore").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return any(line.strip().strip("/") == FOLDER for line in ignored.splitlines())


def stat_key(path: str) -> Stat | None:
    try:
        return stamp_of(os.stat(path))
    except OSError:
        return None


def content_digest(path: str) -> str | None:
    """The SHA-256 of a file's bytes, as `RecordFile.digest` gives it for the text read from them."""
    try:
        with open(path, "rb") as file:
            return hashlib.sha256(file.read()).hexdigest()
    except OSError:
        return None


def code_version() -> str:
    """Candour's version and a digest of the source of its load and check stages."""
    digest = hashlib.sha256(generator.__name__.encode())
    package = Path(generator.__file__).parent
    for name in _CODE:
        found = package / name
        files = sorted(found.glob("*.py")) if found.is_dir() else [found]
        for path in files:
            try:
                digest.update(path.name.encode() + path.read_bytes())
            except OSError:
                digest.update(b"missing " + path.name.encode())
    return f"{getattr(generator, '__version__', '0')}:{digest.hexdigest()[:16]}"


def cache_key(schemas_folder: Path, organisation: Path, history_years: list[str] | None = None) -> str:
    """What every entry depends on: the code, each schema, the organisation file and the years of
    history (they decide which values of a record are kept)."""
    digest = hashlib.sha256(code_version().encode())
    digest.update(repr(history_years or []).encode())
    for path in [*sorted(schemas_folder.glob("*.schema.json")), organisation]:
        try:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        except OSError:
            digest.update(b"missing " + path.name.encode())
    return digest.hexdigest()


@dataclass
class Folder:
    """The clean records of one folder: their file names in order, four stamp numbers for each in
    one list, their digests in one text, and the kept values of those whose values say more than
    their id (most records only have an id, which is their file's name)."""

    names: list[str]
    stamps: list[int]
    digests: str
    kept: dict[str, Any]

    @classmethod
    def stored(cls, columns: Any) -> Folder | None:
        """The folder as read from the cache file, or None when its columns do not fit together."""
        if not isinstance(columns, list) or len(columns) != 4:
            return None
        names, stamps, digests, kept = columns
        if (
            not isinstance(names, list)
            or not isinstance(stamps, list)
            or not isinstance(digests, str)
            or not isinstance(kept, dict)
            or len(stamps) != 4 * len(names)
            or len(digests) != DIGEST * len(names)
        ):
            return None
        return cls(names, stamps, digests, kept)

    def stamp(self, index: int) -> list[int]:
        return self.stamps[4 * index:4 * index + 4]

    def digest(self, index: int) -> str:
        return self.digests[DIGEST * index:DIGEST * (index + 1)]

    def columns(self) -> list[Any]:
        return [self.names, self.stamps, self.digests, self.kept]


class CheckCache:
    """The clean records of each folder under records/, by the folder's path as shown."""

    def __init__(self, repo_root: Path, key: str, today: date) -> None:
        self.path = repo_root / FOLDER / FILE
        self.key = key
        self.today = today
        self.folders: dict[str, Folder] = {}
        self.changed = False
        self._read()

    def _read(self) -> None:
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # no cache yet, or one that cannot be read: check everything
        if (
            not isinstance(stored, dict)
            or stored.get("format") != FORMAT
            or stored.get("key") != self.key
            # A record clean on a later day may have had a date still to come today.
            or not isinstance(stored.get("checked_on"), str)
            or stored["checked_on"] > self.today.isoformat()
            or not isinstance(stored.get("folders"), dict)
        ):
            return
        for name, columns in stored["folders"].items():
            folder = Folder.stored(columns)
            if folder is not None:
                self.folders[name] = folder

    def replace(self, name: str, folder: Folder) -> None:
        """What is now known of a folder's records; a folder with none is forgotten."""
        if self.folders.get(name) == folder:
            return
        if folder.names:
            self.folders[name] = folder
        else:
            self.folders.pop(name, None)
        self.changed = True

    def keep_only(self, names: set[str]) -> None:
        """Drop the folders that are gone."""
        gone = [name for name in self.folders if name not in names]
        for name in gone:
            del self.folders[name]
        self.changed = self.changed or bool(gone)

    def save(self) -> None:
        """Write the cache beside the records; a folder that cannot be written is no error."""
        if not self.changed:
            return
        heading = {"format": FORMAT, "key": self.key, "checked_on": self.today.isoformat()}
        try:
            self.path.parent.mkdir(exist_ok=True)
            ignore = self.path.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Candour's check cache: safe to delete\n*\n", encoding="utf-8")
            partial = self.path.with_suffix(f".{os.getpid()}.tmp")
            with partial.open("w", encoding="utf-8") as out:
                self._write(heading, out)
            os.replace(partial, self.path)
        except OSError:
            pass

    def _write(self, heading: dict[str, Any], out: Any) -> None:
        """The heading and the folders as one JSON object, encoded by json's C encoder a piece at a
        time (`json.dump` would encode in Python, a dozen times slower)."""
        out.write(json.dumps(heading, separators=(",", ":"))[:-1] + ',"folders":{')
        names = list(self.folders)
        for start in range(0, len(names), FOLDERS_A_PIECE):
            piece = {name: self.folders[name].columns() for name in names[start:start + FOLDERS_A_PIECE]}
            out.write(("," if start else "") + json.dumps(piece, separators=(",", ":"))[1:-1])
        out.write("}}")
