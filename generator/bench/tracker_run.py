"""The tracker stage of `candour bench`, timed inside its own process: the records read and checked,
the action records' history read from git (one `git log`, one `git cat-file`), and every page of the
tracker made (the overview, facets, each action's page and a pack for each meeting).

    python -m generator.bench.tracker_run ROOT AS_OF

prints one line of JSON with the seconds of each part.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path


def main(root: Path, as_of: date) -> dict[str, float | int]:
    from generator.githistory import folder_history
    from generator.pages.tracker import tracker_files
    from generator.records import load_records

    started = time.perf_counter()
    records = load_records(root)
    loaded, cpu = time.perf_counter(), time.process_time()
    history = folder_history(root, "records/actions")
    read = time.perf_counter()
    files = tracker_files(records, as_of=as_of, changed_since=as_of - timedelta(days=90),
                          record_history=history)
    made = time.perf_counter()
    # CPU seconds too: on a machine shared with other work the wall time says more about the others.
    return {
        "tracker_cpu_s": round(time.process_time() - cpu, 3),
        "tracker_load_s": round(loaded - started, 3), "tracker_history_s": round(read - loaded, 3),
        "tracker_pages_s": round(made - read, 3), "tracker_s": round(made - loaded, 3),
        "tracker_files": len(files), "tracker_versions": sum(len(each.versions) for each in history.lineages),
        "tracker_packs": sum(1 for f in files if f.path.startswith("tracker/meetings/2")),
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), date.fromisoformat(sys.argv[2]))))
