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

Entries are stored a file for each folder of records (`.candour-cache/check/`), in columns
(names, stamps, digests) after a signed summary (`generator.cache_folder`): finding a folder
unchanged is one digest of its names and stamps held against the summary's, not work for each
record, and a change to one record rewrites only its folder's file.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from datetime import date
from pathlib import Path
from typing import ClassVar

import generator
from generator.cache_folder import Folder, Summary
from generator.cache_trust import CHECKED, FOLDER, refusal, signing_key, write_new
from generator.load import MAX_RECORD_BYTES, RecordError, Stamp, read_regular_file, stamp_of

__all__ = ["CHECKED", "FOLDER", "CheckCache", "Folder", "KeptInMemory", "cache_key", "content_digest",
           "refusal", "signing_key", "stat_key", "wanted"]

FORMAT = 5
_MAX_CACHE_BYTES = 512 * 1024 * 1024  # a folder of 300,000 records is about 40 MB
PAGES_FILE = "pages.json"  # the hand-written pages found clean, beside the folder of the records'
_MAX_PAGES_BYTES = 16 * 1024 * 1024

# Source files whose change can change what the check finds.
_CODE = ("load.py", "parse.py", "folders.py", "problems.py", "years.py", "cache.py", "cache_trust.py",
         "cache_folder.py", "check")


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


def stat_key(path: str) -> Stamp | None:
    try:
        return stamp_of(os.stat(path))
    except OSError:
        return None


