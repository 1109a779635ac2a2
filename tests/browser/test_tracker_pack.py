"""The tracker in Chromium: a committee pack printed to A4 PDF and read back (on the Welsh fixture
council, its records committed through 2021) on A4 landscape, the filters kept in the address, the filters and
table on a 375 px phone, the RAG column in view at 1280 px, and the printed tracker."""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DESKTOP_LIGHT, PHONE_DARK, Server, SiteRequestHandler, View, in_ci, served_prefix
from pagecheck import open_page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' own helpers
from git_records import AS_OF, git_available, letters_council

pytestmark = pytest.mark.browser

MKDOCS = """site_name: Bryn Example
docs_dir: docs
theme:
  name: material
  font: false  # no request to another host
plugins:
  - search
  - candour:
      as_of: {as_of}
"""
ROWS = "table[data-tracker] tbody tr"
VISIBLE_IDS = f"""() => [...document.querySelectorAll('{ROWS}')]
  .filter((row) => !row.hidden).map((row) => row.querySelector('td').textContent.trim())"""


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        if in_ci():
            pytest.fail(f"{name} ({package}) is missing; CI must install it", pytrace=False)
        pytest.skip(f"{name} not found; install {package} to run the print tests")
    return found


@pytest.fixture(scope="module")
def council_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The fixture council's site, built with `mkdocs build --strict` as at 1 October 2021, served."""
    if not git_available():
        pytest.skip("git is not installed")
    repo = letters_council(tmp_path_factory.mktemp("council"))
    (repo.root / "docs").mkdir()
    (repo.root / "mkdocs.yml").write_text(MKDOCS.format(as_of=AS_OF.isoformat()), encoding="utf-8")
    root = tmp_path_factory.mktemp("council-site")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(root)]
    build = subprocess.run(command, cwd=repo.root, capture_output=True, text=True, check=False)
    assert build.returncode == 0, build.stdout + build.stderr
    handler = type("Handler", (SiteRequestHandler,), {"prefix": served_prefix(root)})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        from conftest import BuiltSite

        yield Server(BuiltSite(root, handler.prefix), f"http://127.0.0.1:{httpd.server_port}{handler.prefix}")
    finally:
        httpd.shutdown()
        httpd.server_close()


