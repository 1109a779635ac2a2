"""What the editor's browser tests share: a council's repository in git, Decap's local backend
(decap-server, git mode, on 127.0.0.1) working on it, and the admin/ folder served beside it.

decap-server is the one npm installs from package.json (`npm ci`, which `.ci/run` and `make edit`
run); CANDOUR_DECAP_SERVER names another. Like Chromium, it is skipped for locally and required
in CI.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from conftest import REPOSITORY, SiteRequestHandler, missing

from generator.cms.admin import EditorSource, admin_files

DECAP_SERVER = REPOSITORY / "node_modules" / "decap-server" / "dist" / "index.js"
WALES = REPOSITORY / "tests" / "fixtures" / "wales" / "records"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True).stdout


@dataclass
class Editor:
    repo: Path  # the council's repository, which decap-server writes to
    url: str  # the admin page
    hosts: set[str] = field(default_factory=set)  # host:port of every request the pages made
    allowed: frozenset[str] = frozenset()  # the site's and the local backend's

    def record(self, request_url: str) -> None:
        self.hosts.add(request_url.split("/")[2] if "://" in request_url else request_url)

    def branches(self) -> list[str]:
        listed = git(self.repo, "for-each-ref", "--format=%(refname:short)", "refs/heads/cms/")
        return listed.split()

    def wait_for_branch(self, name: str, timeout: float = 20) -> None:
        ends = time.monotonic() + timeout
        while name not in self.branches():
            if time.monotonic() > ends:
                raise AssertionError(f"no branch {name}; there are {self.branches()}")
            time.sleep(0.2)

    def file_on(self, branch: str, path: str) -> str:
        return git(self.repo, "show", f"{branch}:{path}")

    def files_changed(self, branch: str) -> list[str]:
        return git(self.repo, "diff", "--name-only", f"main...{branch}").split()

    def values(self, branch: str, path: str) -> dict[str, object]:
        """A record as Candour reads it: YAML 1.1 dates become dates on both sides alike."""
        return yaml.safe_load(self.file_on(branch, path))


def council_repository(target: Path, records: Path) -> Path:
    """A git repository holding a council's records and Candour's schemas, as a council keeps it."""
    target.mkdir(parents=True)
    shutil.copytree(records, target / "records")
    shutil.copytree(REPOSITORY / "schemas", target / "schemas")
    git(target, "init", "-q", "-b", "main")
    git(target, "config", "user.name", "Test Officer")
    git(target, "config", "user.email", "officer@example.org")
    git(target, "config", "commit.gpgsign", "false")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "Records")
    return target


def write_admin(repo: Path, site: Path, port: int) -> None:
    """admin/ as the build writes it (the plugin calls the same function), pointed at the backend."""
    source = EditorSource(repo / "records", repo / "schemas", "records", "main", port)
    for each in admin_files(source, date.today()):
        path = site / each.path
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(each.content, bytes):
            path.write_bytes(each.content)
        else:
            path.write_text(each.content, encoding="utf-8")


def _answering(url: str, timeout: float) -> bool:
    ends = time.monotonic() + timeout
    body = json.dumps({"action": "info"}).encode()
    while time.monotonic() < ends:
        try:
            request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=2) as answer:
                return answer.status == 200
        except OSError:
            time.sleep(0.2)
    return False


@functools.cache
def node() -> str | None:
    return shutil.which("node") or shutil.which("nodejs")


def start_editor(repo: Path, site: Path, artifacts: Path) -> Iterator[Editor]:
    """decap-server on the repository and a web server for admin/, until the generator is closed."""
    server_script = Path(os.environ.get("CANDOUR_DECAP_SERVER") or DECAP_SERVER)
    if node() is None:
        missing("Node.js is not installed (apt-get install nodejs npm)")
    if not server_script.exists():
        missing(f"decap-server is not installed ({server_script}); run npm ci")
    backend_port = free_port()
    write_admin(repo, site, backend_port)
    artifacts.mkdir(parents=True, exist_ok=True)
    log = (artifacts / "decap-server.log").open("w")
    backend = subprocess.Popen(
        [str(node()), str(server_script)], cwd=repo, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(repo), "PORT": str(backend_port),
             "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "info"},
    )
    handler = type("Handler", (SiteRequestHandler,), {"prefix": "/"})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        if not _answering(f"http://127.0.0.1:{backend_port}/api/v1", 30):
            raise AssertionError(f"decap-server did not start; see {artifacts / 'decap-server.log'}")
        site_host = f"127.0.0.1:{httpd.server_port}"
        yield Editor(repo, f"http://{site_host}/admin/",
                     allowed=frozenset({site_host, f"127.0.0.1:{backend_port}"}))
    finally:
        httpd.shutdown()
        httpd.server_close()
        backend.terminate()
        try:
            backend.wait(timeout=10)
        except subprocess.TimeoutExpired:
            backend.kill()
        log.close()


# -- driving Decap's form -----------------------------------------------------------------------

def control_id(page: object, name: str, nth: int = 0) -> str:
    """The id of a field's control: Decap labels each field `<name>-field-<n>`."""
    label = page.locator(f'label[for^="{name}-field-"]').nth(nth)  # type: ignore[attr-defined]
    return str(label.get_attribute("for"))


def choose(page: object, name: str, option: str, nth: int = 0) -> None:
    """Pick an option of a drop-down by the name it shows."""
    page.locator(f"#{control_id(page, name, nth)}").click()  # type: ignore[attr-defined]
    page.get_by_role("option", name=option, exact=True).click()  # type: ignore[attr-defined]


def fill(page: object, name: str, value: str, nth: int = 0) -> None:
    page.locator(f"#{control_id(page, name, nth)}").fill(value)  # type: ignore[attr-defined]


def sign_in(page: object, editor: Editor) -> None:
    page.goto(editor.url)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Login").click()  # type: ignore[attr-defined]
    page.get_by_text("Collections").first.wait_for()  # type: ignore[attr-defined]


def save(page: object) -> None:
    page.get_by_role("button", name="Save", exact=True).click()  # type: ignore[attr-defined]
    page.get_by_text("Entry saved").first.wait_for()  # type: ignore[attr-defined]
