"""Every kind of page passes axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules in both views."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import PAGE_KINDS, Server, pages_of_kind
from pagecheck import axe_violations, describe, open_page

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_kind_of_page_has_no_violations(kind: str, server: Server, page, view) -> None:
    paths = pages_of_kind(server.site.root, kind)
    assert paths, f"the built site has no {kind} page to check"
    failures = []
    for path in paths:
        open_page(page, server.url(path), view.dark)
        violations = axe_violations(page)
        if violations:
            failures.append(f"/{path} ({view.id}):\n{describe(violations)}")
    assert not failures, "axe-core found accessibility violations:\n" + "\n".join(failures)


def test_open_search_dialog_has_no_violations(server: Server, page, view) -> None:
    """The search dialog, open with results showing, is part of every page."""
    open_page(page, server.url(""), view.dark)
    page.keyboard.press("/")  # Material's shortcut to open search
    query = page.locator("input.md-search__input")
    query.wait_for(state="visible")
    query.press_sequentially("complaint", delay=30)
    # The count replaces "Type to start searching" once the search index has answered.
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    dialog = page.locator('[data-md-component="search"]')
    assert dialog.get_attribute("role") == "dialog"
    assert (dialog.get_attribute("aria-label") or "").strip(), "the search dialog has no accessible name"
    violations = axe_violations(page)
    assert not violations, "axe-core found violations with search open:\n" + describe(violations)


def test_checker_reports_an_image_without_alt_text(server: Server, page, view) -> None:
    """The checker can fail: a page with an unlabelled image, served like a site page, is caught."""
    broken = server.site.root / "__broken__"
    broken.mkdir(exist_ok=True)
    shutil.copy(FIXTURES / "image-without-alt.html", broken / "index.html")
    try:
        open_page(page, server.url("__broken__/"), dark=False)
        violations = axe_violations(page)
    finally:
        shutil.rmtree(broken)
    assert "image-alt" in {violation["id"] for violation in violations}, describe(violations)
