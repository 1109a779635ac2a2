"""`candour build` shows what the engine says is deprecated or ending, as `mkdocs build` shows it
(slow: two builds of a small council). The README's date for Material's end of life is the one
the installed Material prints."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPOSITORY = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b\[[0-9;]*m")
END_OF_LIFE = re.compile(r"Material for MkDocs reaches end of life on (\w+) (\d+), (\d{4})")
HOOK = '''\
import warnings


def on_config(config):
    warnings.warn("the option 'old_name' is deprecated; use 'new_name'", DeprecationWarning, stacklevel=1)
    return config
'''


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A council's repository whose settings load a hook that warns of a deprecation."""
    root = tmp_path_factory.mktemp("notices") / "council"
    shutil.copytree(REPOSITORY / "tests" / "fixtures" / "england" / "records", root / "records")
    settings = (REPOSITORY / "generator" / "scaffold" / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(settings + "\nhooks:\n  - deprecating.py\n", encoding="utf-8")
    (root / "deprecating.py").write_text(HOOK, encoding="utf-8")
    (root / "docs").mkdir()
    return root


def unsilenced() -> dict[str, str]:
    """The environment without the variables that silence the engines' notices."""
    silencing = ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING", "PYTHONWARNINGS")
    return {**{k: v for k, v in os.environ.items() if k not in silencing}, "CANDOUR_AS_OF": "2024-03-31"}


def said(command: list[str], root: Path) -> str:
    done = subprocess.run([sys.executable, "-m", *command], cwd=root, env=unsilenced(), capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return ANSI.sub("", done.stderr)


@pytest.fixture(scope="module")
def notices(council: Path) -> tuple[str, str]:
    """What `mkdocs build` and `candour build` print on stderr for the same repository."""
    by_mkdocs = said(["mkdocs", "build", "--site-dir", str(council.parent / "by-mkdocs")], council)
    by_candour = said(["generator", "build", "--root", str(council)], council)
    return by_mkdocs, by_candour


def test_candour_build_shows_the_end_of_life_notice_mkdocs_build_shows(notices: tuple[str, str]) -> None:
    by_mkdocs, by_candour = notices
    found = END_OF_LIFE.search(by_mkdocs)
    assert found, f"the installed Material printed no end-of-life notice:\n{by_mkdocs}"
    notice = [line.strip() for line in by_mkdocs.splitlines() if "│" in line and line.strip("│ ")]
    shown = [line.strip() for line in by_candour.splitlines()]
    assert [line for line in notice if line not in shown] == []


def test_candour_build_shows_deprecation_warnings(notices: tuple[str, str]) -> None:
    _, by_candour = notices
    assert "  deprecated: the option 'old_name' is deprecated; use 'new_name' (" in by_candour
    assert "deprecating.py:" in by_candour
    assert by_candour.count("'old_name' is deprecated") == 1


def test_the_readme_gives_the_date_material_prints(notices: tuple[str, str]) -> None:
    month, day, year = END_OF_LIFE.search(notices[0]).groups()  # type: ignore[union-attr]
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8").replace("\n", " ")
    assert f"Material for MkDocs reaches end of life on {int(day)} {month} {year}" in readme
