"""`candour build`: build the site with MkDocs, and put it in place only if the build succeeded.

A thin wrapper over `mkdocs build` on the repository's `mkdocs.yml` (strict: a warning fails the
build). The site is built into a folder beside the target and swapped in at the end, so a failed
build leaves the previous site as it was. Only a new folder, or one Candour built, is replaced
(see `generator.site_folder`). What the engine says is deprecated or ending is shown, as
`mkdocs build` shows it (see `engine_notices`).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from generator.commands.engine_notices import engine_notices
from generator.commands.extras import missing_extra
from generator.commands.site_settings import CONFIG_FILE, settings_in_use, site_settings
from generator.site_folder import (
    SiteFolderRefused,
    check_site_folder,
    new_marked_folder,
    remove_leftovers,
    replace_site,
)

RECORDS = "records"
AS_OF_VARIABLE = "CANDOUR_AS_OF"


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "build",
        help="build the published site from the records",
        description="Check the records and build the annual report and action tracker into site/ "
        "(or --site-dir). A failed build leaves the previous site untouched.",
    )
    command.add_argument("--root", type=Path, default=None,
                         help=f"the repository's top folder, with {CONFIG_FILE} (default: found from here)")
    command.add_argument("--site-dir", type=Path, default=None,
                         help="where to put the site (default: site_dir in mkdocs.yml, normally site/)")
    command.add_argument("--as-of", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                         help="the date the tracker reports as at (default: today)")
    command.set_defaults(run=run)


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` with mkdocs.yml or records/, else `start`."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file() or (folder / RECORDS).is_dir():
            return folder
    return start


def source_date_epoch(root: Path) -> str | None:
    """The time of the last commit, so a rebuild of the same commit gives the same files."""
    try:
        finished = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True,
                                  text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = finished.stdout.strip()
    return stamp if finished.returncode == 0 and stamp.isdigit() else None


class _Progress(logging.Handler):
    """Shows candour's stages and every MkDocs warning or error, without MkDocs' chatter."""

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.WARNING:
            print(f"  {record.levelname.lower()}: {message}", file=sys.stderr)
        elif record.name.startswith("mkdocs.plugins.candour"):
            print(f"  {message.removeprefix('candour: ')}")


def _stage(text: str) -> None:
    print(f"candour build: {text}", flush=True)


def run(args: argparse.Namespace) -> int:
    root = (args.root or find_root(Path.cwd())).resolve()
    if not (root / CONFIG_FILE).is_file() and not (root / RECORDS).is_dir():
        print(f"candour build: neither {CONFIG_FILE} nor {RECORDS}/ in {root}; run it from the "
              "repository's top folder, or name it with --root", file=sys.stderr)
        return 1
    if missing := missing_extra("site", "candour build"):
        print(f"candour build: {missing}", file=sys.stderr)
        return 1
    if "SOURCE_DATE_EPOCH" not in os.environ and (stamp := source_date_epoch(root)):
        os.environ["SOURCE_DATE_EPOCH"] = stamp
    if args.as_of:
        os.environ[AS_OF_VARIABLE] = args.as_of.isoformat()
    return _build(root, args.site_dir)


def _sources(root: Path, config: Any) -> list[Path]:
    """The folders the site is built from, which no site folder may be or hold."""
    sources = [Path(config.docs_dir), root / RECORDS, root / "schemas"]
    candour = config.plugins.get("candour")
    if candour is not None:  # records and schemas named in mkdocs.yml
        sources += [root / candour.config.records, root / candour.config.schemas]
    return sources


def _site_folder(root: Path, config: Any, site_dir: Path | None) -> Path | None:
    """Where the site goes, or None (with the reason printed) when that folder must not be replaced."""
    target = site_dir if site_dir is not None else Path(config.site_dir)
    try:
        folder = check_site_folder(target, repository=root, sources=_sources(root, config))
    except SiteFolderRefused as refused:
        named = "--site-dir" if site_dir is not None else f"site_dir in {CONFIG_FILE}"
        print(f"candour build: will not build into {named}: {refused}. Nothing was built or deleted.",
              file=sys.stderr)
        return None
    for leftover in remove_leftovers(folder):
        print(f"  removed {leftover.name}, left half-built by a build that was stopped")
    return folder


def _build(root: Path, site_dir: Path | None) -> int:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, MkDocsException

    logger = logging.getLogger("mkdocs")
    handler = _Progress(logging.INFO)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    started = time.perf_counter()
    target: Path | None = None
    building: Path | None = None
    try:
        _stage(f"reading {settings_in_use(root)}")
        with engine_notices(), site_settings(root) as config:
            target = _site_folder(root, config, site_dir)
            if target is None:
                return 1
            # Marked before anything goes in, so the next build can clear it away should this one be killed.
            building = new_marked_folder(target.with_name(f"{target.name}.building-{os.getpid()}"))
            config.site_dir = str(building)
            _stage("checking records, computing figures, writing pages")
            build(config)
    except (MkDocsException, Abort, OSError) as error:
        if building is not None:
            shutil.rmtree(building, ignore_errors=True)
        message = str(error).strip() or type(error).__name__
        print(f"candour build: failed; the previous site is unchanged.\n{message}", file=sys.stderr)
        return 1
    except Exception as error:  # a bug in candour, not in the records: the old site stays all the same
        if building is not None:
            shutil.rmtree(building, ignore_errors=True)
        print(f"candour build: failed; the previous site is unchanged. Internal error ("
              f"{type(error).__name__}: {error}): this is a bug in candour, not in your records; "
              "please report it.", file=sys.stderr)
        if os.environ.get("CANDOUR_DEBUG"):
            raise
        return 2
    finally:
        logger.removeHandler(handler)
    assert target is not None and building is not None
    replace_site(building, target)
    _stage(f"site ready in {target} ({time.perf_counter() - started:.1f} s)")
    return 0

