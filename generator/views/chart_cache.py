"""Charts kept between builds, believed only when this machine's Candour wrote them.

The chart cache lives in the repository's folder (`.candour-cache/charts`), where a pull request
can plant or force-commit a file under a chart's name: an SVG holding a script, a link or false
figures would then be published as the site's own chart. Each chart is therefore kept with a
seal: an HMAC-SHA256, under a key of this machine's kept outside every repository (in the
user's cache folder), of the chart's file name and its exact bytes. A chart without a seal that
verifies is not used, and is drawn again. A machine without a key it can keep (a fresh CI
runner, a read-only home) makes a new one, so nothing an earlier or another machine left is
believed; the cost is only drawing again.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import cache
from pathlib import Path

from generator.cache_trust import believed_text

KEY_BYTES = 32
KEY_FOLDER_VARIABLE = "CANDOUR_KEY_FOLDER"  # where the key is kept, instead of the user's cache folder
SEAL_SUFFIX = ".seal"


def key_folder() -> Path:
    given = os.environ.get(KEY_FOLDER_VARIABLE)
    if given:
        return Path(given)
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # platformdirs comes with MkDocs; without it, the usual place on Linux and macOS
        return Path.home() / ".cache" / "candour"
    return Path(user_cache_dir("candour", appauthor=False))


@cache
def machine_key(folder: Path | None = None) -> bytes:
    """This machine's key, made on first use; a key only this process knows when none can be kept."""
    folder = folder or key_folder()
    path = folder / "chart-cache.key"
    try:
        kept = path.read_bytes()
        if len(kept) == KEY_BYTES and not path.is_symlink():
            return kept
    except OSError:
        pass
    key = secrets.token_bytes(KEY_BYTES)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f"chart-cache.key.{os.getpid()}.tmp"
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as written:
            written.write(key)
        try:
            os.link(partial, path)  # fails if another build made the key meanwhile: use that one
        finally:
            partial.unlink(missing_ok=True)
    except FileExistsError:
        kept = path.read_bytes()
        return kept if len(kept) == KEY_BYTES else key
    except OSError:
        return key  # nothing can be kept: this process's charts only
    return key


def seal(path: Path, svg: bytes) -> str:
    return hmac.new(machine_key(), path.name.encode() + b"\0" + svg, hashlib.sha256).hexdigest()


def _seal_path(path: Path) -> Path:
    return path.with_name(path.name + SEAL_SUFFIX)


def read_cached(path: Path) -> str | None:
    """The chart kept at `path`, if this machine's Candour sealed exactly these bytes; else None."""
    try:
        if path.is_symlink() or _seal_path(path).is_symlink():
            return None
        svg = path.read_bytes()
        kept_seal = _seal_path(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return believed_text(svg, kept_seal, seal(path, svg))


def write_cached(path: Path, svg: str) -> None:
    """Keep a chart this process drew, with its seal. A cache that cannot be written is not used."""
    data = svg.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for target, content in ((path, data), (_seal_path(path), seal(path, data).encode("ascii"))):
            partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
            partial.write_bytes(content)
            partial.replace(target)  # a planted symlink is replaced, never written through
    except OSError:
        pass
