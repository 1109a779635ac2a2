"""The tracker's pages: facets list exactly the matching actions, the overview puts overdue first,
the change page lists exactly what changed, and text from records reaches the reader inert."""

from __future__ import annotations

import re
from datetime import date
from types import SimpleNamespace
from typing import Any

import markdown
import pytest
from page_html import page_html, skeleton

from generator.githistory import NO_HISTORY
from generator.model import Action, Records, action_from, organisation_from
from generator.pages.tracker import tracker_files
from generator.sitefiles import SiteFile
from generator.tracker.chart import themes_by_rag_svg

AS_OF = date(2020, 12, 1)
SINCE = date(2020, 9, 2)
HOSTILE = "Charges <script>alert(1)</script> {{ config }} *not bold* [link](http://x) | a pipe"

ORGANISATION = organisation_from({
    "name": "Westmere Borough Council", "jurisdiction": "england",
    "site": {"repository": "https://github.com/example/candour-records", "branch": "main"},
    "taxonomies": {
        "departments": [
            {"id": "care-management", "name": "Care Management"},
            {"id": "brokerage", "name": "Brokerage Team"},
            {"id": "joint-commissioning", "name": "Joint Commissioning Unit"},
            {"id": "ict", "name": "ICT"},  # owns nothing: its page says so
        ],
        "action_themes": [
            {"id": "financial", "name": "Financial"},
            {"id": "complaints-handling", "name": "Complaints handling"},
            {"id": "communication", "name": "Communication"},
        ],
        "plans": [
            {"id": "learning-2018-19", "name": "Complaints action plan 2018/19", "kind": "learning"},
            {"id": "improvement-2020-21", "name": "Improvement plan 2020/21", "kind": "improvement"},
        ],
        "subjects": [
            {"id": "cost", "name": "Cost", "subjects": [{"id": "cost-issues", "name": "Cost issues"}]},
        ],
    },
})


def _action(action_id: str, theme: str, departments: list[str], timescale: str, status: str = "in-progress",
            plan: str = "learning-2018-19", **more: Any) -> Action:
    values = {
        "id": action_id, "plan": plan, "theme": theme, "raised": "2019-01-15",
        "issue": f"Issue of {action_id}.", "status": status,
        "actions": [{"action": "Do it.", "departments": departments, "timescale": timescale}], **more,
    }
    return action_from(values, f"records/actions/2018-19/{action_id}.yaml")


ACTIONS = (
    _action("ACT-2018-01", "financial", ["care-management", "brokerage"], "2020-03",
            issue=HOSTILE, raised_by={"cases": ["C-2019-0007"], "themes": ["cost-issues"]},
            reviews=[{"date": "2019-10-01", "note": "Out for consultation."},
                     {"date": "2020-05-01", "note": "Delayed by the pandemic."}]),
    _action("ACT-2018-02", "financial", ["brokerage"], "2021-06"),
    _action("ACT-2018-03", "complaints-handling", ["joint-commissioning"], "ongoing", status="ongoing",
            reviews=[{"date": "2020-10-01", "note": "Quarterly report made."}]),
    _action("ACT-2018-04", "complaints-handling", ["care-management"], "2020-09-30", status="complete",
            completed="2020-10-15"),
    _action("ACT-2020-01", "complaints-handling", ["joint-commissioning", "care-management"], "2020-11",
            plan="improvement-2020-21"),
)
RECORDS = Records(organisation=ORGANISATION, actions=ACTIONS)

# Built away from git: every page is told by the records' own dates (see test_tracker_history.py
# for the tracker from git).
_history = NO_HISTORY


@pytest.fixture(scope="module")
def pages() -> dict[str, str | bytes]:
    files = tracker_files(RECORDS, as_of=AS_OF, changed_since=SINCE, record_history=_history)
    return {file.path: file.content for file in files}


def _linked_actions(text: str) -> list[str]:
    """The actions a page links to, in the order they appear (in Markdown or in an HTML block)."""
    return re.findall(r"(?:\]\(|href=\")(?:\.\./)?actions/(ACT-\d{4}-\d+)\.md[)\"]", text)


