"""Load stage: every version of the action records that git holds, read once per build.

A councillor asks what changed and what the plan said on a past date; both come from git. The
history of the whole folder of action records is read with one `git log` (not one per record) and
the text of every version with one `git cat-file --batch`, whatever the number of records.

Only the first-parent line of the checked-out branch is read, each change dated by its commit's
committer date: what was in the records, on that branch, on that day (a merged pull request counts
from the day it was merged). A record moved or renamed keeps its history: git's rename detection
joins the two paths, and so does the same record id leaving one path and arriving at another in
one commit. Without git, outside a repository, or before the first commit, the history is empty
rather than an error: the site still builds and says it has no history to show.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

import yaml

_TIMEOUT_SECONDS = 120
_COMMIT = "\x1e"  # starts each commit in the log: it cannot occur in a hash or a date
_FIELD = "\x1f"
_FORMAT = f"--format={_COMMIT}%H{_FIELD}%cI"
_NO_BLOB = "0" * 40


@dataclass(frozen=True)
class Version:
    """A record as one commit left it: its path then, and its text's blob (None: deleted)."""

    commit: str
    date: date
    path: str
    blob: str | None


@dataclass(frozen=True)
class Lineage:
    """Every version of one record, oldest first, across moves and renames."""

    versions: tuple[Version, ...]

    @property
    def path(self) -> str:
        """Where the record is now (or was, if it has been deleted)."""
        return self.versions[-1].path

    @property
    def deleted(self) -> bool:
        return self.versions[-1].blob is None

    def at(self, day: date) -> Version | None:
        """The version the record had at the end of `day`: None before its first commit."""
        found = None
        for version in self.versions:
            if version.date <= day:
                found = version
        return found


@dataclass(frozen=True)
class FolderHistory:
    """The history of a folder of records: each record's lineage, and the text of each version."""

    lineages: tuple[Lineage, ...] = ()
    texts: dict[str, str] = field(default_factory=dict, compare=False)
    head: str | None = None  # the commit checked out; None without one
    shallow: bool = False  # a shallow clone: the oldest commits are missing
    root: Path | None = None  # the repository's folder the paths are relative to
    first_commit: str | None = None  # the commit that first recorded any of them: the history starts

    @cached_property
    def start(self) -> date | None:
        """The first day git has any version of these records, or None without history."""
        return min((lineage.versions[0].date for lineage in self.lineages), default=None)

    @cached_property
    def latest(self) -> date | None:
        return max((v.date for lineage in self.lineages for v in lineage.versions), default=None)

    def lineage_of(self, path: str) -> Lineage | None:
        """The lineage of the record now at `path` (relative to the repository's folder)."""
        for lineage in self.lineages:
            if lineage.path == path and not lineage.deleted:
                return lineage
        return None

    def text(self, version: Version) -> str | None:
        return None if version.blob is None else self.texts.get(version.blob)


NO_HISTORY = FolderHistory()


