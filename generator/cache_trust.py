"""What the check cache may be trusted with: the key its files are signed with, kept outside every
repository, and the folders it must never write through (a link, or anything inside records/).

Kept apart from `generator.cache` so that what makes the cache safe is read in one place.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

FOLDER = ".candour-cache"
CHECKED = "check"  # the folder of the check's files, one for each folder of records
KEY_FILE = "check-key"  # the secret each cache file is signed with, kept outside any repository
_KEY_BYTES = 32


def refusal(repo_root: Path) -> str | None:
    """Why the cache folder must not be used, or None. A link could lead the cache's writes
    anywhere, records/ included (a `.gitignore` of `*` written there hides new records from git),
    so a cache folder that is a link, or that is or leads inside records/, is never used."""
    records = (repo_root / "records").resolve()
    for path in (repo_root / FOLDER, repo_root / FOLDER / CHECKED):
        if path.is_symlink():
            return (f"{path.relative_to(repo_root).as_posix()} is a symbolic link, so the check cache is not "
                    "used and every record is read: delete the link (Candour makes the folder itself)")
        if path.exists() and (path.resolve() == records or records in path.resolve().parents):
            return (f"{path.relative_to(repo_root).as_posix()} is inside records/, so the check cache is not "
                    "used and every record is read: delete it")
    return None


def account_folder() -> Path:
    """Where Candour keeps what belongs to this account rather than to a repository."""
    base = (os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
            or os.path.expanduser("~/.cache"))
    return Path(base) / "candour"


def signing_key() -> bytes | None:
    """This account's secret for signing cache files, made the first time (None when it cannot be
    kept). It lives outside every repository, so a cache file committed, planted or copied from
    another machine is not signed with it and is never believed."""
    path = account_folder() / KEY_FILE
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(2):
        try:
            handle = os.open(path, flags)
        except FileNotFoundError:
            _make_key(path)
            continue
        except OSError:
            return None
        try:
            key = os.read(handle, _KEY_BYTES + 1)
        finally:
            os.close(handle)
        return key if len(key) == _KEY_BYTES else None
    return None


def _make_key(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except OSError:
        return  # made by another check at the same moment, or not to be made: read again, or give up
    try:
        os.write(handle, secrets.token_bytes(_KEY_BYTES))
    finally:
        os.close(handle)


def write_new(path: Path, content: bytes) -> None:
    """Write a file that must not exist yet, never through a link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags, 0o644)
    try:
        written = 0
        while written < len(content):
            written += os.write(handle, content[written:])
    finally:
        os.close(handle)


def read_signed(name: str) -> str | None:
    """The text of the account's file `name` (in `account_folder`), or None when it is missing,
    unreadable or not signed with this account's key: its first line is the HMAC of the rest."""
    content = read_signed_bytes(name)
    try:
        return None if content is None else content.decode("utf-8")
    except UnicodeDecodeError:
        return None


def read_signed_bytes(name: str) -> bytes | None:
    """The bytes of the account's file `name`, as `read_signed` believes them, else None."""
    key = signing_key()
    if key is None:
        return None
    try:
        handle = os.open(account_folder() / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with os.fdopen(handle, "rb") as file:
            signature, _, content = file.read().partition(b"\n")
    except OSError:
        return None
    return content if hmac.compare_digest(signature, _signed(key, content)) else None


def believed_text(content: bytes, kept: str | bytes, made: str | bytes) -> str | None:
    """`content` as text when the signature kept with it is the one made from it now, else None."""
    if not hmac.compare_digest(kept, made):  # type: ignore[arg-type]
        return None
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return None


def keep_signed(name: str, text: str) -> None:
    """Keep `text` as the account's file `name`, signed; written whole or not at all."""
    keep_signed_bytes(name, text.encode("utf-8"))


def keep_signed_bytes(name: str, content: bytes) -> None:
    """Keep `content` as the account's file `name` (its folder made if need be), signed; written
    whole or not at all."""
    key = signing_key()
    if key is None:
        return
    target = account_folder() / name
    partial = target.with_name(f"{target.name}.{os.getpid()}.{secrets.token_hex(4)}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_new(partial, _signed(key, content) + b"\n" + content)
        os.replace(partial, target)
    except OSError:
        partial.unlink(missing_ok=True)


def _signed(key: bytes, content: bytes) -> bytes:
    return hmac.new(key, content, hashlib.sha256).hexdigest().encode()
