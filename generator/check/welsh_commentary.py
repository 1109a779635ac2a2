"""With Welsh on, each year's commentary has its Welsh version: docs/commentary/cy/<year>.md beside
docs/commentary/<year>.md.

A year's English commentary is a Markdown file directly in docs/commentary/ (its name is the year);
what is in a folder below it is another language's, never a year of its own. The Welsh page cites
the same figures by the same names, and the build checks them as it checks the English ones (the
commentary is rendered in the sandbox of `generator.pages.citations` in each language). A Welsh
page for a year with no English commentary is allowed: the Welsh site shows it for that year.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from generator.check.pages import DOCS
from generator.check.welsh import LANGUAGES_SHOWN, WELSH, languages_of
from generator.problems import Problem

COMMENTARY = "commentary"
SOURCE = ".md"


def commentary_years(folder: Path) -> list[str]:
    """The years with a commentary file directly in `folder` (not in a language's folder below it)."""
    try:
        with os.scandir(folder) as listing:
            names = [entry.name for entry in listing if not entry.is_dir(follow_symlinks=False)]
    except OSError:
        return []  # no commentary folder, or one the pages check reports as unreadable
    return sorted(name.removesuffix(SOURCE) for name in names
                  if name.endswith(SOURCE) and not name.startswith("."))


def welsh_commentary_problems(repo_root: Path, organisation: Any) -> list[Problem]:
    """A problem for each year's English commentary without its Welsh, when Welsh is on."""
    if WELSH not in languages_of(organisation):
        return []
    english = repo_root / DOCS / COMMENTARY
    welsh = english / WELSH
    problems = []
    for year in commentary_years(english):
        if not os.path.lexists(welsh / f"{year}{SOURCE}"):
            problems.append(Problem(f"{DOCS}/{COMMENTARY}/{year}{SOURCE}", 1, 1, "", (
                f"has no Welsh version, and the site is published in Welsh too ({LANGUAGES_SHOWN}): "
                f"write it as {DOCS}/{COMMENTARY}/{WELSH}/{year}{SOURCE}, citing the same figures by "
                "the same names")))
    return problems
