"""Each stage the benchmark times, on one synthetic council, as an officer or CI would run it.

The parse floor runs in this process (nothing but reading files and PyYAML's C loader); every
other stage is a fresh process started the way it is used: `candour validate`, `check-jsonschema`,
`mkdocs build`, so interpreter start-up and imports are counted, as an officer waits for them.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.bench.council import FOLDER_OF, Council
from generator.bench.edit import change_record
from generator.load import scan_records

CACHE_FOLDER = ".candour-cache"
AS_OF = "2020-12-01"  # a fixed as-of date, so the tracker's pages are the same on every run


@dataclass
class Timing:
    """The repetitions of one stage, in seconds; the median is what is reported."""

    runs: list[float] = field(default_factory=list)
    failed: str = ""  # what went wrong, when the stage could not run

    @property
    def median(self) -> float | None:
        return round(statistics.median(self.runs), 3) if self.runs else None


def parse_floor(paths: list[str]) -> float:
    """Read and parse every file with the C loader and nothing else: the least any check can cost."""
    started = time.perf_counter()
    for path in paths:
        with open(path, "rb") as file:
            yaml.load(file.read(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - started


def _tool(name: str) -> str:
    """A console script installed beside this Python (the venv's bin), else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def _timed_run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    finished = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, check=False)
    spent = time.perf_counter() - started
    failure = ""
    if finished.returncode != 0:
        tail = (finished.stderr or finished.stdout).strip().splitlines()[-3:]
        failure = f"exit {finished.returncode}: {' / '.join(tail)}"
    return spent, failure


class Stages:
    """The commands of each stage for one council."""

    def __init__(self, council: Council, site: Path) -> None:
        self.council = council
        self.site = site
        # Modules byte-compiled, as pip installs them: where a setting stops Python writing bytecode,
        # every run would compile every module again (a tenth of a second, a fifth of a warm check).
        self.env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
        self.env.update(CANDOUR_AS_OF=AS_OF, NO_MKDOCS_2_WARNING="1")
        self.changed = self._a_case(0)

    def parse_floor(self) -> float:
        """The parse floor, the files listed before the clock starts. They are listed again for each
        run, as text, and let go after it: held through the build, 300,000 names would add about
        40 MB of the benchmark's own to the peak memory measured."""
        return parse_floor(scan_records(self.council.records_root)[0])

    def _a_case(self, index: int) -> Path:
        cases = sorted((self.council.records_root / FOLDER_OF["case"]).rglob("*.yaml"))
        return cases[index % len(cases)]

    def check_jsonschema(self) -> tuple[float, str, dict[str, float]]:
        """check-jsonschema on every record file, one run per kind with that kind's schema."""
        by_kind: dict[str, float] = {}
        failures = []
        for kind, folder in FOLDER_OF.items():
            files = sorted(str(p.relative_to(self.council.root))
                           for p in (self.council.records_root / folder).rglob("*.yaml"))
            if not files:
                continue
            command = [_tool("check-jsonschema"), "--schemafile", f"schemas/{kind}.schema.json", *files]
            spent, failure = _timed_run(command, self.council.root)
            by_kind[kind] = round(spent, 3)
            if failure:
                failures.append(f"{kind}: {failure}")
        return sum(by_kind.values()), "; ".join(failures), by_kind

    def clear_cache(self) -> None:
        shutil.rmtree(self.council.root / CACHE_FOLDER, ignore_errors=True)

    def validate(self) -> tuple[float, str]:
        command = [sys.executable, "-m", "generator", "validate", "--root", str(self.council.root)]
        return _timed_run(command, self.council.root, self.env)

    def validate_cold(self) -> tuple[float, str]:
        self.clear_cache()
        return self.validate()

    def validate_warm(self) -> tuple[float, str]:
        change_record(self.changed)
        return self.validate()

    def build(self) -> tuple[float, str]:
        """A full site build from a clean checkout: no cache, no site left from before."""
        self.clear_cache()
        shutil.rmtree(self.site, ignore_errors=True)
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(self.council.root / "mkdocs.yml"),
                   "-d", str(self.site)]
        return _timed_run(command, self.council.root, self.env)

    def tracker(self, plan: Path, as_of: str) -> tuple[dict[str, Any], str]:
        """The tracker of an action plan with a long history (see `tracker_history`), made in its
        own process: the history read from git and every page, each meeting's pack included."""
        command = [sys.executable, "-m", "generator.bench.tracker_run", str(plan), as_of]
        finished = subprocess.run(command, cwd=plan, capture_output=True, text=True, env=self.env,
                                  check=False)
        if finished.returncode != 0:
            tail = finished.stderr.strip().splitlines()[-3:]
            return {}, f"exit {finished.returncode}: {' / '.join(tail)}"
        return json.loads(finished.stdout.strip().splitlines()[-1]), ""

    def rebuild(self) -> tuple[dict[str, Any], str]:
        """What `mkdocs serve` does after a one-record change, timed inside its own process."""
        command = [sys.executable, "-m", "generator.bench.rebuild", str(self.council.root),
                   str(self.site), str(self._a_case(1))]
        finished = subprocess.run(command, cwd=self.council.root, capture_output=True, text=True,
                                  env=self.env, check=False)
        if finished.returncode != 0:
            tail = finished.stderr.strip().splitlines()[-3:]
            return {}, f"exit {finished.returncode}: {' / '.join(tail)}"
        return json.loads(finished.stdout.strip().splitlines()[-1]), ""


def git_log_floor(plan: Path) -> tuple[float, str]:
    """The least reading the history can cost: one `git log` of the action records, nothing done
    with its output."""
    command = ["git", "log", "--first-parent", "--raw", "--no-abbrev", "-z", "--", "records/actions"]
    return _timed_run(command, plan)


def repeat(times: int, stage: Callable[[], tuple[float, str]], before: Callable[[], None] | None = None
           ) -> Timing:
    timing = Timing()
    for _ in range(times):
        if before:
            before()
        spent, failure = stage()
        if failure:
            timing.failed = failure
            return timing
        timing.runs.append(spent)
    return timing