def test_every_page_of_the_contract_is_made(pages: dict[str, str | bytes]) -> None:
    expected = {"tracker/index.md", "tracker/changes.md", "tracker/tracker.js"}
    expected |= {f"tracker/themes/{t.id}.md" for t in ORGANISATION.action_themes}
    expected |= {f"tracker/departments/{d.id}.md" for d in ORGANISATION.departments}
    expected |= {f"tracker/plans/{p.id}.md" for p in ORGANISATION.plans}
    expected |= {f"tracker/status/{s}.md" for s in ("not-started", "in-progress", "ongoing", "complete")}
    expected |= {f"tracker/actions/{a.id}.md" for a in ACTIONS}
    assert expected <= set(pages)


@pytest.mark.parametrize("department", ["care-management", "brokerage", "joint-commissioning", "ict"])
def test_a_department_page_lists_exactly_the_actions_it_owns_a_step_of(
    pages: dict[str, str | bytes], department: str,
) -> None:
    owned = {a.id for a in ACTIONS if any(department in step.departments for step in a.steps)}
    listed = _linked_actions(str(pages[f"tracker/departments/{department}.md"]))
    assert sorted(listed) == sorted(owned)


@pytest.mark.parametrize("kind, field", [("themes", "theme"), ("plans", "plan"), ("status", "status")])
def test_theme_plan_and_status_pages_list_exactly_their_actions(
    pages: dict[str, str | bytes], kind: str, field: str,
) -> None:
    for path, text in pages.items():
        if path.startswith(f"tracker/{kind}/"):
            term_id = path.rsplit("/", 1)[1].removesuffix(".md")
            expected = {a.id for a in ACTIONS if getattr(a, field) == term_id}
            assert sorted(_linked_actions(str(text))) == sorted(expected), path


def test_the_overview_lists_every_action_once_overdue_first(pages: dict[str, str | bytes]) -> None:
    overview = str(pages["tracker/index.md"])
    table = overview.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    order = _linked_actions(table)
    # Overdue as of 1 December 2020: ACT-2018-01 (March 2020) and ACT-2020-01 (November 2020).
    assert order[:2] == ["ACT-2018-01", "ACT-2020-01"]
    assert sorted(order) == sorted(a.id for a in ACTIONS)
    assert order[-1] == "ACT-2018-04"  # complete, last
    assert "1 December 2020" in overview
    assert 'data-rag="red"' in table and 'data-tracker' in overview


def test_the_overview_counts_add_up(pages: dict[str, str | bytes]) -> None:
    overview = str(pages["tracker/index.md"])
    assert "5 actions: 2 red (overdue), 0 amber, 3 green" in overview
    row = r"\[Complaints handling\]\(themes/complaints-handling\.md\) \| 1 \| 0 \| 2 \| 3 \|"
    assert re.search(row, overview)
    assert "| **Total** | **5** |" in overview


def test_the_change_page_lists_exactly_the_actions_changed_in_the_window(
    pages: dict[str, str | bytes],
) -> None:
    changes = str(pages["tracker/changes.md"])
    changed = changes.split("## What changed", 1)[1]
    # From 3 September to 1 December 2020 the records' own dates give ACT-2018-04's completion
    # (15 October) and ACT-2018-03's review (1 October); ACT-2018-01's reviews are older.
    assert re.findall(r"^### (ACT-\d{4}-\d+)", changed.replace("\\-", "-"), re.MULTILINE) == [
        "ACT-2018-04", "ACT-2018-03",
    ]
    assert "Quarterly report made" in changed and "Delayed by the pandemic" not in changed
    newly = changes.split("## Completed in this period", 1)[1].split("## What changed", 1)[0]
    assert _linked_actions(newly) == ["ACT-2018-04"]


def test_an_action_page_shows_status_reason_reviews_and_history(pages: dict[str, str | bytes]) -> None:
    page = str(pages["tracker/actions/ACT-2018-01.md"])
    assert "Last changed **1 May 2020**" in page.split("## ", 1)[0]
    assert "Red: due 31 March 2020, not complete as of 1 December 2020" in page.replace("\\.", ".")
    reviews = page.split("## Review notes", 1)[1].split("## ", 1)[0]
    assert reviews.index("1 May 2020") < reviews.index("1 October 2019")
    history = page.split("## History", 1)[1]
    dates = re.findall(r"<tr>\n<td>([^<]+)</td>", history)
    assert dates == [f"{day} (from the record's own dates)" for day in
                     ("1 May 2020", "1 October 2019", "15 January 2019")]
    assert ("https://github.com/example/candour-records/edit/main/records/actions/2018-19/ACT-2018-01.yaml"
            in page)
    raised = page.split("## What raised it", 1)[1].split("## ", 1)[0]
    assert "C-2019-0007." in raised and "Cost issues." in raised  # in an HTML block: escaped for HTML
    assert "C-2019-0007" not in skeleton(raised)