def _printed(page, pdf: Path) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=False)
    text = subprocess.run([_tool("pdftotext", "poppler-utils"), "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    info = subprocess.run([_tool("pdfinfo", "poppler-utils"), str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return " ".join(text.split()), info


@pytest.mark.parametrize("view", [DESKTOP_LIGHT], ids=["desktop-light"])
def test_the_committee_pack_prints_on_a4_with_counts_overdue_first_changes_and_completed(
    council_site: Server, page, view: View, tmp_path: Path,
) -> None:
    open_page(page, council_site.url("tracker/meetings/2021-09-08/"), view.dark)
    text, info = _printed(page, tmp_path / "pack.pdf")
    # A4 landscape, as the tracker prints (tracker.css): the table of actions fits across at 9 pt
    assert "pts (A4)" in info and "841.92 x 594.96" in info, info
    assert "Committee pack: Social Services Scrutiny Committee, 8 September 2021" in text
    assert "as at 8 September 2021" in text
    # Counts as at 8 September 2021, by hand: the leaflet (now ACT-2021-01) and the phone calls
    # (ACT-2021-02) both due 30 June 2021 and not started; the letters complete on 30 July.
    assert "Red (overdue) 2" in text and "Amber 0" in text and "Green 1" in text
    assert "Not started 2" in text and "In progress 0" in text and "Complete 1" in text
    table = text.split("Every action, overdue first", 1)[1].split("Since the last meeting", 1)[0]
    complete = table.index("ACT-2020-01")
    assert table.index("ACT-2021-01") < complete and table.index("ACT-2021-02") < complete, "overdue first"
    assert "\u25b2 Red" in table and "\u25cf Green" in table  # the mark and the word print
    changed = text.split("Since the last meeting", 1)[1]
    assert "the day after the meeting of 9 June 2021" in changed
    assert "Status changed from In progress to Complete, on 30 July 2021." in changed
    assert "department changed from Social Services to Commissioning Team" in changed
    assert "Reference changed from ACT-2020-02 to ACT-2021-01." in changed
    assert "Added to the action plan (raised 16 August 2021)." in changed
    completed = changed.split("Completed in this period", 1)[1].split("What changed", 1)[0]
    assert "ACT-2020-01" in completed and "completed 30 July 2021" in completed
    assert "timescale revised" not in changed  # April's revision belongs to the June pack


@pytest.mark.parametrize("view", [DESKTOP_LIGHT], ids=["desktop-light"])
def test_a_past_pack_is_the_tracker_as_it_stood_then(council_site: Server, page, view: View) -> None:
    open_page(page, council_site.url("tracker/meetings/2021-03-10/"), view.dark)
    text = " ".join(page.locator("article").inner_text().split())
    assert "ACT-2021-02" not in text and "ACT-2021-01" not in text  # raised or moved later
    assert "ACT-2020-02" in text and "In progress" in text


@pytest.mark.parametrize("view", [DESKTOP_LIGHT], ids=["desktop-light"])
def test_filters_and_order_are_kept_in_the_address(council_site: Server, page, view: View) -> None:
    open_page(page, council_site.url("tracker/"), view.dark)
    page.get_by_label("RAG", exact=True).select_option("red")
    page.get_by_label("Sort by", exact=True).select_option("action-descending")
    assert "rag=red" in page.url and "sort=action-descending" in page.url
    shared = page.url
    assert page.evaluate(VISIBLE_IDS) == ["ACT-2021-02", "ACT-2021-01"]
    page.goto("about:blank")
    open_page(page, shared, view.dark)  # the address opened by a colleague
    assert page.evaluate(VISIBLE_IDS) == ["ACT-2021-02", "ACT-2021-01"]
    assert page.get_by_label("RAG", exact=True).input_value() == "red"
    open_page(page, council_site.url("tracker/?rag=purple&sort=nonsense"), view.dark)  # ignored
    assert sorted(page.evaluate(VISIBLE_IDS)) == ["ACT-2020-01", "ACT-2021-01", "ACT-2021-02"]


OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const form = document.querySelector('.candour-tracker-filters').getBoundingClientRect();
  const right = (selector) => [...document.querySelectorAll(selector)]
    .map((c) => c.getBoundingClientRect().right);
  const controls = right('.candour-tracker-filters :is(select, input, button)');
  const cells = right('table[data-tracker] td');
  return {width, form: form.right, controls: Math.max(...controls), cells: Math.max(...cells),
          page: document.documentElement.scrollWidth};
}"""


@pytest.mark.parametrize("view", [PHONE_DARK], ids=["phone-dark"])
def test_on_a_phone_the_filters_and_every_cell_fit_the_screen(server: Server, page, view: View) -> None:
    open_page(page, server.url("tracker/"), view.dark)
    found = page.evaluate(OVERFLOW)
    assert found["width"] <= 375
    assert found["form"] <= found["width"] and found["controls"] <= found["width"], found
    assert found["cells"] <= found["width"] and found["page"] <= found["width"], found
    page.get_by_label("RAG", exact=True).select_option("red")  # and they work there
    assert "rag=red" in page.url


RAG_IN_VIEW = """() => {
  const cells = [...document.querySelectorAll('table[data-tracker] tbody td:nth-child(2)')];
  return cells.every((cell) => {
    const box = cell.getBoundingClientRect();
    let scroller = cell.parentElement;
    while (scroller && scroller !== document.body && getComputedStyle(scroller).overflowX === 'visible') {
      scroller = scroller.parentElement;
    }
    const edge = scroller && scroller !== document.body ? scroller.getBoundingClientRect().right : innerWidth;
    return box.width > 0 && box.right <= Math.min(edge, innerWidth) + 1;
  });
}"""


@pytest.mark.parametrize("view", [DESKTOP_LIGHT], ids=["desktop-light"])
def test_the_rag_column_is_not_clipped_at_1280_px(server: Server, page, view: View) -> None:
    open_page(page, server.url("tracker/"), view.dark)
    assert page.evaluate(RAG_IN_VIEW)


@pytest.mark.parametrize("view", [DESKTOP_LIGHT], ids=["desktop-light"])
def test_the_printed_tracker_keeps_its_rag_column_and_drops_the_filter_form(
    server: Server, page, view: View, tmp_path: Path,
) -> None:
    open_page(page, server.url("tracker/"), view.dark)
    rags = page.evaluate(f"() => [...document.querySelectorAll('{ROWS}')].map((row) => row.dataset.rag)")
    text, info = _printed(page, tmp_path / "tracker.pdf")
    assert "pts (A4)" in info, info
    marks = {"red": "\u25b2 Red", "amber": "\u25c6 Amber", "green": "\u25cf Green"}
    for rag in set(rags):
        assert text.count(marks[rag]) >= rags.count(rag), rag
    assert "Show every action" not in text and "Sort by" not in text