def _git(root: Path, *args: str, given: bytes | None = None) -> bytes | None:
    """git's output, or None when git is missing, hangs, or refuses (not a repository)."""
    try:
        finished = subprocess.run(
            ["git", "-c", "log.showSignature=false", "-c", "core.quotePath=false", *args],
            cwd=root, input=given, capture_output=True, timeout=_TIMEOUT_SECONDS, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return finished.stdout if finished.returncode == 0 else None


def head_commit(root: Path) -> str | None:
    """The commit checked out, or None outside a repository or before its first commit."""
    found = _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    return found.decode("ascii", "replace").strip() or None if found is not None else None


def folder_history(root: Path, folder: str) -> FolderHistory:
    """Every version of every record under `folder` (relative to `root`) on the first-parent line."""
    head = head_commit(root)
    if head is None:
        return NO_HISTORY
    log = _git(root, "log", "--first-parent", "--diff-merges=first-parent", "--reverse", "-M",
               "--raw", "--no-abbrev", "--relative", "-z", "--no-color", _FORMAT, "--", folder)
    if log is None:
        return FolderHistory(head=head, root=root)
    commits = _commits(log.decode("utf-8", "replace"))
    blobs = sorted({blob for _, _, changes in commits for change in changes for blob in change[2:] if blob})
    texts = _blob_texts(root, blobs)
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    return FolderHistory(
        lineages=tuple(_lineages(commits, texts)), texts=texts, head=head, root=root,
        first_commit=commits[0][0] if commits else None,
        shallow=shallow is not None and shallow.strip() == b"true",
    )


Change = tuple[str, list[str], str | None, str | None]  # status, paths, blob before, blob after
Commit = tuple[str, date, list[Change]]


def _blob(text: str) -> str | None:
    return None if text == _NO_BLOB or not text else text


def _commits(log: str) -> list[Commit]:
    """(hash, day, changes) for each commit of a `git log --raw -z` output, oldest first."""
    commits = []
    for chunk in log.split(_COMMIT)[1:]:
        header, _, raw = chunk.partition("\0")
        commit, _, when = header.partition(_FIELD)
        try:
            day = date.fromisoformat(when.strip()[:10])
        except ValueError:
            continue
        tokens = raw.lstrip("\n").split("\0")
        changes: list[Change] = []
        index = 0
        while index < len(tokens):
            parts = tokens[index].lstrip("\n")[1:].split(" ")
            if not tokens[index].lstrip("\n").startswith(":") or len(parts) < 5:
                index += 1
                continue
            status = parts[4][:1]
            count = 2 if status in ("R", "C") else 1
            changes.append((status, tokens[index + 1:index + 1 + count], _blob(parts[2]), _blob(parts[3])))
            index += 1 + count
        commits.append((commit, day, changes))
    return commits


def _lineages(commits: list[Commit], texts: dict[str, str]) -> list[Lineage]:
    """Each record's versions, joined across renames and across a delete and an add of one id."""
    live: dict[str, list[Version]] = {}  # path now -> its lineage's versions
    ended: list[list[Version]] = []
    for commit, day, changes in commits:
        removed: dict[str, list[Version]] = {}  # record id -> its lineage, deleted in this commit
        added: list[tuple[str, str | None]] = []
        for status, paths, before, after in changes:
            if status in ("R", "C") and len(paths) == 2:
                versions = live.pop(paths[0], []) if status == "R" else []
                versions.append(Version(commit, day, paths[1], after))
                live[paths[1]] = versions
            elif status == "D" and paths:
                versions = live.pop(paths[0], [])
                versions.append(Version(commit, day, paths[0], None))
                removed.setdefault(record_id(texts.get(before or "")) or f"path:{paths[0]}", versions)
            elif status == "A" and paths:
                added.append((paths[0], after))
            elif paths:
                live.setdefault(paths[0], []).append(Version(commit, day, paths[0], after))
        for path, blob in added:
            # A record moved and edited in one commit: git may see a delete and an add; the id joins them.
            earlier = removed.pop(record_id(texts.get(blob or "")) or "", None)
            versions = live.pop(path, []) if earlier is None else earlier[:-1]
            versions.append(Version(commit, day, path, blob))
            live[path] = versions
        ended.extend(removed.values())
    return [Lineage(tuple(versions)) for versions in [*ended, *live.values()] if versions]


def _blob_texts(root: Path, blobs: list[str]) -> dict[str, str]:
    """The text of each blob, all read by one `git cat-file --batch`."""
    if not blobs:
        return {}
    output = _git(root, "cat-file", "--batch", given="".join(f"{blob}\n" for blob in blobs).encode())
    if output is None:
        return {}
    texts: dict[str, str] = {}
    position = 0
    while position < len(output):
        end = output.index(b"\n", position)
        header = output[position:end].split(b" ")
        position = end + 1
        if len(header) != 3:  # '<blob> missing'
            continue
        size = int(header[2])
        texts[header[0].decode("ascii")] = output[position:position + size].decode("utf-8", "replace")
        position += size + 1
    return texts


def record_id(text: str | None) -> str | None:
    """The `id` a version's text gives, or None when it cannot be read."""
    if not text:
        return None
    try:
        values = yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None
    found = values.get("id") if isinstance(values, dict) else None
    return found if isinstance(found, str) else None


class RecordHistory:
    """The history of the action records for one repository, read again only after a commit.

    Kept across `mkdocs serve` rebuilds: `refresh` asks git which commit is checked out, and the
    history is read again only when that moved (uncommitted edits change no history)."""

    def __init__(self, root: Path, folder: str = "records/actions") -> None:
        self.root = Path(root)
        self.folder = folder
        self._history: FolderHistory | None = None

    def refresh(self) -> FolderHistory:
        head = head_commit(self.root)
        if self._history is None or head != self._history.head:
            self._history = NO_HISTORY if head is None else folder_history(self.root, self.folder)
        return self._history

    @property
    def history(self) -> FolderHistory:
        return self._history if self._history is not None else self.refresh()
