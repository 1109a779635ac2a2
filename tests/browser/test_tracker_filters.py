"""The tracker overview's filters show exactly the matching actions and say how many."""

from __future__ import annotations

import pytest
from conftest import DESKTOP_LIGHT, Server, View, pages_of_kind
from pagecheck import open_page

pytestmark = pytest.mark.browser

ROWS = "table[data-tracker] tbody tr"
VISIBLE_IDS = f"""() => [...document.querySelectorAll('{ROWS}')]
  .filter((row) => !row.hidden).map((row) => row.querySelector('td').textContent.trim())"""
IDS_WHERE = f"""([name, value]) => [...document.querySelectorAll('{ROWS}')]
  .filter((row) => (row.dataset[name] || '').split(' ').includes(value))
  .map((row) => row.querySelector('td').textContent.trim())"""
COUNT = "() => document.querySelector('.candour-tracker-count').textContent"


@pytest.mark.parametrize("view", [DESKTOP_LIGHT], ids=["desktop-light"])
def test_rag_and_department_filters_show_exactly_the_matching_actions(server: Server, page, view: View):
    open_page(page, server.url(pages_of_kind(server.site.root, "tracker")[0]), view.dark)
    every = page.evaluate(VISIBLE_IDS)
    assert page.evaluate(COUNT) == f"Showing {len(every)} of {len(every)} actions."

    red = page.evaluate(IDS_WHERE, ["rag", "red"])
    assert red, "the demo has overdue actions to filter"
    page.get_by_label("RAG", exact=True).select_option("red")
    page.wait_for_function(f"() => ({COUNT})() === 'Showing {len(red)} of {len(every)} actions.'")
    assert page.evaluate(VISIBLE_IDS) == red

    department = page.evaluate(f"() => document.querySelector('{ROWS}[data-rag=red]').dataset.departments")
    first = department.split(" ")[0]
    page.get_by_label("Department", exact=True).select_option(first)
    both = [action for action in red if action in page.evaluate(IDS_WHERE, ["departments", first])]
    page.wait_for_function(f"() => ({COUNT})() === 'Showing {len(both)} of {len(every)} actions.'")
    assert page.evaluate(VISIBLE_IDS) == both


@pytest.mark.parametrize("view", [DESKTOP_LIGHT], ids=["desktop-light"])
def test_sorting_by_id_orders_the_rows_both_ways(server: Server, page, view: View):
    open_page(page, server.url(pages_of_kind(server.site.root, "tracker")[0]), view.dark)
    heading = page.locator("table[data-tracker] th").first
    heading.get_by_role("button").click()
    assert heading.get_attribute("aria-sort") == "ascending"
    ascending = page.evaluate(VISIBLE_IDS)
    assert ascending == sorted(ascending)
    heading.get_by_role("button").click()
    assert heading.get_attribute("aria-sort") == "descending"
    assert page.evaluate(VISIBLE_IDS) == sorted(ascending, reverse=True)
