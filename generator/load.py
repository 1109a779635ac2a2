"""Read record files: the bytes of each, checked to be UTF-8 text of a sensible size, parsed into
plain values (`generator.parse`), with the line and column of every value on demand.

Where records are is `generator.folders`; both are re-exported here, so the stages after this one
import from `generator.load` alone.
"""

from __future__ import annotations

import errno
import gc
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.folders import (
    KIND_FOLDERS,
    ORGANISATION_FILE,
    RecordFolder,
    kind_of,
    record_paths,
    scan_folders,
    scan_records,
)
from generator.parse import Location, _RecordLoader, parse_record, syntax_problem, value_positions
from generator.problems import Problem

__all__ = [
    "KIND_FOLDERS", "MAX_RECORD_BYTES", "ORGANISATION_FILE", "Location", "RecordError", "RecordFile",
    "RecordFolder", "Stamp", "_RecordLoader", "collection_paused", "kind_of", "parse_record", "read_all",
    "read_record", "record_paths", "scan_folders", "scan_records", "stamp_of", "value_positions",
]

MAX_RECORD_BYTES = 256 * 1024
LINK_REFUSED = (
    "is a symbolic link, so nothing is read through it: Candour reads records only from files "
    "inside the repository; put the file or folder itself here, not a link to it"
)
SPECIAL_REFUSED = (
    "is not a regular file (a named pipe, socket or device), so it is not read: a record is a "
    "plain text file"
)

# A file's size, modification and change times and inode: how git's index tells it is unchanged.
Stamp = list[int]


def stamp_of(found: os.stat_result) -> Stamp:
    return [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino]


class RecordError(Exception):
    """A file that cannot be read as a record at all; carries the problem to report."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class RecordFile:
    """One record as read from disk: its kind, where it lives, and its values."""

    path: Path
    shown_as: str
    kind: str
    text: str
    values: Any
    _positions: dict[Location, tuple[int, int]] | None = field(default=None, repr=False)
    stamp: Stamp | None = field(default=None, repr=False, compare=False)  # taken before it was read

    @property
    def file_name(self) -> str:
        """The file's name: `path` may be text (a Path per record costs a check at 50,000 records)."""
        return os.path.basename(self.path)

    @property
    def file_stem(self) -> str:
        return os.path.splitext(self.file_name)[0]

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def position(self, location: Location) -> tuple[int, int]:
        """Line and column (1-based) of the value at `location`, or of its nearest parent."""
        if self._positions is None:
            self._positions = value_positions(self.text)
        for end in range(len(location), -1, -1):
            found = self._positions.get(tuple(location[:end]))
            if found:
                return found
        return (1, 1)

    def problem(self, location: Location, message: str, *, key: bool = False) -> Problem:
        """A problem at `location`; with `key`, at the key's own position (for unknown keys)."""
        from generator.problems import field_name

        line, column = self.position(location + (("@key",) if key else ()))
        return Problem(self.shown_as, line, column, field_name(location), message)


def read_record(path: Path | str, records_root: Path, shown_as: str | None = None, kind: str | None = None
                ) -> RecordFile:
    """Read and parse one record file, or raise RecordError saying what is wrong with it.

    `kind`, when the caller already knows it from the folder, saves resolving the path again."""
    shown = shown_as or str(path)
    kind = kind or kind_of(Path(path), records_root) or "unknown"
    text, stamp = _read_text(path, shown)
    try:
        values = parse_record(text)
    except yaml.MarkedYAMLError as error:
        raise RecordError(syntax_problem(shown, error, text)) from None
    except yaml.YAMLError as error:
        raise RecordError(Problem(shown, 1, 1, "", f"cannot be read as YAML: {error}")) from None
    except RecursionError:
        raise RecordError(Problem(shown, 1, 1, "", "is nested too deeply to be a record")) from None
    if values is None:
        raise RecordError(Problem(shown, 1, 1, "", "is empty; a record needs at least an id"))
    if not isinstance(values, dict):
        raise RecordError(
            Problem(shown, 1, 1, "", "must be a set of 'field: value' lines, not a single value or list")
        )
    return RecordFile(path, shown, kind, text, values, stamp=stamp)  # type: ignore[arg-type]


# Opened without following a link and without waiting for a writer: a named pipe opens at once, and
# is then refused because it is not a regular file.
_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
)


def read_regular_file(path: Path | str, shown: str, limit: int, what: str) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file of at most `limit` bytes, or RecordError. What is checked is
    the file opened, not the path (a file swapped for a link or a pipe after it was listed is still
    refused), and no more than `limit` bytes are ever read, whatever the file says its size is."""
    if not getattr(os, "O_NOFOLLOW", 0) and os.path.islink(path):  # Windows: no O_NOFOLLOW
        raise RecordError(Problem(shown, 1, 1, "", LINK_REFUSED))
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise RecordError(Problem(shown, 1, 1, "", LINK_REFUSED)) from None
        raise RecordError(Problem(shown, 1, 1, "", f"cannot be opened: {error.strerror}")) from None
    try:
        found = os.fstat(handle)
        if not stat.S_ISREG(found.st_mode):
            raise RecordError(Problem(shown, 1, 1, "", SPECIAL_REFUSED))
        if found.st_size > limit:
            raise RecordError(Problem(shown, 1, 1, "", _too_large(found.st_size, limit, what)))
        raw = b""
        wanted = found.st_size + 1  # one read, and one more to see the end, for most files
        while len(raw) <= limit:
            asked = min(wanted, limit + 1 - len(raw))
            piece = os.read(handle, asked)
            raw += piece
            if len(piece) < asked:
                break  # the end of a regular file: no second read to find it
            wanted = 64 * 1024  # it was still being written: read on in pieces, up to the limit
    except OSError as error:
        raise RecordError(Problem(shown, 1, 1, "", f"cannot be read: {error.strerror}")) from None
    finally:
        os.close(handle)
    if len(raw) > limit:  # it grew while it was read
        raise RecordError(Problem(shown, 1, 1, "", _too_large(limit + 1, limit, what)))
    return raw, found


def _too_large(size: int, limit: int, what: str) -> str:
    return f"is {size // 1024} KiB; {what} may be at most {limit // 1024} KiB"


def _read_text(path: Path | str, shown: str) -> tuple[str, Stamp]:
    raw, found = read_regular_file(path, shown, MAX_RECORD_BYTES, "a record")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise RecordError(Problem(
            shown, 1, 1, "",
            "starts with a byte-order mark; save it as UTF-8 without BOM (most editors offer this)",
        ))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise RecordError(Problem(
            shown, line, column, "", "is not UTF-8 text; save it with UTF-8 encoding"
        )) from None
    if "\x00" in text:
        raise RecordError(Problem(shown, 1, 1, "", "holds a NUL byte; a record is plain text"))
    return text, stamp_of(found)


@contextmanager
def collection_paused() -> Iterator[None]:
    """Reading many records makes millions of small objects and no reference cycles: Python's cycle
    collector would walk all of them again and again for nothing (a tenth of a check's time)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def read_all(paths: Iterable[Path], records_root: Path, shown_from: Path
             ) -> tuple[list[RecordFile], list[Problem]]:
    """Read many files; a file that cannot be read becomes a problem, the rest go on."""
    records: list[RecordFile] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            shown = str(path.resolve().relative_to(shown_from.resolve()))
        except ValueError:
            shown = str(path)
        try:
            records.append(read_record(path, records_root, shown))
        except RecordError as error:
            problems.append(error.problem)
    return records, problems
