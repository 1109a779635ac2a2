"""`mkdocs serve` and every build path with hostile commentary (slow: each serves or builds a site).

- A commentary escape stops `mkdocs build`, `candour build` and `mkdocs serve` at its file and
  line, and runs nothing.
- After a failed rebuild, `mkdocs serve` keeps answering with the last site that built, and serves
  the fixed site once the problem is put right.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPOSITORY = Path(__file__).resolve().parent.parent
PARTS = ("records", "schemas", "docs", "overrides", "mkdocs.yml")
COMMENTARY = "docs/commentary/2019-20.md"
ESCAPE = "{{ lipsum.__globals__['os'].system('touch ran') }}"
MARK = "ran"


def repository(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = REPOSITORY / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / part)
    return root


def environment() -> dict[str, str]:
    return {**os.environ, "CANDOUR_AS_OF": "2020-09-30", "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": "1600000000"}


def plant(root: Path, text: str, line: int = 5) -> None:
    """Put `text` on line `line` of the 2019-20 commentary."""
    commentary = root / COMMENTARY
    lines = commentary.read_text(encoding="utf-8").splitlines()
    lines.insert(line - 1, text)
    commentary.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("command", [
    ["mkdocs", "build", "--strict", "--site-dir", "site"],
    ["generator", "build", "--site-dir", "site"],
])
def test_a_commentary_escape_stops_the_build_at_its_line_and_runs_nothing(tmp_path: Path, command: list[str]):
    root = repository(tmp_path / "repo")
    plant(root, ESCAPE, line=5)
    finished = subprocess.run([sys.executable, "-m", *command], cwd=root, env=environment(),
                              capture_output=True, text=True, timeout=600, check=False)
    assert finished.returncode == 1
    assert f"{COMMENTARY}:5:1: a call (…) cannot be used in a commentary" in finished.stderr, finished.stderr
    assert "Traceback" not in finished.stderr
    assert not (root / MARK).exists() and not (tmp_path / MARK).exists()
    assert not (root / "site" / "index.html").exists()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    """`mkdocs serve` of a repository, its log read as it comes."""

    def __init__(self, root: Path) -> None:
        self.port = _free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"], cwd=root,
            env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        self.log: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line)

    def text(self) -> str:
        return "".join(self.log)

    def wait_for(self, pattern: str, count: int = 1, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while len(re.findall(pattern, self.text())) < count:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"never saw {pattern!r} x{count}:\n{self.text()}")
            time.sleep(0.1)

    def get(self, path: str, timeout: float = 20) -> str:
        """The page, without the epoch MkDocs' live-reload script gives each build."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=timeout) as answer:
            assert answer.status == 200
            return re.sub(r"livereload\(\d+, \d+\)", "livereload()", answer.read().decode("utf-8"))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def test_serve_stops_at_a_commentary_escape_and_runs_nothing(tmp_path: Path) -> None:
    root = repository(tmp_path / "repo")
    plant(root, ESCAPE)
    served = Served(root)
    try:
        assert served.process.wait(timeout=300) != 0
        served.reader.join(timeout=10)
    finally:
        served.stop()
    assert f"{COMMENTARY}:5:1: a call (…) cannot be used in a commentary" in served.text(), served.text()
    assert not (root / MARK).exists()


def test_serve_keeps_the_last_good_site_after_a_failed_rebuild(tmp_path: Path) -> None:
    root = repository(tmp_path / "repo")
    served = Served(root)
    report = "reports/2019-20/"
    try:
        served.wait_for(r"Serving on")
        good = served.get(report)
        assert "Westmere Borough Council" in good
        # A rebuild that fails, on a commentary escape: nothing runs, and the last site still answers.
        plant(root, ESCAPE)
        served.wait_for(r"the rebuild failed")
        assert f"{COMMENTARY}:5:1: a call (…) cannot be used in a commentary" in served.text()
        assert not (root / MARK).exists()
        assert served.get(report, timeout=10) == good
        assert "Westmere Borough Council" in served.get("", timeout=10)
        # A record that no longer validates fails the rebuild the same way.
        commentary = root / COMMENTARY
        commentary.write_text(commentary.read_text(encoding="utf-8").replace(ESCAPE + "\n", ""),
                              encoding="utf-8")
        case = root / "records/cases/2019-20/C-2019-0006.yaml"
        good_case = case.read_text(encoding="utf-8")
        case.write_text(good_case.replace("received: 2019-04-11", "received: 2019-13-45"), encoding="utf-8")
        served.wait_for(r"the rebuild failed", count=2)
        assert "records/cases/2019-20/C-2019-0006.yaml" in served.text()
        assert served.get(report, timeout=10) == good
        # Put right, the site is rebuilt and served with the change.
        case.write_text(good_case, encoding="utf-8")
        plant(root, "A sentence written after the rebuild failed.")
        served.wait_for(r"Reloading browsers", count=1)
        deadline = time.monotonic() + 120
        while "written after the rebuild failed" not in served.get(report) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "written after the rebuild failed" in served.get(report)
    finally:
        served.stop()
    assert "Traceback" not in served.text(), served.text()
