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
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import generator
from generator.load import Stamp, stamp_of

FOLDER = ".candour-cache"
FILE = "check.json"
FORMAT = 1

Stat = Stamp
ENTRIES_A_PIECE = 5000  # written this many at a time: no 90 MB string at 300,000 records
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


def _content_digest(path: str) -> str | None:
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


class CheckCache:
    """Entries by path shown: [stat, sha256, kind, compact values]."""

    def __init__(self, repo_root: Path, key: str, today: date) -> None:
        self.path = repo_root / FOLDER / FILE
        self.key = key
        self.today = today
        self.entries: dict[str, list[Any]] = {}
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
            or not isinstance(stored.get("entries"), dict)
        ):
            return
        self.entries = stored["entries"]

    def get(self, shown_as: str, stat: Stat | None, path: str) -> tuple[str, Any] | None:
        """(kind, compact values) of a record unchanged since it was found clean, else None.

        A file whose stamp changed but whose content did not (touched by a checkout, say) is
        known by its content's digest: hashing it costs a tenth of checking it again."""
        entry = self.entries.get(shown_as)
        if stat is None or not isinstance(entry, list) or len(entry) != 4:
            return None
        if entry[0] != stat:
            if entry[1] != _content_digest(path):
                return None
            entry[0] = stat
            self.changed = True
        return entry[2], entry[3]

    def put(self, shown_as: str, stat: Stat | None, text_digest: str, kind: str, values: Any) -> None:
        if stat is not None:
            self.entries[shown_as] = [stat, text_digest, kind, values]
            self.changed = True

    def forget(self, shown_as: str) -> None:
        if self.entries.pop(shown_as, None) is not None:
            self.changed = True

    def keep_only(self, shown: set[str]) -> None:
        """Drop entries of files that are gone."""
        gone = [name for name in self.entries if name not in shown]
        for name in gone:
            del self.entries[name]
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
        """The heading and the entries as one JSON object, encoded by json's C encoder a piece at a
        time (`json.dump` would encode in Python, a dozen times slower)."""
        out.write(json.dumps(heading, separators=(",", ":"))[:-1] + ',"entries":{')
        names = list(self.entries)
        for start in range(0, len(names), ENTRIES_A_PIECE):
            piece = {name: self.entries[name] for name in names[start:start + ENTRIES_A_PIECE]}
            out.write(("," if start else "") + json.dumps(piece, separators=(",", ":"))[1:-1])
        out.write("}}")
