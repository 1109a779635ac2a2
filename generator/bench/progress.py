"""A progress line on stderr: redrawn in place on a terminal, a line per step elsewhere (CI logs)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


class ProgressBar:
    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.live = self.stream.isatty()
        self.started = time.perf_counter()
        self._last = ""

    def step(self, text: str) -> None:
        """A new step of the run, such as 'validate (cold) 2/3'."""
        self._show(text, final=not self.live)

    def count(self, label: str, done: int, total: int) -> None:
        """Progress through a counted job, such as writing records."""
        filled = WIDTH * done // max(1, total)
        bar = "#" * filled + "." * (WIDTH - filled)
        text = f"{label} [{bar}] {done:,}/{total:,}"
        if self.live:
            self._show(text, final=False)
        elif done == total:
            self._show(text, final=True)

    def done(self) -> None:
        if self.live and self._last and not self.quiet:
            self.stream.write("\n")
            self.stream.flush()
        self._last = ""

    def _show(self, text: str, *, final: bool) -> None:
        if self.quiet:
            return
        elapsed = time.perf_counter() - self.started
        line = f"[{elapsed:7.1f} s] {text}"
        if self.live:
            self.stream.write("\r" + line.ljust(len(self._last)))
            self._last = line
        if final or not self.live:
            if not self.live:
                self.stream.write(line)
            self.stream.write("\n")
            self._last = ""
        self.stream.flush()
