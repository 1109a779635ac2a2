"""A council's first site, as `candour init` then `candour build` make it with the installed
package before any record is added: every kind of page it has passes axe-core's WCAG A and AA
rules, on a desktop in the light scheme and on a phone in the dark, and so does the open search."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import (
    PAGE_KINDS,
    VIEWS,
    BuiltSite,
    Server,
    SiteRequestHandler,
    View,
    pages_of_kind,
    served_prefix,
)
from installed_package import Installed
from pagecheck import assert_kind_passes, axe_violations, describe, open_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# What a site with no records has (hand-written pages included); no report, printable report,
# downloads or action pages until there are records.
EXPECTED_KINDS = {"home", "methodology", "accessibility", "tracker", "facet", "changes", "meetings", "404"}


@pytest.fixture(scope="module")
def first_site(site_candour: Installed, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    repo = tmp_path_factory.mktemp("init-site") / "northshire"
    started = site_candour.run(
        "init",
        repo,
        "--council",
        "Northshire County Council",
        "--nation",
        "england",
        "--services",
        "both",
        "--site-url",
        "https://example.org/complaints/",
        "--year",
        "2024-25",
        "--yes",
        cwd=repo.parent,
    )
    assert started.returncode == 0, started.stdout + started.stderr
    built = site_candour.run("build", cwd=repo, extra_env={"CANDOUR_AS_OF": "2024-09-30"})
    assert built.returncode == 0, built.stdout + built.stderr
    return BuiltSite(repo / "site", served_prefix(repo / "site"))


@pytest.fixture(scope="module")
def first_server(first_site: BuiltSite) -> Iterator[Server]:
    handler = type("Handler", (SiteRequestHandler,), {"prefix": first_site.prefix})
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(first_site.root))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield Server(first_site, f"http://127.0.0.1:{httpd.server_port}{first_site.prefix}")
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_the_first_site_has_the_pages_of_a_site_without_records(first_site: BuiltSite) -> None:
    present = {kind for kind in PAGE_KINDS if pages_of_kind(first_site.root, kind)}
    assert present == EXPECTED_KINDS
    home = (first_site.root / "index.html").read_text(encoding="utf-8")
    assert "There are no records here yet" in home
    assert (first_site.root / "introduction/index.html").is_file()
    assert (first_site.root / "procedure/index.html").is_file()


@pytest.mark.parametrize("view", VIEWS, ids=[view.id for view in VIEWS])
@pytest.mark.parametrize("kind", sorted(EXPECTED_KINDS))
def test_every_page_of_the_first_site_has_no_violations(
    kind: str, first_server: Server, page, view: View
) -> None:
    assert_kind_passes(kind, first_server, page, view)


@pytest.mark.parametrize("view", VIEWS, ids=[view.id for view in VIEWS])
@pytest.mark.parametrize("path", ["introduction/", "procedure/"])
def test_the_starter_pages_have_no_violations(path: str, first_server: Server, page, view: View) -> None:
    open_page(page, first_server.url(path), view.dark)
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_the_built_site_names_no_other_host(first_site: BuiltSite) -> None:
    for html in Path(first_site.root).rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, html
