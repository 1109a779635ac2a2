"""The Welsh fixture council's two sites, English and Welsh (under cy/), pass axe-core's WCAG 2.2
A and AA rules on every kind of page, at desktop width in the light scheme."""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DESKTOP_LIGHT, PAGE_KINDS, BuiltSite, Server, SiteRequestHandler, View, pages_of_kind
from pagecheck import axe_violations, describe, open_page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the build helpers of tests/
from test_build import copy_repository, mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("view", [DESKTOP_LIGHT], ids=["desktop-light"])]

# Kinds of page the fixture council may not have (no meetings, no records guide of its own).
OPTIONAL_KINDS = {"meetings", "pack", "facet", "action", "changes", "tracker", "figures", "records-guide"}
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wales-social-services" / "records"


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The Welsh fixture council's site (which publishes in English and Welsh), built and served."""
    root = copy_repository(tmp_path_factory.mktemp("bilingual"))
    shutil.rmtree(root / "records")
    shutil.copytree(FIXTURE, root / "records")
    shutil.rmtree(root / "docs" / "commentary")
    (root / "docs" / "records-guide" / "examples.md").unlink()
    built = mkdocs_build(root)
    assert built.returncode == 0, built.stderr
    site = root / "site"
    handler = type("Handler", (SiteRequestHandler,), {"prefix": "/"})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(BuiltSite(site, "/"), f"http://127.0.0.1:{httpd.server_port}/")
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("kind", [kind for kind in PAGE_KINDS if kind != "404"])
def test_every_kind_of_page_in_each_language_has_no_violations(
    kind: str, language: str, bilingual: Server, page, view: View,
) -> None:
    folder = "" if language == "en" else "cy/"
    paths = pages_of_kind(bilingual.site.root / folder if folder else bilingual.site.root, kind)
    if not paths and kind in OPTIONAL_KINDS:
        pytest.skip(f"the fixture council has no {kind} page")
    assert paths, f"the {language} site has no {kind} page to check"
    failures = []
    for path in paths:
        open_page(page, bilingual.url(folder + path), view.dark)
        assert page.locator("html").get_attribute("lang") == language
        violations = axe_violations(page)
        if violations:
            failures.append(f"/{folder}{path}:\n{describe(violations)}")
    assert not failures, "axe-core found accessibility violations:\n" + "\n".join(failures)


def test_the_404_page_of_each_language_has_no_violations(bilingual: Server, page, view: View) -> None:
    open_page(page, bilingual.url("this-page-does-not-exist/"), view.dark)
    assert not (violations := axe_violations(page)), describe(violations)
