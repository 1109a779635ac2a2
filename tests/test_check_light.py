"""The check stage stays free of the site's dependencies: `candour validate` (the pre-commit hook)
imports no chart, template or site library, so it installs and starts light."""

from __future__ import annotations

import json
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


def test_validate_imports_nothing_of_the_site() -> None:
    done = subprocess.run([sys.executable, "-c", _RUN, str(PROJECT)], capture_output=True, text=True,
                          cwd=PROJECT, check=False, env={"PATH": "", "CANDOUR_CACHE": "0"})
    status, imported = json.loads(done.stdout.splitlines()[-1])
    assert status == 0, done.stdout + done.stderr
    assert [name for name in SITE_ONLY if name in imported] == []
