"""Shared fixtures for the browser tests: one site build, one local server, one Chromium per session.

The browser is Debian's `chromium` (never one downloaded by Playwright). Locally the tests skip
when it is missing; in CI (`CI=true`) a missing browser fails the run, so the checks cannot
silently stop running.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
ARTIFACTS = REPOSITORY / "test-artifacts"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "chromium", "chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NOT_FOUND_PATH = "this-page-does-not-exist/"


@dataclass(frozen=True)
class View:
    """How a reader sees the site: a window width and a colour scheme."""

    id: str
    width: int
    height: int
    dark: bool


DESKTOP_LIGHT = View("desktop-light", 1280, 800, dark=False)
PHONE_DARK = View("phone-dark", 375, 812, dark=True)
VIEWS = (DESKTOP_LIGHT, PHONE_DARK)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def find_chromium() -> str | None:
    explicit = os.environ.get("CANDOUR_CHROMIUM")
    for candidate in (explicit, *CHROMIUM_CANDIDATES) if explicit else CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def missing(reason: str) -> None:
    """Skip locally, fail in CI: a check that CI cannot run must not pass quietly."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true, so the browser tests must run)", pytrace=False)
    pytest.skip(f"{reason}; install Debian's chromium package to run the browser tests")


# The site ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BuiltSite:
    root: Path  # the built site on disk
    prefix: str  # the path the site is served under, from site_url: '/complaints/'


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The demo site, built once per test session with `mkdocs build --strict`.

    CANDOUR_BUILT_SITE names an already built site instead, to iterate on the tests quickly.
    """
    given = os.environ.get("CANDOUR_BUILT_SITE")
    if given:
        root = Path(given)
    else:
        root = tmp_path_factory.mktemp("site")
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(root)],
            cwd=REPOSITORY, capture_output=True, text=True, check=False,
        )
        if build.returncode:
            pytest.fail(f"the site did not build:\n{build.stdout}\n{build.stderr}", pytrace=False)
    return BuiltSite(root, served_prefix(root))


def served_prefix(root: Path) -> str:
    """The URL path the site expects to live under: absolute links in 404.html depend on it."""
    sitemap = root / "sitemap.xml"
    found = re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text()) if sitemap.exists() else []
    # Every page lives under the site's path, the home page at it: the shortest path is the prefix.
    path = min((urlparse(loc).path for loc in found), key=len, default="/")
    return path if path.endswith("/") else path + "/"


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under its prefix and answers a missing page with the site's 404 page."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix):]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output for failures


@dataclass(frozen=True)
class Server:
    site: BuiltSite
    base: str  # 'http://127.0.0.1:port/complaints/'

    def url(self, path: str) -> str:
        return self.base + path.lstrip("/")


@pytest.fixture(scope="session")
def server(built_site: BuiltSite) -> Iterator[Server]:
    handler = type("Handler", (SiteRequestHandler,), {"prefix": built_site.prefix})
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(built_site.root))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(built_site, f"http://127.0.0.1:{httpd.server_port}{built_site.prefix}")
    finally:
        httpd.shutdown()
        httpd.server_close()


# The pages of each kind -------------------------------------------------------------------------

def report_years(root: Path) -> list[str]:
    reports = root / "reports"
    years = [d.name for d in reports.iterdir() if (d / "index.html").exists()] if reports.is_dir() else []
    return sorted(years)


def first_page_under(root: Path, folder: str) -> str | None:
    pages = sorted(p.parent for p in (root / folder).glob("*/index.html")) if (root / folder).is_dir() else []
    return f"{pages[0].relative_to(root).as_posix()}/" if pages else None


def pages_of_kind(root: Path, kind: str) -> list[str]:
    """The site paths of one kind of page; an empty list when the build has none."""
    years = report_years(root)
    candidates: dict[str, list[str | None]] = {
        "home": [""],
        "report": [f"reports/{year}/" for year in years],
        "print": [f"reports/{year}/print/" for year in years[-1:]],  # one is enough for axe; PDFs test all
        "methodology": ["methodology/"],
        "downloads": ["downloads/"],
        "accessibility": ["accessibility/"],
        "tracker": ["tracker/"],
        "facet": [first_page_under(root, "tracker/themes")],
        "action": [first_page_under(root, "tracker/actions")],
        "changes": ["tracker/changes/"],
        "meetings": ["tracker/meetings/"],
        "pack": [first_page_under(root, "tracker/meetings")],
        "404": [NOT_FOUND_PATH],
        "officers": ["officers/"],
        "records-guide": [first_page_under(root, "records-guide")],
        "figures": ["figures/"],
    }
    found = [path for path in candidates[kind] if path is not None]
    if kind == "404":
        return found if (root / "404.html").exists() else []
    return [path for path in found if (root / path / "index.html").exists()]


PAGE_KINDS = (
    "home", "report", "print", "methodology", "downloads", "accessibility",
    "tracker", "facet", "action", "changes", "meetings", "pack", "404", "officers", "records-guide",
    "figures",
)


# The browser ------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    executable = find_chromium()
    if executable is None:
        missing("no Chromium found (looked for " + ", ".join(CHROMIUM_CANDIDATES) + ")")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright is not installed in this environment")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(params=VIEWS, ids=[view.id for view in VIEWS])
def view(request: pytest.FixtureRequest) -> View:
    return request.param


def on_the_site(url: str) -> bool:
    """A request the site may make: to the local server it is served from, or for data in the page."""
    parsed = urlparse(url)
    return parsed.scheme in ("data", "blob", "about") or parsed.hostname in ("127.0.0.1", "localhost")


@pytest.fixture
def outside_requests() -> list[str]:
    """Every request a test's pages made to another host (each one refused, never sent)."""
    return []


@pytest.fixture
def page(chromium, view: View, outside_requests: list[str]) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A fresh page in a fresh context, sized and coloured for the view.

    A request to any other host (fonts, scripts, images from elsewhere) is refused and noted: the
    reader's IP address must go to no one but the council. A test whose pages asked another host
    fails, whatever it was testing.
    """
    context = chromium.new_context(
        viewport={"width": view.width, "height": view.height},
        color_scheme="dark" if view.dark else "light",
        reduced_motion="reduce",
    )
    context.set_default_timeout(15_000)

    def refuse(route) -> None:  # type: ignore[no-untyped-def]
        outside_requests.append(route.request.url)
        route.abort("blockedbyclient")

    context.route(lambda url: not on_the_site(url), refuse)
    try:
        yield context.new_page()
    finally:
        context.close()
    assert not outside_requests, f"the pages asked another host for: {sorted(set(outside_requests))}"
