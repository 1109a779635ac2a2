"""The theme's accessibility fixes, brought to every site by the plugin.

Candour's own repository names them in its mkdocs.yml (`custom_dir: overrides`, and the stylesheet
under docs/); a council's repository has neither, so the plugin adds the copies that came with the
installed Candour. A site's own files always win: its custom_dir stays first, and a stylesheet of
the same name under its docs/ is used instead of Candour's.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from generator.packaged import packaged_folder

ACCESSIBILITY_STYLESHEET = "stylesheets/accessibility.css"


def add_theme_overrides(config: MkDocsConfig) -> None:
    """Candour's partials sit between the site's own custom_dir and the theme's templates."""
    overrides = packaged_folder("overrides")
    if config.theme.name != "material" or not overrides.is_dir():  # they override Material's partials
        return
    dirs = config.theme.dirs
    if any(_same(folder, str(overrides)) for folder in dirs):
        return
    dirs.insert(1 if config.theme.custom_dir else 0, str(overrides))


def add_theme_stylesheet(files: Files, config: MkDocsConfig) -> None:
    """The accessibility stylesheet, unless the site's docs/ has its own."""
    if files.get_file_from_path(ACCESSIBILITY_STYLESHEET) is None:
        source = packaged_folder("theme_stylesheets") / "accessibility.css"
        if not source.is_file():
            return
        files.append(File.generated(config, ACCESSIBILITY_STYLESHEET, content=source.read_bytes()))
    if ACCESSIBILITY_STYLESHEET not in config.extra_css:
        config.extra_css.insert(0, ACCESSIBILITY_STYLESHEET)


def _same(first: str, second: str) -> bool:
    return Path(first).resolve() == Path(second).resolve()
