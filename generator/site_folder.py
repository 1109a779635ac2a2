"""The folder a site is built into: only a new one, or one Candour built, is ever replaced.

A build empties its folder, so a wrong `--site-dir` (or `site_dir` in mkdocs.yml) would delete
whatever is there: the repository, the records, uncommitted work. A folder is therefore refused
when it is, or holds, the repository, its records, schemas or hand-written pages, or lies inside
one of them, and when it already holds files but not the marker file every Candour build leaves
in its site. The half-built folders a killed build leaves beside the site (`site.building-<pid>`,
`site.old-<pid>`) carry the same marker, so the next build can clear them away, and nothing
without the marker is ever removed.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

MARKER = ".candour-site"  # hidden, so MkDocs neither publishes it from docs/ nor cleans it away
MARKER_TEXT = (
    "This folder holds a site built by Candour. Each build replaces everything in it, so keep\n"
    "nothing else here. Candour builds only into a new folder or one holding this file.\n"
)
_LEFTOVER = re.compile(r"\.(building|old)-(\d+)$")


class SiteFolderRefused(Exception):
    """A folder a build must not replace, and why."""


def check_site_folder(
    target: Path, *, repository: Path, sources: Iterable[Path], marker: str = MARKER,
) -> Path:
    """`target`, resolved, when a build may replace what is in it; SiteFolderRefused when not.

    `sources` are the folders a build reads (records, schemas, docs): never replaced, never
    written into. `marker` is the file a folder Candour made holds (`candour pages` leaves its own)."""
    if target.is_symlink():
        raise SiteFolderRefused(f"{target} is a link to another folder; give the folder itself")
    folder = target.resolve()
    repository = repository.resolve()
    if folder == repository or repository.is_relative_to(folder):
        raise SiteFolderRefused(f"{folder} is {'the' if folder == repository else 'a folder holding the'} "
                                f"repository ({repository}); a build would delete it")
    for source in (*sources, repository / ".git"):
        source = source.resolve()
        if folder == source or source.is_relative_to(folder):
            raise SiteFolderRefused(f"{folder} holds {source}, which the site is built from; a build "
                                    "would delete it")
        if folder.is_relative_to(source):
            raise SiteFolderRefused(f"{folder} is inside {source}, which the site is built from")
    if folder.exists() and not folder.is_dir():
        raise SiteFolderRefused(f"{folder} is a file, not a folder")
    if folder.is_dir() and not is_candour_site(folder, marker) and any(folder.iterdir()):
        raise SiteFolderRefused(
            f"{folder} holds files Candour did not build (it has no {marker} file), and a build "
            "would delete them; choose a new folder, or empty this one yourself if it is an old site"
        )
    return folder


def is_candour_site(folder: Path, marker: str = MARKER) -> bool:
    found = folder / marker
    return found.is_file() and not found.is_symlink()


def mark(folder: Path, marker: str = MARKER) -> None:
    """Leave the marker in `folder`, so a later build knows Candour made it."""
    (folder / marker).write_text(MARKER_TEXT, encoding="utf-8")


def new_marked_folder(folder: Path, marker: str = MARKER) -> Path:
    """Make `folder` (it must not exist) with the marker in it before anything else goes in."""
    folder.mkdir()
    mark(folder, marker)
    return folder


def remove_leftovers(target: Path, marker: str = MARKER) -> list[Path]:
    """Remove the folders killed builds left beside `target` (`<name>.building-<pid>`,
    `<name>.old-<pid>`): only those holding the marker, and only when that process has ended."""
    removed = []
    parent = target.parent
    if not parent.is_dir():
        return removed
    for entry in sorted(parent.iterdir()):
        found = _LEFTOVER.search(entry.name)
        if (found is None or entry.name[: found.start()] != target.name or entry.is_symlink()
                or not entry.is_dir() or not is_candour_site(entry, marker) or _running(int(found[2]))):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def _running(pid: int) -> bool:
    """Whether process `pid` may still be building (then its folder is left alone). psutil asks
    without signalling: on Windows, os.kill(pid, 0) would end the process."""
    import psutil

    if pid == os.getpid():
        return False  # not this build, which has made nothing yet: an earlier run given our pid
    return psutil.pid_exists(pid)


def replace_site(building: Path, target: Path, marker: str = MARKER) -> None:
    """Put the new site where the old one was, as two renames on the same file system: a reader
    of `target` sees the old site or the new one, never a half-built one."""
    retired = target.with_name(f"{target.name}.old-{os.getpid()}")
    if retired.exists() and is_candour_site(retired, marker):
        shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    building.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
