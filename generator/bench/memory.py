"""Peak memory of the benchmark and every process it starts, sampled while the stages run.

`ru_maxrss` of the children only gives the largest single child; a validate run with two worker
processes needs their sum, so the memory of this process and all its descendants is added up
ten times a second: resident sets (RSS), which count the pages forked workers share with their
parent once per process, and, every fifth time, proportional sets (PSS, Linux), which count each
page once in all.

Sampling must not slow what it samples: reading a process's PSS makes the kernel walk every page
it maps (10 ms for a 600 MB process), and reading every process's PSS each 30 ms took about half
a core from the two-core runs being timed. The peaks measured last seconds, so these rates find
them.
"""

from __future__ import annotations

import resource
import threading

import psutil

INTERVAL_S = 0.1
PSS_EVERY = 5  # samples: PSS is read twice a second
MIB = 1024 * 1024


class PeakMemory:
    """Samples the resident memory of this process and its descendants; `peak_mb` of a stage."""

    def __init__(self) -> None:
        self.process = psutil.Process()
        self._peak = (0, 0)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, daemon=True, name="peak-memory")

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self, *, shared_once: bool = True) -> tuple[int, int]:
        """Summed RSS, and summed PSS when `shared_once` (else 0)."""
        resident = proportional = 0
        try:
            processes = [self.process, *self.process.children(recursive=True)]
        except psutil.Error:
            return 0, 0
        for process in processes:
            try:
                found = process.memory_full_info() if shared_once else process.memory_info()
            except psutil.AccessDenied:
                found = process.memory_info()
            except psutil.Error:
                continue  # ended between listing and reading
            resident += found.rss
            proportional += getattr(found, "pss", found.rss)
        return resident, proportional if shared_once else 0

    def _run(self) -> None:
        count = 0
        while not self._stop.wait(INTERVAL_S):
            count += 1
            rss, pss = self._sample(shared_once=count % PSS_EVERY == 0)
            with self._lock:
                self._peak = (max(self._peak[0], rss), max(self._peak[1], pss))

    def reset(self) -> None:
        with self._lock:
            self._peak = self._sample()

    @property
    def peak_mb(self) -> float:
        """Peak of the summed resident sets."""
        with self._lock:
            return round(self._peak[0] / MIB, 1)

    @property
    def peak_pss_mb(self) -> float:
        """Peak of the summed proportional sets: memory used, each shared page once."""
        with self._lock:
            return round(self._peak[1] / MIB, 1)


def largest_child_mb() -> float:
    """The largest resident set any finished child reached (the kernel's own count)."""
    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
