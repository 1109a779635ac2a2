"""Under `mkdocs serve`, the last site that built stays served while a rebuild fails.

MkDocs rebuilds into the folder it serves, emptying it first, and after a failed rebuild holds
every request until a build succeeds: the preview stops answering while the officer is fixing
the very record it should show. The plugin hands MkDocs `LastGoodSite.rebuild` in place of its
builder. Each rebuild goes into a new folder beside the served one (the plugin points site_dir
at `building`); a rebuild that succeeds is swapped in, one that fails is removed, its problem
logged, and the previous site answers again. Part of the MkDocs face of Candour: the library
knows nothing of it.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from generator.site_folder import new_marked_folder, replace_site

log = logging.getLogger("mkdocs.plugins.candour")


class LastGoodSite:
    def __init__(self, build_site: Callable[[], None], served: Path) -> None:
        self.build_site = build_site  # MkDocs' own rebuild: reads the config afresh, builds into site_dir
        self.served = served
        self.building: Path | None = None  # while a rebuild is under way, where it writes
        self.rebuilds = 0

    def rebuild(self, *_: object) -> None:
        """Build into a new folder; serve it if the build succeeded, else keep serving the last one."""
        from mkdocs.exceptions import MkDocsException

        self.rebuilds += 1
        building = self.served.with_name(f"{self.served.name}.building-{os.getpid()}-{self.rebuilds}")
        shutil.rmtree(building, ignore_errors=True)
        self.building = new_marked_folder(building)
        try:
            self.build_site()
        except Exception as error:
            shutil.rmtree(building, ignore_errors=True)
            if not isinstance(error, MkDocsException):  # a bug in candour, not in the records
                log.error("candour: internal error while rebuilding (%s: %s): this is a bug in candour, "
                          "not in your records; please report it", type(error).__name__, error)
            log.error("candour: the rebuild failed (see above); still serving the last site that built. "
                      "Save a fix and the site is rebuilt.")
            return
        finally:
            self.building = None
        replace_site(building, self.served)
