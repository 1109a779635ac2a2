"""The published pre-commit hook, tried as a council's repository uses it: `pre-commit try-repo`
installs Candour from its repository (the light package) and checks the records."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from installed_package import clean_environment

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GIT_USER = ["-c", "user.name=Officer", "-c", "user.email=officer@example.org"]


def council_repository(target: Path) -> Path:
    shutil.copytree(FIXTURES / "wales" / "records", target / "records")
    for command in (["init", "--quiet"], ["add", "--all"]):
        subprocess.run(["git", *command], cwd=target, check=True, capture_output=True)
    return target


def try_hook(candour: Path, council: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(candour), "candour-validate", "--all-files",
         "--color", "never"],
        cwd=council, env=clean_environment({"PRE_COMMIT_HOME": str(home)}), capture_output=True,
        text=True, timeout=900, check=False,
    )


def test_the_published_hook_passes_clean_records_and_names_the_line_of_a_broken_one(
    candour_repository: Path, pre_commit_home: Path, tmp_path: Path
) -> None:
    council = council_repository(tmp_path / "council")
    started = time.perf_counter()
    clean = try_hook(candour_repository, council, pre_commit_home)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "candour validate" in clean.stdout and "Passed" in clean.stdout, clean.stdout
    print(f"hook installed and run in {time.perf_counter() - started:.1f} s")

    case = council / "records/cases/2023-24/C-2023-0002.yaml"
    lines = case.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("received:"))
    lines[line - 1] = "received: 2023-13-45"
    case.write_text("\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run(["git", "add", "--all"], cwd=council, check=True)
    broken = try_hook(candour_repository, council, pre_commit_home)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "Failed" in broken.stdout
    assert f"records/cases/2023-24/C-2023-0002.yaml:{line}:" in broken.stdout, broken.stdout
    assert "cannot be opened" not in broken.stdout