def test_only_the_editors_edit_link_without_a_repository() -> None:
    bare = organisation_from({"name": "Council", "jurisdiction": "england",
                              "taxonomies": {"action_themes": [{"id": "financial", "name": "Financial"}]}})
    files = tracker_files(Records(organisation=bare, actions=ACTIONS[:1]), as_of=AS_OF, changed_since=SINCE,
                          record_history=NO_HISTORY)
    page = next(f.content for f in files if f.path == "tracker/actions/ACT-2018-01.md")
    # The records editor needs no repository on the page (make edit runs it locally): no GitHub link.
    assert "(../../admin/index.html#/collections/actions-2018-19/entries/ACT-2018-01)" in str(page)
    assert "github" not in str(page).lower()


def test_text_from_records_reaches_the_reader_inert(pages: dict[str, str | bytes]) -> None:
    for path in ("tracker/index.md", "tracker/actions/ACT-2018-01.md", "tracker/themes/financial.md"):
        text = str(pages[path])
        assert "<script>" not in text and "{{" not in skeleton(text), path
        html = page_html(text)
        assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ config }} *not bold*" in html, path
        assert "<script>alert" not in html and "<em>not bold</em>" not in html, path
        assert 'href="http://x"' not in html, path
        assert "*not bold* [link](http://x) | a pipe" in html, path


def test_the_overview_table_is_html_with_links_after_markdown(pages: dict[str, str | bytes]) -> None:
    html = markdown.markdown(str(pages["tracker/index.md"]).split("---\n", 2)[2],
                             extensions=["md_in_html", "tables", "attr_list"])
    assert '<a href="actions/ACT-2018-01.md">ACT-2018-01</a>' in html
    assert '<th data-key="action" data-sort="text" scope="col">Action</th>' in html
    assert 'data-departments="care-management brokerage"' in html


def test_the_chart_is_the_same_bytes_every_time_and_undated() -> None:
    def chart() -> str | bytes:
        files = tracker_files(RECORDS, as_of=AS_OF, changed_since=SINCE, record_history=_history)
        return next(f.content for f in files if f.path == "tracker/actions-by-theme.svg")

    first = chart()
    assert first == chart()
    assert "<dc:date>" not in str(first) and str(first).lstrip().startswith("<?xml")


def chart_of(count: int) -> str:
    """The tracker's chart for `count` themes with long names, each with a few actions."""
    themes = [SimpleNamespace(name=f"Theme {number}: a long name that wraps onto a second line of the chart",
                              actions=(None,) * 4, rag_counts={"red": 1, "amber": 2, "green": 1})
              for number in range(1, count + 1)]
    return themes_by_rag_svg(themes)  # type: ignore[arg-type]


def test_the_chart_keeps_its_width_and_its_12_point_text_however_many_themes() -> None:
    """Drawn for a phone: 4.6 inches (331.2 pt) wide, every word at 12 pt, each theme named;
    thirty themes make it taller, not its text smaller."""
    few, many = chart_of(3), chart_of(30)
    for svg in (few, many):
        assert re.search(r'<svg [^>]*width="331.2pt"', svg)
        sizes = re.findall(r"font-size: ?([\d.]+)px", svg) + re.findall(r"font: ?([\d.]+)px", svg)
        assert sizes and {float(size) for size in sizes} == {12.0}, sorted(set(sizes))
    assert "Theme 30: a long name that wraps onto a" in many
    heights = [float(re.search(r'<svg [^>]*height="([\d.]+)pt"', svg)[1]) for svg in (few, many)]
    assert heights[1] > 6 * heights[0]


def test_the_script_is_delivered_and_loaded_by_the_overview(pages: dict[str, str | bytes]) -> None:
    script = str(pages["tracker/tracker.js"])
    assert "aria-live" in script and "table[data-tracker]" in script
    assert '<script src="tracker.js" defer></script>' in str(pages["tracker/index.md"])


def test_files_are_site_files_with_forward_slashes() -> None:
    files = tracker_files(RECORDS, as_of=AS_OF, changed_since=SINCE, record_history=_history)
    assert all(isinstance(f, SiteFile) and "\\" not in f.path for f in files)
    assert len({f.path for f in files}) == len(files)
