"""The check stage stays free of the site's dependencies: `candour validate` (the pre-commit hook)
imports no chart, template or site library, so it installs and starts light. The one exception is
Jinja's parser, for a year's commentary, when it is installed (without it, the build reads them)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SITE_ONLY = ("matplotlib", "mkdocs", "material", "jinja2", "markdown", "nh3", "babel", "pymdownx")

_RUN = """
import json, sys
from generator.cli import main
status = main(["validate", "--root", sys.argv[1]])
print(json.dumps([status, sorted({name.split(".")[0] for name in sys.modules})]))
"""


def _imported(root: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _RUN, str(root)], capture_output=True, text=True,
                          cwd=PROJECT, check=False, env={"PATH": "", "CANDOUR_CACHE": "0"})
    status, imported = json.loads(done.stdout.splitlines()[-1])
    assert status == 0, done.stdout + done.stderr
    return [name for name in SITE_ONLY if name in imported]


def test_validate_imports_nothing_of_the_site(tmp_path: Path) -> None:
    for folder in ("records", "schemas"):
        shutil.copytree(PROJECT / folder, tmp_path / folder)
    shutil.copytree(PROJECT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("commentary"))
    assert _imported(tmp_path) == []


def test_a_commentary_is_read_with_jinjas_parser_alone() -> None:
    """Each year's commentary is parsed (never compiled or run) for what a build would refuse
    between its braces: Jinja's parser is all of the site's libraries a check then imports."""
    assert _imported(PROJECT) == ["jinja2"]
