"""What one build made, kept for the next: under `mkdocs serve` a rebuild after a one-record change
finds most of it unchanged. Each build keeps only what it used, so a long session holds at most
two builds' worth (the last one, and the one under way)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Made = TypeVar("Made")


class LastBuild(Generic[Made]):
    def __init__(self) -> None:
        self.before: dict[Hashable, Made] = {}
        self.now: dict[Hashable, Made] = {}

    def next_build(self) -> None:
        """A new build starts: what the build before last made, and this one did not use, goes."""
        self.before, self.now = self.now, {}

    def made(self, key: Hashable, make: Callable[[], Made]) -> Made:
        """What `make` gives for `key`, made again only when neither build so far made it."""
        if key in self.now:
            return self.now[key]
        found = self.before[key] if key in self.before else make()
        self.now[key] = found
        return found
