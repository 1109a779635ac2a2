"""The stamps of record files (size, modified, changed, inode: four numbers a file), by folder.

A warm check stats every record file to see which changed, and at 50,000 files that is a third of
its time: each stat is a system call of two or three microseconds, and nothing cheaper tells a
file changed in place. The calls are spread over two cores: with many files, a forked copy of this
process stats the later folders while this one stats the earlier (threads would not help, since
each call must take Python's lock back). The copy only stats and writes numbers to a pipe, and
whatever goes wrong with it, this process stats those folders itself, so the answer is always the
same as one process's.
"""

from __future__ import annotations

import array
import os
import sys
import threading
from collections.abc import Sequence

from generator.cache import stat_key
from generator.load import RecordFolder

GONE = [-1, -1, -1, -1]  # the stamp of a file that vanished while it was being looked at
# Below this many files a second process costs about what it saves (a fork is about a millisecond).
SHARED_FROM = 10_000
_CHUNK = 1 << 20


def folder_stamps(folders: Sequence[RecordFolder]) -> list[list[int]]:
    """Each folder's stamps, four numbers a file in the order of its names."""
    files = sum(len(folder.names) for folder in folders)
    if files < SHARED_FROM or not _may_fork():
        return [stamps_of(folder) for folder in folders]
    half, counted = 0, 0
    while half < len(folders) and counted < files // 2:
        counted += len(folders[half].names)
        half += 1
    copy = _forked(folders[half:])
    earlier = [stamps_of(folder) for folder in folders[:half]]
    later = copy.result() if copy is not None else [stamps_of(folder) for folder in folders[half:]]
    return earlier + later


def stamps_of(folder: RecordFolder) -> list[int]:
    """The stamps of one folder's files. Each file is statted from the folder (no path to build for
    each)."""
    if os.stat not in os.supports_dir_fd:  # Windows: each file by its path
        return [number for path in folder.paths() for number in stat_key(path) or GONE]
    stamps: list[int] = []
    try:
        handle = os.open(folder.path, os.O_RDONLY)
    except OSError:
        return GONE * len(folder.names)
    try:
        for name in folder.names:
            try:
                found = os.stat(name, dir_fd=handle)
            except OSError:
                stamps += GONE
                continue
            stamps += (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)
    finally:
        os.close(handle)
    return stamps


def _may_fork() -> bool:
    """Only on Linux, with a second core, and with no other thread: a thread holding a lock at the
    fork would leave the copy waiting on it for ever (under `mkdocs serve`, say)."""
    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except OSError:
        return False


class _Copy:
    """The forked copy statting some folders, and how to take its answer."""

    def __init__(self, folders: Sequence[RecordFolder], pid: int, reading: int) -> None:
        self.folders = folders
        self.pid = pid
        self.reading = reading

    def result(self) -> list[list[int]]:
        """The copy's stamps; the folders statted here when it did not give them all."""
        chunks = []
        try:
            while chunk := os.read(self.reading, _CHUNK):
                chunks.append(chunk)
        finally:
            os.close(self.reading)
            _, status = os.waitpid(self.pid, 0)
        numbers = array.array("q")
        raw = b"".join(chunks)
        wanted = 4 * sum(len(folder.names) for folder in self.folders)
        if status != 0 or len(raw) != wanted * numbers.itemsize:
            return [stamps_of(folder) for folder in self.folders]
        numbers.frombytes(raw)
        found, start = [], 0
        for folder in self.folders:
            end = start + 4 * len(folder.names)
            found.append(numbers[start:end].tolist())
            start = end
        return found


def _forked(folders: Sequence[RecordFolder]) -> _Copy | None:
    """A copy of this process statting `folders`; None when none can be made."""
    try:
        reading, writing = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return None
    if pid == 0:  # the copy: stat, write, and leave without running anything of the parent's
        status = 1
        try:
            os.close(reading)
            numbers = array.array("q", [n for folder in folders for n in stamps_of(folder)])
            view = memoryview(numbers.tobytes())
            while view:
                view = view[os.write(writing, view):]
            status = 0
        finally:
            os._exit(status)
    os.close(writing)
    return _Copy(folders, pid, reading)
