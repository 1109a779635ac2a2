"""A file of the generated site: where it goes and what it holds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteFile:
    path: str  # relative to the docs folder, with '/' separators: 'reports/2019-20/index.md'
    content: str | bytes

    @property
    def is_page(self) -> bool:
        return self.path.endswith(".md")
