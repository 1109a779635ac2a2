"""Build a throw-away repository from a fixture and change one record at a time."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from generator.check import check_paths

CASES = Path(__file__).resolve().parent
PROJECT = CASES.parent.parent
TODAY = date(2021, 1, 15)  # fixed, so that 'in the future' does not move under the tests


def make_repo(target: Path, fixture: str = "small") -> Path:
    """A copy of tests/cases/<fixture>/records with the project's schemas, under `target`."""
    shutil.copytree(CASES / fixture / "records", target / "records")
    shutil.copytree(PROJECT / "schemas", target / "schemas")
    return target


def write(repo: Path, relative: str, text: str) -> Path:
    path = repo / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def edit(repo: Path, relative: str, old: str, new: str) -> Path:
    """Replace `old` (which must be there exactly once) with `new` in one record."""
    path = repo / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is in {relative} {text.count(old)} times"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def problems(repo: Path, paths: list[Path] | None = None) -> list[str]:
    """Every problem, as validate prints it."""
    return [str(problem) for problem in check_paths(repo, paths, today=TODAY).problems]
