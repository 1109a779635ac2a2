"""What a command needs beyond checking, and what to install when it is missing.

The light package (`pip install candour`, the published pre-commit hook) checks records only; the
site and spreadsheets come with extras, so a missing one is said plainly instead of a traceback."""

from __future__ import annotations

from importlib import metadata
from importlib.util import find_spec

# Extra -> the modules it brings, as imported.
EXTRAS = {
    "site": ("mkdocs", "material", "matplotlib", "jinja2", "nh3"),
    "spreadsheets": ("openpyxl",),
    "bench": ("psutil",),
}


def candour_version() -> str:
    try:
        return metadata.version("candour")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"


def missing_modules(extra: str) -> list[str]:
    return [name for name in EXTRAS[extra] if find_spec(name) is None]


def missing_extra(extra: str, command: str) -> str | None:
    """Words for the officer when `extra` is not installed, else None."""
    missing = missing_modules(extra)
    if not missing:
        return None
    return (
        f"{command} needs Candour's {extra!r} extra, which is not installed here (missing: "
        f"{', '.join(missing)}). Install it with: pip install \"candour[{extra}]=={candour_version()}\""
    )
