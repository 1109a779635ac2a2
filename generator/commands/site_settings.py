"""The MkDocs settings `candour build` uses: the repository's mkdocs.yml, or Candour's default.

A council's repository made by `candour init` has its own mkdocs.yml; one that holds only records
is built with the settings `candour init` would have written, read from the installed package, and
an empty docs folder when it has none. Nothing is written into the repository."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from generator.packaged import scaffold_folder

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

CONFIG_FILE = "mkdocs.yml"
DOCS = "docs"


def default_settings_text() -> str:
    return (scaffold_folder() / CONFIG_FILE).read_text(encoding="utf-8")


def settings_in_use(root: Path) -> str:
    """Which settings a build of `root` reads, in words."""
    own = root / CONFIG_FILE
    if own.is_file():
        return str(own)
    return f"Candour's default site settings (there is no {CONFIG_FILE} in {root}; candour init writes one)"


@contextmanager
def site_settings(root: Path) -> Iterator[MkDocsConfig]:
    """The loaded settings, with paths relative to `root` either way."""
    from mkdocs.config import load_config

    own = root / CONFIG_FILE
    if own.is_file():
        yield load_config(config_file=str(own))
        return
    text = default_settings_text().encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="candour-docs-") as empty:
        options = {} if (root / DOCS).is_dir() else {"docs_dir": empty}
        yield load_config(config_file=io.BytesIO(text), config_file_path=str(own), **options)
