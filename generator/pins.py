"""The exact versions a council's repository builds with: Candour and everything its extras need,
as installed where `candour init` runs, written as a pip constraints file.

pip can install from such a file the same packages next year (`pip install -r requirements.txt
-c constraints.txt`), so the same commit builds the same site. The versions are read from the
installed packages' own metadata, following each one's requirements (with the extras asked for).
"""

from __future__ import annotations

import re
from importlib import metadata

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA = re.compile(r"extra\s*==\s*['\"]([^'\"]+)['\"]")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _wanted(requirement: str, extras: set[str]) -> tuple[str, set[str], bool] | None:
    """The name and extras of a requirement and whether a marker other than an extra limits it;
    None when it belongs to an extra not asked for.

    Other markers (Python version, platform) are not judged: a constraint on a package that is
    not installed is harmless, and the pins then hold on Windows as well as Linux."""
    text, _, marker = requirement.partition(";")
    extra = _EXTRA.search(marker)
    if extra is not None and canonical(extra.group(1)) not in extras:
        return None
    found = _NAME.match(text)
    if not found:
        return None
    inner = {canonical(extra) for extra in (found.group(2) or "").split(",") if extra.strip()}
    limited = bool(_EXTRA.sub("", marker).strip(" ()andor"))
    return canonical(found.group(1)), inner, limited


def pinned(root: str, extras: set[str]) -> tuple[dict[str, str], list[str]]:
    """{name: version} of `root` and all it needs with `extras`; and what is needed but not installed."""
    versions: dict[str, str] = {}
    missing: list[str] = []
    waiting = [(canonical(root), {canonical(extra) for extra in extras}, False)]
    seen: set[tuple[str, frozenset[str]]] = set()
    while waiting:
        name, wanted_extras, limited = waiting.pop()
        if (name, frozenset(wanted_extras)) in seen:
            continue
        seen.add((name, frozenset(wanted_extras)))
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            if not limited:  # one for another Python or platform is not missing here
                missing.append(name)
            continue
        versions[canonical(distribution.metadata["Name"])] = distribution.version
        for requirement in distribution.requires or []:
            wanted = _wanted(requirement, wanted_extras)
            if wanted is not None:  # candour[site] asking for candour's own extras is one more round
                waiting.append(wanted)
    return versions, sorted(set(missing))


def constraints_text(versions: dict[str, str], missing: list[str], made_by: str) -> str:
    lines = [
        f"# The exact version of every package the site is built with, written by {made_by}.",
        "# pip install -r requirements.txt -c constraints.txt installs these and nothing newer.",
        "# To upgrade, see README.md.",
    ]
    if missing:
        lines.append("# Not installed where this was written, so not pinned: " + ", ".join(missing) + ".")
    lines += [f"{name}=={version}" for name, version in sorted(versions.items())]
    return "\n".join(lines) + "\n"
