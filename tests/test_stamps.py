"""The stamps of record files, taken over two cores by a forked copy (`generator.check.stamps`).

Each case runs in a fresh process: pytest's workers have threads, and with a thread running the
copy is never made, which one case shows too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2,
    reason="the copy is made only on Linux with a second core")

# Folders of files in `root`; the stamps two ways, and how many copies were made.
_RUN = """
import json, os, sys, threading
from generator.check import stamps
from generator.load import scan_folders
from pathlib import Path

forks = []
real_fork = os.fork
def counted_fork():
    forks.append(1)
    return real_fork()
os.fork = counted_fork
stamps.SHARED_FROM = 1
folders, _ = scan_folders(Path(sys.argv[1]))
{before}
here = []  # the folders this process statted itself
real_stamps_of = stamps.stamps_of
def counted_stamps_of(folder):
    here.append(folder.path)
    return real_stamps_of(folder)
stamps.stamps_of = counted_stamps_of
shared = stamps.folder_stamps(folders)
one_by_one = [real_stamps_of(folder) for folder in folders]
print(json.dumps({{"same": shared == one_by_one, "forks": len(forks), "shared": shared, "here": len(here),
                  "files": [len(folder.names) for folder in folders]}}))
"""


def _records(root: Path, *, folders: int = 5, files: int = 7) -> Path:
    records = root / "records"
    for number in range(folders):
        folder = records / "cases" / f"20{10 + number}-{11 + number}"
        folder.mkdir(parents=True)
        for index in range(files):
            (folder / f"C-20{10 + number}-{index:04d}.yaml").write_text(f"id: C-{index}\n" * (index + 1))
    return records


def _stamps(records: Path, before: str = "") -> dict:
    script = _RUN.format(before=textwrap.dedent(before))
    finished = subprocess.run([sys.executable, "-c", script, str(records)], capture_output=True, text=True,
                              check=True, cwd=Path(__file__).parents[1])
    return json.loads(finished.stdout)


def test_the_copy_gives_the_stamps_one_process_would(tmp_path: Path) -> None:
    records = _records(tmp_path)
    found = _stamps(records)
    assert found["forks"] == 1
    assert found["same"]
    assert found["here"] == 3  # 21 of the 35 files; the copy statted the other two folders
    assert found["files"] == [7, 7, 7, 7, 7]
    # Four numbers a file, the first its size as written above.
    assert [stamps[0::4] for stamps in found["shared"]] == [[8 * n for n in range(1, 8)]] * 5


def test_a_file_gone_is_gone_in_the_copy_too(tmp_path: Path) -> None:
    records = _records(tmp_path)
    found = _stamps(records, before="""
        os.remove(os.path.join(folders[-1].path, folders[-1].names[0]))
    """)
    assert found["forks"] == 1 and found["same"] and found["here"] == 3
    assert found["shared"][-1][:4] == [-1, -1, -1, -1]


def test_when_no_copy_can_be_made_the_stamps_are_taken_here(tmp_path: Path) -> None:
    records = _records(tmp_path)
    found = _stamps(records, before="""
        def no_fork():
            forks.append(1)
            raise OSError("Resource temporarily unavailable")
        os.fork = no_fork
    """)
    assert found["forks"] == 1 and found["same"] and found["here"] == 5


# How the copy's answer goes wrong: it writes part of it and stops (the folders it had are then
# statted here), or it gives more numbers than four for each file asked of it.
_BROKEN_WRITES = {
    "stops halfway": """
        def write(handle, view):
            real_write(handle, bytes(view)[:40])
            raise OSError("No space left on device")
    """,
    "answers too much": """
        def write(handle, view):
            return real_write(handle, bytes(view) * 2) // 2
    """,
}


@pytest.mark.parametrize("broken", sorted(_BROKEN_WRITES))
def test_a_copy_whose_answer_is_wrong_is_not_believed(tmp_path: Path, broken: str) -> None:
    records = _records(tmp_path)
    found = _stamps(records, before="real_write = os.write\n" + textwrap.dedent(_BROKEN_WRITES[broken])
                    + "os.write = write\n")
    assert found["forks"] == 1 and found["same"] and found["here"] == 5


def test_no_copy_is_made_while_another_thread_runs(tmp_path: Path) -> None:
    records = _records(tmp_path)
    found = _stamps(records, before="""
        stop = threading.Event()
        threading.Thread(target=stop.wait, daemon=True).start()
    """)
    assert found["forks"] == 0 and found["same"] and found["here"] == 5


def test_a_few_files_are_statted_here(tmp_path: Path) -> None:
    records = _records(tmp_path)
    found = _stamps(records, before="""
        stamps.SHARED_FROM = 36
    """)
    assert found["forks"] == 0 and found["same"] and found["here"] == 5
