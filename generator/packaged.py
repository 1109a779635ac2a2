"""The files that come with Candour itself: the schemas, the theme's accessibility fixes and what
`candour init` writes.

Installed from a wheel, each is a folder inside the package: pyproject.toml maps the top-level
folders the design fixes (`schemas/`, `overrides/`, `docs/stylesheets/`) into `generator/` when the
wheel is built, so there is one copy of each in the source and a real folder of files in the
wheel. Run from a checkout of Candour (an editable install, or the tests), the same folders are
read where they are, at the top of the checkout.

Plain paths rather than `importlib.resources`: Candour is only ever installed as files on disk
(MkDocs and matplotlib need that too), and a checker wants a folder it can list.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent

# Name inside the installed package -> where the same folder is in a checkout.
FOLDERS = {
    "schemas": "schemas",
    "overrides": "overrides",
    "theme_stylesheets": "docs/stylesheets",
}


def packaged_folder(name: str) -> Path:
    """The folder `name` (a key of FOLDERS) as installed, else as in a checkout of Candour."""
    inside = PACKAGE / name
    if inside.is_dir():
        return inside
    return CHECKOUT / FOLDERS[name]


def scaffold_folder() -> Path:
    """The templates `candour init` fills in: real package data, in generator/ in both cases."""
    return PACKAGE / "scaffold"
