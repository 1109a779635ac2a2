"""What the check cache keeps of one folder of records, and how its file is read back cheaply.

A folder's file holds two lines after its signature: a short summary (how many clean records, a
digest of their names and stamps, a digest of the second line, and the few kept values), which is
all a warm check needs when nothing in the folder changed, and the columns themselves (names,
stamps, digests), read only for a folder where something did. At 50,000 records, parsing every
folder's columns was a tenth of a warm check.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from dataclasses import dataclass, field
from typing import Any

DIGEST = 64  # hex characters of a SHA-256


def stamps_digest(names: list[str], stamps: list[int]) -> str:
    """One digest of a folder's file names and their stamps, in order. Names cannot hold a NUL,
    so joined with it they read back one way only."""
    digest = hashlib.sha256("\0".join(names).encode("utf-8", "surrogatepass") + b"\0")
    try:
        digest.update(b"q" + array("q", stamps).tobytes())  # as machine words: no text to make
    except OverflowError:  # a number past 64 bits: the same stamps always take this way
        digest.update(b"t" + ",".join(map(str, stamps)).encode())
    return digest.hexdigest()


def kept_values(kept: Any) -> bool:
    """Whether the kept values read back are of the shape written: a record's values by file name."""
    return isinstance(kept, dict) and all(isinstance(values, dict) for values in kept.values())


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
            or not kept_values(kept)
            or len(stamps) != 4 * len(names)
            or len(digests) != DIGEST * len(names)
            or not all(type(name) is str for name in names)
            or not all(type(number) is int for number in stamps)
        ):
            return None
        return cls(names, stamps, digests, kept)

    def matches(self, names: list[str], stamps: list[int]) -> bool:
        """Whether the folder's files are these, with these stamps: then every one is known."""
        return names == self.names and stamps == self.stamps

    def whole(self) -> Folder | None:
        return self

    def stamp(self, index: int) -> list[int]:
        return self.stamps[4 * index:4 * index + 4]

    def digest(self, index: int) -> str:
        return self.digests[DIGEST * index:DIGEST * (index + 1)]

    def lines(self) -> tuple[dict[str, Any], bytes]:
        """The summary and the columns, as a cache file holds them (see `Summary`)."""
        columns = json.dumps([self.names, self.stamps, self.digests], separators=(",", ":")).encode("utf-8")
        summary = {"count": len(self.names), "stamps": stamps_digest(self.names, self.stamps),
                   "columns": hashlib.sha256(columns).hexdigest(), "kept": self.kept}
        return summary, columns


@dataclass
class Summary:
    """A folder as its cache file sums it up, its columns (`columns`, the file's last line, bound to
    the signed summary by their digest) parsed only when a file in the folder changed."""

    count: int
    stamps: str  # `stamps_digest` of the clean records' names and stamps
    columns_digest: str
    kept: dict[str, Any]
    columns: bytes
    _whole: list[Folder | None] = field(default_factory=list)  # the columns, once parsed

    @classmethod
    def stored(cls, summary: dict[str, Any], columns: bytes) -> Summary | None:
        count, stamps, digest, kept = (summary.get(key) for key in ("count", "stamps", "columns", "kept"))
        if type(count) is not int or not isinstance(stamps, str) or not isinstance(digest, str):
            return None
        return cls(count, stamps, digest, kept, columns) if kept_values(kept) else None

    def matches(self, names: list[str], stamps: list[int]) -> bool:
        return len(names) == self.count and stamps_digest(names, stamps) == self.stamps

    def whole(self) -> Folder | None:
        """Every column, or None when they are not those the summary was signed with."""
        if not self._whole:
            self._whole.append(self._parsed())
        return self._whole[0]

    def _parsed(self) -> Folder | None:
        if hashlib.sha256(self.columns).hexdigest() != self.columns_digest:
            return None
        try:
            columns = json.loads(self.columns)
        except ValueError:
            return None
        if not isinstance(columns, list) or len(columns) != 3:
            return None
        folder = Folder.stored([*columns, self.kept])
        if folder is None or len(folder.names) != self.count:
            return None
        return folder