def content_digest(path: str) -> str | None:
    """The SHA-256 of a file's bytes as read now, as `RecordFile.digest` gives it for the text read
    from them; None for anything but a regular file of a record's size (never waits on a pipe)."""
    try:
        raw, _ = read_regular_file(path, path, MAX_RECORD_BYTES, "a record")
    except RecordError:
        return None
    return hashlib.sha256(raw).hexdigest()


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
    """The clean records of each folder under records/, by the folder's path as shown, each folder
    read from its own file when first asked for. Not `on_disk`, it knows nothing and keeps nothing
    (a build, or a repository that does not want the cache)."""

    def __init__(self, repo_root: Path, key: str, today: date, *, on_disk: bool = True) -> None:
        self.signing = signing_key() if on_disk else None
        self.on_disk = on_disk and self.signing is not None
        self.identity = (str(repo_root), key, today.isoformat())
        self.folder = repo_root / FOLDER / CHECKED
        self.key = key
        self.today = today
        self.folders: dict[str, Folder | Summary | None] = {}
        self._changed: set[str] = set()
        self._pages: dict[str, str] | None = None

    @staticmethod
    def file_name(shown: str) -> str:
        """A folder's file: named by a digest of its path, which may hold any character."""
        return hashlib.sha256(shown.encode()).hexdigest()[:24] + ".json"

    def get(self, shown: str) -> Folder | Summary | None:
        if shown not in self.folders:
            self.folders[shown] = self._read(shown)
        return self.folders[shown]

    def _read(self, shown: str) -> Summary | None:
        if not self.on_disk:
            return None
        path = str(self.folder / self.file_name(shown))
        try:
            signed, _ = read_regular_file(path, path, _MAX_CACHE_BYTES, "a cache file")
            signature, _, text = signed.partition(b"\n")
            text, _, columns = text.partition(b"\n")  # the summary signed; the columns by its digest
            if not hmac.compare_digest(signature, self._signature(text)):
                return None  # not written by this account's checks: believe nothing of it
            stored = json.loads(text)
        except (RecordError, ValueError):
            return None  # not checked yet, or a file that cannot be read: check the folder
        if (
            not isinstance(stored, dict)
            or stored.get("format") != FORMAT
            or stored.get("key") != self.key
            or stored.get("folder") != shown
            # A record clean on a later day may have had a date still to come today.
            or not isinstance(stored.get("checked_on"), str)
            or stored["checked_on"] > self.today.isoformat()
        ):
            return None
        return Summary.stored(stored, columns)

    def replace(self, shown: str, folder: Folder) -> None:
        """What is now known of a folder's records."""
        before = self.get(shown)
        if before is None or before.whole() != folder:
            self.folders[shown] = folder
            self._changed.add(shown)

    def save(self, shown: set[str]) -> None:
        """Write the files of folders that changed and delete those of folders not in `shown` (gone
        from records/); a cache folder that cannot be written is no error."""
        if not self.on_disk:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if refusal(self.folder.parents[1]) is not None:
                return  # made a link while this check ran: write nothing through it
            ignore = self.folder.parent / ".gitignore"
            if not os.path.lexists(ignore):
                write_new(ignore, b"# Candour's caches: safe to delete\n*\n")
            for name in sorted(self._changed):
                self._write(name)
            wanted = {self.file_name(name) for name in shown}
            for path in self.folder.iterdir():
                if path.name not in wanted and path.suffix in (".json", ".tmp"):
                    path.unlink(missing_ok=True)
        except OSError:
            pass

    def _write(self, shown: str) -> None:
        stored = self.folders.get(shown)
        folder = None if stored is None else stored.whole()
        target = self.folder / self.file_name(shown)
        if folder is None or not folder.names:
            target.unlink(missing_ok=True)
            return
        summary, columns = folder.lines()
        summary = {"format": FORMAT, "key": self.key, "checked_on": self.today.isoformat(), "folder": shown,
                   **summary}
        text = json.dumps(summary, separators=(",", ":")).encode("utf-8")
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.unlink(missing_ok=True)  # left by a check that was stopped
        write_new(partial, self._signature(text) + b"\n" + text + b"\n" + columns)
        os.replace(partial, target)  # replaces a link there, never follows it

    def clean_pages(self) -> dict[str, str]:
        """The pages under docs/ this check code found clean under this key (and organisation
        file): the SHA-256 of each page's bytes, by the page as shown."""
        if self._pages is None:
            self._pages = self._read_pages()
        return dict(self._pages)

    def _read_pages(self) -> dict[str, str]:
        if not self.on_disk:
            return {}
        path = str(self.folder.parent / PAGES_FILE)
        try:
            signed, _ = read_regular_file(path, path, _MAX_PAGES_BYTES, "a cache file")
            signature, _, text = signed.partition(b"\n")
            stored = json.loads(text) if hmac.compare_digest(signature, self._signature(text)) else None
        except (RecordError, ValueError):
            return {}
        if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("key") != self.key:
            return {}
        pages = stored.get("pages")
        return {shown: digest for shown, digest in pages.items() if isinstance(digest, str)} \
            if isinstance(pages, dict) else {}

    def keep_clean_pages(self, pages: dict[str, str]) -> None:
        """What is now known of the pages; written only when it changed."""
        if pages == self.clean_pages():
            return
        self._pages = dict(pages)
        if not self.on_disk:
            return
        text = json.dumps({"format": FORMAT, "key": self.key, "pages": pages}, separators=(",", ":"),
                          sort_keys=True).encode("utf-8")
        target = self.folder.parent / PAGES_FILE
        partial = target.with_name(f"{PAGES_FILE}.{os.getpid()}.tmp")
        try:
            self.folder.parent.mkdir(parents=True, exist_ok=True)
            if refusal(self.folder.parents[1]) is not None:
                return  # made a link while this check ran: write nothing through it
            partial.unlink(missing_ok=True)
            write_new(partial, self._signature(text) + b"\n" + text)
            os.replace(partial, target)
        except OSError:
            partial.unlink(missing_ok=True)

    def _signature(self, text: bytes) -> bytes:
        """The HMAC of a cache file's text with this account's key, in hex."""
        assert self.signing is not None
        return hmac.new(self.signing, text, hashlib.sha256).hexdigest().encode()

    @property
    def keeps(self) -> bool:
        """Whether what a check finds is kept for the next one."""
        return self.on_disk


class KeptInMemory(CheckCache):
    """Under `mkdocs serve`: what the last build found, with every value, kept in this process for
    the next build rather than on disk, for one repository, check code, schemas, organisation and
    day at a time. A rebuild reads only the files that changed, and hands back the very values of
    the others, so their typed records are used again too."""

    _current: ClassVar[KeptInMemory | None] = None

    @classmethod
    def of(cls, repo_root: Path, key: str, today: date) -> KeptInMemory:
        found = cls._current
        if found is None or found.identity != (str(repo_root), key, today.isoformat()):
            found = cls._current = cls(repo_root, key, today, on_disk=False)
        return found

    @property
    def keeps(self) -> bool:
        return True

    def save(self, shown: set[str]) -> None:
        for name in [name for name in self.folders if name not in shown]:
            del self.folders[name]
