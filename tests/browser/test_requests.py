"""No page asks any other host for anything: every kind of page, with its lazy images loaded, in
print, and with search open, makes requests to the site alone (issue 16 point 4).

The `page` fixture refuses and records every request to another host, so every browser test (axe
at both widths among them) fails on one; this test also loads what those leave unloaded.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DESKTOP_LIGHT, PAGE_KINDS, Server, View, pages_of_kind
from pagecheck import open_page

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures"
ANSWERED = "() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)"
EAGER = """async () => {
  document.querySelectorAll('img').forEach((img) => { img.loading = 'eager'; });
  window.scrollTo(0, document.body.scrollHeight);
  await Promise.all([...document.images].map((img) => img.decode().catch(() => null)));
}"""


def visit(page, url: str, dark: bool) -> None:  # type: ignore[no-untyped-def]
    open_page(page, url, dark)
    page.evaluate(EAGER)
    page.emulate_media(media="print")  # a print stylesheet may ask for more
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="null")


@pytest.mark.parametrize("view", [DESKTOP_LIGHT], ids=["desktop-light"])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_page_asks_another_host(kind: str, server: Server, page, view: View,
                                   outside_requests: list[str]) -> None:
    paths = pages_of_kind(server.site.root, kind)
    assert paths, f"the built site has no {kind} page"
    for path in paths:
        visit(page, server.url(path), view.dark)
    if kind == "home":  # and the search, with its index and workers
        page.keyboard.press("/")
        page.locator("input.md-search__input").press_sequentially("upheld", delay=20)
        page.wait_for_function(ANSWERED)
    assert not outside_requests, f"{kind} pages asked another host for: {sorted(set(outside_requests))}"


@pytest.mark.parametrize("view", [DESKTOP_LIGHT], ids=["desktop-light"])
def test_a_request_to_another_host_is_caught(server: Server, page, view: View,
                                             outside_requests: list[str]) -> None:
    """The check can fail: a page with an image from another host, served like a site page."""
    broken = server.site.root / "__elsewhere__"
    broken.mkdir(exist_ok=True)
    shutil.copy(FIXTURES / "image-from-elsewhere.html", broken / "index.html")
    try:
        page.goto(server.url("__elsewhere__/"), wait_until="load")
    finally:
        shutil.rmtree(broken)
    assert outside_requests == ["https://images.example.com/logo.png"]
    outside_requests.clear()  # caught as it should be: not a failure of this test
