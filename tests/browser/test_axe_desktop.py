"""Every kind of page passes axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules at desktop width in
the light scheme; and the checker can fail. (The phone view is in its own file so that the two
views run on different test workers.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DESKTOP_LIGHT, PAGE_KINDS, Server, View
from pagecheck import assert_kind_passes, assert_open_search_passes, axe_violations, describe, open_page

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("view", [DESKTOP_LIGHT], ids=["desktop-light"])]

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_kind_of_page_has_no_violations(kind: str, server: Server, page, view: View) -> None:
    assert_kind_passes(kind, server, page, view)


def test_open_search_dialog_has_no_violations(server: Server, page, view: View) -> None:
    assert_open_search_passes(server, page, view)


def test_checker_reports_an_image_without_alt_text(server: Server, page, view: View) -> None:
    """The checker can fail: a page with an unlabelled image, served like a site page, is caught."""
    broken = server.site.root / "__broken__"
    broken.mkdir(exist_ok=True)
    shutil.copy(FIXTURES / "image-without-alt.html", broken / "index.html")
    try:
        open_page(page, server.url("__broken__/"), view.dark)
        violations = axe_violations(page)
    finally:
        shutil.rmtree(broken)
    assert "image-alt" in {violation["id"] for violation in violations}, describe(violations)
