"""Peak memory of the benchmark and every process it starts, sampled while the stages run.

`ru_maxrss` of the children only gives the largest single child; a validate run with two worker
processes needs their sum, so the resident sets of this process and all its descendants are
added up every few milliseconds.
"""

from __future__ import annotations

import resource
import threading

import psutil

INTERVAL_S = 0.02
MIB = 1024 * 1024


class PeakMemory:
    """Samples the resident memory of this process and its descendants; `peak_mb` of a stage."""

    def __init__(self) -> None:
        self.process = psutil.Process()
        self._peak = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, daemon=True, name="peak-memory")

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> int:
        total = 0
        try:
            processes = [self.process, *self.process.children(recursive=True)]
        except psutil.Error:
            return 0
        for process in processes:
            try:
                total += process.memory_info().rss
            except psutil.Error:
                continue  # ended between listing and reading
        return total

    def _run(self) -> None:
        while not self._stop.wait(INTERVAL_S):
            found = self._sample()
            with self._lock:
                self._peak = max(self._peak, found)

    def reset(self) -> None:
        with self._lock:
            self._peak = self._sample()

    @property
    def peak_mb(self) -> float:
        with self._lock:
            sampled = self._peak
        return round(sampled / MIB, 1)


def largest_child_mb() -> float:
    """The largest resident set any finished child reached (the kernel's own count)."""
    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
