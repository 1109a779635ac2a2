"""Load stage: the commits that changed a record file, read from the git repository it lives in.

A record's history is what a councillor needs to see what changed and when. It is read with
`git log --follow`, so a record keeps its history when it moves folder. Without git, outside a
repository, or for a file not yet committed, the history is empty rather than an error: the site
still builds, it simply has nothing to say about changes.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

# Unit separator between fields: it cannot occur in a hash, a date or a one-line subject.
_SEPARATOR = "\x1f"
# The committer date is when the change entered the records (for a merged pull request, the merge).
_FORMAT = f"--format=%h{_SEPARATOR}%cI{_SEPARATOR}%s"
_TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Commit:
    date: date
    short_hash: str
    subject: str  # the first line of the commit message


def file_history(root: Path, source_path: str) -> list[Commit]:
    """Every commit that changed `source_path` (relative to `root`, or absolute), newest first."""
    command = [
        "git", "-c", "log.showSignature=false", "log", "--follow", "--no-color", _FORMAT,
        "--", source_path,
    ]
    try:
        finished = subprocess.run(
            command, cwd=root, capture_output=True, text=True, encoding="utf-8", errors="replace",
            timeout=_TIMEOUT_SECONDS, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []  # git is not installed, the folder is missing, or git hung
    if finished.returncode != 0:
        return []  # not a repository, or one git refuses to read
    return [commit for line in finished.stdout.splitlines() if (commit := _commit(line))]


def _commit(line: str) -> Commit | None:
    parts = line.split(_SEPARATOR, 2)
    if len(parts) != 3:
        return None
    short_hash, when, subject = parts
    try:
        day = date.fromisoformat(when[:10])
    except ValueError:
        return None
    return Commit(date=day, short_hash=short_hash, subject=subject)


def head_commit(root: Path) -> str | None:
    """The commit checked out, or None outside a repository or before its first commit."""
    try:
        finished = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", "HEAD"], cwd=root, capture_output=True,
            text=True, timeout=_TIMEOUT_SECONDS, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if finished.returncode != 0:
        return None
    return finished.stdout.strip() or None


class RecordHistory:
    """`record_history(source_path)` for one repository, asking git once per file.

    Kept across `mkdocs serve` rebuilds: `refresh` asks git which commit is checked out, and the
    histories are read again only when that moved. With no commit at all there is no history, and
    no `git log` is started for any file (300 of them took most of a rebuild's tracker)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._known: dict[str, list[Commit]] = {}
        self._head: str | None = None
        self._asked = False

    def refresh(self) -> None:
        head = head_commit(self.root)
        if head != self._head:
            self._known.clear()
        self._head, self._asked = head, True

    def __call__(self, source_path: str) -> list[Commit]:
        if not self._asked:
            self.refresh()
        if self._head is None:
            return []
        if source_path not in self._known:
            self._known[source_path] = file_history(self.root, source_path)
        return list(self._known[source_path])


def no_history(source_path: str) -> list[Commit]:
    """The history to use when a site is built away from any repository."""
    return []
