"""Candour as a council installs it: one wheel built from this checkout, installed into fresh
virtual environments outside it, shared by the whole test session.

The wheel is built from a copy of the working tree (so what is tested is what is here, committed
or not), once per session, and each environment is made once: xdist's workers wait on a lock in
the session's shared temporary folder and reuse what the first one made. The environments see
nothing of the checkout: they run from folders outside it, without PYTHONPATH.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
# Left out of the copy the wheel is built from: what is not part of the source, anywhere...
NOT_SOURCE = ("__pycache__", "*.egg-info", ".pytest_cache", ".ruff_cache")
# ... and at the top of the checkout (a built site, caches, environments).
NOT_SOURCE_AT_TOP = (".git", ".venv", "site", ".candour-cache", "build", "test-artifacts")


def _not_source(folder: str, names: list[str]) -> set[str]:
    left_out = set(shutil.ignore_patterns(*NOT_SOURCE)(folder, names))
    if Path(folder) == CHECKOUT:
        left_out |= {name for name in names if name in NOT_SOURCE_AT_TOP or name.startswith("site.")}
    return left_out


@dataclass(frozen=True)
class Installed:
    """A virtual environment with Candour installed from the wheel."""

    folder: Path
    wheel: Path

    def program(self, name: str) -> Path:
        return self.folder / ("Scripts" if os.name == "nt" else "bin") / name

    def run(self, *args: str | Path, cwd: Path, program: str = "candour",
            extra_env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(self.program(program)), *map(str, args)], cwd=cwd,
                              env=clean_environment(extra_env), capture_output=True, text=True,
                              timeout=timeout, check=False)

    def python(self, code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return self.run("-c", code, cwd=cwd, program="python")


def clean_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment without what would lead Python back to the checkout."""
    kept = {key: value for key, value in os.environ.items()
            if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSAFEPATH")}
    kept["NO_MKDOCS_2_WARNING"] = "1"
    return {**kept, **(extra or {})}


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def shared_folder(base_temp: Path, worker: str) -> Path:
    """The folder every worker of this session sees (the parent of a worker's own)."""
    return base_temp.parent if worker != "master" else base_temp


def built_wheel(shared: Path) -> Path:
    folder = shared / "candour-wheel"
    with _locked(shared / "candour-wheel.lock"):
        wheels = sorted(folder.glob("candour-*.whl"))
        if wheels:
            return wheels[0]
        source = shared / "candour-source"
        shutil.rmtree(source, ignore_errors=True)
        shutil.copytree(CHECKOUT, source, ignore=_not_source, symlinks=False)
        built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir",
                                str(folder), str(source)], capture_output=True, text=True, check=False,
                               env=clean_environment(), timeout=600)
        if built.returncode:
            raise RuntimeError(f"the wheel did not build:\n{built.stdout}\n{built.stderr}")
        return sorted(folder.glob("candour-*.whl"))[0]


def installed(shared: Path, name: str, extras: str = "") -> Installed:
    """A venv called `name` with the wheel installed (with `extras`, such as 'site')."""
    wheel = built_wheel(shared)
    folder = shared / f"venv-{name}"
    with _locked(shared / f"venv-{name}.lock"):
        done = folder / ".installed"
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            venv.create(folder, with_pip=True)
            requirement = f"candour[{extras}] @ {wheel.as_uri()}" if extras else str(wheel)
            pip = subprocess.run([str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet",
                                  requirement], capture_output=True, text=True, check=False,
                                 env=clean_environment(), timeout=900)
            if pip.returncode:
                raise RuntimeError(f"pip could not install {requirement}:\n{pip.stdout}\n{pip.stderr}")
            done.touch()
    return Installed(folder, wheel)


def source_repository(shared: Path) -> Path:
    """This checkout's working tree as a git repository of one commit, as a council's pre-commit
    configuration would find Candour (pre-commit clones the hook's repository)."""
    folder = shared / "candour-repository"
    with _locked(shared / "candour-repository.lock"):
        if (folder / ".git").is_dir():
            return folder
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(CHECKOUT, folder, ignore=_not_source, symlinks=False)
        for command in (["init", "--quiet", "--initial-branch=main"], ["add", "--all"],
                        ["-c", "user.name=Candour tests", "-c", "user.email=tests@example.org",
                         "commit", "--quiet", "--no-verify", "--message", "Candour under test"]):
            subprocess.run(["git", *command], cwd=folder, check=True, capture_output=True,
                           env=clean_environment())
        return folder
