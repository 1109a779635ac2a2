"""Screenshots of the home page and a year's report, at desktop width (light) and phone width
(dark), saved for a reviewer in test-artifacts/screenshots/; and no page wider than the phone."""

from __future__ import annotations

import pytest
from conftest import ARTIFACTS, Server, View, pages_of_kind
from pagecheck import open_page

pytestmark = pytest.mark.browser

SCREENSHOTS = ARTIFACTS / "screenshots"

# 1.4.10 Reflow: at 375 px nothing but a table's own scroll box may scroll sideways.
PAGE_WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"


@pytest.mark.parametrize("kind", ["home", "report"])
def test_screenshot_and_no_sideways_scrolling(kind: str, server: Server, page, view: View) -> None:
    paths = pages_of_kind(server.site.root, kind)
    assert paths, f"the built site has no {kind} page"
    open_page(page, server.url(paths[-1]), view.dark)
    page.evaluate("() => document.querySelectorAll('img').forEach((img) => { img.loading = 'eager'; })")
    page.wait_for_load_state("networkidle")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"{kind}-{view.id}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000, f"the screenshot {shot} is blank"
    content_width, window_width = page.evaluate(PAGE_WIDTH)
    assert content_width <= window_width, (
        f"/{paths[-1]} is {content_width} px wide in a {window_width} px window ({view.id}): "
        "the reader must scroll sideways"
    )
