"""The public menu and search show what the public reads: the officers' pages (the record model by
example, the figure names for writers) are reached from the officers' page alone (issue 16 point 6)."""

from __future__ import annotations

import json
import re

import pytest
from conftest import DESKTOP_LIGHT, BuiltSite, Server, View
from pagecheck import open_page

pytestmark = pytest.mark.browser

OFFICER_PAGES = ("officers/", "records-guide/examples/", "figures/")
MENU_LINKS = """() => [...document.querySelectorAll('nav.md-nav--primary a.md-nav__link')]
  .map((link) => new URL(link.href).pathname)"""
RESULTS = """() => [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]
  .map((link) => new URL(link.href).pathname)"""


def searched_pages(site: BuiltSite) -> set[str]:
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {entry["location"].split("#")[0] for entry in index["docs"]}


def test_officers_pages_are_not_in_the_search_index(built_site: BuiltSite) -> None:
    searched = searched_pages(built_site)
    assert "reports/2019-20/" in searched, "the search index lacks the reports"
    assert not searched & set(OFFICER_PAGES), sorted(searched & set(OFFICER_PAGES))


def test_the_officers_page_links_each_officers_page(built_site: BuiltSite) -> None:
    html = (built_site.root / "officers" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    links = set(re.findall(r'href="\.\./([^"#]+)"', article))
    assert {"records-guide/examples/", "figures/"} <= links, links


@pytest.mark.parametrize("view", [DESKTOP_LIGHT], ids=["desktop-light"])
def test_the_menu_and_search_show_public_pages(server: Server, page, view: View) -> None:
    open_page(page, server.url(""), view.dark)
    menu = page.evaluate(MENU_LINKS)
    prefix = server.site.prefix
    assert prefix + "officers/" in menu, "the menu has no way to the officers' page"
    for officers_page in OFFICER_PAGES[1:]:
        assert prefix + officers_page not in menu, f"/{officers_page} is in the public menu"

    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("upheld", delay=20)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    found = page.evaluate(RESULTS)
    public = [path.removeprefix(prefix) for path in found]
    assert any(path.startswith("reports/") for path in public), f"'upheld' finds no report: {public}"
    assert not [path for path in found if path.removeprefix(prefix) in OFFICER_PAGES], found
