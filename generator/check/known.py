"""Records known clean: those unchanged since the cache found them so are not read again.

Files are sorted out a folder at a time. A folder whose file names and stamps are all as stored
is known whole, with no work for each record (at 50,000 records, a microsecond for each is 50 ms
of a warm check's half second). Otherwise each file is looked up by name, and by the digest of
its content when only its stamp changed: a checkout touches files without changing them.

The records a check finds clean join those the cache knew, as records alone, without an outcome
each. In `candour validate` most keep nothing but their id, which for a clean record is its file's
stem, so they are never made into records at all: the rules across records get their ids, and a
count. A build's check goes the same way with a cache that keeps nothing, and `mkdocs serve`'s
with one kept in memory holding every value (`cache.KeptInMemory`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.cache import CheckCache, Folder, content_digest
from generator.check.local import OnDisk, Outcome
from generator.check.stamps import folder_stamps, stamps_of
from generator.load import RecordFile, RecordFolder

SUFFIX = ".yaml"


def only_an_id(name: str, values: Any) -> bool:
    """Whether a record's kept values are its id alone, the stem of its file's name."""
    return isinstance(values, dict) and len(values) == 1 and values.get("id") == name[:-len(SUFFIX)]


@dataclass
class Known:
    """The records a check found clean, or took from the cache as clean: no Outcome for each."""

    repo_root: str
    kept: list[OnDisk] = field(default_factory=list)  # those whose kept values say more than their id
    only_ids: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # folder: (kind, names)
    ids: dict[str, set[str]] = field(default_factory=dict)  # of the records not kept, by kind
    shared_id: bool = False  # two of the records not kept have the same kind and id

    def add(self, folder: str, kind: str, names: list[str], kept: dict[str, Any]) -> None:
        """Records of one folder the cache knows."""
        plain = [name for name in names if name not in kept] if kept else names
        if plain:
            self.only_ids.setdefault(folder, (kind, []))[1].extend(plain)
            ids = self.ids.setdefault(kind, set())
            before = len(ids)
            ids.update([name[:-len(SUFFIX)] for name in plain])  # a list: quicker than a generator
            self.shared_id = self.shared_id or len(ids) - before != len(plain)
        if len(plain) != len(names):
            self.kept += [self._record(f"{folder}/{name}", kind, kept[name])
                          for name in names if name in kept]

    def add_record(self, record: OnDisk, name: str, only_id: bool) -> None:
        """A record just found clean."""
        if not only_id:
            self.kept.append(record)
            return
        folder = record.shown_as[:-len(name) - 1]
        self.only_ids.setdefault(folder, (record.kind, []))[1].append(name)
        ids = self.ids.setdefault(record.kind, set())
        self.shared_id = self.shared_id or name[:-len(SUFFIX)] in ids
        ids.add(name[:-len(SUFFIX)])

    def _record(self, shown_as: str, kind: str, values: Any) -> OnDisk:
        # As text, as `RecordFolder.paths` makes them: joining parts costs 10 ms a warm check.
        path = self.repo_root + os.sep + shown_as.replace("/", os.sep)
        return OnDisk(path, shown_as, kind, "", values)  # type: ignore[arg-type]

    @property
    def count(self) -> int:
        return len(self.kept) + sum(len(names) for _, names in self.only_ids.values())

    def shown(self) -> Iterator[str]:
        """Every record not kept, as shown in problems."""
        for folder, (_, names) in self.only_ids.items():
            yield from (f"{folder}/{name}" for name in names)

    def share_ids_with(self, records: list[RecordFile]) -> bool:
        """Whether an id is used twice among these records and those not kept: the usual answer, no,
        is found without making 50,000 records."""
        if not self.ids:
            return False  # nothing known: `duplicate_ids` looks at the records themselves
        return self.shared_id or any(
            isinstance(found := record.values.get("id") if isinstance(record.values, dict) else None, str)
            and found in self.ids.get(record.kind, ())
            for record in records
        )

    def as_records(self) -> list[RecordFile]:
        """The records not kept, made with their ids: only needed to say where an id is shared."""
        return [
            self._record(f"{folder}/{name}", kind, {"id": name[:-len(SUFFIX)]})
            for folder, (kind, names) in self.only_ids.items()
            for name in names
        ]


class CacheRound:
    """One check's round with the cache: sorts files into those it knows and those to check, then
    stores what the check found."""

    def __init__(self, cache: CheckCache, repo_root: str) -> None:
        self.cache = cache
        self.known = Known(repo_root)
        # Folders whose stored entries change: their names in order, and each clean file's entry.
        self._changing: dict[str, tuple[list[str], dict[str, tuple[list[int], str, Any]]]] = {}
        self._stamps: dict[str, list[int]] = {}  # taken before reading the files to check
        self._seen: set[str] = set()
        self._taken: dict[str, list[int]] = {}  # each known folder's stamps, taken together

    def take_stamps(self, folders: list[tuple[str, RecordFolder]]) -> None:
        """Stat the files of every folder (shown as, folder) the cache knows, all in one go, so that
        the calls can be spread over the cores (`check.stamps`)."""
        known = [(shown, folder) for shown, folder in folders if self.cache.get(shown) is not None]
        stamps = folder_stamps([folder for _, folder in known])
        self._taken = {shown: taken for (shown, _), taken in zip(known, stamps, strict=True)}

    def sort_out(self, shown: str, folder: RecordFolder) -> list[tuple[str, str, str]]:
        """The (path, shown as, kind) of the files of one folder that must be checked."""
        self._seen.add(shown)
        summary = self.cache.get(shown)
        stamps = [] if summary is None else self._taken.pop(shown, None) or stamps_of(folder)
        if summary is not None and summary.matches(folder.names, stamps):
            self.known.add(shown, folder.kind, folder.names, summary.kept)
            return []
        stored = None if summary is None else summary.whole()  # the columns: something changed
        if stored is None:
            if self.cache.keeps:
                self._changing[shown] = (folder.names, {})  # stamps are taken as the files are read
            return [(path, f"{shown}/{name}", folder.kind)
                    for path, name in zip(folder.paths(), folder.names, strict=True)]
        return self._one_by_one(shown, folder, stamps, stored)

    def _one_by_one(self, shown: str, folder: RecordFolder, stamps: list[int], stored: Folder
                    ) -> list[tuple[str, str, str]]:
        at = {name: index for index, name in enumerate(stored.names)}
        entries: dict[str, tuple[list[int], str, Any]] = {}
        waiting = []
        for number, name in enumerate(folder.names):
            path = os.path.join(folder.path, name)
            stamp = stamps[4 * number:4 * number + 4]
            index = at.get(name)
            if index is not None and (stored.stamp(index) == stamp
                                      or stored.digest(index) == content_digest(path)):
                entries[name] = (stamp, stored.digest(index), stored.kept.get(name))
            else:
                self._stamps[f"{shown}/{name}"] = stamp
                waiting.append((path, f"{shown}/{name}", folder.kind))
        self.known.add(shown, folder.kind, [name for name in folder.names if name in entries], stored.kept)
        self._changing[shown] = (folder.names, entries)
        return waiting

    def found(self, outcome: Outcome) -> bool:
        """Whether a file just checked is clean: then it is known, as if from the cache, and stored.
        A cold check thus gives the rules across records the same few records as a warm one."""
        record = outcome.record
        if not outcome.clean or not isinstance(record, OnDisk):
            return False
        folder, _, name = outcome.shown_as.rpartition("/")
        only_id = only_an_id(name, record.values)
        self.known.add_record(record, name, only_id)
        stamp = self._stamps.get(outcome.shown_as, outcome.stamp)
        if folder in self._changing and stamp is not None:
            self._changing[folder][1][name] = (stamp, outcome.digest, None if only_id else record.values)
        return True

    def store(self) -> None:
        """Write what is now known of each folder that changed, and forget folders that are gone."""
        for folder, (names, entries) in self._changing.items():
            clean = [name for name in names if name in entries]
            stamps = [number for name in clean for number in entries[name][0]]
            digests = "".join(entries[name][1] for name in clean)
            kept = {name: entries[name][2] for name in clean if entries[name][2] is not None}
            self.cache.replace(folder, Folder(clean, stamps, digests, kept))
        self.cache.save(self._seen)
